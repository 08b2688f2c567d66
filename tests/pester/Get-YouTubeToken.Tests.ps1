BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'tokens' | Out-Null
    $script:vault = Initialize-TestVault
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubeToken' {
    It 'writes a token object whose token is a SecureString and whose text shows no token' {
        $token = Get-YouTubeToken -Profile 'tokens'
        $token.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeAccessToken'
        $token.Token | Should -BeOfType [securestring]
        $plain = [Net.NetworkCredential]::new('', $token.Token).Password
        $plain | Should -Match '^ya29\.'
        ($token | Out-String) | Should -Not -Match ([regex]::Escape($plain))
        $token.ToString() | Should -Not -Match ([regex]::Escape($plain))
    }

    It 'writes plain text only with -AsPlainText' {
        Get-YouTubeToken -Profile 'tokens' -AsPlainText | Should -BeOfType [string]
    }

    It 'refreshes on -ForceRefresh' {
        $before = Get-YouTubeToken -Profile 'tokens' -AsPlainText
        Get-YouTubeToken -Profile 'tokens' -AsPlainText -ForceRefresh | Should -Not -Be $before
    }

    It 'fails at once with NotConnected naming Connect-YouTube when the vault holds no grant' {
        $err = { Get-YouTubeToken -Profile 'never-connected' -Vault $vault -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,YtOAuth.Commands.GetYouTubeTokenCommand' -PassThru
        $err.ToString() | Should -Match 'Run: Connect-YouTube -Profile never-connected -ClientSecretPath \./client_secret\.json$'
    }

    It 'says how to set up a vault when the named one does not exist' {
        $err = { Get-YouTubeToken -Profile 'tokens' -Vault 'NoSuchVault' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VaultNotAvailable,YtOAuth.Commands.GetYouTubeTokenCommand' -PassThru
        $err.Exception.Message | Should -Match 'Register-SecretVault -Name YtOAuth'
        $err.Exception.Message | Should -Match 'ContextScope Process'
    }

    It 'keeps secrets out of the verbose stream' {
        $plain = Get-YouTubeToken -Profile 'tokens' -AsPlainText
        $verbose = Get-YouTubeToken -Profile 'tokens' -ForceRefresh -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose | Should -Not -BeNullOrEmpty
        ($verbose | Out-String) | Should -Not -Match 'ya29\.'
        ($verbose | Out-String) | Should -Not -Match ([regex]::Escape($plain))
    }
}
