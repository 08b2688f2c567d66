# Plays the user's browser for YtOAuth's BROWSER seam: BROWSER="pwsh -File Answer-Consent.ps1 %s". Debian's
# headless Chromium, driven through chromedriver's W3C WebDriver API, opens the consent URL and answers the
# emulator's consent page as a person would. YTOAUTH_TEST_CONSENT says how:
#   allow (default) | deny | untick:<checkbox id> (then Allow) | forge (a redirect with a wrong state, no browser) | ignore
# The page the browser ends on (or what went wrong) is appended to YTOAUTH_TEST_BROWSER_LOG when set.
param([Parameter(Mandatory)] [string] $Url)
$ErrorActionPreference = 'Stop'
$mode = if ($env:YTOAUTH_TEST_CONSENT) { $env:YTOAUTH_TEST_CONSENT } else { 'allow' }
$log = $env:YTOAUTH_TEST_BROWSER_LOG
function Write-Log([string] $Text) { if ($log) { Add-Content -Path $log -Value $Text } }

if ($mode -eq 'ignore') { Write-Log "ignored $Url"; exit 0 }
if ($mode -eq 'forge') {
    # Someone else's redirect reaching the listener: the right path, a state that is not ours.
    $redirect = [uri]::UnescapeDataString([regex]::Match($Url, 'redirect_uri=([^&]+)').Groups[1].Value)
    $answer = Invoke-WebRequest "$($redirect)?state=forged&code=4/code-forged" -SkipHttpErrorCheck
    Write-Log "forged: $($answer.StatusCode)"
    exit 0
}

$port = & {
    $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $probe.Start()
    try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
}
$profileDir = Join-Path ([IO.Path]::GetTempPath()) "ytoauth-chromium-$([guid]::NewGuid().ToString('N'))"
$driver = Start-Process /usr/bin/chromedriver -ArgumentList "--port=$port" -PassThru -RedirectStandardOutput /dev/null
$base = "http://127.0.0.1:$port"
function Invoke-WebDriver([string] $Method, [string] $Path, $Body) {
    $json = if ($null -ne $Body) { $Body | ConvertTo-Json -Depth 6 -Compress } else { $null }
    (Invoke-RestMethod -Method $Method -Uri "$base/$Path" -Body $json -ContentType 'application/json').value
}
try {
    foreach ($i in 1..100) {
        try { Invoke-RestMethod "$base/status" | Out-Null; break } catch { Start-Sleep -Milliseconds 50 }
    }
    $session = (Invoke-WebDriver Post 'session' @{ capabilities = @{ alwaysMatch = @{ 'goog:chromeOptions' = @{
        binary = '/usr/bin/chromium'
        args   = @('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
                   '--disable-component-update', '--disable-sync', '--no-first-run', "--user-data-dir=$profileDir")
    } } } }).sessionId
    Invoke-WebDriver Post "session/$session/url" @{ url = $Url } | Out-Null
    $click = {
        param([string] $Css)
        $element = Invoke-WebDriver Post "session/$session/element" @{ using = 'css selector'; value = $Css }
        Invoke-WebDriver Post "session/$session/element/$($element.'element-6066-11e4-a52e-4f735466cecf')/click" @{} | Out-Null
    }
    if ($mode -like 'untick:*') { & $click ('#' + $mode.Substring(7)) }
    & $click $(if ($mode -eq 'deny') { '#deny' } else { '#allow' })
    # The form posts, the emulator redirects, and YtOAuth's loopback listener answers with its own page.
    $page = ''
    foreach ($i in 1..300) {
        $page = Invoke-WebDriver Get "session/$session/source"
        if ($page -match 'YtOAuth -') { break }
        Start-Sleep -Milliseconds 100
    }
    Write-Log ([regex]::Match($page, '<h1>(.*?)</h1>').Groups[1].Value)
    Invoke-WebDriver Delete "session/$session" | Out-Null
} catch {
    Write-Log "browser failed: $_"
    exit 1
} finally {
    Stop-Process -Id $driver.Id -Force -ErrorAction SilentlyContinue
    Remove-Item $profileDir -Recurse -Force -ErrorAction SilentlyContinue
}
