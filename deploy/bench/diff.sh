#!/usr/bin/env bash
# dimmer bench diff: builds two PostgreSQL tables with 10 planted differences and times Dimmer's checksum diff,
# the bare hash scans of both tables, pg_comparator (if installed) and, with --mariadb-url, the cross-engine rate.
# Usage: deploy/bench/diff.sh [--rows N] [--url JDBC_URL] [--mariadb-url JDBC_URL] [--cross-rows N]
# Without --url it runs on an embedded PostgreSQL; pg_comparator needs the distribution's server
# (apt-get install postgresql-comparator; --url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$root/deploy/target/dimmer.jar" ] || [ ! -d "$root/deploy/target/lib" ]; then
  (cd "$root" && ./mvnw -B -q -pl deploy -am package -DskipTests)
fi
exec java -Xmx1g -Dlogback.configurationFile="$root/deploy/bench/logback-bench.xml" \
  -cp "$root/deploy/target/dimmer.jar:$root/deploy/target/lib/*" dev.dimmer.bench.BenchDiffCommand "$@"
