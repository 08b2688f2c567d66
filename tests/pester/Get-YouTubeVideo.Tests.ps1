BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'videos' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubeVideo' {
    It 'follows the pipeline from playlists to items to videos, with statistics and durations' {
        $items = Get-YouTubePlaylist -Profile 'videos' | Get-YouTubePlaylistItem -Profile 'videos' | Where-Object Title -NE 'Deleted video'
        $videos = $items | Get-YouTubeVideo -Profile 'videos'
        $videos.Count | Should -Be @($items.VideoId | Sort-Object -Unique).Count
        $videos[0].GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeVideo'
        $videos[0].Views | Should -BeOfType [long]
        $videos[0].Duration | Should -BeOfType [timespan]
        ($videos | Sort-Object Views -Descending | Select-Object -First 1).Views | Should -BeGreaterOrEqual $videos[-1].Views
    }

    It 'fetches 50 ids a call' {
        $ids = Get-YouTubePlaylist -Profile 'videos' | Get-YouTubePlaylistItem -Profile 'videos' | Select-Object -ExpandProperty VideoId
        Invoke-EmulatorControl $emulator 'counters/reset'
        $ids | Get-YouTubeVideo -Profile 'videos' | Out-Null
        Get-EmulatorCounter $emulator 'youtube:videos' | Should -Be ([math]::Ceiling(@($ids | Sort-Object -Unique).Count / 50))
    }

    It 'reports an unknown id as ResourceNotFound and writes the others' {
        $known = (Get-YouTubePlaylist -Profile 'videos' | Get-YouTubePlaylistItem -Profile 'videos' | Select-Object -First 1).VideoId
        $videos = Get-YouTubeVideo -Profile 'videos' -Id $known, 'xNoSuchVid0' -ErrorVariable missing -ErrorAction SilentlyContinue
        $videos.Id | Should -Be $known
        $missing.TargetObject | Should -Be 'xNoSuchVid0'
    }

    It 'shows a table of title, duration, views, likes, published and id, exportable to CSV' {
        $video = Get-YouTubePlaylist -Profile 'videos' | Get-YouTubePlaylistItem -Profile 'videos' | Select-Object -First 1 | Get-YouTubeVideo -Profile 'videos'
        ($video | Out-String -Width 120) | Should -Match 'Title\s+Duration\s+Views\s+Likes\s+Published\s+Id'
        ($video | ConvertTo-Csv | Select-Object -First 1) | Should -Match '"Views"'
    }
}
