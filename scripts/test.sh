#!/usr/bin/env bash
# Runs every test: the three test projects (content, web, real browser), the Pages workflow's schema check, the
# container smoke test and the proxy test.
# Ends with one line: "N passed, N failed" (", N skipped" when some were).
# The container and proxy tests exit 0 passed, 77 skipped (no engine, or no Caddy or nginx to be had, and CI is not
# "true"), anything else failed.
# Needs the .NET SDK and npm (with node); installs Chromium, Java, the HTML checker and the JSON Resume schema where they
# are missing (the container test installs podman itself, and only when no docker engine answers and the stand-in tool is
# beside the clone; the proxy test installs Caddy and nginx).
set -uo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=lib.sh
. scripts/lib.sh

if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's Chromium for the browser tests" >&2
  apt_install chromium
fi

# The Nu Html Checker judges every page type valid HTML5; it needs Java and comes from npm.
if ! command -v java >/dev/null 2>&1; then
  echo "[test] installing Java for the HTML checker" >&2
  apt_install default-jre-headless
fi
# The JSON Resume schema judges /resume.json in the web tests; it comes from npm too. Both are installed in one command:
# npm removes from the folder what a later install does not name.
tools=(vnu-jar@26.9.27 @jsonresume/schema@1.3.1)
if [ ! -f artifacts/tools/node_modules/vnu-jar/build/dist/vnu.jar ] ||
  ! grep -qs '"version": "1.3.1"' artifacts/tools/node_modules/@jsonresume/schema/package.json; then
  echo "[test] installing the Nu Html Checker and the JSON Resume schema from npm" >&2
  mkdir -p artifacts/tools
  npm install --silent --prefix artifacts/tools --no-save --no-audit --no-fund "${tools[@]}" >/dev/null
fi

# The GitHub Pages workflow cannot run here: action-validator (from npm) checks it against GitHub's workflow schema, and
# PagesWorkflowTests runs its build and export steps. Its own folder: npm would prune the checker from a shared one.
if [ ! -x artifacts/tools/action-validator/node_modules/.bin/action-validator ]; then
  echo "[test] installing action-validator from npm" >&2
  mkdir -p artifacts/tools/action-validator
  npm install --silent --prefix artifacts/tools/action-validator --no-save --no-audit --no-fund @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# One test project at a time: the browser and reload tests time real events and should not share two cores with each other.
dotnet test Portfolio.sln --configuration Release -m:1 2>&1 | tee "$log"
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

# The workflow's schema check counts as one test.
if artifacts/tools/action-validator/node_modules/.bin/action-validator .github/workflows/pages.yml; then
  passed=$((passed + 1))
else
  echo "[test] .github/workflows/pages.yml is not a valid GitHub Actions workflow" >&2
  failed=$((failed + 1))
fi

# The container test builds the real Dockerfile and runs it; it counts as one test. CI always runs it.
if [ "${PORTFOLIO_SKIP_CONTAINER_TEST:-0}" = 1 ] && [ "${CI:-}" != true ]; then
  echo "[test] container smoke test skipped (PORTFOLIO_SKIP_CONTAINER_TEST=1)" >&2
  skipped=$((skipped + 1))
else
  [ "${PORTFOLIO_SKIP_CONTAINER_TEST:-0}" = 1 ] && echo "[test] PORTFOLIO_SKIP_CONTAINER_TEST=1 is ignored under CI=true" >&2
  scripts/container-smoke.sh
  case $? in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)) ;;
  esac
fi

# The proxy test puts Caddy and nginx (deploy/) in front of the site on loopback; it counts as one test, as above.
scripts/proxy-check.sh
case $? in
  0) passed=$((passed + 1)) ;;
  77) skipped=$((skipped + 1)) ;;
  *) failed=$((failed + 1)) ;;
esac

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
