# The benchmark's PowerShell contenders, warm in one session: YtOAuth's cmdlets, and what a PowerShell user writes
# by hand with Invoke-RestMethod. Reads "<case> <contender>" lines, answers "<ms> <count>" (time inside pwsh).
# Settings come from the environment (YTOAUTH_BENCH_*), set by the runner (benchmarks/YtOAuth.Benchmarks).
$ErrorActionPreference = 'Stop'
Import-Module $env:YTOAUTH_BENCH_MODULE
$refreshToken = ConvertTo-SecureString $env:YTOAUTH_BENCH_REFRESH_TOKEN -AsPlainText -Force
Connect-YouTube -ClientSecretPath $env:YTOAUTH_BENCH_CLIENT_SECRET_PATH -RefreshToken $refreshToken -EndpointBaseUri $env:YTOAUTH_BENCH_BASE -Profile bench -ContextScope Process | Out-Null

$base = $env:YTOAUTH_BENCH_BASE
$report = @{ StartDate = $env:YTOAUTH_BENCH_START; EndDate = $env:YTOAUTH_BENCH_END; Metrics = $env:YTOAUTH_BENCH_METRICS -split ','; Dimensions = $env:YTOAUTH_BENCH_DIMENSIONS -split ',' }
$reportQuery = "ids=channel%3D%3DMINE&startDate=$($report.StartDate)&endDate=$($report.EndDate)&metrics=$($env:YTOAUTH_BENCH_METRICS)&dimensions=$($env:YTOAUTH_BENCH_DIMENSIONS)"
$fields = [uri]::EscapeDataString($env:YTOAUTH_BENCH_FIELDS)

$contenders = @{
    'ready' = { 0 } # answered once connected: the runner waits for it before timing anything
    'report module' = {
        $rows = Get-YouTubeAnalytics -Profile bench @report
        $rows.Count
    }
    'report irm' = {
        # By hand: one call, then an object per row named after the column headers.
        $headers = @{ Authorization = 'Bearer ' + (Get-YouTubeToken -Profile bench -AsPlainText) }
        $answer = Invoke-RestMethod -Uri "${base}v2/reports?$reportQuery" -Headers $headers
        $names = @($answer.columnHeaders.name)
        $rows = foreach ($row in $answer.rows) {
            $properties = [ordered]@{}
            for ($i = 0; $i -lt $names.Count; $i++) { $properties[$names[$i]] = $row[$i] }
            [pscustomobject]$properties
        }
        $rows.Count
    }
    'playlists module' = {
        $playlists = Get-YouTubePlaylist -Profile bench
        $playlists.Count
    }
    'playlists irm' = {
        $headers = @{ Authorization = 'Bearer ' + (Get-YouTubeToken -Profile bench -AsPlainText) }
        $playlists = [System.Collections.Generic.List[object]]::new()
        $pageToken = $null
        do {
            $page = Invoke-RestMethod -Headers $headers -Uri ("${base}youtube/v3/playlists?part=snippet,status,contentDetails&mine=true&maxResults=50&fields=$fields" +
                $(if ($pageToken) { "&pageToken=$pageToken" }))
            $playlists.AddRange(@($page.items))
            $pageToken = $page.nextPageToken
        } while ($pageToken)
        $playlists.Count
    }
}

$stdout = [Console]::Out
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $run = $contenders[$line.Trim()]
    if (-not $run) { $stdout.WriteLine("error unknown contender '$line'"); $stdout.Flush(); continue }
    # The garbage of the run before is collected first, so no run pays for another's.
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $count = & $run
    $watch.Stop()
    $stdout.WriteLine([string]::Format([cultureinfo]::InvariantCulture, '{0:F3} {1}', $watch.Elapsed.TotalMilliseconds, $count))
    $stdout.Flush()
}
