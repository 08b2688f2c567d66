# Google's contract as the host shows it (the engine's side is in GoogleTokenContractTests and
# GoogleApiContractTests): a Testing app's grant with the end Google states, warned of at connect and shown by
# Get-YouTubeContext; an API not enabled in the Cloud project; a Workspace demand to sign in again. Profiles live in
# this session's memory: no vault is needed.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'A Testing app''s grant' {
    BeforeAll { Invoke-EmulatorControl $emulator 'settings' @{ testingApp = 'true' } }
    AfterAll { Invoke-EmulatorControl $emulator 'settings' @{ testingApp = 'false' } }

    It 'warns at connect when the grant ends and shows the end in Get-YouTubeContext' {
        $streams = Connect-EmulatorProfile -Emulator $emulator -Profile 'testing' 3>&1
        $warning = @($streams | Where-Object { $_ -is [Management.Automation.WarningRecord] }) -match 'grant ends on'
        $warning | Should -HaveCount 1
        "$warning" | Should -Match 'Publish the app'

        $context = Get-YouTubeContext -Profile 'testing'
        $context.RefreshTokenExpiresOn | Should -BeGreaterThan (Get-Date).AddDays(6.9)
        $context.RefreshTokenExpiresOn | Should -BeLessOrEqual (Get-Date).AddDays(7)
        "$warning" | Should -Match ([regex]::Escape($context.RefreshTokenExpiresOn.ToUniversalTime().ToString('yyyy-MM-dd HH:mm')))
    }

    It 'is not announced for a published app, whose grant states no end' {
        Invoke-EmulatorControl $emulator 'settings' @{ testingApp = 'false' }
        $streams = Connect-EmulatorProfile -Emulator $emulator -Profile 'published' 3>&1
        @($streams | Where-Object { $_ -is [Management.Automation.WarningRecord] }) -match 'grant ends on' | Should -BeNullOrEmpty
        (Get-YouTubeContext -Profile 'published').RefreshTokenExpiresOn | Should -BeNullOrEmpty
    }
}

Describe 'Google''s refusals as error records' {
    BeforeAll { Connect-EmulatorProfile -Emulator $emulator -Profile 'contract' | Out-Null }
    AfterEach { Invoke-EmulatorControl $emulator 'settings' @{ disabledApis = ''; reauthSubtype = '' } }

    It 'an API not enabled in the Cloud project is ApiNotEnabled, naming the API and the address to enable it' {
        Invoke-EmulatorControl $emulator 'settings' @{ disabledApis = 'data' }
        $before = Get-EmulatorCounter $emulator 'youtube:playlists'
        $failure = { Get-YouTubePlaylist -Profile 'contract' -ErrorAction Stop } | Should -Throw -ErrorId 'ApiNotEnabled,YtOAuth.Commands.GetYouTubePlaylistCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.Exception.Message | Should -Match 'YouTube Data API v3 is not enabled'
        $failure.Exception.Message | Should -Match 'youtube\.googleapis\.com/overview\?project='
        (Get-EmulatorCounter $emulator 'youtube:playlists') - $before | Should -Be 1
    }

    It 'a Workspace demand to sign in again is ReauthenticationRequired, and says to connect again' {
        Invoke-EmulatorControl $emulator 'settings' @{ reauthSubtype = 'invalid_rapt' }
        $failure = { Get-YouTubeToken -Profile 'contract' -ForceRefresh -ErrorAction Stop } | Should -Throw -ErrorId 'ReauthenticationRequired,YtOAuth.Commands.GetYouTubeTokenCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match 'sign in again'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Connect-YouTube'
        $failure.Exception.Message | Should -Not -Match (Get-SecretPattern)
    }
}
