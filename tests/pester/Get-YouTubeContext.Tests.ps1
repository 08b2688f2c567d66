BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'ctx' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubeContext' {
    It 'shows a profile without any secret' {
        $context = Get-YouTubeContext -Profile 'ctx'
        $context.ChannelTitle | Should -Be 'Emulated Channel'
        $context.ConsentedOn.Date | Should -Be (Get-Date).Date
        $text = $context | Format-List * | Out-String
        $text | Should -Not -Match 'ya29\.|1//|GOCSPX'
    }

    It 'lists this session''s profiles even without a vault' {
        (Get-YouTubeContext -ListAvailable).Profile | Should -Contain 'ctx'
    }

    It 'writes nothing and no error when the profile is not connected, so "if (-not (Get-YouTubeContext))" works' {
        $out = Get-YouTubeContext -Profile 'never-here' -ErrorVariable failed
        $out | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
        if (-not (Get-YouTubeContext -Profile 'never-here')) { $asked = $true }
        $asked | Should -BeTrue
    }

    It 'says with -Verbose which Connect-YouTube line to run, -ClientSecretPath included' {
        $said = (Get-YouTubeContext -Profile 'never-here' -Verbose 4>&1) -join ' '
        $said | Should -Match "never-here"
        $said | Should -Match 'Run: Connect-YouTube -Profile never-here -ClientSecretPath ./client_secret.json'
    }

    It 'says how to set up a vault when the named one does not exist' {
        { Get-YouTubeContext -Profile 'unknown' -Vault 'NoSuchVault' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VaultNotAvailable,YtOAuth.Commands.GetYouTubeContextCommand'
    }
}
