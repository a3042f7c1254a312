# Sourced by bench/run.sh, bench/soak.sh and bench/replicas.sh (from the repository root): a work folder removed on exit together with
# the processes started in it, a log prefix, and the site published and started as the Dockerfile would run it.
# shellcheck source=../scripts/lib.sh
. scripts/lib.sh

# bench_begin NAME: sets $work and $pids, and log() prefixed with [NAME].
bench_begin() {
  bench_name=$1
  work=$(mktemp -d "/tmp/portfolio-$1.XXXXXX")
  pids=()
  trap bench_end EXIT
}
bench_end() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
log() { printf '[%s] %s\n' "$bench_name" "$*" >&2; }

# need COMMAND:PACKAGE...: installs the packages of the commands that are missing.
need() {
  local missing=() pair
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

# publish_site: a Release build in $work/app, as the Dockerfile publishes it (self-contained, one ReadyToRun composite),
# so that the JIT is not what is measured. Run it as "$work/app/Portfolio.Web".
publish_site() {
  dotnet publish src/Portfolio.Web -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -o "$work/app" >/dev/null
}

# start_site CONTENT DATABASE [SETTING=VALUE...]: runs the published site on a free port of 127.0.0.1 in Production,
# logging to $work/site.log, and waits until /healthz answers. Sets $port and $site (its process id).
# site_port=N and site_log=FILE before the call choose the port and the log instead (several sites, a restart).
start_site() {
  local content=$1 database=$2 log=${site_log:-$work/site.log}
  shift 2
  port=${site_port:-$((20000 + RANDOM % 20000))}
  env ASPNETCORE_ENVIRONMENT=Production Portfolio__ContentPath="$content" Portfolio__DatabasePath="$database" \
    Portfolio__SearchRequestsPerMinute=0 Logging__LogLevel__Default=Warning "$@" \
    "$work/app/Portfolio.Web" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  site=$!
  pids+=("$site")
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  cat "$log" >&2
  exit 1
}
