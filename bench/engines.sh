#!/usr/bin/env bash
# Server engines side by side (issue 17.3): the same CodeBuild dispatcher (every operation and check) on
#   jdk        - the JDK's com.sun.net.httpserver, as the server ran before (BASE_JAR: a build of commit dd309d0)
#   jdk-deadl  - the same with the JDK's only deadline, -Dsun.net.httpserver.maxReqTime (JVM-wide, in seconds)
#   jetty      - Jetty 12 core jetty-server, no servlets (io.buildstop.benchmarks.engines.JettyCandidate), its
#                connector's idle timeout as the deadline
#   netty      - Netty 4.1, as CodeBuildServer runs now (ServeForLoad), head/body/idle deadlines
#   netty-2t   - the same with 2 threads instead of the default 4 (not in the default ENGINES)
# For each, in one run, one after the other: launch to first answer, StopBuild req/s and p50/p99 at 1 and 16
# connections (wrk, bench/stop.lua, 1,000 seeded builds), then 1,000 stalled connections (StalledClients: a quarter
# each of `POST / HT`, slow headers, slow declared body, bare-LF headers) and StopBuild at 1 connection while they
# are open; what the server answered the stalled ones, and when it closed them. Then the engines' jar sizes and
# dependency counts, from Maven's dependency list of the benchmarks module.
#
# Environment: DURATION (5s), WARMUP (3s), DEADLINE_S (10: each engine's deadline), STALLED (1000),
# ENGINES ("jdk jdk-deadl jetty netty"), ROUNDS (3: the engines alternate, round after round, so that a change in the
# machine's load hits them all; the table gives each round and the median of the rounds), BASE_JAR (required for jdk*: the benchmarks.jar of commit dd309d0, see
# BENCHMARKS.md), SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-3s}
DEADLINE_S=${DEADLINE_S:-10}
STALLED=${STALLED:-1000}
ENGINES=${ENGINES:-"jdk jdk-deadl jetty netty"}
ROUNDS=${ROUNDS:-3}
JAR=benchmarks/target/benchmarks.jar
JAVA_OPTS=(-Dsun.net.httpserver.nodelay=true -Xms1g -Xmx2g)
WORK=$(mktemp -d /tmp/engines.XXXXXX)
SERVER_PID=""
# every server and client started here is stopped when the script ends, however it ends
# shellcheck source=bench/children.sh
. bench/children.sh

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "building $JAR" >&2
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "listing the engines' jars" >&2
mvn -B -q -pl benchmarks -am compile dependency:list -DincludeGroupIds=io.netty,org.eclipse.jetty,org.slf4j \
  -DoutputAbsoluteArtifactFilename=true -DexcludeTransitive=false -DoutputFile="$WORK/deps.txt" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
now_ms() { date +%s%3N; }

start_engine() { # engine port ids-file
  local engine=$1 port=$2 ids=$3 deadline_ms=$((DEADLINE_S * 1000)) command
  case $engine in
    jdk) command=(-cp "$BASE_JAR" io.buildstop.benchmarks.ServeForLoad) ;;
    jdk-deadl) command=(-Dsun.net.httpserver.maxReqTime="$DEADLINE_S" -Dsun.net.httpserver.clockTick=500
      -cp "$BASE_JAR" io.buildstop.benchmarks.ServeForLoad) ;;
    jetty) command=(-Dbuildstop.deadline.ms="$deadline_ms" -cp "$JAR" io.buildstop.benchmarks.engines.JettyCandidate) ;;
    netty) command=(-Dbuildstop.deadline.ms="$deadline_ms" -cp "$JAR" io.buildstop.benchmarks.ServeForLoad) ;;
    netty-2t) command=(-Dbuildstop.deadline.ms="$deadline_ms" -Dbuildstop.workers=2 -cp "$JAR"
      io.buildstop.benchmarks.ServeForLoad) ;;
    *) echo "unknown engine: $engine" >&2; exit 2 ;;
  esac
  # the JVM itself is the background job (not a subshell around it), so stopping the job stops the JVM
  java "${JAVA_OPTS[@]}" "${command[@]}" "$port" 1000 "$ids" >"$WORK/$engine.log" 2>&1 &
  SERVER_PID=$!
}

# launch to the first answer (JVM start, seeding 1,000 builds in-process, binding, the first request's classes)
await_first_answer() { # port
  for _ in $(seq 1 1500); do
    if curl -s -o /dev/null -X POST -H 'X-Amz-Target: CodeBuild_20161006.ListBuilds' \
      -H 'Content-Type: application/x-amz-json-1.1' -d '{}' "http://127.0.0.1:$1/" 2>/dev/null; then return 0; fi
    sleep 0.01
  done
  return 1
}

