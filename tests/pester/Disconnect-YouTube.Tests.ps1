BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Disconnect-YouTube' {
    It 'forgets locally while the grant stays valid at Google' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'local' | Out-Null
        Disconnect-YouTube -Profile 'local' -Confirm:$false
        (Get-YouTubeContext -ListAvailable).Profile | Should -Not -Contain 'local'
        Get-YouTubeToken -Profile 'local' -Vault 'NoSuchVault' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
