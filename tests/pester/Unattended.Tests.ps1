# The ways YtOAuth runs with nobody at the keyboard, each in its own pwsh process as it would be in real life: a
# scheduled job reading a grant from the vault, a CI step connecting from a refresh token held in environment
# variables, and several scripts asking for a token at the same moment.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:manifest = Get-YtOAuthModulePath
    $script:emulator = Start-GoogleEmulator
    $script:vault = Initialize-TestVault
    # The scheduled job of the README: the grant comes from the default vault, failures end the script.
    $script:job = Join-Path $TestDrive 'job.ps1'
    @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
`$token = Get-YouTubeToken -Profile nightly
`$playlists = Get-YouTubePlaylist -Profile nightly
"token valid until `$(`$token.ExpiresOn.ToString('u'))"
"playlists: `$(`$playlists.Count)"
"@ | Set-Content $job
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'A scheduled job (pwsh -NonInteractive -File job.ps1)' {
    BeforeAll { Connect-EmulatorProfile -Emulator $emulator -Profile 'nightly' -Vault $vault | Out-Null }

    It 'reads the grant from the vault, gets a token, lists playlists and exits 0' {
        $run = Invoke-ChildPwsh -File $job
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'playlists: 12'
        $run.Output + $run.Errors | Should -Not -Match (Get-SecretPattern)
    }

    It 'fails fast with GrantRevoked, a non-zero exit and the command to run, and keeps the stored grant' {
        Invoke-EmulatorControl $emulator 'revoke-all'
        $run = Invoke-ChildPwsh -File $job -TimeoutSec 60
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 1
        $run.Seconds | Should -BeLessThan 20
        $run.Errors | Should -Match 'expired or revoked'
        $run.Errors | Should -Match 'Connect-YouTube -Profile nightly'
        $run.Errors | Should -Not -Match (Get-SecretPattern)
        Get-VaultSecretName | Should -Contain 'YtOAuth.nightly'
    }

    It 'fails fast with VaultNotAvailable when the vault is locked' {
        $lockedHome = New-TestHome
        # A store that wants a password, and a session that cannot give one.
        $setup = Invoke-ChildPwsh -HomePath $lockedHome -Command ("Set-SecretStoreConfiguration -Scope CurrentUser -Authentication Password -Interaction None -Confirm:`$false " +
            "-Password (ConvertTo-SecureString 'locked-store' -AsPlainText -Force); Register-SecretVault -Name YtOAuth -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault")
        $setup.ExitCode | Should -Be 0
        $run = Invoke-ChildPwsh -File $job -HomePath $lockedHome -TimeoutSec 60
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 1
        $run.Seconds | Should -BeLessThan 20
        $run.Errors | Should -Match 'wants a password'
        $run.Errors | Should -Match 'Unlock-SecretStore'
    }

    It 'fails fast with the vault set-up commands on a machine that has no vault' {
        $run = Invoke-ChildPwsh -File $job -HomePath (New-TestHome) -TimeoutSec 60
        $run.ExitCode | Should -Be 1
        $run.Seconds | Should -BeLessThan 20
        $run.Errors | Should -Match 'No default SecretManagement vault'
        $run.Errors | Should -Match 'Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None'
        $run.Errors | Should -Match 'ContextScope Process'
    }
}