wrk_row() { # label url ids connections [timeout]
  local out threads=$(( $4 < 2 ? $4 : 2 ))
  out=$(wrk -t "$threads" -c "$4" -d "$DURATION" --timeout "${5:-2s}" --latency -s bench/stop.lua "$2" -- "$3" || true)
  echo "$out" >"$WORK/wrk-$1-$4.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $5 } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
  echo "${rps:-0}|$p50|$p99|$errors"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" >&2
ROWS=()
for round in $(seq 1 "$ROUNDS"); do
for engine in $ENGINES; do
  port=$(free_port); ids="$WORK/$engine.ids"
  launched=$(now_ms)
  start_engine "$engine" "$port" "$ids"
  await_first_answer "$port" || { echo "$engine did not answer" >&2; cat "$WORK/$engine.log" >&2; exit 1; }
  startup=$(( $(now_ms) - launched ))
  url="http://127.0.0.1:$port/"
  OPERATION=StopBuild wrk -t 2 -c 16 -d "$WARMUP" -s bench/stop.lua "$url" -- "$ids" >/dev/null
  one=$(wrk_row "$engine" "$url" "$ids" 1)
  sixteen=$(wrk_row "$engine" "$url" "$ids" 16)
  # 1,000 stalled connections, then a normal client while they are open (the stalls last DEADLINE_S at most on an
  # engine that keeps its deadline; the measurement starts 2 s after they opened and lasts DURATION)
  java -cp "$JAR" io.buildstop.benchmarks.engines.StalledClients "$port" "$STALLED" $((DEADLINE_S * 2 + 5)) \
    >"$WORK/$engine-stalled.txt" 2>&1 &
  stall_pid=$!
  sleep 2
  stalled=$(wrk_row "$engine-stalled" "$url" "$ids" 1 5s)
  wait "$stall_pid" || true
  echo "  $engine: launch to first answer ${startup} ms; c=1 $one; c=16 $sixteen; c=1 beside $STALLED stalled $stalled" >&2
  sed 's/^/    /' "$WORK/$engine-stalled.txt" >&2
  ROWS+=("$engine|$startup|$one|$sixteen|$stalled")
  stop_children "$SERVER_PID"; SERVER_PID=""
done
done

# embedding: start(), the first answer and close() in a fresh JVM, STARTS times each (StartupTime; for the JDK
# server, compiled against BASE_JAR, which has the same public API)
STARTS=${STARTS:-5}
startup_rows=()
if [ -n "${BASE_JAR:-}" ]; then
  mkdir -p "$WORK/startup"
  javac -d "$WORK/startup" -cp "$BASE_JAR" benchmarks/src/main/java/io/buildstop/benchmarks/engines/StartupTime.java
fi
for engine in jdk jetty netty; do
  case $engine in
    jdk) [ -n "${BASE_JAR:-}" ] || continue; cp_="$WORK/startup:$BASE_JAR"; what=server ;;
    jetty) cp_="$JAR"; what=jetty ;;
    netty) cp_="$JAR"; what=server ;;
  esac
  for _ in $(seq 1 "$STARTS"); do
    echo "$engine $(java -cp "$cp_" io.buildstop.benchmarks.engines.StartupTime "$what" 2>/dev/null | grep '^start')"
  done
done >"$WORK/startup.txt"
echo
echo "embedding, median of $STARTS fresh JVMs (start / first answer / close / JVM start to first answer, ms):"
for engine in jdk jetty netty; do
  { grep "^$engine " "$WORK/startup.txt" || true; } | awk -v e="$engine" '{ s[NR] = $3; f[NR] = $7; c[NR] = $10; j[NR] = $17 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int((n + 1) / 2)] }
    END { if (NR) printf "  %-6s %5d / %5d / %5d / %5d\n", e, med(s, NR), med(f, NR), med(c, NR), med(j, NR) }'
done

jars() { # group-id regex: the count and MB of the jars in the benchmarks module's list
  grep -E "^ +($1):" "$WORK/deps.txt" | sed 's/.*:\(\/.*\.jar\).*/\1/' | sort -u | while read -r f; do stat -c %s "$f"; done \
    | awk '{ s += $1; n++ } END { printf "%d jars, %.2f MB", n, s / 1048576 }'
}

# "delay": how much later the 99th percentile StopBuild at 1 connection answers beside the stalled connections than
# alone; the goal (issue 17.3) is a delay below the p99 at 16 connections. No answer at all is "none answered".
printf '\n| %-10s | %8s | %9s | %7s | %7s | %10s | %7s | %7s | %22s | %10s | %6s |\n' engine "start ms" "c=1 req/s" \
  "p50 ms" "p99 ms" "c=16 req/s" "p50 ms" "p99 ms" "c=1 beside stalls: req/s" "p50/p99 ms" "delay"
for row in "${ROWS[@]}"; do
  IFS='|' read -r engine startup r1 a1 b1 e1 r16 a16 b16 e16 rs as bs es <<<"$row"
  if [ "${rs:-0}" = 0 ]; then delay="none answered"; else delay=$(awk -v a="$bs" -v b="$b1" 'BEGIN { printf "%.2f", a - b }'); fi
  printf '| %-10s | %8s | %9s | %7s | %7s | %10s | %7s | %7s | %22s | %10s | %6s |\n' "$engine" "$startup" "$r1" \
    "$a1" "$b1" "$r16" "$a16" "$b16" "$rs" "$as/$bs" "$delay"
done
# the median of the rounds, field by field
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for engine in $ENGINES; do
  fields=()
  for f in 2 3 4 5 7 8 9 11 12 13; do
    fields+=("$(for row in "${ROWS[@]}"; do
      IFS='|' read -r -a x <<<"$row"
      if [ "${x[0]}" = "$engine" ]; then echo "${x[$((f - 1))]}"; fi
    done | median)")
  done
  if [ "${fields[7]%.*}" = 0 ]; then delay="none answered"; else delay=$(awk -v a="${fields[9]}" -v b="${fields[3]}" 'BEGIN { printf "%.2f", a - b }'); fi
  printf '| %-10s | %8s | %9s | %7s | %7s | %10s | %7s | %7s | %22s | %10s | %6s |\n' "median $engine" "${fields[0]}" \
    "${fields[1]}" "${fields[2]}" "${fields[3]}" "${fields[4]}" "${fields[5]}" "${fields[6]}" "${fields[7]}" \
    "${fields[8]}/${fields[9]}" "$delay"
done
echo
echo "netty: $(jars 'io.netty')"
echo "jetty: $(jars 'org.eclipse.jetty|org.slf4j')"
echo "jdk:   0 jars (in the JDK)"
echo "wrk outputs, stall reports and server logs: $WORK" >&2
