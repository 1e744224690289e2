#!/usr/bin/env bash
# Drives three HTTP servers with the same StopBuild load and prints one table:
#   ours    - io.buildstop.server.CodeBuildServer (via io.buildstop.benchmarks.ServeForLoad)
#   moto    - moto's server (python3 -m moto.server), the independent peer
#   ceiling - a trivial JDK HttpServer answering a fixed 2 KB JSON body (io.buildstop.benchmarks.Ceiling)
# ours and moto are seeded with the same builds through CodeBuild's API (bench/seed.py: CreateProject, StartBuild);
# wrk then POSTs StopBuild (bench/stop.lua) rotating over those ids at 1, 4 and 16 connections.
# Then: StartBuild through ours and moto (1 connection), and ours' StopBuild throughput with 1,000 vs 100,000
# builds in the store (seeded in-process through the backend's public API: 100,000 over HTTP would take minutes).
#
# Environment: DURATION (10s), WARMUP (3s), CONNECTIONS ("1 4 16"), BUILDS (1000), SCALE (100000),
# SCALE_WARMUP (40s: each scale server is a fresh JVM, and its first pass stops every seeded build: G1 copies the
# stopped builds between survivor spaces until they are tenured, ~15 young collections, 30 ms pauses at 100,000),
# SCALE_ROUNDS (2: the two scale servers alternate, so a change in the machine's load hits both),
# SCALE_ONLY=1 to run only the scale rounds (no moto, no ceiling), SCALE_SEED=stopped to seed the scale servers
# with stopped builds (started then stopped in-process: a store of complete builds, every StopBuild a no-op from the
# first call, so no warm-up pass of transitions), SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar, MOTO_SCALE=N to also measure moto with N builds,
# EXTRA_JAVA_OPTS for our server and the ceiling (our server logs its GC to the work directory either way),
# CEILING_JAR to take the ceiling from another build (measuring an older version against today's ceiling).
# Needs java 17, python3 with moto and boto3; installs wrk (Debian's package) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-"1 4 16"}
BUILDS=${BUILDS:-1000}
SCALE=${SCALE:-100000}
SCALE_WARMUP=${SCALE_WARMUP:-40s}
SCALE_ROUNDS=${SCALE_ROUNDS:-2}
JAR=benchmarks/target/benchmarks.jar
# shellcheck disable=SC2206 # EXTRA_JAVA_OPTS is a list of flags
# the GC settings of `./buildstop serve` (see the launcher for why), then the heap and EXTRA_JAVA_OPTS
JAVA_OPTS=(-Dsun.net.httpserver.nodelay=true -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=75
  -XX:G1HeapWastePercent=10 -Xms1g -Xmx2g ${EXTRA_JAVA_OPTS:-})
WORK=$(mktemp -d /tmp/server-load.XXXXXX)
# every server started here (ours, moto, the ceiling) is stopped when the script ends, however it ends
# shellcheck source=bench/children.sh
. bench/children.sh

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "building $JAR" >&2
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
python3 -c 'import moto, boto3' || { echo "moto and boto3 are needed (python3 -m moto.server)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # url log [tries of 0.2 s]
  for _ in $(seq 1 "${3:-150}"); do
    if curl -s -o /dev/null -X POST "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "not ready: $1" >&2; cat "$2" >&2; exit 1
}
start_ours() { # port [seed ids-file]
  java "${JAVA_OPTS[@]}" "-Dbuildstop.seedState=${SCALE_SEED:-running}" "-Xlog:gc:file=$WORK/ours-$1-gc.log" -cp "$JAR" io.buildstop.benchmarks.ServeForLoad "$@" >"$WORK/ours-$1.log" 2>&1 &
  OURS_PID=$!
  # a seeded server answers once seeded: a million builds take a minute or two on a busy machine
  wait_ready "http://127.0.0.1:$1/" "$WORK/ours-$1.log" $(( 150 + ${2:-0} / 1000 ))
}

# wrk's latency (us, ms, s) in ms
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

ROWS=()
run_wrk() { # label url ids-file connections [operation [warm-up]]
  local label=$1 url=$2 ids=$3 c=$4 op=${5:-StopBuild} warmup=${6:-$WARMUP} threads out
  threads=$(( c < 2 ? c : 2 ))
  OPERATION=$op wrk -t "$threads" -c "$c" -d "$warmup" -s bench/stop.lua "$url" -- "$ids" >/dev/null
  out=$(OPERATION=$op wrk -t "$threads" -c "$c" -d "$DURATION" --latency -s bench/stop.lua "$url" -- "$ids")
  echo "$out" >"$WORK/wrk-$label-$op-$c.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 } /Socket errors:/ { print "sock" }' <<<"$out" | paste -sd+ -)
  ROWS+=("$label|$op|$c|$rps|$p50|$p99|${errors:-0}")
  echo "  $label $op c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors ${errors:-0}" >&2
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" >&2
OURS_PID=
if [ -z "${SCALE_ONLY:-}" ]; then
OURS_PORT=$(free_port); MOTO_PORT=$(free_port); CEILING_PORT=$(free_port)

start_ours "$OURS_PORT"
"$(python3 -c 'import sys; print(sys.executable)')" -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
java "${JAVA_OPTS[@]}" -cp "${CEILING_JAR:-$JAR}" io.buildstop.benchmarks.Ceiling "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 &
wait_ready "http://127.0.0.1:$MOTO_PORT/" "$WORK/moto.log"
wait_ready "http://127.0.0.1:$CEILING_PORT/" "$WORK/ceiling.log"

rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }
OURS_RSS0=$(rss_kb "$OURS_PID"); MOTO_RSS0=$(rss_kb "$MOTO_PID")
echo "seeding $BUILDS builds in each through the API" >&2
python3 bench/seed.py "http://127.0.0.1:$OURS_PORT" bench-project "$BUILDS" "$WORK/ours.ids" | sed 's/^/  ours: /' >&2
python3 bench/seed.py "http://127.0.0.1:$MOTO_PORT" bench-project "$BUILDS" "$WORK/moto.ids" | sed 's/^/  moto: /' >&2
echo "  RSS growth while seeding: ours $(( ($(rss_kb "$OURS_PID") - OURS_RSS0) )) KB, moto $(( ($(rss_kb "$MOTO_PID") - MOTO_RSS0) )) KB" >&2

