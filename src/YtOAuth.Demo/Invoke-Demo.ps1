#Requires -Version 7.2
<#
.SYNOPSIS
    The whole YtOAuth flow in PowerShell, against the Google emulator: consent in a browser, the channel, playlists
    as a table, an analytics report, a silent refresh, and revocation. Leaves nothing behind.
.DESCRIPTION
    Run it through build.ps1 (pwsh ./build.ps1 -Task Demo), which builds first. In a terminal the emulator's consent
    page opens in your browser (or its URL is printed): tick the scopes and press Allow. With -AutoApprove (what
    build.ps1 passes when there is no terminal, as in CI) the emulator approves by itself and a small script stands
    in for the browser, and the demo says so.
#>
[CmdletBinding()]
param([switch] $AutoApprove)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
$manifest = Join-Path $root "out/YtOAuth/$version/YtOAuth.psd1"
$emulatorDll = Join-Path $root 'src/YtOAuth.Emulator/bin/Release/net10.0/YtOAuth.Emulator.dll'
foreach ($path in $manifest, $emulatorDll) {
    if (-not (Test-Path $path)) { throw "$path is missing: build first (pwsh ./build.ps1 -Task Build, Demo)." }
}

function Write-Step([string] $Text) { Write-Host ''; Write-Host $Text -ForegroundColor Cyan }

$secretFile = Join-Path ([IO.Path]::GetTempPath()) "ytoauth-demo-$PID.json"
$start = [Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($a in @($emulatorDll, '--port', '0', '--client-secret-out', $secretFile)) { $start.ArgumentList.Add($a) }
if ($AutoApprove) { $start.ArgumentList.Add('--auto-approve') }
$start.RedirectStandardOutput = $true
$start.UseShellExecute = $false
$emulator = [Diagnostics.Process]::Start($start)
$savedBrowser = $env:BROWSER
try {
    $base = $null
    while (-not $base -and ($line = $emulator.StandardOutput.ReadLine()) -ne $null) {
        if ($line -match 'listening on (\S+)') { $base = $Matches[1] }
    }
    if (-not $base) { throw 'The Google emulator did not start.' }
    Import-Module $manifest
    Write-Step "1. The Google emulator runs at $base; its client_secret.json is $secretFile (removed at the end)."

    if ($AutoApprove) {
        Write-Step '2. Signing in. No terminal here, so the emulator approves the consent by itself (auto-approve) and a script plays the browser, following the redirect to YtOAuth''s loopback listener.'
        $env:BROWSER = "pwsh -NoProfile -NonInteractive -File $(Join-Path $PSScriptRoot 'Follow-Redirect.ps1') %s"
    } else {
        Write-Step '2. Signing in: a browser opens the emulator''s consent page (or open the URL below). Tick the scopes and press Allow.'
    }
    # Process scope: the grant lives in this session's memory only, so the demo leaves nothing in your vault.
    $context = Connect-YouTube -ClientSecretPath $secretFile -EndpointBaseUri $base -Profile demo -ContextScope Process
    $context | Format-Table | Out-Host
    Write-Host "   Code exchanged for tokens (PKCE S256, state checked); connected to '$($context.ChannelTitle)' ($($context.ChannelId))."

    Write-Step '3. Your playlists (Get-YouTubePlaylist), as they stream in page by page:'
    Get-YouTubePlaylist -Profile demo | Format-Table | Out-Host

    Write-Step '4. Views and likes per day, last 7 days (Get-YouTubeAnalytics):'
    Get-YouTubeAnalytics -Profile demo -StartDate (Get-Date).AddDays(-7) -Metrics 'views', 'likes' -Dimensions day |
        Format-Table @{ Label = 'day'; Expression = { $_.day.ToString('yyyy-MM-dd') } }, views, likes | Out-Host

    Write-Step '5. A silent refresh: the emulator now refuses the access token, as Google does once one expires or is dropped.'
    $refused = Get-YouTubeToken -Profile demo -AsPlainText
    Invoke-RestMethod -Method Post "$($base)emulator/expire-access-tokens" | Out-Null
    $first = Get-YouTubePlaylist -Profile demo -First 1
    $refreshes = (Invoke-RestMethod "$($base)emulator/counters").counts.'token:refresh_token'
    $renewed = Get-YouTubeToken -Profile demo
    Write-Host "   Get-YouTubePlaylist still answered ('$($first.Title)'): YtOAuth met the refusal, refreshed ($refreshes refresh at the emulator) and retried."
    Write-Host "   A new access token $(if ([Net.NetworkCredential]::new('', $renewed.Token).Password -ne $refused) { 'replaced' } else { 'did NOT replace' }) the refused one; it is valid until $($renewed.ExpiresOn.ToString('HH:mm:ss'))."

    Write-Step '6. Revoking (Revoke-YouTubeToken): at the emulator, then the stored grant is forgotten.'
    Revoke-YouTubeToken -Profile demo -Force
    $counters = Invoke-RestMethod "$($base)emulator/counters"
    if ((Get-YouTubeContext -ListAvailable).Profile -contains 'demo') { throw 'The grant is still stored after revocation.' }
    Write-Host "   Revoked ($($counters.counts.revoke) call to the revocation endpoint; the emulator holds $($counters.liveGrants) live grants), and Get-YouTubeContext -ListAvailable no longer lists 'demo'."
    Write-Host ''
    Write-Host 'Done: every step ran through the YtOAuth cmdlets. Nothing was stored outside this session.' -ForegroundColor Green
} finally {
    $env:BROWSER = $savedBrowser
    if (-not $emulator.HasExited) { $emulator.Kill($true); $emulator.WaitForExit(5000) | Out-Null }
    Remove-Item $secretFile -ErrorAction SilentlyContinue
}
