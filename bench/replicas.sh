#!/usr/bin/env bash
# Two replicas behind a caching load balancer: two published instances on one content folder (read by both), each
# with its own database file, behind Debian's nginx with proxy_cache honouring the site's Cache-Control, ETag and Vary.
# wrk loads a mix of pages and assets through nginx for 30 s while one instance is stopped (SIGTERM, as a deploy
# does) and started again; then a content edit is polled on each instance directly until it shows. It passes when wrk
# saw no response outside 2xx/3xx and no socket error, both replicas give a page the same ETag (a revalidation gets a
# 304 from either), and the edit showed on both within 5 s.
# Prints a Markdown table and appends it, dated, to bench/results.md. Needs the .NET SDK; installs wrk and nginx.
#   bench/replicas.sh                      30 s of load
#   REPLICAS_SECONDS=10 bench/replicas.sh  a shorter run
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${REPLICAS_SECONDS:-30}
connections=32
# shellcheck source=common.sh
. bench/common.sh
bench_begin replicas
need wrk:wrk nginx:nginx-light

log "publishing the site (Release)"
publish_site
cp -r content "$work/content"

# Both believe the balancer's X-Forwarded-* headers, as behind any proxy.
replica() { # name, port or empty → starts it; sets $port and $site as start_site does
  site_port=$2 site_log="$work/$1.log" start_site "$work/content" "$work/$1/portfolio.db" Portfolio__KnownProxies__0=127.0.0.1 \
    Logging__LogLevel__Portfolio.Web.Infrastructure.ContentImportService=Information
}
replica a ""
a_port=$port
replica b ""
b_port=$port b_pid=$site
log "replicas on 127.0.0.1:$a_port and 127.0.0.1:$b_port"

# The balancer. Pages say "public, no-cache" (revalidate before each use), which nginx takes as "do not store": they go
# to a replica, which answers them from its page cache. Fingerprinted assets say immutable and are kept; Vary gives a
# copy per Accept-Encoding; expired copies are revalidated with their ETag. A replica that refuses a connection or
# answers 502/503 is passed over for the other, so a restart is not seen by visitors.
lb_port=$((a_port + 1))
mkdir -p "$work/nginx/tmp" "$work/nginx/cache"
# Started as root, nginx's workers run as nobody: they write the cache.
chmod a+x "$work"
chmod -R a+rwX "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  log_format balanced '\$upstream_addr \$upstream_cache_status \$status';
  access_log $work/nginx/access.log balanced buffer=256k;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  proxy_cache_path $work/nginx/cache levels=1:2 keys_zone=portfolio:10m max_size=256m inactive=10m use_temp_path=off;

  # A visitor's conditional request reaches a replica (nginx would drop it when caching) unless nginx is revalidating
  # a copy of its own; the answer to it (a 304, say) is not stored.
  map \$upstream_cache_etag \$portfolio_if_none_match { "" \$http_if_none_match; default \$upstream_cache_etag; }
  map \$upstream_cache_last_modified \$portfolio_if_modified_since { "" \$http_if_modified_since; default \$upstream_cache_last_modified; }

  upstream portfolio {
    server 127.0.0.1:$a_port max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$b_port max_fails=1 fail_timeout=2s;
    keepalive 64;
  }

  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://portfolio;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;

      proxy_cache portfolio;
      proxy_cache_revalidate on;
      proxy_set_header If-None-Match \$portfolio_if_none_match;
      proxy_set_header If-Modified-Since \$portfolio_if_modified_since;
      proxy_no_cache \$http_if_none_match\$http_if_modified_since;

      proxy_connect_timeout 1s;
      proxy_read_timeout 10s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$lb_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
lb="http://127.0.0.1:$lb_port"

