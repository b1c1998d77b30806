#!/usr/bin/env bash
# The container's health check: GET /health/readiness on the local port, healthy on 200. Bash's /dev/tcp only,
# so the image needs no curl or wget.
set -euo pipefail
port="${DIMMER_PORT:-8420}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/readiness HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "dimmer not ready: ${status:-no answer}" >&2; exit 1 ;;
esac
