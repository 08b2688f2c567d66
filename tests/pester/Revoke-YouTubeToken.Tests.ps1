BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Revoke-YouTubeToken' {
    It 'does nothing with -WhatIf' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'whatif' | Out-Null
        Revoke-YouTubeToken -Profile 'whatif' -WhatIf
        Get-YouTubeToken -Profile 'whatif' -AsPlainText | Should -Match '^ya29\.'
    }

    It 'revokes at Google and forgets the grant with -Force' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'gone' | Out-Null
        Revoke-YouTubeToken -Profile 'gone' -Force
        { Get-YouTubeToken -Profile 'gone' -ErrorAction Stop } | Should -Throw
    }

    It 'keeps the grant and says so when Google cannot be reached' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'kept' | Out-Null
        Stop-GoogleEmulator $emulator
        $err = { Revoke-YouTubeToken -Profile 'kept' -Force -ErrorAction Stop } | Should -Throw -ErrorId 'RevokeFailed,YtOAuth.Commands.RevokeYouTubeTokenCommand' -PassThru
        $err.Exception.Message | Should -Match 'kept'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Disconnect-YouTube -Profile kept to forget the grant here only'
        (Get-YouTubeContext -Profile 'kept').Profile | Should -Be 'kept'
    }
}

Describe 'Revoke-YouTubeToken in an unattended session' {
    BeforeAll { $script:emulator2 = Start-GoogleEmulator }
    AfterAll { Stop-GoogleEmulator $script:emulator2 }

    It 'fails fast with InteractionRequired instead of prompting, and revokes nothing' {
        Connect-EmulatorProfile -Emulator $emulator2 -Profile 'unattended' | Out-Null
        $env:CI = 'true'
        try {
            { Revoke-YouTubeToken -Profile 'unattended' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.RevokeYouTubeTokenCommand'
        } finally { Remove-Item Env:CI -ErrorAction SilentlyContinue }
        Get-YouTubeToken -Profile 'unattended' -AsPlainText | Should -Match '^ya29\.'
    }
}