# What the balancer does with the site's caching headers, checked before the load.
css=$(curl -fsS "$lb/" | grep -o '/css/site\.[a-z0-9]*\.css' | head -1)
[ -n "$css" ] || { log "the home page links no fingerprinted stylesheet"; exit 1; }
cache_control() { curl -s -o /dev/null -D - -H "Accept-Encoding: $2" "$lb$1" | tr -d '\r' | awk 'tolower($1) == "cache-control:" { $1 = ""; print substr($0, 2) }'; }
curl -s -o /dev/null -H 'Accept-Encoding: br' "$lb$css"
curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$lb$css"
page=/programs/aws-machine-learning-engineer-nanodegree
etag_of() { curl -s -o /dev/null -D - "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }
etag_a=$(etag_of "http://127.0.0.1:$a_port$page")
etag_b=$(etag_of "http://127.0.0.1:$b_port$page")
# Round robin: two revalidations through nginx reach both replicas.
revalidated="$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag_a" "$lb$page") $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag_a" "$lb$page")"
page_cache_control=$(cache_control "$page" br)
css_cache_control=$(cache_control "$css" br)

# Every page type, a filtered list, a search, feeds, the stylesheet and the icon: wrk takes them in turn.
program=/programs/aws-machine-learning-engineer-nanodegree
guide=/guides/aws-machine-learning-engineering
cat >"$work/mix.lua" <<LUA
local paths = {
  "/", "/credentials", "/credentials?tag=aws&tag=machine-learning", "$program", "$program/capstones/computer-vision-pipeline",
  "$program/notes/course-notes", "/programs", "/certifications", "/certifications/aws-certified-machine-learning-specialty",
  "/guides", "$guide", "$guide/module-1", "$guide/module-2", "/tags", "/tags/aws", "/search?q=sagemaker", "/timeline",
  "/cv", "/feed.xml", "/sitemap.xml", "$css", "$css", "/favicon.svg",
}
local i = 0
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  return wrk.format("GET", path, { ["Accept-Encoding"] = (i % 3 == 0) and "gzip" or "br" })
end
LUA

log "warming up"
wrk -t2 -c"$connections" -d3s -s "$work/mix.lua" "$lb" >/dev/null
# nginx writes its buffered log on reopen: the warm-up's lines first, then an empty log for the run.
kill -USR1 "$(cat "$work/nginx/nginx.pid")"
sleep 0.5
: >"$work/nginx/access.log"

# The load, and a restart of b a third of the way in: stopped, down for a fifth of the run, started again.
log "wrk -t2 -c$connections -d${seconds}s through nginx; b is stopped after $((seconds / 3)) s and started again $((seconds / 5)) s later"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/mix.lua" "$lb" >"$work/wrk.out" &
load=$!
sleep $((seconds / 3))
kill -TERM "$b_pid"
stopping=$(date +%s%N)
wait "$b_pid" 2>/dev/null || true
stopped_ms=$((($(date +%s%N) - stopping) / 1000000))
sleep $((seconds / 5))
starting=$(date +%s%N)
replica b "$b_port"
started_ms=$((($(date +%s%N) - starting) / 1000000))
wait "$load"
out=$(cat "$work/wrk.out")
echo "$out" >&2
kill -USR1 "$(cat "$work/nginx/nginx.pid")"
sleep 1

requests=$(awk '/requests in/ { print $1 }' <<<"$out")
rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
bad=$(awk -F': ' '/Non-2xx or 3xx responses/ { print $2 }' <<<"$out")
socket=$(awk -F': ' '/Socket errors/ { print $2 }' <<<"$out")
served_a=$(grep -c "^127.0.0.1:$a_port " "$work/nginx/access.log" || true)
served_b=$(grep -c "^127.0.0.1:$b_port " "$work/nginx/access.log" || true)
# A request passed over from the stopped replica logs both addresses: "a, b".
passed_over=$(grep -c ', ' "$work/nginx/access.log" || true)
hits=$(awk '$2 == "HIT"' "$work/nginx/access.log" | wc -l)
logged=$(wc -l <"$work/nginx/access.log")
refused=$(grep -c 'connect() failed\|upstream prematurely closed' "$work/nginx/error.log" || true)

