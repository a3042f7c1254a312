#!/usr/bin/env bash
# The benchmark: import and serving on a Release build, side by side with nginx serving the same page as a static file.
# Prints a Markdown table and appends it, dated, to bench/results.md (the history of measurements). Needs the .NET SDK; installs wrk, nginx and time.
#   bench/run.sh              the full run (about seven minutes on two cores)
#   BENCH_SECONDS=5 bench/run.sh   shorter wrk runs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${BENCH_SECONDS:-10}
connections=32
# shellcheck source=common.sh
. bench/common.sh
bench_begin bench
need wrk:wrk nginx:nginx-light /usr/bin/time:time

log "publishing the site (Release) and building the generator"
publish_site
dotnet publish bench/Portfolio.BareKestrel -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$work/bare" >/dev/null
dotnet build bench/Portfolio.Bench -c Release >/dev/null
app=("$work/app/Portfolio.Web")
generator=(dotnet "bench/Portfolio.Bench/bin/Release/net10.0/Portfolio.Bench.dll")

rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

# Import: cold (empty database) and again with nothing changed; wall time of the import, and of the whole command with peak memory.
import_run() { # content, database → "import-ms wall-s peak-MB"
  local out
  out=$( { /usr/bin/time -f "TIME %e %M" "${app[@]}" import --content "$1" --database "$2" >/dev/null; } 2>&1 )
  local ms wall kb
  ms=$(grep -o 'import took [0-9]*' <<<"$out" | grep -o '[0-9]*$')
  read -r wall kb < <(grep '^TIME' <<<"$out" | cut -d' ' -f2-)
  echo "$ms $wall $((kb / 1024))"
}
# The machine may be shared and its speed drift: each import runs three times, and the median is shown with the range.
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
import_rows() { # content, database, label, cold?
  local runs=() peaks=() walls=() ms wall mb
  for _ in 1 2 3; do
    [ "$4" = cold ] && rm -rf "$(dirname "$2")"
    read -r ms wall mb < <(import_run "$1" "$2")
    runs+=("$ms"); walls+=("$wall"); peaks+=("$mb")
  done
  local sorted
  sorted=$(printf '%s\n' "${runs[@]}" | sort -n | tr '\n' ' ')
  row "$3" "$(echo "${runs[*]}" | median) ms (command $(echo "${walls[*]}" | median) s)" \
    "3 runs: $(awk '{ print $1 "–" $3 }' <<<"$sorted") ms; peak $(printf '%s\n' "${peaks[@]}" | sort -n | tail -1) MB"
}
for n in 1000 10000; do
  "${generator[@]}" generate "$work/content-$n" "$n" 42 >/dev/null
  import_rows "$work/content-$n" "$work/db-$n/portfolio.db" "Import of $n documents, cold" cold
  import_rows "$work/content-$n" "$work/db-$n/portfolio.db" "Import of $n documents, nothing changed" warm
  log "imported $n documents"
done

# Serving the 10,000-document site.
start_site "$work/content-10000" "$work/db-10000/portfolio.db" Portfolio__WatchContent=false

to_ms() { # "1.23ms" | "456.00us" | "1.2s" → milliseconds
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v } else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}
measure() { # url → "rps p50 p99"
  wrk -t2 -c"$connections" -d2s "$1" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(grep -c 'Non-2xx\|Socket errors' <<<"$out" || true)
  [ "$errors" = 0 ] || { log "errors while loading $1:"; echo "$out" >&2; exit 1; }
  echo "$rps $p50 $p99"
}

module=/guides/guide-00000/module-1
declare -A names=(
  ["$module"]="Module page"
  ["/programs/program-00000"]="Program page"
  ["/credentials?tag=aws&tag=machine-learning"]="Credentials, two tags"
  ["/tags/aws"]="Tag page"
  ["/search?q=model+deployment"]="Search"
)
ours_rps=0
for url in "$module" "/programs/program-00000" "/credentials?tag=aws&tag=machine-learning" "/tags/aws" "/search?q=model+deployment"; do
  read -r rps p50 p99 < <(measure "http://127.0.0.1:$port$url")
  [ "$url" = "$module" ] && ours_rps=$rps
  row "${names[$url]} (\`$url\`), $connections connections" "$rps requests/s" "p50 ${p50} ms, p99 ${p99} ms"
  log "measured $url"
