#Requires -Version 7.2
# Runs the Pester suite against the built module (dotnet build YtOAuth.sln -c Release first) and ends with one line:
# "pester: N passed, N failed, N skipped". A file that cannot load, or a failing BeforeAll, counts as failed too.
[CmdletBinding()]
param([string[]] $Path = @($PSScriptRoot))

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.3

# The vault tests use Microsoft.PowerShell.SecretManagement and SecretStore where they are installed; elsewhere (no
# PowerShell Gallery) the test vault of TestVault/ stands in for them, for this process and every pwsh it starts.
$secretStore = Get-Module -ListAvailable Microsoft.PowerShell.SecretStore | Sort-Object Version -Descending | Select-Object -First 1
if ($secretStore -and (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)) {
    $vault = "SecretStore $($secretStore.Version)"
} else {
    $env:PSModulePath = (Join-Path $PSScriptRoot 'TestVault') + [IO.Path]::PathSeparator + $env:PSModulePath
    $vault = 'the test vault (tests/pester/TestVault: SecretManagement and SecretStore are not installed)'
}
Write-Host "Vault for this run: $vault"

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $configuration
if (-not $result) {
    # Pester itself failed (a path that does not exist, say): that is a failed run, never an empty one.
    "pester: 0 passed, 1 failed, 0 skipped (vault: $vault)"
    exit 1
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
"pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped (vault: $vault)"
exit ([int]($failed -gt 0))