# An edit, seen by each replica on its own (each watches the folder and imports into its own database).
log "editing the content; polling each replica directly"
notes="$work/content/programs/aws-machine-learning-engineer-nanodegree/course-notes.md"
marker="Edited while two replicas serve, $(date +%s)."
edited=$(date +%s%N)
printf '\n%s\n' "$marker" >>"$notes"
declare -A seen=()
for _ in $(seq 1 200); do
  for name in a b; do
    [ -n "${seen[$name]:-}" ] && continue
    port=$a_port
    [ "$name" = b ] && port=$b_port
    if curl -fs "http://127.0.0.1:$port$program/notes/course-notes" | grep -qF "$marker"; then
      seen[$name]=$((($(date +%s%N) - edited) / 1000000))
    fi
  done
  [ -n "${seen[a]:-}" ] && [ -n "${seen[b]:-}" ] && break
  sleep 0.05
done
through=$(curl -fs "$lb$program/notes/course-notes" | grep -cF "$marker" || true)
errors_logged=$(cat "$work/a.log" "$work/b.log" | grep -c 'fail:\|crit:' || true)

rows=(
  "| the site's caching headers through nginx | pages \`$page_cache_control\`, the stylesheet \`$css_cache_control\`; a page's ETag on a and on b: $([ "$etag_a" = "$etag_b" ] && echo "the same" || echo "different ($etag_a, $etag_b)"); revalidated with it through nginx twice: $revalidated |"
  "| wrk through nginx to 2 replicas | ${seconds} s, $connections connections, $(grep -o '"/' "$work/mix.lua" | wc -l) addresses in turn (pages, search, feeds, the stylesheet, the icon): $requests requests, $rps requests/s, p50 $p50, p99 $p99 |"
  "| responses outside 2xx/3xx | ${bad:-0} (target 0) |"
  "| socket errors | ${socket:-none} |"
  "| replica b restarted under load | SIGTERM at $((seconds / 3)) s, exited in $stopped_ms ms, down $((seconds / 5)) s, started again and healthy in $started_ms ms |"
  "| requests by replica (nginx log) | a $served_a, b $served_b; passed over from b to a while it was down: $passed_over; nginx errors logged (refused connections): $refused |"
  "| answered from nginx's cache | $hits of $logged requests |"
  "| a content edit, polled on each replica directly | a after ${seen[a]:-never} ms, b after ${seen[b]:-never} ms (target ≤ 5000 ms); through nginx at once: $([ "$through" -gt 0 ] && echo yes || echo no) |"
  "| errors in the replicas' logs | $errors_logged |"
)

{
  echo
  echo "## bench/replicas.sh, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  echo "Measured on $(nproc) cores shared by wrk, nginx and both replicas, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET $(dotnet --version); other engineers were building on the same machine during the run."
  echo
  echo "| replicas | result |"
  echo "|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee -a bench/results.md

status=0
[ -z "$bad" ] || { log "FAIL: responses outside 2xx/3xx"; status=1; }
[ -z "$socket" ] || { log "FAIL: socket errors"; status=1; }
if [ "$etag_a" != "$etag_b" ] || [ "$revalidated" != "304 304" ]; then log "FAIL: the replicas do not revalidate each other's ETags"; status=1; fi
{ [ -n "${seen[a]:-}" ] && [ "${seen[a]}" -le 5000 ] && [ -n "${seen[b]:-}" ] && [ "${seen[b]}" -le 5000 ]; } || { log "FAIL: the edit did not show on both replicas within 5 s"; status=1; }
[ "$errors_logged" = 0 ] || { log "FAIL: errors in a replica's log"; grep -A5 'fail:\|crit:' "$work/a.log" "$work/b.log" >&2; status=1; }
exit $status
