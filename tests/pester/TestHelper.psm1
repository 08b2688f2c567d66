# Shared setup of the Pester suite: the built module, the Google emulator on 127.0.0.1 in its own process (driven
# through its /emulator/ controls), refresh tokens made through the emulator's real consent and token endpoints,
# child pwsh processes that stand in for other shells and scheduled jobs, and a SecretStore vault set up with the
# README's own lines.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$script:ReadOnly = 'https://www.googleapis.com/auth/youtube.readonly'
$script:Analytics = 'https://www.googleapis.com/auth/yt-analytics.readonly'
# What every token, code and secret the emulator issues starts with; no stream may ever show one.
$script:SecretPattern = 'ya29\.|1//rt-|4/code-|GOCSPX-'

function Get-RepoRoot { $script:RepoRoot }

function Get-SecretPattern { $script:SecretPattern }

function Get-YtOAuthModulePath {
    $version = ([xml](Get-Content (Join-Path $script:RepoRoot 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    $path = Join-Path $script:RepoRoot "out/YtOAuth/$version/YtOAuth.psd1"
    if (-not (Test-Path $path)) { throw "Build the module first (dotnet build YtOAuth.sln -c Release): $path is missing." }
    $path
}

function Get-EmulatorAssembly {
    $dll = Join-Path $script:RepoRoot 'src/YtOAuth.Emulator/bin/Release/net10.0/YtOAuth.Emulator.dll'
    if (-not (Test-Path $dll)) { throw "Build the emulator first (dotnet build YtOAuth.sln -c Release): $dll is missing." }
    $dll
}

function Start-GoogleEmulator {
    # Auto-approves consent unless -ManualConsent: then its consent page waits for a browser to answer.
    param([switch] $ManualConsent, [int] $Playlists = 0)
    $secretFile = Join-Path ([IO.Path]::GetTempPath()) "ytoauth-pester-$PID-$(Get-Random).json"
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @((Get-EmulatorAssembly), '--port', '0', '--client-secret-out', $secretFile)) { $info.ArgumentList.Add($a) }
    if (-not $ManualConsent) { $info.ArgumentList.Add('--auto-approve') }
    if ($Playlists -gt 0) { $info.ArgumentList.Add('--playlists'); $info.ArgumentList.Add([string]$Playlists) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $baseUri = $null
    $apiKey = $null
    $deadline = (Get-Date).AddSeconds(30)
    while ((-not $baseUri -or -not $apiKey) -and (Get-Date) -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match 'listening on (\S+)') { $baseUri = $Matches[1] }
        if ($line -match 'API key \(public data\): (\S+)') { $apiKey = $Matches[1] }
    }
    if (-not $baseUri) { $process.Kill(); throw 'The emulator did not start.' }
    [pscustomobject]@{ Process = $process; BaseUri = $baseUri; ClientSecretPath = $secretFile; ApiKey = $apiKey }
}

function Stop-GoogleEmulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) { $Emulator.Process.Kill($true); $Emulator.Process.WaitForExit(5000) | Out-Null }
    if ($Emulator) { Remove-Item $Emulator.ClientSecretPath -ErrorAction SilentlyContinue }
}

function Invoke-EmulatorControl {
    # POSTs to one of the emulator's own controls: faults, settings, revoke-all, expire-access-tokens, counters/reset.
    param($Emulator, [Parameter(Mandatory)] [string] $Action, [hashtable] $Query = @{})
    $pairs = foreach ($key in $Query.Keys) { "$key=$([uri]::EscapeDataString([string]$Query[$key]))" }
    Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)emulator/$Action$(if ($pairs) { '?' + ($pairs -join '&') })" | Out-Null
}

function Get-EmulatorCounter {
    # The emulator's request count for one key ("token:refresh_token", "youtube:playlists", "revoke", ...).
    param($Emulator, [Parameter(Mandatory)] [string] $Name)
    $counts = (Invoke-RestMethod "$($Emulator.BaseUri)emulator/counters").counts
    $value = $counts.PSObject.Properties[$Name]
    if ($value) { [int]$value.Value } else { 0 }
}

