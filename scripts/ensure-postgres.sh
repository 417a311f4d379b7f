#!/usr/bin/env bash
# The server's tests also run on PostgreSQL: a throwaway cluster started from Debian's binaries
# (initdb in a temp folder, a free loopback port), never a server of the machine's own.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
echo "› installing Debian's postgresql (apt-get)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
# The package starts a cluster of its own; the tests never use it.
$SUDO service postgresql stop >/dev/null 2>&1 || true
