#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed" (", N skipped" when some were).
# Needs only the .NET SDK; whatever else the tests need is installed here.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Portfolio.sln --configuration Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints: "Passed!  - Failed:     0, Passed:   143, Skipped:     0, Total:   143, ..."
read -r passed failed skipped < <(
  grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" |
    sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}'
)

# A build error or a crashed test host runs no tests: count it as a failure rather than report success.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
