#Requires -Version 7.2
# Runs the Pester suite against the built module (dotnet build YtOAuth.sln -c Release first).
# Needs Pester 5; SecretManagement and SecretStore for the vault tests (they are skipped without them).
[CmdletBinding()]
param([string[]] $Path = @($PSScriptRoot))

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.3
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $configuration
"pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
exit ([int]($result.FailedCount -gt 0))
