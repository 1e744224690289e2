#!/usr/bin/env bash
# StartBuild at a pace, not flat out: one connection, wrk's delay() of 1 ms between calls (bench/stop.lua's requests),
# for today's build and, if BASE_JAR names one, an older build's benchmarks jar, alternated ROUNDS times (2). Flat out,
# a faster server keeps more new builds per second, and the young collections that copy them set its p99; at one pace
# the servers are compared on the same work. Each server is a fresh ServeForLoad with 1 GB to 2 GB of heap, its
# project created by bench/seed.py; 5 s of warm-up, then DURATION (20s) measured. Needs java 17, wrk, python3 with boto3.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/children.sh
. bench/children.sh

DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-2}
JAR=benchmarks/target/benchmarks.jar
WORK=$(mktemp -d /tmp/paced-start.XXXXXX)
printf 'dofile("bench/stop.lua")\nfunction delay() return 1 end\n' >"$WORK/paced.lua"
echo bench-project >"$WORK/project.ids"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

for round in $(seq 1 "$ROUNDS"); do
  for label in ${BASE_JAR:+base} now; do
    jar=$([ "$label" = base ] && echo "$BASE_JAR" || echo "$JAR")
    port=$(free_port)
    java -Xms1g -Xmx2g -cp "$jar" io.buildstop.benchmarks.ServeForLoad "$port" >"$WORK/$label-$round.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do grep -q READY "$WORK/$label-$round.log" && break; sleep 0.2; done
    python3 bench/seed.py "http://127.0.0.1:$port" bench-project 1 "$WORK/seed.ids" >/dev/null
    OPERATION=StartBuild wrk -t 1 -c 1 -d 5s -s "$WORK/paced.lua" "http://127.0.0.1:$port/" -- "$WORK/project.ids" >/dev/null
    out=$(OPERATION=StartBuild wrk -t 1 -c 1 -d "$DURATION" --latency -s "$WORK/paced.lua" "http://127.0.0.1:$port/" \
      -- "$WORK/project.ids")
    echo "$label round $round: $(awk '/^Requests\/sec:/ { print $2 " req/s" } $1 == "50%" { print "p50 " $2 }
      $1 == "99%" { print "p99 " $2 }' <<<"$out" | paste -sd' ' -)"
    stop_children "$pid"
  done
done
