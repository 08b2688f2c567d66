#!/usr/bin/env bash
# The test command: builds everything, runs the xunit suites, syntax-checks the PowerShell files, and runs the
# Pester suite where PowerShell 7 exists (here it is skipped, and says so). Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build YtOAuth.sln -c Release -nologo -v quiet
# Keep going after a test failure so that every check reports; the summary line decides the exit code.
dotnet test YtOAuth.sln -c Release --no-build -nologo 2>&1 | tee "$log" || true

(cd tests/syntax && [ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --silent)
node tests/syntax/check-powershell.mjs 2>&1 | tee -a "$log" || true

if command -v pwsh >/dev/null 2>&1; then
  pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-PesterSuite.ps1 2>&1 | tee -a "$log" || true
  # A suite that could not start (no Pester, say) prints no summary: count that as a failure.
  grep -q '^pester: ' "$log" || echo "pester: 0 passed, 1 failed, 0 skipped" | tee -a "$log"
else
  echo "SKIPPED: Pester suite (tests/pester): no pwsh on this machine. On a host with PowerShell 7, Pester 5, SecretManagement and SecretStore, run: pwsh -File tests/pester/Invoke-PesterSuite.ps1"
fi

# One closing line: the xunit totals plus the syntax check's and Pester's. No xunit result at all is a failure.
grep -qE "Passed!|Failed!" "$log" || { echo "tests: 0 passed, 1 failed (no xunit result: see above)"; exit 1; }
awk '
  /Passed!|Failed!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  /^(syntax|pester): / { p += $2; f += $4; s += $6 }
  END { gsub(",", "", p); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; exit (f > 0) }
' "$log"
