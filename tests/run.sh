#!/usr/bin/env bash
# The test command: builds everything, runs the xunit suites, then the Pester suite in a real PowerShell 7 from a
# brand-new home folder (no vault, no profile, nothing cached). Ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pwsh >/dev/null 2>&1; then
  echo "tests: PowerShell 7 (pwsh) is required: the module is tested in a real host. Run 'bash .ci/setup', or install it the official way:" \
       "https://learn.microsoft.com/powershell/scripting/install/install-debian" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

log=$(mktemp)
pester_home=$(mktemp -d)
trap 'rm -rf "$log" "$pester_home"' EXIT

dotnet build YtOAuth.sln -c Release -nologo -v quiet
# Keep going after a failure so that every suite reports; the summary line decides the exit code.
dotnet test YtOAuth.sln -c Release --no-build -nologo 2>&1 | tee "$log" || true

# The build's NuGet cache stays shared (a fresh home would download every package again); nothing of YtOAuth's is in it.
env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$pester_home" POWERSHELL_TELEMETRY_OPTOUT=1 \
  NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-PesterSuite.ps1 2>&1 | tee -a "$log" || true
# A suite that could not start prints no summary: count that as a failure.
grep -qE '^pester: [0-9]' "$log" || echo "pester: 0 passed, 1 failed, 0 skipped" | tee -a "$log"

# One closing line: the xunit totals plus Pester's. No xunit result at all is a failure.
grep -qE "Passed!|Failed!" "$log" || { echo "tests: 0 passed, 1 failed (no xunit result: see above)"; exit 1; }
awk '
  /Passed!|Failed!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  /^pester: [0-9]/ { p += $2; f += $4; s += $6 }
  END { gsub(",", "", p); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; exit (f > 0) }
' "$log"
