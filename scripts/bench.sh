#!/usr/bin/env bash
# Builds the agent and the benchmarks and runs every measurement of docs/performance.md:
#   1. the JMH workload with -prof gc: no agent, hand-written checks and the agent in ROUNDS rounds
#      (one fork of each per round, ratios paired by round), then the agent's other states once;
#   2. JIT evidence: -XX:+PrintInlining and -XX:+LogCompilation on ioctl and read (agent, no agent,
#      hand-written);
#   3. rewrite throughput over guava and the census of untouched classes;
#   4. start-up with and without the agent (scripts/bench-startup.sh);
#   5. the memory harness with and without the agent;
# then prints the summary (also in benchmarks/target/results/summary.md). About 8 minutes on 2
# cores; QUICK=1 makes a 3-minute smoke run whose numbers are not worth recording.
#
# Environment: JAVA_HOME (the JDK to build and measure with), MVN (default mvn), MVN_ARGS (e.g. -o),
# ROUNDS (8), WARMUP (1), ITERATIONS (1) and ITERATION_TIME (500ms) for the rounds, FORKS (1) and
# STATE_ITERATIONS (3) for the other states, STARTUP_RUNS,
# FLOOD (memory), SKIP_BUILD=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/benchmarks/target/results
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MVN=${MVN:-mvn}
if [[ ${QUICK:-0} == 1 ]]; then
    ROUNDS=${ROUNDS:-2} WARMUP=${WARMUP:-1} ITERATIONS=${ITERATIONS:-1} STATE_ITERATIONS=${STATE_ITERATIONS:-1}
    STARTUP_RUNS=${STARTUP_RUNS:-5}
    FLOOD=${FLOOD:-200000}
fi
ROUNDS=${ROUNDS:-8}
FORKS=${FORKS:-1}
WARMUP=${WARMUP:-1}
ITERATIONS=${ITERATIONS:-1}
ITERATION_TIME=${ITERATION_TIME:-500ms}   # of a round's measured iterations
STATE_ITERATIONS=${STATE_ITERATIONS:-3}   # one fork: three iterations give JMH an error to state
STARTUP_RUNS=${STARTUP_RUNS:-21}
FLOOD=${FLOOD:-2000000}
started=$(date +%s)

log() { echo "[bench $(($(date +%s) - started))s] $*" >&2; }
# Steal: CPU time the hypervisor gave to other guests, in USER_HZ ticks since boot (the difference
# between two lines is the steal during that step; on a shared host it explains slow rounds).
load() {
    echo "$(date -u +%H:%M:%SZ) $1: loadavg $(cut -d' ' -f1-3 /proc/loadavg)," \
        "steal $(awk '/^cpu / {print $9}' /proc/stat) ticks" >> "$OUT/env.txt"
}

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building agent and benchmarks"
    (cd "$ROOT" && $MVN -B -q ${MVN_ARGS:-} -DskipTests -Pbench -pl benchmarks -am package)
fi
rm -rf "$OUT"
mkdir -p "$OUT"
{
    echo "$("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores," \
        "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr)"
    echo "jmh: rounds=$ROUNDS (one fork each, ${ITERATIONS}x$ITERATION_TIME), other states forks=$FORKS" \
        "(${STATE_ITERATIONS}x1s), warmup=${WARMUP}x1s; started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$OUT/env.txt"

cd "$ROOT/benchmarks"   # the benchmarks name the agent jar relative to this directory
JMH=("$JAVA" -jar target/benchmarks.jar)

