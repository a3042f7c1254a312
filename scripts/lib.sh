# Sourced by the scripts of scripts/ and bench/: installing Debian packages where a machine lacks them.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install PACKAGE...: the package lists refreshed once, then the packages, quietly.
apt_install() {
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
