#!/usr/bin/env bash
# Start-up cost of the agent: runs a trivial program (and the sample drivers' stories, when their jar
# exists) RUNS times with and without the agent, alternating the two so that a change in machine
# load hits both alike, and appends one CSV line per run to <out>/startup.csv:
#   program,variant,run,toMainReturnNs,toExitNs,exitCode
# toMainReturnNs: from just before exec to the wall clock the program prints as main returns;
# toExitNs: to process exit (includes JVM shutdown and the agent's shutdown hook).
# Usage: scripts/bench-startup.sh <out-dir> [runs]; JAVA (default: java) picks the JVM.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: bench-startup.sh <out-dir> [runs]}
RUNS=${2:-21}
JAVA=${JAVA:-java}
AGENT=$ROOT/agent/target/devmsan-agent.jar
CLASSES=$ROOT/benchmarks/target/classes
SAMPLES=$ROOT/sample-drivers/target/devmsan-sample-drivers.jar
CSV=$OUT/startup.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for required in "$AGENT" "$CLASSES/io/devmsan/bench/startup/Trivial.class"; do
    [[ -e $required ]] || { echo "bench-startup: $required is missing; build first (scripts/bench.sh does)" >&2; exit 1; }
done
mkdir -p "$OUT"
echo "program,variant,run,toMainReturnNs,toExitNs,exitCode" > "$CSV"

# One timed run: program variant run command...; the agent writes its reports under $WORK.
timed() {
    local program=$1 variant=$2 run=$3
    shift 3
    local start end code printed
    start=$(date +%s%N)
    set +e
    printed=$("$@" 2>>"$OUT/startup-$program-$variant.stderr" | tail -n 1)
    code=$?
    set -e
    end=$(date +%s%N)
    local toMain=""
    if [[ $program == trivial && $printed =~ ^[0-9]+$ ]]; then
        toMain=$((printed - start))
    fi
    echo "$program,$variant,$run,$toMain,$((end - start)),$code" >> "$CSV"
}

trivial_none() { "$JAVA" -cp "$CLASSES" io.devmsan.bench.startup.Trivial; }
trivial_agent() { "$JAVA" "-javaagent:$AGENT=reportDir=$WORK/reports" -cp "$CLASSES" io.devmsan.bench.startup.Trivial; }

# Two untimed runs each first: the page cache and CDS archive are warm for every timed run.
trivial_none > /dev/null 2>&1 || true
trivial_agent > /dev/null 2>&1 || true
# RUNS timed runs of program, alternating which of none and agent goes first.
alternate() {
    local program=$1
    for ((run = 1; run <= RUNS; run++)); do
        if ((run % 2)); then
            timed "$program" none "$run" "${program}_none"
            timed "$program" agent "$run" "${program}_agent"
        else
            timed "$program" agent "$run" "${program}_agent"
            timed "$program" none "$run" "${program}_none"
        fi
    done
}
alternate trivial

# Where the agent's start-up time goes: one more run of each with class loading logged (JVM
# uptime), timed by the classes that mark the agent's phases. Logging slows both runs a little.
breakdown() {
    local log=$1 label=$2 pattern=$3
    local line
    line=$(grep -m1 -E "$pattern" "$log" || true)
    printf '%-58s %s\n' "$label" "${line%% *}"
}
"$JAVA" -Xlog:class+load:file="$WORK/none.log":uptime -cp "$CLASSES" io.devmsan.bench.startup.Trivial > /dev/null
"$JAVA" -Xlog:class+load:file="$WORK/agent.log":uptime "-javaagent:$AGENT=reportDir=$WORK/reports" \
    -cp "$CLASSES" io.devmsan.bench.startup.Trivial > /dev/null 2>&1
{
    echo "start-up breakdown (JVM uptime at which each class loaded; one run each, class+load logging on)"
    breakdown "$WORK/none.log" "no agent: main class loaded" 'bench\.startup\.Trivial '
    breakdown "$WORK/agent.log" "agent: premain class loaded" 'io\.devmsan\.agent\.DevmsanAgent '
    breakdown "$WORK/agent.log" "agent: transformer installed, canary starts" 'io\.devmsan\.agent\.Canary '
    breakdown "$WORK/agent.log" "agent: canary rewritten and defined" 'io\.devmsan\.canary\.Canary '
    breakdown "$WORK/agent.log" "agent: main class loaded" 'bench\.startup\.Trivial '
    echo "classes loaded: no agent $(wc -l < "$WORK/none.log"), agent $(wc -l < "$WORK/agent.log")" \
        "(Byte Buddy $(grep -c 'shaded\.bytebuddy' "$WORK/agent.log"), ASM $(grep -c 'shaded\.asm' "$WORK/agent.log"))"
} > "$OUT/startup-breakdown.txt"

if [[ -f $SAMPLES ]]; then
    # The sample drivers' stories, each played once (--play: the same work with and without the
    # agent, explorations left out), alternating like the trivial runs; then the main job, which
    # needs the agent (without it the runner exits at once), timed under the agent only.
    SAMPLE_RUNS=${SAMPLE_RUNS:-5}
    stories_none() { "$JAVA" -jar "$SAMPLES" --play; }
    stories_agent() { "$JAVA" "-javaagent:$AGENT=reportDir=$WORK/story-reports" -jar "$SAMPLES" --play; }
    stories_none > /dev/null 2>&1 || true
    stories_agent > /dev/null 2>&1 || true
    alternate stories
    samples_agent() { "$JAVA" "-javaagent:$AGENT=reportDir=$WORK/sample-reports" -jar "$SAMPLES"; }
    for ((run = 1; run <= SAMPLE_RUNS; run++)); do
        timed samples agent "$run" samples_agent
    done
else
    echo "bench-startup: $SAMPLES does not exist; the sample-drivers start-up is skipped" >&2
    echo "# samples skipped: $SAMPLES did not exist" >> "$CSV"
fi
