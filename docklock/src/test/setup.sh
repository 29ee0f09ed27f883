#!/bin/sh
# Installs what building and testing the docklock module needs on a Debian machine; idempotent.
#   gcc, libc6-dev  the cage's native part (JNI library, static docklock-init) and the test programs
#   bash            one network test connects through bash's /dev/tcp
#   bubblewrap      the benchmark's comparison peer (bench profile only)
# The tests also need root (namespaces, cgroups) and Linux on x86_64.
set -eu
need=""
command -v gcc >/dev/null 2>&1 || need="$need gcc"
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || need="$need libc6-dev"
[ -x /bin/bash ] || need="$need bash"
command -v bwrap >/dev/null 2>&1 || need="$need bubblewrap"
if [ -n "$need" ]; then
    echo "docklock: installing$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
