# The README's vault set-up, run as a user on a brand-new machine would: every step in its own pwsh process with a
# home folder nobody has used, none of them allowed to prompt.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:manifest = Get-YtOAuthModulePath
    $script:emulator = Start-GoogleEmulator
    $script:freshHome = New-TestHome
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Vault set-up from a fresh home' {
    It 'runs the README''s lines without a prompt' {
        $run = Invoke-ChildPwsh -HomePath $freshHome -Command "`$ErrorActionPreference = 'Stop'; $(Get-ReadmeVaultSetup); (Get-SecretVault).Name; (Get-SecretStoreConfiguration).Authentication"
        $run.TimedOut | Should -BeFalse
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'YtOAuth'
        $run.Output | Should -Match 'None'
    }

    It 'can run the lines again without harm' {
        $run = Invoke-ChildPwsh -HomePath $freshHome -Command "`$ErrorActionPreference = 'Stop'; Set-Secret -Name keep -Secret 'kept'; $(Get-ReadmeVaultSetup); Get-Secret keep -AsPlainText"
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Trim() | Should -Be 'kept'
    }

    It 'keeps a grant that a later process reads without any prompt' {
        $connect = Invoke-ChildConnect -Emulator $emulator -HomePath $freshHome -Suffix '| Select-Object -ExpandProperty Vault'
        $connect.Errors | Should -BeNullOrEmpty
        $connect.Output.Trim() | Should -Be 'YtOAuth'
        $later = Invoke-ChildPwsh -HomePath $freshHome -Command "Import-Module '$manifest'; (Get-YouTubeContext).ChannelTitle; (Get-YouTubeToken -AsPlainText).Length -gt 20"
        $later.Errors | Should -BeNullOrEmpty
        $later.Output | Should -Match 'Emulated Channel'
        $later.Output | Should -Match 'True'
    }
}

Describe 'A vault whose writes fail (a full disk, a vault gone read-only)' {
    BeforeAll {
        $script:failingHome = New-TestHome
        $script:vaultFolder = Join-Path $failingHome 'failing-vault'
        New-Item -ItemType Directory $vaultFolder | Out-Null
        $module = Join-Path (Get-RepoRoot) 'tests/pester/TestVault/WriteFailingVault'
        $register = Invoke-ChildPwsh -HomePath $failingHome -Command "Register-SecretVault -Name Failing -ModuleName '$module' -VaultParameters @{ Path = '$vaultFolder' } -ErrorAction Stop"
        $register.Errors | Should -BeNullOrEmpty
        $script:failWrites = Join-Path $vaultFolder 'fail-writes'
    }

    AfterEach { Remove-Item $failWrites -ErrorAction SilentlyContinue }

    It 'keeps the stored grant whole when a refreshed token cannot be written, and works again once it can' {
        $connect = Invoke-ChildConnect -Emulator $emulator -HomePath $failingHome -Arguments '-Profile refresh -Vault Failing'
        $connect.Errors | Should -BeNullOrEmpty
        $secretFile = Join-Path $vaultFolder 'YtOAuth.refresh.secret'
        # As time would: the stored access token has expired, so the next call must refresh and write.
        (Get-Content $secretFile -Raw) -replace '"access_token_expires_utc":\s*"[^"]*"', '"access_token_expires_utc": "2001-01-01T00:00:00Z"' |
            Set-Content $secretFile -NoNewline
        $before = Get-FileHash $secretFile
        New-Item $failWrites | Out-Null

        $run = Invoke-ChildPwsh -HomePath $failingHome -Command (
            "Import-Module '$manifest'; try { Get-YouTubeToken -Profile refresh -Vault Failing -ErrorAction Stop | Out-Null } catch { `$_.FullyQualifiedErrorId; throw }")
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match '^VaultNotAvailable,'
        $run.Errors | Should -Match "The vault 'Failing' failed\. \(No space left on device\.\) What it held before is unchanged"
        $run.Errors | Should -Not -Match 'Install-Module'
        $run.Errors | Should -Not -Match (Get-SecretPattern)
        (Get-FileHash $secretFile).Hash | Should -Be $before.Hash

        Remove-Item $failWrites
        $again = Invoke-ChildPwsh -HomePath $failingHome -Command "Import-Module '$manifest'; (Get-YouTubeToken -Profile refresh -Vault Failing -ErrorAction Stop).ExpiresOn -gt (Get-Date)"
        $again.Errors | Should -BeNullOrEmpty
        $again.Output.Trim() | Should -Be 'True'
    }

    It 'revokes a grant made by consent that could not be stored, so that none is left live at Google' {
        New-Item $failWrites | Out-Null
        Invoke-EmulatorControl $emulator 'counters/reset'
        $follow = Join-Path (Get-RepoRoot) 'src/YtOAuth.Demo/Follow-Redirect.ps1'
        $run = Invoke-ChildPwsh -Interactive -HomePath $failingHome -Environment @{ BROWSER = "pwsh -NoProfile -NonInteractive -File $follow %s" } -Command (
            "Import-Module '$manifest'; Connect-YouTube -ClientSecretPath '$($emulator.ClientSecretPath)' -EndpointBaseUri '$($emulator.BaseUri)' " +
            "-Profile consent -Vault Failing -TimeoutSec 60 -ErrorAction Stop | Out-Null")
        $run.ExitCode | Should -Be 1
        $run.Errors | Should -Match 'No space left on device'
        $run.Errors | Should -Match 'revoked at Google'
        Get-EmulatorCounter -Emulator $emulator -Name 'token:authorization_code' | Should -Be 1
        Get-EmulatorCounter -Emulator $emulator -Name 'revoke' | Should -Be 1
        Test-Path (Join-Path $vaultFolder 'YtOAuth.consent.secret') | Should -BeFalse
    }
}
