# The commands that change a channel: playlists made, changed and deleted, entries added and removed, video metadata
# and thumbnails; each with the read cmdlets' objects from the pipeline, deletes that confirm at High impact and never
# prompt in an unattended session, and a missing Manage scope named.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Invoke-EmulatorControl $emulator 'settings' @{ dailyQuota = 1000000 }
    $script:ReadOnlyScope = 'https://www.googleapis.com/auth/youtube.readonly'
    $script:UploadScope = 'https://www.googleapis.com/auth/youtube.upload'
    $script:ManageScope = 'https://www.googleapis.com/auth/youtube'
    Connect-EmulatorProfile -Emulator $emulator -Profile 'editor' -Scope $ReadOnlyScope, $UploadScope, $ManageScope 3>$null | Out-Null

    function script:New-VideoFile([string] $Name, [int] $KiB = 512) {
        $bytes = [byte[]]::new($KiB * 1KB)
        [Random]::new($Name.Length).NextBytes($bytes)
        $path = Join-Path $TestDrive $Name
        [IO.File]::WriteAllBytes($path, $bytes)
        $path
    }

    function script:Get-PlaylistTitles { @(Get-YouTubePlaylist -Profile editor | ForEach-Object Title) }

    function script:Invoke-Unattended([scriptblock] $Command) {
        # A CI variable makes this session unattended, as a scheduled job or pipeline is.
        $env:CI = 'true'
        try { & $Command } finally { Remove-Item Env:CI -ErrorAction SilentlyContinue }
    }
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'New-YouTubePlaylist and Set-YouTubePlaylist' {
    It 'creates a private playlist unless told, and writes it' {
        $playlist = New-YouTubePlaylist -Profile editor -Title 'Made here' -Description 'From Pester'
        $playlist.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubePlaylist'
        $playlist.Privacy | Should -Be 'private'
        (Get-YouTubePlaylist -Profile editor -Id $playlist.Id).Description | Should -Be 'From Pester'
    }

    It 'changes only what is given, from a piped playlist' {
        $playlist = New-YouTubePlaylist -Profile editor -Title 'Before' -Description 'Kept' -Privacy unlisted
        $changed = $playlist | Set-YouTubePlaylist -Profile editor -Title 'After'
        $changed.Title | Should -Be 'After'
        $read = Get-YouTubePlaylist -Profile editor -Id $playlist.Id
        $read.Title | Should -Be 'After'
        $read.Description | Should -Be 'Kept'
        $read.Privacy | Should -Be 'unlisted'
    }

    It 'refuses a change that changes nothing, before it costs anything' {
        $before = (Invoke-RestMethod "$($emulator.BaseUri)emulator/counters").quotaUsed
        { Set-YouTubePlaylist -Profile editor -Id 'PLany' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.SetYouTubePlaylistCommand'
        (Invoke-RestMethod "$($emulator.BaseUri)emulator/counters").quotaUsed | Should -Be $before
    }

    It 'refuses a privacy YouTube does not know, in the engine''s words, and completes -Privacy with the three it does' {
        $err = { New-YouTubePlaylist -Profile editor -Title 'Bad privacy' -Privacy secret -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.NewYouTubePlaylistCommand' -PassThru
        $err.Exception.Message | Should -Match 'use private, unlisted or public'
        Get-PlaylistTitles | Should -Not -Contain 'Bad privacy'
        foreach ($command in 'Publish-YouTubeVideo -Path x -Title y', 'Set-YouTubeVideo -Id x', 'New-YouTubePlaylist -Title x', 'Set-YouTubePlaylist -Id x') {
            $line = "$command -Privacy "
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'private', 'unlisted', 'public'
            $line = "$command -Privacy u"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'unlisted'
        }
    }
}

Describe 'Remove-YouTubePlaylist' {
    It 'deletes exactly the piped playlists with -Force: Get-YouTubePlaylist | Where-Object | Remove-YouTubePlaylist' {
        'Temp A', 'Temp B', 'Keep C' | ForEach-Object { New-YouTubePlaylist -Profile editor -Title $_ | Out-Null }
        $before = Get-PlaylistTitles
        Get-YouTubePlaylist -Profile editor | Where-Object Title -Like 'Temp *' | Remove-YouTubePlaylist -Profile editor -Force
        $after = Get-PlaylistTitles
        $after | Should -Not -Contain 'Temp A'
        $after | Should -Not -Contain 'Temp B'
        $after | Should -Contain 'Keep C'
        $after.Count | Should -Be ($before.Count - 2)
    }

    It 'refuses to prompt in an unattended session, names -Force, and deletes nothing' {
        $playlist = New-YouTubePlaylist -Profile editor -Title 'Stays unattended'
        $err = Invoke-Unattended { { $playlist | Remove-YouTubePlaylist -Profile editor -ErrorAction Stop } |
                Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.RemoveYouTubePlaylistCommand' -PassThru }
        $err.Exception.Message | Should -Match "Pass -Force \(or -Confirm:\`$false\) to delete the playlist .*'Stays unattended' \($($playlist.Id)\)"
        Get-PlaylistTitles | Should -Contain 'Stays unattended'
    }

    It 'deletes nothing with -WhatIf, even with -Force' {
        $playlist = New-YouTubePlaylist -Profile editor -Title 'Stays whatif'
        Remove-YouTubePlaylist -Profile editor -Id $playlist.Id -Force -WhatIf
        Get-PlaylistTitles | Should -Contain 'Stays whatif'
    }

    It 'declares ConfirmImpact High on both deletes' {
        (Get-Command Remove-YouTubePlaylist).ImplementingType.GetCustomAttributes([Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        (Get-Command Remove-YouTubePlaylistItem).ImplementingType.GetCustomAttributes([Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }

    It 'reports an unknown playlist and deletes the next one' {
        $playlist = New-YouTubePlaylist -Profile editor -Title 'Second of two'
        Remove-YouTubePlaylist -Profile editor -Id 'PLnoSuchPlaylist', $playlist.Id -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,YtOAuth.Commands.RemoveYouTubePlaylistCommand'
        Get-PlaylistTitles | Should -Not -Contain 'Second of two'
    }

    It 'refuses a piped video, naming what to pipe instead' {
        $video = Publish-YouTubeVideo -Profile editor -Path (New-VideoFile 'not-a-playlist.mp4') -Title 'Not a playlist'
        $video | Remove-YouTubePlaylist -Profile editor -Force -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.FullyQualifiedErrorId | Should -Be 'InputNotSupported,YtOAuth.Commands.RemoveYouTubePlaylistCommand'
        $refused.Exception.Message | Should -Match 'takes playlist ids and playlists'
    }
}

Describe 'Add-YouTubePlaylistItem and Remove-YouTubePlaylistItem' {
    BeforeAll { $script:playlist = New-YouTubePlaylist -Profile editor -Title 'Entries' }

    It 'adds what Publish-YouTubeVideo writes: Publish-YouTubeVideo | Add-YouTubePlaylistItem' {
        $item = Publish-YouTubeVideo -Profile editor -Path (New-VideoFile 'piped.mp4') -Title 'Piped in' | Add-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id
        $item.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubePlaylistItem'
        $items = @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id)
        $items.Title | Should -Contain 'Piped in'
        ($items | Where-Object Title -EQ 'Piped in').VideoId | Should -Be $item.VideoId
    }

    It 'keeps the piped order from -Position on' {
        $videos = 'First', 'Second' | ForEach-Object { Publish-YouTubeVideo -Profile editor -Path (New-VideoFile "$_.mp4") -Title $_ }
        $added = $videos | Add-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id -Position 0
        $added.Position | Should -Be 0, 1
        $top = Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id -First 2
        $top.Title | Should -Be 'First', 'Second'
    }

    It 'refuses a piped video for removal (a video is not its entry), and removes nothing' {
        $count = @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id).Count
        Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id -First 1 | Get-YouTubeVideo -Profile editor |
            Remove-YouTubePlaylistItem -Profile editor -Force -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.FullyQualifiedErrorId | Should -Be 'InputNotSupported,YtOAuth.Commands.RemoveYouTubePlaylistItemCommand'
        $refused.Exception.Message | Should -Match 'Where-Object VideoId -EQ'
        @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id).Count | Should -Be $count
    }

    It 'refuses to prompt in an unattended session and removes nothing' {
        $count = @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id).Count
        Invoke-Unattended {
            { Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id -First 1 | Remove-YouTubePlaylistItem -Profile editor -ErrorAction Stop } |
                Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.RemoveYouTubePlaylistItemCommand'
        }
        @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id).Count | Should -Be $count
    }

    It 'empties the playlist with Get-YouTubePlaylistItem | Remove-YouTubePlaylistItem -Force, and the videos stay' {
        $videoIds = @(Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id).VideoId
        $videoIds.Count | Should -BeGreaterThan 0
        Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id | Remove-YouTubePlaylistItem -Profile editor -Force
        Get-YouTubePlaylistItem -Profile editor -PlaylistId $playlist.Id | Should -BeNullOrEmpty
        @(Get-YouTubeVideo -Profile editor -Id $videoIds).Count | Should -Be $videoIds.Count
    }

    It 'ends at a playlist that does not exist, before trying the next video' {
        Invoke-EmulatorControl $emulator 'counters/reset'
        { 'vid1', 'vid2' | Add-YouTubePlaylistItem -Profile editor -PlaylistId 'PLnoSuchPlaylist' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,YtOAuth.Commands.AddYouTubePlaylistItemCommand'
        Get-EmulatorCounter $emulator 'youtube:playlistItems' | Should -BeLessOrEqual 1
    }
}

Describe 'Set-YouTubeVideo and Set-YouTubeThumbnail' {
    BeforeAll { $script:video = Publish-YouTubeVideo -Profile editor -Path (New-VideoFile 'metadata.mp4') -Title 'Metadata' -Description 'Stays' -Tags one, two }

    It 'changes the piped video''s title and privacy and keeps its description' {
        $changed = $video | Set-YouTubeVideo -Profile editor -Title 'Metadata changed' -Privacy unlisted
        $changed.Title | Should -Be 'Metadata changed'
        $changed.Privacy | Should -Be 'unlisted'
        $read = Invoke-YouTubeApi -Profile editor -Path 'videos' -Query @{ part = 'snippet'; id = $video.Id }
        $read.snippet.description | Should -Be 'Stays'
        $read.snippet.tags | Should -Be 'one', 'two'
    }

    It 'refuses a change that changes nothing' {
        { Set-YouTubeVideo -Profile editor -Id $video.Id -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.SetYouTubeVideoCommand'
    }

    It 'sets a PNG thumbnail and writes its address; refuses a file that is no image before sending it' {
        $png = Join-Path $TestDrive 'thumb.png'
        [IO.File]::WriteAllBytes($png, [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) + [byte[]]::new(64))
        $url = $video | Set-YouTubeThumbnail -Profile editor -Path $png
        $url | Should -Match "^https?://.*$($video.Id)"
        $text = Join-Path $TestDrive 'thumb.txt'
        Set-Content $text 'not an image'
        $err = { Set-YouTubeThumbnail -Profile editor -VideoId $video.Id -Path $text -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.SetYouTubeThumbnailCommand' -PassThru
        $err.Exception.Message | Should -Match 'neither a JPEG nor a PNG'
    }
}

Describe 'Changes with a grant that lacks Manage' {
    It 'names the Manage scope and the line that adds it, and creates nothing' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'reader' -Scope $ReadOnlyScope 3>$null | Out-Null
        $err = { New-YouTubePlaylist -Profile reader -Title 'Never made' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScopeMissing,YtOAuth.Commands.NewYouTubePlaylistCommand' -PassThru
        $err.Exception.Message | Should -Match 'Manage'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-YouTube -Profile reader -Scope Manage'
        Get-PlaylistTitles | Should -Not -Contain 'Never made'
    }
}
