#!/usr/bin/env bash
# The whole benchmark in one command (see docs/benchmark.md):
#   load-test/run-benchmark.sh --cases 100000 [--users 20] [--duration 120] [--rps 0] [--warmup 180] [--reuse] [--port 8091]
# --rps N holds the load at N requests a second (latency at that load); 0, the default, runs the users flat out
# (the capacity of the machine). --warmup S first runs the same mix for S seconds, not measured (the JVM compiles its
# hot code for minutes: after 60 s it still compiled on a quarter of a core; 0 measures from a cold start).
# 1. creates the database casework_bench_<cases> on the local PostgreSQL (dropped first, unless --reuse and it is filled),
# 2. starts the app once on it (Flyway migrations + demo organisation), stops it,
# 3. generates the office with PostgreSQL COPY (casework.bench.Generator),
# 4. starts the app with a 512 MB heap and runs the Gatling simulation against it,
# 5. writes load-test/results/<timestamp>-<cases>/ (summary.md, results.csv, report.html, generator.log, app.log).
# PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) choose the server; APP_JAR a ready-built app jar;
# APP_JAVA the java command that runs the app (default: the newest JDK under /usr/lib/jvm, else java on the PATH);
# APP_JAVA_OPTS extra JVM options for the app under load (e.g. a Java Flight Recorder recording to profile it).
set -euo pipefail

cases=10000
users=20
duration=120
reuse=false
port=8091
rps=0
warmup=180
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cases) cases="${2//_/}"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    --port) port="$2"; shift 2 ;;
    --rps) rps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "Unknown option $1 (use --cases N --users U --duration S --rps R --warmup S --reuse --port P)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="casework_bench_${cases}"
jdbc="jdbc:postgresql://${PGHOST}:${PGPORT}/${db}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/${stamp}-${cases}"
mkdir -p "$out"

# The app runs on the newest JDK installed under /usr/lib/jvm (Java 25 ran the same jar with a third less CPU per
# page than Java 17 here, see BENCHMARKS.md), or on APP_JAVA when given.
if [[ -z "${APP_JAVA:-}" ]]; then
  APP_JAVA=java
  best=0
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$("$candidate" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')"
    if [[ "$major" =~ ^[0-9]+$ && "$major" -gt "$best" ]]; then best="$major"; APP_JAVA="$candidate"; fi
  done
fi
export APP_JAVA APP_JAVA_OPTS="${APP_JAVA_OPTS:-}"
echo "== the app runs on $("$APP_JAVA" -version 2>&1 | head -1)"

jar="${APP_JAR:-}"
if [[ -z "$jar" ]]; then
  (cd "$root" && ./mvnw -q -B package -DskipTests)
  jar="$(ls "$root"/target/casework-*.jar | grep -v plain | head -1)"
fi

app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

start_app() {
  SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    "$APP_JAVA" -Xmx512m -Xms512m ${APP_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --casework.intake.imap.enabled=false --management.health.mail.enabled=false >>"$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do
    if curl -fs "http://localhost:${port}/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped; see $out/app.log" >&2; exit 1; fi
    sleep 1
  done
  echo "The app did not start in 3 minutes; see $out/app.log" >&2; exit 1
}

# A run changes its data (notes added, cases allocated, drafts approved), so each generated database is kept as a
# pristine copy, <db>_pristine, and --reuse starts every run from a fresh copy of it: runs stay comparable.
pristine="${db}_pristine"
exists() { psql -Atc "select 1 from pg_database where datname = '$1'" | grep -q 1; }
filled=false
if $reuse && exists "$pristine"; then
  echo "== restoring $db from $pristine"
  psql -qc "drop database if exists $db with (force)"
  # FILE_COPY copies the files after a checkpoint instead of writing every page to the WAL, so the run does not
  # start with gigabytes of WAL and a checkpoint still to flush.
  psql -qc "create database $db template $pristine strategy file_copy"
  filled=true
elif $reuse && exists "$db"; then
  if [[ "$(psql -d "$db" -Atc "select count(*) from casework_case where created_by = 'generator'" 2>/dev/null || echo 0)" -gt 0 ]]; then
    filled=true
  fi
fi

if ! $filled; then
  echo "== creating $db"
  psql -qc "drop database if exists $db with (force)"
  psql -qc "create database $db"
  echo "== first start: schema and demo organisation"
  start_app
  stop_app
  echo "== generating $cases cases"
  (cd "$here" && mvn -q -B -e compile exec:java -Dexec.args="--cases $cases --url $jdbc --user $PGUSER") \
    | tee "$out/generator.log"
  echo "== keeping a pristine copy: $pristine"
  psql -qc "drop database if exists $pristine with (force)"
  psql -qc "create database $pristine template $db strategy file_copy"
else
  echo "== reusing $db"
fi

# A database just copied or generated is mostly not in the operating system's file cache (PostgreSQL writes its
# copies past it), so the first minutes of a run would measure disk reads a running office does not make: read the
# whole database once into the file cache first (pg_prewarm, PostgreSQL's contrib module; skipped if missing).
echo "== reading $db into the file cache"
psql -d "$db" -qAtc "create extension if not exists pg_prewarm" >/dev/null 2>&1 \
  && psql -d "$db" -qAtc "select sum(pg_prewarm(oid::regclass, 'read')) || ' blocks read' from pg_class where relkind in ('r', 'i', 't', 'm')" \
  || echo "(pg_prewarm is not available: the run starts with a cold file cache)"

echo "== starting the app (-Xmx512m) on $db"
start_app
psql -qc "checkpoint"
if [[ "$warmup" -gt 0 ]]; then
  # Not measured: its report is left in target/gatling and its log in warmup.log.
  echo "== warm-up: the same mix for $warmup s"
  (cd "$here" && mvn -q -B test-compile gatling:test -DbaseUrl="http://localhost:${port}" -Dusers="$users" -Dduration="$warmup" -Drps="$rps" -DdbUrl="$jdbc") \
    > "$out/warmup.log" 2>&1 || echo "(the warm-up reported failed requests; see $out/warmup.log)"
fi
echo "== load test: $users users for $duration s"
touch "$out/.load-started"
set +e
(cd "$here" && mvn -q -B test-compile gatling:test -DbaseUrl="http://localhost:${port}" -Dusers="$users" -Dduration="$duration" -Drps="$rps" -DdbUrl="$jdbc") \
  | tee "$out/gatling.log"
gatling_rc=${PIPESTATUS[0]}
set -e
stop_app

report="$(find "$here/target/gatling" -mindepth 1 -maxdepth 1 -type d -newer "$out/.load-started" 2>/dev/null | sort | tail -1)"
if [[ -z "$report" || ! -f "$report/index.html" ]]; then
  echo "Gatling wrote no report for this run (see $out/gatling.log)" >&2
  exit 1
fi
cp "$report/index.html" "$out/report.html"
python3 "$here/summarise.py" "$out/report.html" --cases "$cases" --users "$users" --duration "$duration" \
  --command "load-test/run-benchmark.sh --cases $cases --users $users --duration $duration$( [[ $rps != 0 ]] && echo " --rps $rps")$( [[ $warmup != 180 ]] && echo " --warmup $warmup")" --report "$report" --rps "$rps" --warmup "$warmup" > "$out/summary.md"
cat "$out/summary.md"
echo "== results in $out (full Gatling report: $report)"
exit "$gatling_rc"
