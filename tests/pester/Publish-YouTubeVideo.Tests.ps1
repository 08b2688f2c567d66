# Publish-YouTubeVideo in the real host against the emulator's resumable upload endpoints: the video's bytes, progress
# records, -WhatIf, a pwsh process killed mid-upload and run again (resumed, one video), a file changed between the
# runs (a new upload, never the old session), and a missing scope added with Connect-YouTube -Scopes Upload.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    $script:vault = Initialize-TestVault
    $script:manifest = Get-YtOAuthModulePath
    $script:ReadOnlyScope = 'https://www.googleapis.com/auth/youtube.readonly'
    $script:UploadScope = 'https://www.googleapis.com/auth/youtube.upload'
    $script:ManageScope = 'https://www.googleapis.com/auth/youtube'
    # In the vault, not in memory: a killed process's upload is continued by the next process that reads the grant.
    Invoke-EmulatorControl $emulator 'settings' @{ dailyQuota = 1000000 } # an upload costs 1,600 units; these tests upload a dozen times
    Connect-EmulatorProfile -Emulator $emulator -Profile 'publisher' -Scope $ReadOnlyScope, $UploadScope, $ManageScope -Vault $vault 3>$null | Out-Null

    function script:New-VideoFile([string] $Name, [int] $MiB, [int] $Seed) {
        $bytes = [byte[]]::new($MiB * 1MB)
        [Random]::new($Seed).NextBytes($bytes)
        $path = Join-Path $TestDrive $Name
        [IO.File]::WriteAllBytes($path, $bytes)
        $path
    }

    function script:Get-Sha256([string] $Path) { (Get-FileHash $Path -Algorithm SHA256).Hash.ToLowerInvariant() }

    function script:Get-EmulatorUploads { Invoke-RestMethod "$($emulator.BaseUri)emulator/uploads" }

    function script:Get-UploadedVideos([string] $Title) { @((Get-EmulatorUploads).videos | Where-Object title -EQ $Title) }

    function script:New-UploadJob([string] $Path, [string] $Title) {
        # The scheduled job a user would write; verbose and warning lines are tagged so the test can read them.
        $job = Join-Path $TestDrive "job-$([guid]::NewGuid().ToString('N').Substring(0, 8)).ps1"
        Set-Content $job @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
Publish-YouTubeVideo -Profile publisher -Path '$Path' -Title '$Title' -ChunkSizeMiB 1 -Verbose 3>&1 4>&1 | ForEach-Object {
    if (`$_ -is [Management.Automation.VerboseRecord]) { 'VERBOSE: ' + `$_.Message }
    elseif (`$_ -is [Management.Automation.WarningRecord]) { 'WARNING: ' + `$_.Message }
    else { 'VIDEO ' + `$_.Id }
}
"@
        $job
    }

    function script:Stop-UploadMidway($Process, [string] $Path) {
        # Waits until the emulator holds part of the file, then kills the process as kill -9 would.
        $total = (Get-Item $Path).Length
        $deadline = (Get-Date).AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 100
            $open = @((Get-EmulatorUploads).openSessions | Where-Object { $_.total -eq $total -and $_.committed -gt 0 })
        } until ($open -or $Process.HasExited -or (Get-Date) -gt $deadline)
        $Process.HasExited | Should -BeFalse -Because 'the upload must still be running when it is killed'
        # pwsh may be a launcher (a dotnet tool shim) whose child does the work: both are killed, the child first.
        $tree = @(Get-Process | Where-Object { $_.Parent.Id -eq $Process.Id }) + $Process
        $tree | ForEach-Object { Stop-Process -Id $_.Id -Force -ErrorAction SilentlyContinue }
        $Process.WaitForExit()
        $tree | ForEach-Object { $_.WaitForExit(10000) | Should -BeTrue }
        $open[0].committed
    }
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Publish-YouTubeVideo' {
    AfterEach { Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 0 } }

    It 'uploads the file and writes the video, whose bytes at YouTube are the file''s' {
        $file = New-VideoFile 'whole.mp4' 3 11
        $video = Publish-YouTubeVideo -Profile publisher -Path $file -Title 'Whole file' -Description 'All of it' -Tags a, b -ChunkSizeMiB 1
        $video.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeVideo'
        $video.Title | Should -Be 'Whole file'
        $video.Privacy | Should -Be 'private' -Because 'an upload without -Privacy must never go public by accident'
        $uploaded = Get-UploadedVideos 'Whole file'
        $uploaded.Count | Should -Be 1
        $uploaded[0].id | Should -Be $video.Id
        $uploaded[0].sha256 | Should -Be (Get-Sha256 $file)
    }

    It 'resolves a relative -Path from the current location, and names the resolved path when there is no such file' {
        $file = New-VideoFile 'relative.mp4' 1 12
        Push-Location $TestDrive
        try {
            (Publish-YouTubeVideo -Profile publisher -Path ./relative.mp4 -Title 'Relative path').Title | Should -Be 'Relative path'
            $err = { Publish-YouTubeVideo -Profile publisher -Path ./missing.mp4 -Title 'Missing' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.PublishYouTubeVideoCommand' -PassThru
        } finally { Pop-Location }
        $err.Exception.Message | Should -BeLike "There is no file '$(Join-Path $TestDrive 'missing.mp4')' (relative to the current location, $TestDrive)*"
        (Get-UploadedVideos 'Relative path')[0].sha256 | Should -Be (Get-Sha256 $file)
    }

    It 'writes progress records with percent, bytes and seconds left, and completes the bar' {
        $file = New-VideoFile 'progress.mp4' 6 13
        Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 300 }
        # Progress cannot be redirected to the output; a PowerShell instance keeps every record in Streams.Progress.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; Publish-YouTubeVideo -Profile publisher -Path '$file' -Title 'With progress' -ChunkSizeMiB 1")
            $video = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $records = @($ps.Streams.Progress)
        } finally { $ps.Dispose() }
        $video.Title | Should -Be 'With progress'
        $running = @($records | Where-Object RecordType -EQ 'Processing')
        $running.Count | Should -BeGreaterThan 2
        $running | ForEach-Object { $_.Activity | Should -Be 'Publish-YouTubeVideo' }
        $running[-1].StatusDescription | Should -Match '^Uploading progress\.mp4: \d+\.\d MiB of 6\.0 MiB \(\d+%\)'
        $percents = $running.PercentComplete
        $percents | ForEach-Object { $_ | Should -BeGreaterOrEqual 0; $_ | Should -BeLessOrEqual 100 }
        ($percents | Sort-Object) -join ',' | Should -Be ($percents -join ',') -Because 'the bar never goes back'
        $percents[-1] | Should -Be 100
        ($running.SecondsRemaining | Measure-Object -Maximum).Maximum | Should -BeGreaterThan 0
        @($running.StatusDescription -match 'MiB/s, \d+ s left').Count | Should -BeGreaterThan 0
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'describes the upload with -WhatIf and sends nothing' {
        $file = New-VideoFile 'whatif.mp4' 2 14
        $before = Get-EmulatorUploads
        # "What if:" goes to the host itself, not to a stream: a child shell's screen shows it.
        $said = (Invoke-ChildPwsh -Command "Import-Module '$manifest'; Publish-YouTubeVideo -Profile publisher -Path '$file' -Title 'Only described' -PlaylistId PLsome -WhatIf").Output -replace '\s*\r?\n\s*', ' '
        $said | Should -Match 'What if: .*Upload the video, then add it to playlist PLsome'
        $said | Should -Match ([regex]::Escape("'$file' (2.0 MiB) as 'Only described', private, for profile 'publisher'"))
        $after = Get-EmulatorUploads
        $after.sessionsStarted | Should -Be $before.sessionsStarted
        Get-UploadedVideos 'Only described' | Should -BeNullOrEmpty
    }

    It 'continues an upload whose process was killed: the re-run resumes the same session and makes exactly one video of the file''s bytes' {
        $file = New-VideoFile 'killed.mp4' 24 15
        $job = New-UploadJob -Path $file -Title 'Killed and resumed'
        $before = (Get-EmulatorUploads).sessionsStarted
        Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 300 }
        $committed = Stop-UploadMidway -Process (Start-ChildPwsh -File $job) -Path $file
        $committed | Should -BeLessThan (24MB)
        Get-UploadedVideos 'Killed and resumed' | Should -BeNullOrEmpty -Because 'a video is never made from a partial file'

        Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 0 }
        $again = Invoke-ChildPwsh -File $job
        $again.Errors | Should -BeNullOrEmpty
        $again.ExitCode | Should -Be 0
        $again.Output | Should -Match 'VERBOSE: Continuing the unfinished upload'
        $uploads = Get-EmulatorUploads
        $uploads.sessionsStarted - $before | Should -Be 1 -Because 'the second run continues the first run''s session'
        $videos = @($uploads.videos | Where-Object title -EQ 'Killed and resumed')
        $videos.Count | Should -Be 1
        $videos[0].sha256 | Should -Be (Get-Sha256 $file)
        $again.Output | Should -Match "VIDEO $($videos[0].id)"
        $again.Output | Should -Not -Match (Get-SecretPattern)
        $again.Output | Should -Not -Match 'upload_id=[^*]' -Because 'the session address is a credential of its own'
    }

    It 'starts a new upload when the file changed between the runs, and never continues the old session' {
        $file = New-VideoFile 'changed.mp4' 24 16
        $job = New-UploadJob -Path $file -Title 'Changed between runs'
        $before = (Get-EmulatorUploads).sessionsStarted
        Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 300 }
        Stop-UploadMidway -Process (Start-ChildPwsh -File $job) -Path $file | Should -BeGreaterThan 0
        # Re-rendered in place: same name, same length, other bytes.
        $null = New-VideoFile 'changed.mp4' 24 17

        Invoke-EmulatorControl $emulator 'settings' @{ uploadChunkDelayMs = 0 }
        $again = Invoke-ChildPwsh -File $job
        $again.ExitCode | Should -Be 0
        $again.Output | Should -Match 'WARNING: An unfinished upload of .*changed\.mp4.* was dropped: the file changed since'
        $again.Output | Should -Not -Match 'Continuing the unfinished upload'
        $uploads = Get-EmulatorUploads
        $uploads.sessionsStarted - $before | Should -Be 2
        $videos = @($uploads.videos | Where-Object title -EQ 'Changed between runs')
        $videos.Count | Should -Be 1
        $videos[0].sha256 | Should -Be (Get-Sha256 $file) -Because 'the video holds the new file, none of the old one'
    }
}

Describe 'Publish-YouTubeVideo with a grant that lacks the Upload scope' {
    It 'names Upload and the Connect-YouTube line before sending a byte; -Scopes Upload adds it and keeps ReadOnly' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'grow' -Scope $ReadOnlyScope -Vault $vault 3>$null | Out-Null
        $file = New-VideoFile 'grow.mp4' 1 18
        $before = (Get-EmulatorUploads).sessionsStarted
        $err = { Publish-YouTubeVideo -Profile grow -Path $file -Title 'After consent' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScopeMissing,YtOAuth.Commands.PublishYouTubeVideoCommand' -PassThru
        $err.Exception.Message | Should -Match "profile 'grow' lacks the scope this call needs \(Upload\)"
        $err.ErrorDetails.RecommendedAction | Should -BeLike 'Run: Connect-YouTube -Profile grow -Scope Upload *'
        (Get-EmulatorUploads).sessionsStarted | Should -Be $before

        # Consent in a person's shell; the browser follows the emulator's approval back to the loopback listener.
        $follow = Join-Path (Get-RepoRoot) 'src/YtOAuth.Demo/Follow-Redirect.ps1'
        $connect = Invoke-ChildPwsh -Interactive -Environment @{ BROWSER = "pwsh -NoProfile -NonInteractive -File $follow %s" } -Command (
            "Import-Module '$manifest'; `$c = Connect-YouTube -ClientSecretPath '$($emulator.ClientSecretPath)' -EndpointBaseUri '$($emulator.BaseUri)' " +
            "-Profile grow -Scopes Upload -TimeoutSec 60 -ErrorAction Stop; 'SCOPES ' + ((`$c.Scopes | Sort-Object) -join ',')")
        $connect.Errors | Should -BeNullOrEmpty
        $connect.Output | Should -Match 'SCOPES ReadOnly,Upload'

        $publish = Invoke-ChildPwsh -Command (
            "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; 'SCOPES ' + (((Get-YouTubeContext -Profile grow).Scopes | Sort-Object) -join ','); " +
            "'VIDEO ' + (Publish-YouTubeVideo -Profile grow -Path '$file' -Title 'After consent').Id; 'PLAYLISTS ' + @(Get-YouTubePlaylist -Profile grow).Count")
        $publish.Errors | Should -BeNullOrEmpty
        $publish.Output | Should -Match 'SCOPES ReadOnly,Upload'
        $videos = Get-UploadedVideos 'After consent'
        $videos.Count | Should -Be 1
        $publish.Output | Should -Match "VIDEO $($videos[0].id)"
        $publish.Output | Should -Match 'PLAYLISTS [1-9]' -Because 'the grown grant still reads'
    }
}
