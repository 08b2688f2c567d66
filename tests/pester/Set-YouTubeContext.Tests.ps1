# The current profile of a session: Connect-YouTube makes its profile current, Set-YouTubeContext switches, -Profile
# still wins, and -Profile and -Vault complete from what exists.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'first' | Out-Null
    Connect-EmulatorProfile -Emulator $emulator -Profile 'reports' | Out-Null

    function script:Get-Completion([string] $Line) { @((TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText) }
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'The current profile' {
    It 'is the profile Connect-YouTube connected last, used by commands given no -Profile' {
        (Get-YouTubeContext).Profile | Should -Be 'reports'
        @(Get-YouTubePlaylist).Count | Should -BeGreaterThan 0
        (Get-YouTubeToken).Profile | Should -Be 'reports'
    }

    It 'switches with Set-YouTubeContext, silently unless -PassThru' {
        Set-YouTubeContext -Profile 'first' | Should -BeNullOrEmpty
        (Get-YouTubeContext).Profile | Should -Be 'first'
        (Get-YouTubeToken).Profile | Should -Be 'first'
        (Set-YouTubeContext -Profile 'reports' -PassThru).Profile | Should -Be 'reports'
        (Get-YouTubeToken).Profile | Should -Be 'reports'
    }

    It 'gives way to -Profile on a command' {
        Set-YouTubeContext -Profile 'reports'
        (Get-YouTubeToken -Profile 'first').Profile | Should -Be 'first'
        (Get-YouTubeContext).Profile | Should -Be 'reports'
    }

    It 'binds -Profile from a piped context' {
        Get-YouTubeContext -Profile 'first' | Set-YouTubeContext
        (Get-YouTubeContext).Profile | Should -Be 'first'
    }

    It 'stays as it was when the named profile is not stored, with NotConnected' {
        Set-YouTubeContext -Profile 'reports'
        $err = { Set-YouTubeContext -Profile 'nowhere' -ErrorAction Stop } | Should -Throw -PassThru
        # VaultNotAvailable where no vault is set up: the profile is then in neither place.
        $err.FullyQualifiedErrorId | Should -BeIn @('NotConnected,YtOAuth.Commands.SetYouTubeContextCommand', 'VaultNotAvailable,YtOAuth.Commands.SetYouTubeContextCommand')
        (Get-YouTubeContext).Profile | Should -Be 'reports'
    }

    It 'asks for a profile name when none is given' {
        { Set-YouTubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.SetYouTubeContextCommand'
    }

    It 'changes nothing with -WhatIf' {
        Set-YouTubeContext -Profile 'reports'
        Set-YouTubeContext -Profile 'first' -WhatIf
        (Get-YouTubeContext).Profile | Should -Be 'reports'
    }

    It 'falls back to default once the current profile is disconnected' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'brief' | Out-Null
        (Get-YouTubeContext).Profile | Should -Be 'brief'
        Disconnect-YouTube -Confirm:$false
        $said = Get-YouTubeContext -Verbose 4>&1
        @($said | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        ($said | Where-Object { $_ -is [Management.Automation.VerboseRecord] }) -join ' ' | Should -Match "profile 'default'"
    }

    It 'is never what Connect-YouTube without -Profile replaces' {
        Set-YouTubeContext -Profile 'reports'
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        (Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -ContextScope Process -EndpointBaseUri $emulator.BaseUri).Profile |
            Should -Be 'default'
        (Get-YouTubeContext).Profile | Should -Be 'default'
    }
}

Describe 'Tab completion' {
    It 'offers the stored profiles for -Profile, not file names' {
        Push-Location $TestDrive
        try {
            New-Item 'reports-file.txt' -ItemType File | Out-Null
            Get-Completion 'Get-YouTubePlaylist -Profile re' | Should -Be @('reports')
            Get-Completion 'Set-YouTubeContext -Profile ' | Should -Contain 'first'
            Get-Completion 'Set-YouTubeContext -Profile ' | Should -Not -Contain 'reports-file.txt'
        }
        finally { Pop-Location }
    }

    It 'offers registered vaults for -Vault, and no file names when there are none' {
        Push-Location $TestDrive
        try {
            New-Item 'vault-file.txt' -ItemType File | Out-Null
            $offered = Get-Completion 'Get-YouTubeContext -Vault '
            $offered | Should -Not -Contain 'vault-file.txt'
            $vaults = @(if (Get-Command Get-SecretVault -ErrorAction Ignore) { (Get-SecretVault).Name })
            $offered | Should -Be $vaults
        }
        finally { Pop-Location }
    }
}
