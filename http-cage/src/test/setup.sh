#!/bin/sh
# Installs what the http-cage benchmarks (mvn -Pbench) need: wrk (load) and nginx (the
# reference proxy). Idempotent: does nothing when both are already there. Not needed for the
# default test run.
set -eu
if command -v wrk >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk nginx-light || \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk nginx
# The Debian package starts a system nginx on port 80; the benchmark runs its own instances.
$SUDO systemctl disable --now nginx >/dev/null 2>&1 || $SUDO service nginx stop >/dev/null 2>&1 || true
