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
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        $connect = Invoke-ChildPwsh -HomePath $freshHome -Environment @{ YT_RT = $grant.RefreshTokenText; YT_CS = $grant.ClientSecretText } -Command (
            "Import-Module '$manifest'; Connect-YouTube -ClientId '$($grant.ClientId)' -ClientSecret (ConvertTo-SecureString `$env:YT_CS -AsPlainText -Force) " +
            "-RefreshToken (ConvertTo-SecureString `$env:YT_RT -AsPlainText -Force) -EndpointBaseUri '$($emulator.BaseUri)' -ErrorAction Stop | Select-Object -ExpandProperty Vault")
        $connect.Errors | Should -BeNullOrEmpty
        $connect.Output.Trim() | Should -Be 'YtOAuth'
        $later = Invoke-ChildPwsh -HomePath $freshHome -Command "Import-Module '$manifest'; (Get-YouTubeContext).ChannelTitle; (Get-YouTubeToken -AsPlainText).Length -gt 20"
        $later.Errors | Should -BeNullOrEmpty
        $later.Output | Should -Match 'Emulated Channel'
        $later.Output | Should -Match 'True'
    }
}
