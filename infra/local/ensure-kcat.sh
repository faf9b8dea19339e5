#!/usr/bin/env bash
# kcat (the Kafka command-line client, Debian's package) for the test that reads Plenary's
# topics with a client that is not Node. Prints its path; installs it with apt-get when it is
# missing and this shell may (root); otherwise says how.
set -euo pipefail
if command -v kcat >/dev/null 2>&1; then
  command -v kcat
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "[kcat] installing Debian's kcat package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q kcat >&2 || { apt-get update -q >&2 && apt-get install -y -q kcat >&2; }
  command -v kcat
  exit 0
fi
echo "[kcat] kcat is not installed: run 'sudo apt-get install kcat' (Debian/Ubuntu) or 'brew install kcat'" >&2
exit 1
