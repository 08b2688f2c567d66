BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:hasSecretStore = Test-SecretStoreAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    $script:vault = Initialize-TestVault
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Connect-YouTube' {
    It 'connects unattended with a refresh token and writes one context object' {
        $context = Connect-EmulatorProfile -Emulator $emulator -Profile 'connect1'
        @($context).Count | Should -Be 1
        $context.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeContext'
        $context.Profile | Should -Be 'connect1'
        $context.ChannelTitle | Should -Be 'Emulated Channel'
        $context.Scopes | Should -Contain 'ReadOnly'
        $context.ContextScope | Should -Be 'Process'
        $context.ExpiresOn | Should -BeGreaterThan (Get-Date)
    }

    It 'refuses a missing client_secret.json with ClientSecretNotFound' {
        { Connect-YouTube -ClientSecretPath (Join-Path $TestDrive 'nope.json') -ContextScope Process -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientSecretNotFound,YtOAuth.Commands.ConnectYouTubeCommand'
    }

    It 'refuses a malformed client_secret.json naming the field, without echoing the secret' {
        $file = Join-Path $TestDrive 'broken.json'
        '{"installed":{"client_id":"x.apps.googleusercontent.com","client_secret_typo":"GOCSPX-do-not-show"}}' | Set-Content $file
        $err = { Connect-YouTube -ClientSecretPath $file -ContextScope Process -ErrorAction Stop } | Should -Throw -ErrorId 'ClientSecretInvalid,YtOAuth.Commands.ConnectYouTubeCommand' -PassThru
        $err.Exception.Message | Should -Match 'installed\.client_secret'
        $err.Exception.Message | Should -Not -Match 'GOCSPX-do-not-show'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'never opens a browser or waits in an unattended session' {
        # The suite runs with -NonInteractive; CI also sets CI=true.
        $env:CI = 'true'
        try {
            $started = Get-Date
            { Connect-YouTube -ClientSecretPath $emulator.ClientSecretPath -EndpointBaseUri $emulator.BaseUri -ContextScope Process -Profile 'attended' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.ConnectYouTubeCommand'
            ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 10
        } finally { Remove-Item Env:CI -ErrorAction SilentlyContinue }
    }

    It 'rejects a revoked refresh token with GrantRevoked and stores nothing' {
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        Invoke-RestMethod "$($emulator.BaseUri)revoke" -Method Post -Body @{ token = [Net.NetworkCredential]::new('', $grant.RefreshToken).Password } | Out-Null
        { Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile 'dead' -ContextScope Process -EndpointBaseUri $emulator.BaseUri -ErrorAction Stop } |
            Should -Throw -ErrorId 'GrantRevoked,YtOAuth.Commands.ConnectYouTubeCommand'
        (Get-YouTubeContext -ListAvailable).Profile | Should -Not -Contain 'dead'
    }

    It 'stores the grant in a SecretStore vault for CurrentUser' -Skip:(-not $hasSecretStore) {
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        $context = Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile 'vaulted' -Vault $vault -EndpointBaseUri $emulator.BaseUri
        $context.Vault | Should -Be $vault
        Get-SecretInfo -Name 'YtOAuth.vaulted' -Vault $vault | Should -Not -BeNullOrEmpty
        (Get-YouTubeToken -Profile 'vaulted' -Vault $vault -AsPlainText) | Should -Match '^ya29\.'
        Disconnect-YouTube -Profile 'vaulted' -Vault $vault -Confirm:$false
        Get-SecretInfo -Name 'YtOAuth.vaulted' -Vault $vault | Should -BeNullOrEmpty
    }
}