log "workload: $ROUNDS rounds of no agent, hand-written and agent"
load "workload start"
# Forks of the same code differ by up to 2x on this machine, so the comparison the targets are
# judged on runs in rounds, and ratios are taken round by round (see WorkloadRounds). In a round
# every fork is a JMH invocation of its own, the three variants of a benchmark back to back, so the
# forks a ratio pairs ran within seconds of each other. Every fork has the same place, the first and
# only one of its JMH host (in a shared invocation the variant JMH sorts first always ran first,
# while the host JVM was still warming up beside it on the two cores), and which variant goes first
# rotates by round, as does the benchmarks' order. Short forks and more rounds rather than long forks: the
# spread is between forks, not within one, and from 8 rounds an interval end no longer rests on a
# single fork. HandChecked has no untouched (it is NoAgent's).
BENCHMARKS=(ioctl ioctlDirect read poll untouched)
VARIANTS=(Agent HandChecked NoAgent)
for round in $(seq 1 "$ROUNDS"); do
    header=""
    : > "$OUT/workload-round-$round.log"
    for ((i = 0; i < ${#BENCHMARKS[@]}; i++)); do
        benchmark=${BENCHMARKS[$(((i + round - 1) % ${#BENCHMARKS[@]}))]}
        for ((v = 0; v < ${#VARIANTS[@]}; v++)); do
            variant=${VARIANTS[$(((v + round - 1) % ${#VARIANTS[@]}))]}
            [[ $variant == HandChecked && $benchmark == untouched ]] && continue
            part="$OUT/workload-round-$round-$variant-$benchmark"
            "${JMH[@]}" "io\\.devmsan\\.bench\\.workload\\.$variant\\.$benchmark\$" \
                -f 1 -wi "$WARMUP" -w 1s -i "$ITERATIONS" -r "$ITERATION_TIME" -prof gc \
                -rf csv -rff "$part.csv" -o "$part.log"
            # One file per round, as WorkloadRounds reads it: the header once, then every fork's rows.
            if [[ -z $header ]]; then
                header=$(head -n 1 "$part.csv")
                echo "$header" > "$OUT/workload-round-$round.csv"
            fi
            tail -n +2 "$part.csv" >> "$OUT/workload-round-$round.csv"
            cat "$part.log" >> "$OUT/workload-round-$round.log"
            rm "$part.csv" "$part.log"
        done
    done
    load "workload round $round end"
done
# The other states of the agent, once. AgentFull and AgentTracked differ from Agent only in the
# file-operation hooks: their ioctlDirect and untouched would measure the same code twice (and
# AgentTracked's read, 256 words per hook, says nothing AgentAfterUnbind's does not).
# AgentAfterUnbind's checks differ too, so it runs ioctlDirect; nobody's untouched code differs.
# AgentInlineLimit, a diagnostic of the inlining limit, runs ioctl and ioctlDirect: what the lost
# inlining of a grown method costs.
"${JMH[@]}" 'io\.devmsan\.bench\.workload\.Agent(Full|Tracked|AfterUnbind|InlineLimit)\.' \
    -e 'Agent(Full|Tracked)\.(ioctlDirect|untouched)$' -e 'AgentTracked\.read$' -e 'AgentAfterUnbind\.untouched$' \
    -e 'AgentInlineLimit\.(read|poll|untouched)$' \
    -f "$FORKS" -wi "$WARMUP" -w 1s -i "$STATE_ITERATIONS" -r 1s -prof gc \
    -rf csv -rff "$OUT/workload-states.csv" -o "$OUT/workload-states.log"
load "workload end"

log "JIT decisions on the hot methods"
for variant in Agent:agent NoAgent:none HandChecked:hand; do
    # -jvmArgsPrepend keeps each class's own @Fork(jvmArgsAppend), which carries the agent; each
    # fork writes its own compilation log (%p), joined afterwards.
    "${JMH[@]}" "io\\.devmsan\\.bench\\.workload\\.${variant%%:*}\\.(ioctlDirect|read)\$" -f 1 -wi 1 -w 1s -i 1 -r 1s \
        -jvmArgsPrepend "-XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining -XX:+LogCompilation -XX:LogFile=$OUT/compilation-${variant##*:}-%p.log" \
        -o "$OUT/inlining-${variant##*:}.log"
    cat "$OUT/compilation-${variant##*:}"-*.log > "$OUT/compilation-${variant##*:}.log"
    rm -f "$OUT/compilation-${variant##*:}"-*.log
done

log "rewrite throughput and census"
load "rewrite start"
"${JMH[@]}" 'io\.devmsan\.agent\.RewriteThroughput' -rf csv -rff "$OUT/rewrite.csv" -o "$OUT/rewrite.log"
"$JAVA" -javaagent:../agent/target/devmsan-agent.jar=include=none.devmsan.bench.*,log=quiet \
    -cp target/benchmarks.jar io.devmsan.agent.RewriteCensus target/inputs/guava.jar target/classes \
    > "$OUT/census.txt"

log "start-up"
load "startup start"
JAVA=$JAVA "$ROOT/scripts/bench-startup.sh" "$OUT" "$STARTUP_RUNS"
load "startup end"

log "memory"
MEMORY_JVM=(-XX:+UseSerialGC -Xms256m -Xmx256m -cp target/benchmarks.jar)
"$JAVA" "${MEMORY_JVM[@]}" io.devmsan.bench.memory.MemoryProbe 2000 1000 "$FLOOD" > "$OUT/memory-none.txt"
"$JAVA" -javaagent:../agent/target/devmsan-agent.jar=reportDir="$OUT/memory-reports" "${MEMORY_JVM[@]}" \
    io.devmsan.bench.memory.MemoryProbe 2000 1000 "$FLOOD" > "$OUT/memory-agent.txt" 2> "$OUT/memory-agent.stderr"
load "memory end"

echo "total time: $(($(date +%s) - started)) s (build included)" >> "$OUT/env.txt"
"$JAVA" -cp target/benchmarks.jar io.devmsan.bench.report.Summary "$OUT" | tee "$OUT/summary.md"
log "done; results in $OUT"
