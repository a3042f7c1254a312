#!/usr/bin/env bash
# The soak test: wrk on 127.0.0.1 for 60 s at 64 connections over a mix of the site's pages (Release build, the
# repository's content), while content files are edited, added and deleted every two seconds. It passes when wrk saw
# no response outside 2xx/3xx and no socket error, and the site's memory after the run is within 64 MB of before.
#   bench/soak.sh                   60 s
#   SOAK_SECONDS=20 bench/soak.sh   a shorter run
# The search rate limit is off for the run: all of wrk's connections come from one client.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SOAK_SECONDS:-60}
connections=64
# shellcheck source=common.sh
. bench/common.sh
bench_begin soak
need wrk:wrk

log "publishing the site (Release)"
publish_site
cp -r content "$work/content"
start_site "$work/content" "$work/data/portfolio.db" Logging__LogLevel__Portfolio.Web.Infrastructure.ContentImportService=Information

# Every page type, a filtered list, a search, feeds and health: wrk takes them in turn.
program=/programs/aws-machine-learning-engineer-nanodegree
guide=/guides/aws-machine-learning-engineering
cat >"$work/mix.lua" <<LUA
local paths = {
  "/", "/credentials", "/credentials?tag=aws&tag=machine-learning", "/credentials?tag=aws&tag=python&match=any&kind=program",
  "$program", "$program/capstones/computer-vision-pipeline", "$program/notes/course-notes", "/programs", "/certifications",
  "/certifications/aws-certified-machine-learning-specialty", "/guides", "$guide", "$guide/module-1", "$guide/module-2",
  "/tags", "/tags/aws", "/search?q=sagemaker", "/search?q=model+deployment", "/timeline", "/cv", "/feed.xml",
  "/sitemap.xml", "/robots.txt", "/api/entries?tag=aws", "/healthz",
}
local i = 0
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  return wrk.format("GET", path, { ["Accept-Encoding"] = (i % 3 == 0) and "br" or "gzip" })
end
LUA

rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$site/status"; }
log "warming up"
wrk -t2 -c"$connections" -d5s -s "$work/mix.lua" "http://127.0.0.1:$port" >/dev/null
before=$(rss)

# Edits while wrk runs: a changed paragraph, a new file, the new file deleted, in turn.
notes="$work/content/programs/aws-machine-learning-engineer-nanodegree/course-notes.md"
cp "$notes" "$work/notes.orig"
(
  n=0
  while :; do
    n=$((n + 1))
    case $((n % 3)) in
      0) { cat "$work/notes.orig"; printf '\nSoak edit %s.\n' "$n"; } >"$notes" ;;
      1) printf -- '---\ntitle: Soak note %s\ntags: [AWS]\n---\nA note written during the soak test.\n' "$n" \
           >"$work/content/programs/aws-machine-learning-engineer-nanodegree/soak.md" ;;
      2) rm -f "$work/content/programs/aws-machine-learning-engineer-nanodegree/soak.md" ;;
    esac
    sleep 2
  done
) &
editor=$!
pids+=("$editor")

imports_before=$(grep -c 'Imported ' "$work/site.log" || true)
log "wrk -t2 -c$connections -d${seconds}s over $(grep -o '"/' "$work/mix.lua" | wc -l) paths, editing content every 2 s"
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/mix.lua" "http://127.0.0.1:$port")
kill "$editor" 2>/dev/null || true
imports=$(( $(grep -c 'Imported ' "$work/site.log" || true) - imports_before ))
sleep 2
after=$(rss)
peak=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$site/status")
echo "$out" >&2

requests=$(awk '/requests in/ { print $1 }' <<<"$out")
rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
bad=$(awk -F': ' '/Non-2xx or 3xx responses/ { print $2 }' <<<"$out")
socket=$(awk -F': ' '/Socket errors/ { print $2 }' <<<"$out")
errors_logged=$(grep -c 'fail:\|crit:' "$work/site.log" || true)
healthy=$(curl -fs "http://127.0.0.1:$port/healthz" | grep -o '"status":"[a-z]*"' || true)

printf '| soak | result |\n|---|---|\n'
printf '| wrk | %s s, %s connections, %s requests, %s requests/s, p99 %s |\n' "$seconds" "$connections" "$requests" "$rps" "$p99"
printf '| responses outside 2xx/3xx | %s |\n' "${bad:-0}"
printf '| socket errors | %s |\n' "${socket:-none}"
printf '| content edits during the run | every 2 s: %s imports while serving |\n' "$imports"
printf '| site memory (RSS) | %s MB after warm-up, %s MB after the run (peak %s MB) |\n' "$before" "$after" "$peak"
printf '| errors in the site log | %s |\n' "$errors_logged"
printf '| health after the run | %s |\n' "$healthy"

status=0
[ -z "$bad" ] || { log "FAIL: responses outside 2xx/3xx"; status=1; }
[ -z "$socket" ] || { log "FAIL: socket errors"; status=1; }
[ $((after - before)) -le 64 ] || { log "FAIL: memory grew by $((after - before)) MB"; status=1; }
[ "$errors_logged" = 0 ] || { log "FAIL: errors in the site log"; grep -A5 'fail:\|crit:' "$work/site.log" >&2; status=1; }
[ "$healthy" = '"status":"healthy"' ] || { log "FAIL: not healthy after the run"; status=1; }
exit $status
