BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'items' | Out-Null
    $script:playlists = Get-YouTubePlaylist -Profile 'items'
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubePlaylistItem' {
    It 'lists a playlist''s items in order, as typed objects' {
        $playlist = $playlists | Where-Object ItemCount -GE 2 | Select-Object -First 1
        $items = Get-YouTubePlaylistItem -Profile 'items' -PlaylistId $playlist.Id
        $items.Count | Should -Be $playlist.ItemCount
        $items[0].GetType().FullName | Should -Be 'YtOAuth.Output.YouTubePlaylistItem'
        $items.Position | Should -Be (0..($playlist.ItemCount - 1))
        $items.PlaylistId | Sort-Object -Unique | Should -Be $playlist.Id
    }

    It 'lists a channel''s uploads when the channel is piped in, not the channel id as a playlist' {
        $channel = Get-YouTubeChannel -Profile 'items'
        $items = $channel | Get-YouTubePlaylistItem -Profile 'items'
        $items.Count | Should -BeGreaterThan 0
        $items.PlaylistId | Sort-Object -Unique | Should -Be $channel.UploadsPlaylistId
    }

    It 'takes playlists from the pipeline and stops early with -First' {
        $items = $playlists | Select-Object -First 3 | Get-YouTubePlaylistItem -Profile 'items' -First 1
        $items.Count | Should -Be (@($playlists | Select-Object -First 3 | Where-Object ItemCount -GT 0).Count)
    }

    It 'reports an unknown playlist and goes on with the next one' {
        $known = ($playlists | Where-Object ItemCount -GT 0 | Select-Object -First 1)
        $items = 'PLnothing', $known.Id | Get-YouTubePlaylistItem -Profile 'items' -ErrorVariable failed -ErrorAction SilentlyContinue
        $items.Count | Should -Be $known.ItemCount
        $failed.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,YtOAuth.Commands.GetYouTubePlaylistItemCommand'
    }
}
