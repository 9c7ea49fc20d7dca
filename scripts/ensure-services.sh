#!/usr/bin/env bash
# Makes sure the local services the adapter tests use are up (PostgreSQL on 127.0.0.1:5432 with a
# `test` database, Redis on 127.0.0.1:6379), starting them when down. Fails loudly if one cannot be
# started: tests must never skip silently because a service is missing.
set -euo pipefail

wait_for() { # name, check command
  for _ in $(seq 1 30); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ERROR: $1 did not come up" >&2
  return 1
}

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  echo "== starting PostgreSQL"
  command -v pg_ctlcluster >/dev/null || { echo "ERROR: PostgreSQL is not installed (pg_ctlcluster missing)" >&2; exit 1; }
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  wait_for PostgreSQL "pg_isready -h 127.0.0.1 -p 5432"
fi
psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1 \
  || psql -h 127.0.0.1 -U postgres -c 'create database test' >/dev/null \
  || { echo "ERROR: PostgreSQL database 'test' is not reachable" >&2; exit 1; }
echo "== PostgreSQL ok"

if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  echo "== starting Redis"
  command -v redis-server >/dev/null || { echo "ERROR: Redis is not installed (redis-server missing)" >&2; exit 1; }
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis "redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG"
fi
echo "== Redis ok"