function New-EmulatorRefreshToken {
    # Walks the emulator's consent (auto-approve) and token endpoints with PKCE S256, as any OAuth client would.
    param($Emulator, [string[]] $Scope = @($script:ReadOnly, $script:Analytics))
    $client = (Get-Content $Emulator.ClientSecretPath -Raw | ConvertFrom-Json).installed
    $verifier = -join ((1..64) | ForEach-Object { [char](Get-Random -Minimum 97 -Maximum 123) })
    $hash = [Security.Cryptography.SHA256]::HashData([Text.Encoding]::ASCII.GetBytes($verifier))
    $challenge = [Convert]::ToBase64String($hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')
    $redirect = 'http://127.0.0.1:9/'
    $query = "response_type=code&client_id=$($client.client_id)&redirect_uri=$([uri]::EscapeDataString($redirect))" +
             "&scope=$([uri]::EscapeDataString($Scope -join ' '))&state=pester&code_challenge=$challenge&code_challenge_method=S256"
    $answer = Invoke-WebRequest "$($Emulator.BaseUri)o/oauth2/v2/auth?$query" -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
    $location = [string]$answer.Headers.Location
    $code = [uri]::UnescapeDataString(([regex]::Match($location, 'code=([^&]+)')).Groups[1].Value)
    $token = Invoke-RestMethod "$($Emulator.BaseUri)token" -Method Post -Body @{
        grant_type = 'authorization_code'; code = $code; code_verifier = $verifier; redirect_uri = $redirect
        client_id = $client.client_id; client_secret = $client.client_secret
    }
    [pscustomobject]@{
        ClientId           = $client.client_id
        ClientSecret       = ConvertTo-SecureString $client.client_secret -AsPlainText -Force
        RefreshToken       = ConvertTo-SecureString $token.refresh_token -AsPlainText -Force
        ClientSecretText   = $client.client_secret
        RefreshTokenText   = $token.refresh_token
    }
}

function Invoke-ChildConnect {
    # Connect-YouTube from a refresh token in a new pwsh process, as a user's shell would: the secrets travel in the
    # environment, never on the command line. -Prefix runs first (set-up lines, the import); -Arguments and -Suffix
    # complete the Connect-YouTube line.
    param([Parameter(Mandatory)] $Emulator, [string] $HomePath, [string] $Prefix = "Import-Module '$(Get-YtOAuthModulePath)'",
          [string] $Arguments = '', [string] $Suffix = '| Out-Null')
    $grant = New-EmulatorRefreshToken -Emulator $Emulator
    Invoke-ChildPwsh -HomePath $HomePath -Environment @{ YT_RT = $grant.RefreshTokenText; YT_CS = $grant.ClientSecretText } -Command (
        "`$ErrorActionPreference = 'Stop'; $Prefix`nConnect-YouTube -ClientId '$($grant.ClientId)' -ClientSecret (ConvertTo-SecureString `$env:YT_CS -AsPlainText -Force) " +
        "-RefreshToken (ConvertTo-SecureString `$env:YT_RT -AsPlainText -Force) -EndpointBaseUri '$($Emulator.BaseUri)' $Arguments $Suffix")
}

function Connect-EmulatorProfile {
    # An unattended connection (refresh token, no browser): this session's memory, or a vault with -Vault.
    # -Scope: the scope URLs the grant was consented with.
    param($Emulator, [string] $Profile = 'default', [string[]] $Scope = @($script:ReadOnly, $script:Analytics), [string] $Vault)
    $grant = New-EmulatorRefreshToken -Emulator $Emulator -Scope $Scope
    $splat = @{
        ClientId = $grant.ClientId; ClientSecret = $grant.ClientSecret; RefreshToken = $grant.RefreshToken
        Profile = $Profile; EndpointBaseUri = $Emulator.BaseUri
    }
    if ($Vault) { $splat.Vault = $Vault } else { $splat.ContextScope = 'Process' }
    Connect-YouTube @splat
}

function Get-ReadmeBlock {
    # The code block that follows '<!-- $Marker -->' in README.md, as a user would copy it.
    param([Parameter(Mandatory)] [string] $Marker)
    $readme = Get-Content (Join-Path $script:RepoRoot 'README.md') -Raw
    $block = [regex]::Match($readme, "(?s)<!-- $([regex]::Escape($Marker)) -->\s*``````\w*\s*(.*?)``````").Groups[1].Value
    if (-not $block) { throw "README.md has no <!-- $Marker --> block." }
    $block
}

function Get-ReadmeVaultSetup {
    # The README's vault set-up lines, as a user would paste them, less the install line: .ci/setup installs the
    # modules where the PowerShell Gallery answers, and elsewhere the suite's test vault stands in (TestVault/).
    (Get-ReadmeBlock 'vault-setup') -split "`n" | Where-Object { $_ -notmatch '^\s*Install-(Module|PSResource)' } | Join-String -Separator "`n"
}

function Initialize-TestVault {
    # The default vault of this (fresh) home, set up exactly as the README says; never prompts.
    if (-not (Get-SecretVault -Name 'YtOAuth' -ErrorAction SilentlyContinue)) {
        Invoke-Expression (Get-ReadmeVaultSetup)
    }
    'YtOAuth'
}

function New-TestHome {
    # A brand-new home folder, for child processes that must start as on a new machine.
    $path = Join-Path ([IO.Path]::GetTempPath()) "ytoauth-home-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
    New-Item -ItemType Directory -Path $path | Out-Null
    $path
}

function Start-ChildPwsh {
    # Starts pwsh in a new process, as another shell, a scheduled job or a CI step would. -Interactive leaves out
    # -NonInteractive and CI markers so the child counts as a person's shell. Returns the running process.
    param(
        [string] $Command,
        [string] $File,
        [hashtable] $Environment = @{},
        [string] $HomePath,
        [switch] $Interactive,
        [string] $WorkingDirectory = $script:RepoRoot
    )
    $info = [Diagnostics.ProcessStartInfo]::new('pwsh')
    $info.ArgumentList.Add('-NoProfile')
    if (-not $Interactive) { $info.ArgumentList.Add('-NonInteractive') }
    $info.ArgumentList.Add($(if ($File) { '-File' } else { '-Command' }))
    $info.ArgumentList.Add($(if ($File) { $File } else { $Command }))
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $info.UseShellExecute = $false
    $info.WorkingDirectory = $WorkingDirectory
    if ($HomePath) { $info.Environment['HOME'] = $HomePath }
    if ($Interactive) { foreach ($name in 'CI', 'TF_BUILD', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'BUILDKITE') { $info.Environment.Remove($name) | Out-Null } }
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    $started = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $process | Add-Member -NotePropertyName Watch -NotePropertyValue $started
    $process.StandardInput.Close() # nobody at the keyboard: a read would see end of input, never wait
    # Read both pipes as they fill, so a chatty child never blocks on a full pipe.
    $process | Add-Member -NotePropertyName StdOut -NotePropertyValue $process.StandardOutput.ReadToEndAsync()
    $process | Add-Member -NotePropertyName StdErr -NotePropertyValue $process.StandardError.ReadToEndAsync()
    $process
}

function Wait-ChildPwsh {
    # Waits for a child started by Start-ChildPwsh; kills it after -TimeoutSec. Returns exit code, output and seconds.
    param([Parameter(Mandatory)] $Process, [int] $TimeoutSec = 120)
    $timedOut = -not $Process.WaitForExit($TimeoutSec * 1000)
    if ($timedOut) { $Process.Kill($true); $Process.WaitForExit() }
    [pscustomobject]@{
        ExitCode = if ($timedOut) { -1 } else { $Process.ExitCode }
        Output   = $Process.StdOut.GetAwaiter().GetResult() -replace '\e\[[0-9;?]*[A-Za-z]', ''
        # PowerShell colours errors and wraps them to the width of a console: plain text on one line, to match against.
        Errors   = ($Process.StdErr.GetAwaiter().GetResult() -replace '\e\[[0-9;?]*[A-Za-z]', '' -replace '\s*\r?\n\s*\|?\s*', ' ').Trim()
        TimedOut = $timedOut
        Seconds  = $Process.Watch.Elapsed.TotalSeconds
    }
}

function Invoke-ChildPwsh {
    # Runs a command in a new pwsh process to the end.
    param([string] $Command, [string] $File, [hashtable] $Environment = @{}, [string] $HomePath, [switch] $Interactive, [int] $TimeoutSec = 120,
          [string] $WorkingDirectory = $script:RepoRoot)
    $process = Start-ChildPwsh -Command $Command -File $File -Environment $Environment -HomePath $HomePath -Interactive:$Interactive -WorkingDirectory $WorkingDirectory
    Wait-ChildPwsh -Process $process -TimeoutSec $TimeoutSec
}

function Get-BrowserCommand {
    # The BROWSER value that makes YtOAuth's browser launcher run the Chromium driver script with the consent URL.
    "pwsh -NoProfile -NonInteractive -File $(Join-Path $PSScriptRoot 'browser' 'Answer-Consent.ps1') %s"
}

function Test-ChromiumAvailable { (Test-Path '/usr/bin/chromium') -and (Test-Path '/usr/bin/chromedriver') }

function Test-PortFree {
    param([int] $Port)
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, $Port)
    try { $listener.Start(); $true } catch { $false } finally { $listener.Stop() }
}

function Get-VaultSecretName {
    # The secret names in the default vault as a fresh process sees them: SecretStore caches the store per process and
    # notices another process's write only five seconds later.
    param([string] $HomePath)
    $result = Invoke-ChildPwsh -HomePath $HomePath -Command "(Get-SecretInfo -Vault YtOAuth -ErrorAction SilentlyContinue).Name"
    @($result.Output -split "`r?`n" | Where-Object { $_ })
}

function Set-StoredAccessTokenExpired {
    # Rewrites a vault record as if its access token had expired, as time would.
    param([string] $Profile, [string] $Vault = 'YtOAuth')
    $name = "YtOAuth.$Profile"
    $json = Get-Secret -Name $name -Vault $Vault -AsPlainText
    $json = $json -replace '"access_token_expires_utc":\s*"[^"]*"', '"access_token_expires_utc": "2001-01-01T00:00:00Z"'
    Set-Secret -Name $name -Vault $Vault -Secret $json
}

Export-ModuleMember -Function *
