#!/usr/bin/env bash
# Exit status: 0 passed, 1 failed, 77 skipped (no container engine here, and CI is not "true").
# Builds the real Dockerfile and checks the container: it starts as a non-root user, reports healthy, serves the
# home, a program and a module page, reloads a changed file, and a mounted content folder replaces the baked-in one.
# Uses docker when an engine answers; otherwise podman with local stand-ins for the .NET base images
# (../shared/tools/container-base-images, which machines that cannot pull images have beside the clone); otherwise
# it skips, except under CI=true, where it must run and so fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[container-smoke] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

image=portfolio-smoke:latest
work=$(mktemp -d)
engine=
skipping=0
containers=()
cleanup() {
  local status=$?
  for c in "${containers[@]}"; do $engine rm -f "$c" >/dev/null 2>&1 || true; done
  rm -rf "$work"
  # 77 means skipped only when this script says so, not when a command it ran (curl, say) happened to exit 77.
  if [ "$status" = 77 ] && [ "$skipping" = 0 ]; then exit 1; fi
}
trap cleanup EXIT

tool="$(dirname "$root")/shared/tools/container-base-images"
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
  build=(docker build -t "$image" .)
elif [ ! -x "$tool" ]; then
  missing="no docker engine answers (docker info fails) and there is no $tool to set up podman with"
  [ "${CI:-}" = true ] && fail "CI=true, so the container test must run, but $missing"
  log "SKIPPED: $missing"
  skipping=1
  exit 77
else
  "$tool" >&2
  eval "$("$tool" --env)"
  engine=podman
  # No network inside the build: the restore in the Dockerfile is served from the host's package cache.
  dotnet restore src/Portfolio.Web/Portfolio.Web.csproj -r linux-x64 -p:PublishReadyToRun=true -p:SelfContained=true >/dev/null
  build=(podman build --pull=never --network=none -v "$HOME/.nuget/packages:/root/.nuget/packages" -t "$image" .)
fi

log "building the image with $engine"
"${build[@]}" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "the image did not build"; }

free_port() { echo $(( 20000 + RANDOM % 30000 )); }

# Runs the image with extra arguments; prints the container name. The site listens on $port of the host.
start() {
  local name=$1; shift
  port=$(free_port)
  if [ "$engine" = podman ]; then
    podman run -d --name "$name" --network=host -e ASPNETCORE_HTTP_PORTS="$port" "$@" "$image" >/dev/null
  else
    docker run -d --name "$name" -p "127.0.0.1:$port:8080" "$@" "$image" >/dev/null
  fi
  containers+=("$name")
}

wait_healthy() {
  for _ in $(seq 1 90); do
    if curl -fsS "http://127.0.0.1:$port/healthz" -o "$work/health.json" 2>/dev/null; then return 0; fi
    sleep 1
  done
  $engine logs "$1" >&2 || true
  fail "$1 did not report healthy within 90 s"
}

expect_page() { # url, text
  local body
  body=$(curl -fsS "http://127.0.0.1:$port$1") || fail "GET $1 did not answer 200"
  grep -qF -- "$2" <<<"$body" || fail "GET $1 does not contain '$2'"
  log "ok: $1 has '$2'"
}

expect_status() { # url, status
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1")
  [ "$status" = "$2" ] || fail "GET $1 answered $status, expected $2"
  log "ok: $1 answers $2"
}

# 1. The image as built, with its baked-in content.
start portfolio-smoke-baked
wait_healthy portfolio-smoke-baked
grep -q '"status":"healthy"' "$work/health.json" || fail "healthz is not healthy: $(cat "$work/health.json")"
log "ok: /healthz $(cat "$work/health.json")"
uid=$($engine exec portfolio-smoke-baked id -u)
[ "$uid" != 0 ] || fail "the container runs as root"
log "ok: runs as uid $uid"
expect_page / "Latest credentials"
expect_page /programs/aws-machine-learning-engineer-nanodegree "AWS Machine Learning Engineer Nanodegree"
expect_page /guides/aws-machine-learning-engineering/module-1 "How Machine Learning Really Works"
css=$(curl -fsS "http://127.0.0.1:$port/" | grep -o '/css/site\.[a-z0-9]*\.css' | head -1)
[ -n "$css" ] || fail "the home page links no fingerprinted stylesheet"
curl -fsSI -H 'Accept-Encoding: br' "http://127.0.0.1:$port$css" | grep -qi '^cache-control:.*immutable' || fail "$css is not served as immutable"
curl -fsSI -H 'Accept-Encoding: br' "http://127.0.0.1:$port$css" | grep -qi '^content-encoding: br' || fail "$css is not served with Brotli"
log "ok: $css is fingerprinted, immutable and Brotli-compressed"
$engine exec portfolio-smoke-baked /app/Portfolio.Web health >/dev/null || fail "the HEALTHCHECK command reports unhealthy"
log "ok: the HEALTHCHECK command passes"
$engine rm -f portfolio-smoke-baked >/dev/null

# 2. The owner's own folder mounted read-only over the baked-in one, and edited while the site runs.
mine="$work/content"
cp -r content "$mine"
rm "$mine/guides/aws-machine-learning-engineering.md" "$mine/guides/aws-machine-learning-engineering.yml"
sed -i 's/^name: .*/name: Smoke Test Owner/' "$mine/site.yml"
chmod -R a+rX "$mine"
start portfolio-smoke-mounted -v "$mine:/app/content:ro"
wait_healthy portfolio-smoke-mounted
expect_page / "Smoke Test Owner"
expect_status /guides/aws-machine-learning-engineering 404
expect_page /programs/aws-machine-learning-engineer-nanodegree "AWS Machine Learning Engineer Nanodegree"

printf -- '---\ntitle: Added While Running\ndate: 2025-06-01\ntags: [aws]\n---\n\nA certification added while the container runs.\n' \
  >"$mine/certifications/added-while-running.md"
chmod a+r "$mine/certifications/added-while-running.md"
for _ in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/certifications/added-while-running")" = 200 ] && break
  sleep 1
done
expect_page /certifications/added-while-running "Added While Running"
$engine rm -f portfolio-smoke-mounted >/dev/null

# 3. A read-only filesystem apart from the data folder: the database is the only thing the site writes.
data="$work/data"
mkdir -p "$data"
chmod 0777 "$data"
start portfolio-smoke-readonly --read-only -v "$mine:/app/content:ro" -v "$data:/app/data"
wait_healthy portfolio-smoke-readonly
grep -q '"status":"healthy"' "$work/health.json" || fail "healthz is not healthy on a read-only filesystem: $(cat "$work/health.json")"
expect_page / "Smoke Test Owner"
expect_page "/search?q=sagemaker" "SageMaker"
[ -s "$data/portfolio.db" ] || fail "the database was not written to the data folder"
if $engine logs portfolio-smoke-readonly 2>&1 | grep -E 'fail:|crit:|Unhandled exception' >&2; then fail "errors in the log on a read-only filesystem"; fi
log "ok: runs on a read-only filesystem, writing only $data/portfolio.db"

log "passed"
