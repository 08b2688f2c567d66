# The README's main job: pwsh ./build.ps1 -Task Demo, run as CI runs it (no terminal), from start to finish.
BeforeAll { Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force }

Describe 'pwsh ./build.ps1 -Task Demo' {
    It 'runs the whole flow through the cmdlets, says consent was auto-approved, and leaves nothing behind' {
        $before = @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'ytoauth-demo-*')
        $run = Invoke-ChildPwsh -Command "& '$(Join-Path (Get-RepoRoot) 'build.ps1')' -Task Demo" -Environment @{ CI = 'true' } -TimeoutSec 300
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'No terminal here, so the emulator approves the consent by itself'
        $run.Output | Should -Match 'Profile\s+ChannelTitle\s+Scopes'
        $run.Output | Should -Match 'Playlist 0012'
        $run.Output | Should -Match 'day\s+views\s+likes'
        $run.Output | Should -Match 'refreshed \(1 refresh at the emulator\) and retried'
        $run.Output | Should -Match 'A new access token replaced the refused one'
        $run.Output | Should -Match 'the emulator holds 0 live grants'
        $run.Output | Should -Match 'Done: every step ran through the YtOAuth cmdlets'
        $run.Output | Should -Not -Match (Get-SecretPattern)
        @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'ytoauth-demo-*').Count | Should -Be $before.Count
        Get-Process -Name dotnet -ErrorAction SilentlyContinue | Where-Object { $_.CommandLine -match 'ytoauth-demo-' } | Should -BeNullOrEmpty
    }
}
