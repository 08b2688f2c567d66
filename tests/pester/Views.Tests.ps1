# The default views of YtOAuth.format.ps1xml: every column is named after a property of its type, so what a table
# shows is what Sort-Object, Where-Object and Select-Object take.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'views' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Default views' {
    It 'label every column with a property of the type they show' {
        $views = @(Get-FormatData -TypeName 'YtOAuth.Output.*' -PowerShellVersion $PSVersionTable.PSVersion |
            ForEach-Object { $data = $_; $data.FormatViewDefinition | ForEach-Object { [pscustomobject]@{ Type = $data.TypeNames[0]; View = $_ } } })
        $views.Count | Should -BeGreaterOrEqual 6
        $wrong = foreach ($entry in $views) {
            $properties = ($entry.Type -as [type]).GetProperties().Name
            $control = $entry.View.Control
            $columns = @($control.Rows[0].Columns)
            for ($i = 0; $i -lt $control.Headers.Count; $i++) {
                # A column without a label is titled by its property; a script column must carry one.
                $label = if ($control.Headers[$i].Label) { $control.Headers[$i].Label } else { $columns[$i].DisplayEntry.Value }
                if ($label -notin $properties) { "$($entry.Type): '$label'" }
            }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'sort and filter on what the playlist table shows' {
        $table = Get-YouTubePlaylist -Profile 'views' | Out-String -Width 120
        $table | Should -Match 'ItemCount'
        $sorted = Get-YouTubePlaylist -Profile 'views' | Sort-Object ItemCount -Descending
        $sorted[0].ItemCount | Should -Be ($sorted.ItemCount | Measure-Object -Maximum).Maximum
    }

    It 'filter playlist items on the VideoPublished and VideoOwner columns the table shows' {
        $items = Get-YouTubePlaylist -Profile 'views' -First 2 | Get-YouTubePlaylistItem -Profile 'views'
        ($items | Out-String -Width 140) | Should -Match 'Position\s+Title\s+VideoId\s+VideoPublished\s+VideoOwner'
        $published = @($items | Where-Object VideoPublished -GT ([datetime]'2000-01-01'))
        $published.Count | Should -BeGreaterThan 0
        $published.Count | Should -Be @($items | Where-Object { $_.VideoPublished }).Count
    }

    It 'show where a context is kept in a Store column that Where-Object takes' {
        (Get-YouTubeContext -Profile 'views' | Out-String -Width 80) | Should -Match 'Store'
        @(Get-YouTubeContext -ListAvailable | Where-Object Store -EQ 'memory').Profile | Should -Contain 'views'
    }
}
