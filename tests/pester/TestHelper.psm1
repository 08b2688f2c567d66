# Shared setup of the Pester suite: the built module, the Google emulator on 127.0.0.1, a refresh token made
# through the emulator's real consent and token endpoints, and a SecretStore vault configured for unattended use.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path

function Get-YtOAuthModulePath {
    $version = ([xml](Get-Content (Join-Path $script:RepoRoot 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    $path = Join-Path $script:RepoRoot "out/YtOAuth/$version/YtOAuth.psd1"
    if (-not (Test-Path $path)) { throw "Build the module first (dotnet build YtOAuth.sln -c Release): $path is missing." }
    $path
}

function Start-GoogleEmulator {
    # Auto-approves consent by default: the suite signs in through the real endpoints with no person present.
    param([switch] $ManualConsent)
    $dll = Get-ChildItem (Join-Path $script:RepoRoot 'src/YtOAuth.Emulator/bin') -Recurse -Filter YtOAuth.Emulator.dll |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'Build the emulator first (dotnet build YtOAuth.sln -c Release).' }
    $secretFile = Join-Path ([IO.Path]::GetTempPath()) "ytoauth-pester-$PID-$(Get-Random).json"
    $arguments = @($dll.FullName, '--port', '0', '--client-secret-out', $secretFile)
    if (-not $ManualConsent) { $arguments += '--auto-approve' }
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
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
    if ($Emulator -and -not $Emulator.Process.HasExited) { $Emulator.Process.Kill($true) }
    if ($Emulator) { Remove-Item $Emulator.ClientSecretPath -ErrorAction SilentlyContinue }
}

function New-EmulatorRefreshToken {
    # Walks the emulator's consent (auto-approve) and token endpoints with PKCE S256, as any OAuth client would.
    param($Emulator, [string[]] $Scope = @('https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/yt-analytics.readonly'))
    $client = (Get-Content $Emulator.ClientSecretPath -Raw | ConvertFrom-Json).installed
    $verifier = -join ((1..64) | ForEach-Object { [char](Get-Random -Minimum 97 -Maximum 123) })
    $hash = [Security.Cryptography.SHA256]::HashData([Text.Encoding]::ASCII.GetBytes($verifier))
    $challenge = [Convert]::ToBase64String($hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')
    $redirect = 'http://127.0.0.1:9/oauth2/callback'
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
        ClientId     = $client.client_id
        ClientSecret = ConvertTo-SecureString $client.client_secret -AsPlainText -Force
        RefreshToken = ConvertTo-SecureString $token.refresh_token -AsPlainText -Force
    }
}

function Connect-EmulatorProfile {
    # An unattended connection (refresh token, no browser) in this session's memory.
    param($Emulator, [string] $Profile = 'default', [string[]] $Scope)
    $grant = New-EmulatorRefreshToken -Emulator $Emulator
    $splat = @{
        ClientId = $grant.ClientId; ClientSecret = $grant.ClientSecret; RefreshToken = $grant.RefreshToken
        Profile = $Profile; ContextScope = 'Process'; EndpointBaseUri = $Emulator.BaseUri
    }
    if ($Scope) { $splat.Scope = $Scope }
    Connect-YouTube @splat
}

function Test-SecretStoreAvailable {
    # For -Skip, which Pester evaluates at discovery, before any BeforeAll.
    [bool](Get-Module -ListAvailable 'Microsoft.PowerShell.SecretStore')
}

function Initialize-TestVault {
    # A SecretStore vault that never prompts (Authentication None, Interaction None), as unattended hosts need.
    param([string] $Name = 'YtOAuthPester')
    if (-not (Get-Module -ListAvailable Microsoft.PowerShell.SecretStore)) { return $null }
    Import-Module 'Microsoft.PowerShell.SecretManagement', 'Microsoft.PowerShell.SecretStore'
    Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None -Confirm:$false -ErrorAction SilentlyContinue
    if (-not (Get-SecretVault -Name $Name -ErrorAction SilentlyContinue)) {
        Register-SecretVault -Name $Name -ModuleName Microsoft.PowerShell.SecretStore
    }
    $Name
}

Export-ModuleMember -Function 'Get-YtOAuthModulePath', 'Start-GoogleEmulator', 'Stop-GoogleEmulator', 'New-EmulatorRefreshToken', 'Connect-EmulatorProfile', 'Test-SecretStoreAvailable', 'Initialize-TestVault'
