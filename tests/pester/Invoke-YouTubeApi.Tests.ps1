BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'api' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Invoke-YouTubeApi' {
    BeforeEach { Invoke-EmulatorControl $emulator 'counters/reset' }

    It 'writes a list answer''s items, the same shape as with -All' {
        $items = Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'snippet'; mine = 'true'; maxResults = 5 }
        $all = Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'snippet'; mine = 'true'; maxResults = 5 } -All
        @($items).Count | Should -Be 5
        $items[0].kind | Should -Be 'youtube#playlist'
        $items[0].snippet.title | Should -Be 'Playlist 0001'
        $all[0].kind | Should -Be $items[0].kind
        ($items[0].PSObject.Properties.Name -join ',') | Should -Be ($all[0].PSObject.Properties.Name -join ',')
    }

    It 'writes an answer that is no list whole, and the envelope only with -Raw' {
        $channel = Invoke-YouTubeApi channels -Profile 'api' -Query @{ part = 'id'; mine = 'true' } -Raw | ConvertFrom-Json
        $channel.kind | Should -Be 'youtube#channelListResponse'
        $channel.items | Should -Not -BeNullOrEmpty
    }

    It 'reports a path YouTube does not have as ResourceNotFound at once, asked once and never as Google''s trouble' {
        $DebugPreference = 'Continue' # -Debug would ask to continue, which an unattended session cannot answer
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Invoke-YouTubeApi nosuchresource -Profile 'api' -ErrorAction Stop 5>&1 | Out-Null } |
            Should -Throw -ErrorId 'ResourceNotFound,YtOAuth.Commands.InvokeYouTubeApiCommand' -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -Match 'nosuchresource'
        $err.Exception.Message | Should -Not -Match 'trouble|try again'
        $said = [Collections.Generic.List[object]]::new()
        try { Invoke-YouTubeApi nosuchresource -Profile 'api' 5>&1 | ForEach-Object { $said.Add($_) } } catch { }
        @($said | Where-Object { "$_" -match 'answered 404' }).Count | Should -Be 1
    }

    It 'follows nextPageToken with -All and writes every item' {
        $items = Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'snippet'; mine = 'true'; maxResults = 5 } -All
        $items.Count | Should -Be 12
        $items[11].snippet.title | Should -Be 'Playlist 0012'
        Get-EmulatorCounter $emulator 'youtube:playlists' | Should -Be 3
    }

    It 'stops after -First items, asking for no more pages than that needs' {
        (Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'id'; mine = 'true'; maxResults = 5 } -First 7).Count | Should -Be 7
        Get-EmulatorCounter $emulator 'youtube:playlists' | Should -Be 2
    }

    It 'writes the JSON text with -Raw' {
        $raw = Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'id'; mine = 'true' } -Raw
        $raw | Should -BeOfType [string]
        ($raw | ConvertFrom-Json).kind | Should -Be 'youtube#playlistListResponse'
    }

    It 'calls the Analytics API with -Api Analytics' {
        $report = Invoke-YouTubeApi reports -Api Analytics -Profile 'api' -Query @{ ids = 'channel==MINE'; startDate = (Get-Date).AddDays(-5).ToString('yyyy-MM-dd'); endDate = (Get-Date).ToString('yyyy-MM-dd'); metrics = 'views'; dimensions = 'day' }
        $report.columnHeaders.name | Should -Be @('day', 'views')
        @($report.rows).Count | Should -BeGreaterThan 2
    }

    It 'counts Data API quota like the other commands' {
        $before = (Get-YouTubeContext -Profile 'api').QuotaUnitsToday
        Invoke-YouTubeApi channels -Profile 'api' -Query @{ part = 'id'; mine = 'true' } | Out-Null
        (Get-YouTubeContext -Profile 'api').QuotaUnitsToday | Should -Be ($before + 1)
    }

    It 'sends the token nowhere but the profile''s API bases' {
        { Invoke-YouTubeApi -Uri 'https://attacker.example/youtube/v3/videos' -Profile 'api' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.InvokeYouTubeApiCommand'
        Get-EmulatorCounter $emulator 'youtube' | Should -Be 0
    }

    It 'names the missing scope for a write with a read-only grant' {
        $err = { Invoke-YouTubeApi playlists -Method POST -Profile 'api' -Query @{ part = 'snippet' } -Body @{ snippet = @{ title = 'x' } } -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScopeMissing,YtOAuth.Commands.InvokeYouTubeApiCommand' -PassThru
        $err.ToString() | Should -Match 'Manage'
        Get-EmulatorCounter $emulator 'youtube' | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        Invoke-YouTubeApi playlists -Method DELETE -Profile 'api' -Query @{ id = 'PLx' } -WhatIf
        Get-EmulatorCounter $emulator 'youtube' | Should -Be 0
    }

    It 'stops a listing whose page token comes round again, with GoogleServerError' {
        Invoke-EmulatorControl $emulator 'faults' @{ target = 'YouTube'; status = 200; count = 3; body = '{"nextPageToken": "again", "items": [{"id": "PL1"}]}' }
        { Invoke-YouTubeApi playlists -Profile 'api' -Query @{ part = 'id'; mine = 'true' } -All -ErrorAction Stop } |
            Should -Throw -ErrorId 'GoogleServerError,YtOAuth.Commands.InvokeYouTubeApiCommand'
        Get-EmulatorCounter $emulator 'youtube:playlists' | Should -Be 2
        Invoke-RestMethod -Method Delete "$($emulator.BaseUri)emulator/faults" | Out-Null
    }
}
