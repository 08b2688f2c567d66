BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'lists' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubePlaylist' {
    It 'lists the connected channel''s playlists as typed objects' {
        $playlists = Get-YouTubePlaylist -Profile 'lists'
        $playlists.Count | Should -Be 12
        $playlists[0].GetType().FullName | Should -Be 'YtOAuth.Output.YouTubePlaylist'
        $playlists[0].Title | Should -Be 'Playlist 0001'
        $playlists.Privacy | Sort-Object -Unique | Should -Be @('private', 'public', 'unlisted')
    }

    It 'supports -First, -Skip and -IncludeTotalCount' {
        (Get-YouTubePlaylist -Profile 'lists' -First 5).Count | Should -Be 5
        (Get-YouTubePlaylist -Profile 'lists' -Skip 10).Count | Should -Be 2
        $withTotal = Get-YouTubePlaylist -Profile 'lists' -First 1 -IncludeTotalCount
        $withTotal[0].ToString() | Should -Match '12'
    }

    It 'takes ids from the pipeline by value and by property name' {
        $two = Get-YouTubePlaylist -Profile 'lists' -First 2
        ($two.Id | Get-YouTubePlaylist -Profile 'lists').Id | Should -Be $two.Id
        ($two | Get-YouTubePlaylist -Profile 'lists').Id | Should -Be $two.Id
    }

    It 'reports an unknown id as ResourceNotFound' {
        { Get-YouTubePlaylist -Profile 'lists' -Id 'PLdoesnotexist' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,YtOAuth.Commands.GetYouTubePlaylistCommand'
    }

    It 'reads public playlists with an API key and no sign-in' {
        $env:YTOAUTH_ENDPOINT_BASE = $emulator.BaseUri
        try {
            $channel = (Get-YouTubeContext -Profile 'lists').ChannelId
            $public = Get-YouTubePlaylist -ChannelId $channel -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force)
            $public.Count | Should -Be 4
            $public.Privacy | Sort-Object -Unique | Should -Be 'public'
        } finally { Remove-Item Env:YTOAUTH_ENDPOINT_BASE }
    }

    It 'says how to set up a vault when the named one does not exist' {
        { Get-YouTubePlaylist -Profile 'nobody' -Vault 'NoSuchVault' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VaultNotAvailable,YtOAuth.Commands.GetYouTubePlaylistCommand'
    }
}

Describe 'Get-YouTubePlaylist on a large channel' {
    BeforeAll {
        $script:large = Start-GoogleEmulator -Playlists 5000
        Connect-EmulatorProfile -Emulator $large -Profile 'large' | Out-Null
    }

    AfterAll { Stop-GoogleEmulator $script:large }

    It 'stops asking YouTube when the pipeline wants no more' {
        Invoke-EmulatorControl $large 'counters/reset'
        $first = Get-YouTubePlaylist -Profile 'large' | Select-Object -First 1
        $first.Title | Should -Not -BeNullOrEmpty
        $asked = Get-EmulatorCounter $large 'youtube:playlists'
        Start-Sleep -Milliseconds 500
        Get-EmulatorCounter $large 'youtube:playlists' | Should -Be $asked # nothing goes on in the background
        $asked | Should -BeLessThan 100 # 100 pages hold them all
    }

    It 'hands every one of 5,000 playlists over in order' {
        $all = Get-YouTubePlaylist -Profile 'large'
        $all.Count | Should -Be 5000
        $all[0].Title | Should -Be 'Playlist 0001'
        $all[-1].Title | Should -Be 'Playlist 5000'
    }
}
