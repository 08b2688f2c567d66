BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'stats' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubeAnalytics' {
    It 'writes one typed object per row, named after the column headers' {
        $rows = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-10) -Metrics 'views', 'averageViewPercentage' -Dimensions day
        $rows.Count | Should -BeGreaterThan 5
        $rows[0].PSObject.TypeNames[0] | Should -Be 'YtOAuth.AnalyticsRow'
        $rows[0].day | Should -BeOfType [datetime]
        $rows[0].views | Should -BeOfType [long]
        $rows[0].averageViewPercentage | Should -BeOfType [double]
    }

    It 'writes nothing for a period without data' {
        Get-YouTubeAnalytics -Profile 'stats' -StartDate 2001-01-01 -EndDate 2001-01-31 -Metrics views -Dimensions day | Should -BeNullOrEmpty
    }

    It 'refuses an end date before the start date before calling Google' {
        { Get-YouTubeAnalytics -Profile 'stats' -StartDate 2026-02-01 -EndDate 2026-01-01 -Metrics views -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.GetYouTubeAnalyticsCommand'
    }

    It 'names the missing scope when the grant lacks Analytics' {
        $grant = New-EmulatorRefreshToken -Emulator $emulator -Scope 'https://www.googleapis.com/auth/youtube.readonly'
        Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile 'noanalytics' -ContextScope Process -EndpointBaseUri $emulator.BaseUri | Out-Null
        $err = { Get-YouTubeAnalytics -Profile 'noanalytics' -StartDate (Get-Date).AddDays(-3) -Metrics views -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScopeMissing,YtOAuth.Commands.GetYouTubeAnalyticsCommand' -PassThru
        $err.ToString() | Should -Match 'Connect-YouTube -Profile noanalytics -Scope ReadOnly,Analytics -Force'
        $err.ErrorDetails.RecommendedAction | Should -Be 'Run: Connect-YouTube -Profile noanalytics -Scope ReadOnly,Analytics -Force'
    }
}
