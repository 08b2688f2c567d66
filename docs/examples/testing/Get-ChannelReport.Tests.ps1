# A Pester suite for Get-ChannelReport.ps1 that never reaches Google: it runs the YtOAuth emulator with seed.json.
# Needs: the YtOAuth module and the ytoauth tool (dotnet tool install --global ytoauth).
BeforeAll {
    Import-Module YtOAuth
    $script:output = New-TemporaryFile
    $script:clientSecret = Join-Path ([IO.Path]::GetTempPath()) "channel-report-$PID.json"

    # Port 0: any free port; the emulator prints the one it took.
    $script:emulator = Start-Process ytoauth -PassThru -RedirectStandardOutput $output -ArgumentList @(
        'emulator', '--port', '0', '--auto-approve', '--seed', "$PSScriptRoot/seed.json", '--client-secret-out', $clientSecret)
    $deadline = (Get-Date).AddSeconds(30)
    while (-not ((Get-Content $output -Raw) -match 'listening on (\S+)')) {
        if ($emulator.HasExited -or (Get-Date) -gt $deadline) { throw "The emulator did not start: $(Get-Content $output -Raw)" }
        Start-Sleep -Milliseconds 100
    }
    $script:baseUri = $Matches[1]

    # A grant as if someone had consented (no browser in CI), kept for this session only: no vault is touched.
    $grant = Invoke-RestMethod -Method Post "${baseUri}emulator/grants"
    $refreshToken = ConvertTo-SecureString $grant.refresh_token -AsPlainText -Force
    Connect-YouTube -ClientSecretPath $clientSecret -RefreshToken $refreshToken -EndpointBaseUri $baseUri -Profile report-test -ContextScope Process

    function Get-EmulatorCounter([string] $Name) { [int](Invoke-RestMethod "${baseUri}emulator/counters").counts.$Name }
}

AfterAll {
    if ($emulator -and -not $emulator.HasExited) { Invoke-RestMethod -Method Post "${baseUri}emulator/stop" | Out-Null; $emulator.WaitForExit(10000) | Out-Null }
    Remove-Item $output, $clientSecret -ErrorAction SilentlyContinue
}

Describe 'Get-ChannelReport.ps1' {
    It 'lists every upload with lifetime and period views, busiest first' {
        $report = & "$PSScriptRoot/Get-ChannelReport.ps1" -Profile report-test -StartDate 2026-11-01 -EndDate 2026-11-02
        $report.Title | Should -Be 'Knife skills', 'Sourdough in a day', 'Winter soups'
        $report[0].PeriodViews | Should -Be 1210
        $report[0].Views | Should -Be 26500
    }

    It 'asks YouTube for the videos in one call, and for the report once' {
        Invoke-RestMethod -Method Post "${baseUri}emulator/counters/reset" | Out-Null
        & "$PSScriptRoot/Get-ChannelReport.ps1" -Profile report-test -StartDate 2026-11-01 | Out-Null
        Get-EmulatorCounter 'youtube:videos' | Should -Be 1
        Get-EmulatorCounter 'analytics' | Should -Be 1
    }

    It 'stops with a quota error when YouTube refuses, and says so' {
        Invoke-RestMethod -Method Post "${baseUri}emulator/faults?target=YouTube&status=403&reason=quotaExceeded" | Out-Null
        { & "$PSScriptRoot/Get-ChannelReport.ps1" -Profile report-test -StartDate 2026-11-01 } |
            Should -Throw -ErrorId 'QuotaExceeded*'
    }
}
