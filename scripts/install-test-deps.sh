#!/usr/bin/env bash
# Installs and starts what `npm test` needs besides Node: Docker Engine (+ docker-compose v1, the
# only Compose Debian ships), OpenSSH server and client, Chromium, and the lab's real peers
# (Caddy, Django with django-cors-headers, PostgreSQL, Redis). Idempotent; run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(docker.io docker-compose openssh-server openssh-client chromium caddy openssl ca-certificates
  python3-django python3-django-cors-headers python3-gunicorn postgresql redis-server iproute2 procps fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p /run/sshd

if ! docker info >/dev/null 2>&1; then
  # Its own session: ending the shell or job that started it must not take the daemon down.
  setsid nohup dockerd >/tmp/hangar-dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
docker info --format 'Docker Engine {{.ServerVersion}} is answering.' || { echo "dockerd did not start; see /tmp/hangar-dockerd.log" >&2; tail -20 /tmp/hangar-dockerd.log >&2 || true; exit 1; }
