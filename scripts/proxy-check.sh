#!/usr/bin/env bash
# Exit status: 0 passed, 1 failed, 77 skipped (Caddy or nginx missing and not installable, and CI is not "true").
# The site behind the proxies of deploy/ on loopback, each with its own certificate: Caddy (deploy/Caddyfile, its
# internal authority) and nginx (deploy/nginx.conf, a self-signed certificate). Through each it checks with curl that
# HTTPS answers, http:// redirects to https://, canonical links and the feed are https://, each security header comes
# once (HSTS included), and that the site sees the visitor's address, not the proxy's: the site logs no request, so
# what shows it is the search rate limit, which counts each address apart (visitors from 127.0.0.2 and 127.0.0.3
# have a share each, one more pair for the second proxy; a forged X-Forwarded-For buys nothing, through the proxy or
# around it).
# Needs the .NET SDK and curl; installs Debian's Caddy and nginx where they are missing. About 15 s once built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=lib.sh
. scripts/lib.sh

log() { printf '[proxy-check] %s\n' "$*" >&2; }
failures=0
fail() { log "FAILED: $*"; failures=$((failures + 1)); }
ok() { log "ok: $*"; }

work=$(mktemp -d /tmp/portfolio-proxy-check.XXXXXX)
pids=()
skipping=0
cleanup() {
  local status=$?
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
  # 77 means skipped only when this script says so.
  if [ "$status" = 77 ] && [ "$skipping" = 0 ]; then exit 1; fi
}
trap cleanup EXIT

missing=()
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}" || true
  if ! command -v caddy >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
    [ "${CI:-}" = true ] && { log "FAILED: CI=true, and ${missing[*]} could not be installed"; exit 1; }
    log "SKIPPED: ${missing[*]} could not be installed"
    skipping=1
    exit 77
  fi
fi

free_port() { echo $((20000 + RANDOM % 30000)); }
host=portfolio.localhost
site_port=$(free_port)

# The site as the test command builds it, on loopback; Caddy and nginx connect from 127.0.0.1, the one proxy it believes.
log "building the site (Release)"
dotnet build src/Portfolio.Web -c Release >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
env ASPNETCORE_ENVIRONMENT=Production Portfolio__ContentPath="$root/content" Portfolio__DatabasePath="$work/portfolio.db" \
  Portfolio__KnownProxies__0=127.0.0.1 Portfolio__HttpsRedirection=false Portfolio__SearchRequestsPerMinute=3 \
  dotnet src/Portfolio.Web/bin/Release/net10.0/Portfolio.Web.dll --urls "http://127.0.0.1:$site_port" >"$work/site.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$site_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$site_port/healthz" >/dev/null || { cat "$work/site.log" >&2; log "FAILED: the site did not start"; exit 1; }

wait_for() { # port
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# Caddy: the owner's Caddyfile, imported under global options that keep it on loopback with its own authority.
start_caddy() {
  mkdir -p "$work/caddy"
  cat >"$work/caddy/Caddyfile" <<CONF
{
	admin off
	http_port $http_port
	https_port $https_port
	default_bind 127.0.0.1
	local_certs
	skip_install_trust
	storage file_system $work/caddy/data
}
import $root/deploy/Caddyfile
CONF
  env HOME="$work/caddy" XDG_CONFIG_HOME="$work/caddy" XDG_DATA_HOME="$work/caddy" \
    PORTFOLIO_DOMAIN=$host PORTFOLIO_UPSTREAM="127.0.0.1:$site_port" \
    caddy run --adapter caddyfile --config "$work/caddy/Caddyfile" >"$work/caddy.log" 2>&1 &
  pids+=($!)
  wait_for "$https_port" || { cat "$work/caddy.log" >&2; return 1; }
  # The certificate is issued a moment after the port opens.
  for _ in $(seq 1 100); do [ -s "$work/caddy/data/pki/authorities/local/root.crt" ] && break; sleep 0.1; done
  ca="$work/caddy/data/pki/authorities/local/root.crt"
}

# nginx: the owner's server blocks, with loopback ports, a self-signed certificate and the site's port put in.
start_nginx() {
  mkdir -p "$work/nginx/tmp"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
  sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|; s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e '/listen \[::\]/d' -e "s|portfolio.example.com;|$host;|" \
    -e "s|/etc/letsencrypt/live/portfolio.example.com/fullchain.pem|$work/nginx/cert.pem|" \
    -e "s|/etc/letsencrypt/live/portfolio.example.com/privkey.pem|$work/nginx/key.pem|" \
    -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$site_port;|" deploy/nginx.conf >"$work/nginx/portfolio.conf"
  for expected in "127.0.0.1:$http_port;" "127.0.0.1:$https_port ssl" "$work/nginx/cert.pem" "127.0.0.1:$site_port;"; do
    grep -qF "$expected" "$work/nginx/portfolio.conf" || { log "deploy/nginx.conf no longer has the line this test rewrites to $expected"; return 1; }
  done
  cat >"$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  include $work/nginx/portfolio.conf;
}
CONF
  nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/start.log" &
  pids+=($!)
  wait_for "$https_port" || { cat "$work/nginx/start.log" "$work/nginx/error.log" >&2; return 1; }
  ca="$work/nginx/cert.pem"
}

# curl through the proxy under test, as a visitor at $visitor unless --interface says otherwise.
visit() { curl -sS --cacert "$ca" --resolve "$host:$https_port:127.0.0.1" --resolve "$host:$http_port:127.0.0.1" --interface "$visitor" "$@"; }

module=/guides/aws-machine-learning-engineering/module-1