echo "StopBuild, $DURATION per run after $WARMUP of warm-up" >&2
for c in $CONNECTIONS; do
  run_wrk ours "http://127.0.0.1:$OURS_PORT/" "$WORK/ours.ids" "$c"
  run_wrk moto "http://127.0.0.1:$MOTO_PORT/" "$WORK/moto.ids" "$c"
  run_wrk ceiling "http://127.0.0.1:$CEILING_PORT/" "$WORK/ours.ids" "$c"
done

echo "StartBuild, 1 connection" >&2
echo bench-project >"$WORK/project.ids"
run_wrk ours "http://127.0.0.1:$OURS_PORT/" "$WORK/project.ids" 1 StartBuild
run_wrk moto "http://127.0.0.1:$MOTO_PORT/" "$WORK/project.ids" 1 StartBuild

if [ -n "${MOTO_SCALE:-}" ]; then
  echo "seeding moto up to $MOTO_SCALE builds" >&2
  python3 bench/seed.py "http://127.0.0.1:$MOTO_PORT" bench-project "$(( MOTO_SCALE - BUILDS ))" "$WORK/moto-more.ids" >&2
  cat "$WORK/moto.ids" "$WORK/moto-more.ids" >"$WORK/moto-scale.ids"
  run_wrk "moto@$MOTO_SCALE" "http://127.0.0.1:$MOTO_PORT/" "$WORK/moto-scale.ids" 16
fi
fi

echo "scale: ours with $BUILDS and $SCALE builds seeded in-process, StopBuild over all of them," \
  "$SCALE_ROUNDS rounds, $SCALE_WARMUP of warm-up per server" >&2
[ -n "$OURS_PID" ] && stop_children "$OURS_PID"
for _ in $(seq 1 "$SCALE_ROUNDS"); do
  for n in "$BUILDS" "$SCALE"; do
    port=$(free_port)
    start_ours "$port" "$n" "$WORK/scale-$n.ids"
    echo "  $(head -1 "$WORK/ours-$port.log")" >&2
    run_wrk "ours@$n" "http://127.0.0.1:$port/" "$WORK/scale-$n.ids" 16 StopBuild "$SCALE_WARMUP"
    stop_children "$OURS_PID"
  done
done

# one table; the ratios compare ours with moto and with the ceiling at the same connections and operation
lookup() { # label op c field
  for row in "${ROWS[@]}"; do
    IFS='|' read -r l o c rps p50 p99 err <<<"$row"
    if [ "$l" = "$1" ] && [ "$o" = "$2" ] && [ "$c" = "$3" ]; then
      case $4 in rps) echo "$rps";; p50) echo "$p50";; esac; return
    fi
  done
}
mean_rps() { # label op c: the mean over every row with that label (the scale rounds)
  for row in "${ROWS[@]}"; do
    IFS='|' read -r l o c rps _ <<<"$row"
    if [ "$l" = "$1" ] && [ "$o" = "$2" ] && [ "$c" = "$3" ]; then echo "$rps"; fi
  done | awk '{ s += $1; n++ } END { if (n) printf "%.0f", s / n }'
}
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }
printf '\n| %-14s | %-10s | %5s | %8s | %8s | %8s | %6s | %9s | %12s |\n' \
  target operation conns "req/s" "p50 ms" "p99 ms" errors ours/moto ours/ceiling
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..12})" \
  "-------" "----------" "----------" "----------" "--------" "-----------" "--------------"
for row in "${ROWS[@]}"; do
  IFS='|' read -r label op c rps p50 p99 errors <<<"$row"
  vs_moto=""; vs_ceiling=""
  if [ "$label" = ours ]; then
    vs_moto=$(ratio "$rps" "$(lookup moto "$op" "$c" rps)")
    [ "$op" = StopBuild ] && vs_ceiling=$(ratio "$rps" "$(lookup ceiling "$op" "$c" rps)")
  fi
  printf '| %-14s | %-10s | %5s | %8s | %8s | %8s | %6s | %9s | %12s |\n' \
    "$label" "$op" "$c" "$rps" "$p50" "$p99" "$errors" "$vs_moto" "$vs_ceiling"
done
echo
echo "scale: ours@$SCALE / ours@$BUILDS mean StopBuild req/s at 16 connections over $SCALE_ROUNDS rounds = $(ratio \
  "$(mean_rps "ours@$SCALE" StopBuild 16)" "$(mean_rps "ours@$BUILDS" StopBuild 16)")"
echo "wrk outputs and server logs: $WORK" >&2
