#Requires -Version 7.2
# Runs the Pester suite against the built module (dotnet build YtOAuth.sln -c Release first) and ends with one line:
# "pester: N passed, N failed, N skipped". A file that cannot load, or a failing BeforeAll, counts as failed too.
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
if (-not $result) {
    # Pester itself failed (a path that does not exist, say): that is a failed run, never an empty one.
    'pester: 0 passed, 1 failed, 0 skipped'
    exit 1
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
"pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
exit ([int]($failed -gt 0))