check_proxy() { # name, a visitor's address, another visitor's
  local name=$1 visitor=$2 other=$3 status headers location page canonical feed count header
  status=$(visit -o /dev/null -w '%{http_code}' "https://$host:$https_port/") || true
  if [ "$status" = 200 ]; then ok "$name: https:// answers 200"; else fail "$name: https://$host:$https_port/ answered '$status'"; fi

  read -r status location < <(visit -o /dev/null -w '%{http_code} %{redirect_url}\n' "http://$host:$http_port/credentials?tag=aws") || true
  if [[ "$status" =~ ^30[178]$ ]] && [[ "$location" =~ ^https://$host(:$https_port)?/credentials\?tag=aws$ ]]; then
    ok "$name: http:// redirects ($status) to $location"
  else
    fail "$name: http://$host:$http_port/credentials?tag=aws answered '$status' to '$location', not a redirect to https"
  fi

  page=$(visit "https://$host:$https_port$module") || true
  canonical=$(grep -o '<link rel="canonical" href="[^"]*"' <<<"$page" | sed 's/.*href="//; s/"$//' || true)
  # The port is the test's: Caddy forwards the Host the visitor sent, nginx's $host is the name alone (port 443 in use).
  if [[ "$canonical" =~ ^https://$host(:$https_port)?$module$ ]]; then ok "$name: canonical link $canonical"
  else fail "$name: the canonical link is '$canonical', expected https://$host$module"; fi
  feed=$(visit "https://$host:$https_port/feed.xml") || true
  if grep -qE "rel=\"self\" type=\"application/atom\+xml\" href=\"https://$host(:$https_port)?/feed.xml\"" <<<"$feed"; then
    ok "$name: the feed links itself over https"
  else fail "$name: the feed's self link is not https://$host/feed.xml"; fi

  # Twice: the second answer comes from the site's page cache.
  for try in rendered cached; do
    headers=$(visit -o /dev/null -D - -H 'Accept-Encoding: br' "https://$host:$https_port$module" | tr -d '\r') || true
    for header in Content-Security-Policy X-Content-Type-Options X-Frame-Options Referrer-Policy Permissions-Policy \
      Cross-Origin-Opener-Policy Strict-Transport-Security Content-Encoding Vary; do
      count=$(grep -ci "^$header:" <<<"$headers" || true)
      [ "$count" = 1 ] || fail "$name: $header appears $count times on the $try page"
    done
    # The site sends no Server header; Caddy removes its own, nginx cannot without a module but names no version.
    grep -i '^server:' <<<"$headers" | grep -q '[0-9]' && fail "$name: the $try page names its server's version: $(grep -i '^server:' <<<"$headers")"
  done
  ok "$name: each security header once, HSTS included ($(grep -i '^strict-transport-security:' <<<"$headers" | cut -d' ' -f2-))"

  # The visitor's address: three searches a minute each. Caches apart, a fresh query every time.
  local statuses=() n
  search() { visit -o /dev/null -w '%{http_code}' "$@"; }
  for n in 1 2 3 4; do statuses+=("$(search -H "X-Forwarded-For: 10.9.9.$n" "https://$host:$https_port/search?q=$name$n" || true)"); done
  statuses+=("$(search --interface "$other" "https://$host:$https_port/search?q=${name}other" || true)")
  if [ "${statuses[*]}" = "200 200 200 429 200" ]; then
    ok "$name: the site counts searches by visitor ($visitor: 200 200 200 429, a forged X-Forwarded-For changing nothing; $other: 200)"
  else
    fail "$name: searches from $visitor then $other answered ${statuses[*]}, expected 200 200 200 429 200 (the site does not see the visitor's address)"
  fi
}

# Around the proxy, straight to the site from an address it does not know: X-Forwarded-For is not believed.
statuses=()
for n in 1 2 3 4; do
  statuses+=("$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.4 -H "X-Forwarded-For: 10.8.8.$n" -H 'X-Forwarded-Proto: https' \
    "http://127.0.0.1:$site_port/search?q=direct$n" || true)")
done
if [ "${statuses[*]}" = "200 200 200 429" ]; then ok "direct: a forged X-Forwarded-For from an unknown address is not believed"
else fail "direct: searches from 127.0.0.4 with forged X-Forwarded-For answered ${statuses[*]}, expected 200 200 200 429"; fi
canonical=$(curl -s -H 'X-Forwarded-Proto: https' --interface 127.0.0.4 "http://127.0.0.1:$site_port$module" | grep -o '<link rel="canonical" href="[^"]*"' || true)
if [[ "$canonical" == *'href="http://127.0.0.1:'* ]]; then ok "direct: a forged X-Forwarded-Proto leaves the canonical link http"
else fail "direct: a forged X-Forwarded-Proto from 127.0.0.4 gave $canonical"; fi

visitors=(127.0.0.2 127.0.0.3 127.0.0.5 127.0.0.6)
for proxy in caddy nginx; do
  http_port=$(free_port)
  https_port=$(free_port)
  if "start_$proxy"; then
    log "$proxy on https://$host:$https_port (http on $http_port) in front of the site on $site_port"
    check_proxy "$proxy" "${visitors[0]}" "${visitors[1]}"
    visitors=("${visitors[@]:2}")
    kill "${pids[-1]}" 2>/dev/null || true
    wait "${pids[-1]}" 2>/dev/null || true
  else
    fail "$proxy did not start"
  fi
done

if grep -E 'fail:|crit:' "$work/site.log" >&2; then fail "errors in the site's log"; fi
[ "$failures" = 0 ] || exit 1
log "passed"
