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
        $rows[0].PSObject.TypeNames | Should -Contain 'YtOAuth.AnalyticsRow'
        $rows[0].PSObject.Properties.Name | Should -Be 'day', 'views', 'averageViewPercentage'
        $rows[0].day | Should -BeOfType [datetime]
        $rows[0].views | Should -BeOfType [long]
        $rows[0].averageViewPercentage | Should -BeOfType [double]
        ($rows[0] | Get-Member -Name views).Definition | Should -Match '\blong\b.*views'
    }

    It 'gives each column set one row type, with typed properties, made once a session' {
        $first = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-5) -Metrics 'views' -Dimensions day
        $again = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-3) -Metrics 'views' -Dimensions day
        $other = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-3) -Metrics 'views' -Dimensions country
        $again[0].GetType() | Should -Be $first[0].GetType()
        $other[0].GetType() | Should -Not -Be $first[0].GetType()
        $first[0].GetType().FullName | Should -Be 'YtOAuth.AnalyticsRow_day_views'
        $first[0] -is [YtOAuth.AnalyticsRow] | Should -BeTrue
    }

    It 'shows rows as a table even with more than four columns' {
        $rows = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-3) -Metrics 'views', 'likes', 'averageViewPercentage' -Dimensions day, subscribedStatus
        $rows[0].PSObject.Properties.Name.Count | Should -Be 5
        $lines = ($rows | Select-Object -First 2 | Out-String) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^day\s+subscribedStatus\s+views\s+likes\s+averageViewPercentage\s*$'
        $lines.Count | Should -Be 4 # header, rule, two rows
        ($rows[0] | Format-List | Out-String) | Should -Match 'averageViewPercentage : '
    }

    It 'feels native: sorts, filters, exports to CSV and JSON' {
        $byCountry = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-10) -Metrics 'views', 'likes' -Dimensions country
        $byDay = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-10) -Metrics 'views' -Dimensions day
        ($byCountry | Sort-Object views -Descending | Select-Object -First 1).views | Should -Be ($byCountry.views | Measure-Object -Maximum).Maximum
        @($byCountry | Where-Object country -EQ 'US').Count | Should -Be 1
        ($byCountry | ConvertTo-Csv | Select-Object -First 1) | Should -Be '"country","views","likes"'
        ($byDay[0] | ConvertTo-Json -Compress) | Should -Match '^\{"day":.*,"views":\d+\}$'
        $byDay[0].PSObject.Properties.Name | Should -Be 'day', 'views'
    }

    It 'keeps a column name that cannot be a property name as it is' {
        $body = '{"kind":"youtubeAnalytics#resultTable","columnHeaders":[{"name":"video-id","columnType":"DIMENSION","dataType":"STRING"},' +
                '{"name":"views","columnType":"METRIC","dataType":"INTEGER"}],"rows":[["abc",7]]}'
        Invoke-EmulatorControl $emulator 'faults' @{ target = 'Analytics'; status = 200; body = $body }
        $row = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-3) -Metrics 'views' -Dimensions video -Sort '-views'
        $row.'video-id' | Should -Be 'abc'
        $row.views | Should -Be 7
        $row.PSObject.TypeNames | Should -Contain 'YtOAuth.AnalyticsRow'
    }

    It 'lists top videos by a descending sort, as Google wants them' {
        $top = Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-10) -Metrics 'views', 'estimatedMinutesWatched' -Dimensions video -Sort '-views' -MaxResults 3
        $top.Count | Should -Be 3
        $top[0].views | Should -BeGreaterOrEqual $top[1].views
        $top[1].views | Should -BeGreaterOrEqual $top[2].views
    }

    It 'refuses a report Google does not serve before calling it, naming the nearest that would' {
        Invoke-EmulatorControl $emulator 'counters/reset'
        $err = { Get-YouTubeAnalytics -Profile 'stats' -StartDate (Get-Date).AddDays(-10) -Metrics views -Dimensions day, video -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,YtOAuth.Commands.GetYouTubeAnalyticsCommand' -PassThru
        $err.ToString() | Should -Match 'The query is not supported'
        $err.ToString() | Should -Match 'User activity over time: leave out dimension video'
        Get-EmulatorCounter $emulator 'analytics' | Should -Be 0
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
        $err.ToString() | Should -Match 'Connect-YouTube -Profile noanalytics -Scope Analytics'
        $err.ToString() | Should -Not -Match '-Force' # incremental: the grant keeps ReadOnly and adds Analytics
        # Runnable as it stands: -ClientSecretPath is mandatory, so the line names it.
        $err.ErrorDetails.RecommendedAction | Should -Be 'Run: Connect-YouTube -Profile noanalytics -Scope Analytics -ClientSecretPath ./client_secret.json'
    }
}