Describe 'The CI pattern: a refresh token from environment variables, -ContextScope Process' {
    It 'connects, lists playlists, and writes nothing to the vault or the home folder' {
        $ciHome = New-TestHome
        $setup = Invoke-ChildPwsh -HomePath $ciHome -Command "$(Get-ReadmeVaultSetup); Set-Secret -Name other-app -Secret 'unrelated'; Import-Module '$manifest'"
        $setup.ExitCode | Should -Be 0
        # Every file of the home folder but PowerShell's own JIT start-up profile, which pwsh rewrites on each start.
        $snapshot = { Get-ChildItem $ciHome -Recurse -File -Force | Where-Object Name -NotLike 'StartupProfileData-*' | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" } }
        $before = & $snapshot
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        $ci = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
`$secret = ConvertTo-SecureString `$env:YT_CLIENT_SECRET -AsPlainText -Force
`$refresh = ConvertTo-SecureString `$env:YT_REFRESH_TOKEN -AsPlainText -Force
Connect-YouTube -ClientId `$env:YT_CLIENT_ID -ClientSecret `$secret -RefreshToken `$refresh -ContextScope Process -EndpointBaseUri '$($emulator.BaseUri)' | Out-Null
"playlists: `$((Get-YouTubePlaylist).Count)"
"@
        $run = Invoke-ChildPwsh -HomePath $ciHome -Command $ci -Environment @{
            CI = 'true'; YT_CLIENT_ID = $grant.ClientId; YT_CLIENT_SECRET = $grant.ClientSecretText; YT_REFRESH_TOKEN = $grant.RefreshTokenText
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Match 'playlists: 12'
        $run.Output | Should -Not -Match (Get-SecretPattern)
        $after = & $snapshot
        Compare-Object $before $after | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" } | Should -BeNullOrEmpty
        Get-VaultSecretName -HomePath $ciHome | Should -Be @('other-app')
    }
}

Describe 'Carrying a grant from the laptop to a server or a CI secret' {
    It 'exports the refresh token as a SecureString, as text only with -AsPlainText, and another machine connects with it' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'laptop' | Out-Null
        Get-YouTubeToken -Profile 'laptop' -RefreshToken | Should -BeOfType [securestring]
        $refresh = Get-YouTubeToken -Profile 'laptop' -RefreshToken -AsPlainText
        $refresh | Should -Match '^1//rt-'
        $client = (Get-Content $emulator.ClientSecretPath -Raw | ConvertFrom-Json).installed
        $server = Invoke-ChildPwsh -HomePath (New-TestHome) -Environment @{ YT_RT = $refresh; YT_CS = $client.client_secret } -Command (
            "Import-Module '$manifest'; Connect-YouTube -ClientId '$($client.client_id)' -ClientSecret (ConvertTo-SecureString `$env:YT_CS -AsPlainText -Force) " +
            "-RefreshToken (ConvertTo-SecureString `$env:YT_RT -AsPlainText -Force) -ContextScope Process -EndpointBaseUri '$($emulator.BaseUri)' | Out-Null; (Get-YouTubePlaylist).Count")
        $server.Errors | Should -BeNullOrEmpty
        $server.Output.Trim() | Should -Be '12'
    }
}

Describe 'Four scripts asking for a token at the same moment' {
    BeforeAll {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'race' -Vault $vault | Out-Null
        Set-StoredAccessTokenExpired -Profile 'race'
        # A slow token endpoint widens the window in which the others must wait for the first refresh.
        Invoke-EmulatorControl $emulator 'settings' @{ tokenDelayMs = 500 }
        Invoke-EmulatorControl $emulator 'counters/reset'
    }

    AfterAll { Invoke-EmulatorControl $emulator 'settings' @{ tokenDelayMs = 0 } }

    It 'makes exactly one refresh at the emulator, and all four get the same valid token' {
        $processes = 1..4 | ForEach-Object { Start-ChildPwsh -Command "Import-Module '$manifest'; Get-YouTubeToken -Profile race -AsPlainText -ErrorAction Stop" }
        $runs = $processes | ForEach-Object { Wait-ChildPwsh -Process $_ -TimeoutSec 120 }
        $runs.ExitCode | Should -Be @(0, 0, 0, 0)
        $tokens = $runs | ForEach-Object { $_.Output.Trim() }
        $tokens | ForEach-Object { $_ | Should -Match '^ya29\.' }
        @($tokens | Sort-Object -Unique).Count | Should -Be 1
        Get-EmulatorCounter $emulator 'token:refresh_token' | Should -Be 1
    }
}
