# Each command binds from the pipeline only what it means: a channel gives its playlists (and its uploads), a
# playlist its items, a playlist item its video; anything else is refused with InputNotSupported, never read by
# the name of a property that happens to match (a channel's Id as a playlist id, a playlist's title as a video id).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'pipes' | Out-Null
    $script:playlists = Get-YouTubePlaylist -Profile 'pipes'
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Pipelines' {
    BeforeEach { Invoke-EmulatorControl $emulator 'counters/reset' }

    It 'Get-YouTubeChannel | Get-YouTubePlaylist gives the channel''s playlists' {
        $channel = Get-YouTubeChannel -Profile 'pipes'
        $found = $channel | Get-YouTubePlaylist -Profile 'pipes' -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $found.Count | Should -Be $playlists.Count
        $found.ChannelId | Sort-Object -Unique | Should -Be $channel.Id
    }

    It 'Get-YouTubePlaylist | Get-YouTubePlaylistItem gives each playlist''s items' {
        $two = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 2
        $items = $two | Get-YouTubePlaylistItem -Profile 'pipes'
        $items.Count | Should -Be ($two.ItemCount | Measure-Object -Sum).Sum
        $items.PlaylistId | Sort-Object -Unique | Should -Be ($two.Id | Sort-Object)
    }

    It 'Get-YouTubePlaylistItem | Get-YouTubeVideo gives each item''s video, not the item' {
        $items = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1 | Get-YouTubePlaylistItem -Profile 'pipes' | Where-Object VideoId
        $videos = $items | Get-YouTubeVideo -Profile 'pipes'
        $videos.Id | Sort-Object | Should -Be ($items.VideoId | Sort-Object -Unique)
    }

    It 'Get-YouTubePlaylist | Get-YouTubeVideo refuses the playlist, saying what to pipe, and asks YouTube nothing' {
        $videos = $playlists | Select-Object -First 1 | Get-YouTubeVideo -Profile 'pipes' -ErrorVariable refused -ErrorAction SilentlyContinue
        $videos | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'InputNotSupported,YtOAuth.Commands.GetYouTubeVideoCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidType'
        $refused[0].ToString() | Should -Match 'Get-YouTubePlaylistItem \| Get-YouTubeVideo'
        Get-EmulatorCounter $emulator 'youtube:videos' | Should -Be 0
    }

    It 'Get-YouTubeVideo | Get-YouTubePlaylistItem refuses the video instead of taking its id for a playlist' {
        $video = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1 | Get-YouTubePlaylistItem -Profile 'pipes' -First 1 | Get-YouTubeVideo -Profile 'pipes'
        Invoke-EmulatorControl $emulator 'counters/reset'
        $video | Get-YouTubePlaylistItem -Profile 'pipes' -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'InputNotSupported,YtOAuth.Commands.GetYouTubePlaylistItemCommand'
        Get-EmulatorCounter $emulator 'youtube:playlistItems' | Should -Be 0
    }

    It 'Get-YouTubeVideo | Get-YouTubeChannel gives the video''s channel, not a channel named by the video''s id' {
        $video = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1 | Get-YouTubePlaylistItem -Profile 'pipes' -First 1 | Get-YouTubeVideo -Profile 'pipes'
        $channel = $video | Get-YouTubeChannel -Profile 'pipes' -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $channel.Id | Should -Be $video.ChannelId
    }

    It 'Get-YouTubePlaylistItem | Get-YouTubeChannel refuses the item' {
        $item = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1 | Get-YouTubePlaylistItem -Profile 'pipes' -First 1
        $item | Get-YouTubeChannel -Profile 'pipes' -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'InputNotSupported,YtOAuth.Commands.GetYouTubeChannelCommand'
    }

    It 'takes ids as strings and rows with a PlaylistId or VideoId column, as from Import-Csv' {
        $playlist = $playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1
        ($playlist.Id | Get-YouTubePlaylist -Profile 'pipes').Title | Should -Be $playlist.Title
        $rows = $playlist | Get-YouTubePlaylistItem -Profile 'pipes' | Select-Object PlaylistId, VideoId | ConvertTo-Csv | ConvertFrom-Csv
        @($rows | Select-Object -First 1 | Get-YouTubePlaylistItem -Profile 'pipes').Count | Should -Be $playlist.ItemCount
        ($rows | Get-YouTubeVideo -Profile 'pipes').Id | Sort-Object | Should -Be ($rows.VideoId | Where-Object { $_ } | Sort-Object -Unique)
    }
}