done

# The same module page as a static file, served by nginx with the same load.
mkdir -p "$work/static"
curl -fs "http://127.0.0.1:$port$module" >"$work/static/module.html"
nginx_port=$((port + 1))
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  client_body_temp_path $work/nginx-tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
mkdir -p "$work/nginx-tmp"
chmod -R a+rX "$work"
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 0.5
read -r nrps np50 np99 < <(measure "http://127.0.0.1:$nginx_port/module.html")
row "The module page as a static file, nginx, $connections connections" "$nrps requests/s" "p50 ${np50} ms, p99 ${np99} ms"
# The same bytes from Kestrel with nothing else (bench/Portfolio.BareKestrel): the most any site on ASP.NET Core can do here.
bare_port=$((port + 3))
"$work/bare/Portfolio.BareKestrel" "$work/static/module.html" --urls "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$bare_port/" >/dev/null 2>&1 && break; sleep 0.1; done
read -r brps bp50 bp99 < <(measure "http://127.0.0.1:$bare_port/")
row "The module page's bytes from bare Kestrel (one delegate, no middleware), $connections connections" "$brps requests/s" "p50 ${bp50} ms, p99 ${bp99} ms"
# The ratios from three more rounds, each measured back to back, so that a drift of the machine hits every side alike.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ratios=("$(ratio "$ours_rps" "$nrps")")
bare_ratios=("$(ratio "$brps" "$nrps")")
for _ in 1 2 3; do
  read -r a _ _ < <(measure "http://127.0.0.1:$port$module")
  read -r b _ _ < <(measure "http://127.0.0.1:$nginx_port/module.html")
  read -r c _ _ < <(measure "http://127.0.0.1:$bare_port/")
  ratios+=("$(ratio "$a" "$b")")
  bare_ratios+=("$(ratio "$c" "$b")")
done
sorted() { printf '%s\n' "$@" | sort -n | tr '\n' ' ' | sed 's/ $//'; }
row "Portfolio ÷ nginx, module page" "$(echo "${ratios[*]}" | median)" "median of 4 pairs ($(sorted "${ratios[@]}")); target ≥ 0.60"
row "Bare Kestrel ÷ nginx, the same bytes" "$(echo "${bare_ratios[*]}" | median)" "median of 4 pairs ($(sorted "${bare_ratios[@]}"))"
log "measured the ratio to nginx"

# Start-up on the seeds: from launch to the first 200 of the home page, with the database of an earlier run (a restart),
# and to the first healthy answer with no database at all (a first start, its import included).
startup() { # database, url → milliseconds
  local startup_port=$((port + 2 + RANDOM % 100)) start pid
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Portfolio__ContentPath="$root/content" Portfolio__DatabasePath="$1" \
    "${app[@]}" --urls "http://127.0.0.1:$startup_port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$startup_port$2" >/dev/null 2>&1; do sleep 0.01; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
startup "$work/seeds/portfolio.db" /healthz >/dev/null
restarts=("$(startup "$work/seeds/portfolio.db" /)" "$(startup "$work/seeds/portfolio.db" /)" "$(startup "$work/seeds/portfolio.db" /)")
row "Start-up on the seeds to the first 200 of the home page (a restart)" "$(echo "${restarts[*]}" | median) ms" \
  "3 runs: $(printf '%s\n' "${restarts[@]}" | sort -n | tr '\n' ' ' | awk '{ print $1 "–" $3 }') ms; target < 1000 ms"
firsts=()
for _ in 1 2 3; do rm -rf "$work/seeds-cold"; firsts+=("$(startup "$work/seeds-cold/portfolio.db" /healthz)"); done
row "Start-up on the seeds to the first healthy 200 (a first start, import included)" "$(echo "${firsts[*]}" | median) ms" \
  "3 runs: $(printf '%s\n' "${firsts[@]}" | sort -n | tr '\n' ' ' | awk '{ print $1 "–" $3 }') ms"

{
  echo
  echo "## bench/run.sh, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  echo "Measured on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version); wrk -t2 -c$connections -d${seconds}s after a 2 s warm-up."
  echo
  echo "| measure | result | detail |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee -a bench/results.md
