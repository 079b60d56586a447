#!/usr/bin/env bash
# Real Neo4j 5 (embedded, Bolt only, auth on) and Apache Jena Fuseki servers on 127.0.0.1,
# for geokg's integration tests in CI and on developer machines.
#
#   servers.sh build    fetch the jars from Maven Central, compile the Neo4j launcher (idempotent)
#   servers.sh start    build if needed, stop servers we started before, start both with empty
#                       data, and wait until each really answers (exit 1 + log tail on failure)
#   servers.sh stop     stop both (SIGTERM, wait for the exit; SIGKILL only after a timeout)
#   servers.sh status   pid and readiness of each (exit 0 only when both answer)
#   servers.sh env      `export` lines for the tests: eval "$(.ci/servers/servers.sh env)"
#
# Settings (environment): KG_NEO4J_PORT (7687), KG_FUSEKI_PORT (3030), NEO4J_PASSWORD
# (kg-test-password, at least 8 characters), KG_SERVERS_TIMEOUT (180 s), KG_NEO4J_HEAP (1g),
# KG_FUSEKI_HEAP (512m), KG_PYTHON (the repo's .venv python), JAVA_HOME (else java on PATH).
# Needs Java 17+, Maven 3 (first build only) and bash; outputs go to build/ and run/ here.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILD=$HERE/build
RUN=$HERE/run

HOST=127.0.0.1
NEO4J_PORT=${KG_NEO4J_PORT:-7687}
FUSEKI_PORT=${KG_FUSEKI_PORT:-3030}
export NEO4J_PASSWORD=${NEO4J_PASSWORD:-kg-test-password}
READY_TIMEOUT=${KG_SERVERS_TIMEOUT:-180}
STOP_TIMEOUT=60
NEO4J_HEAP=${KG_NEO4J_HEAP:-1g}
FUSEKI_HEAP=${KG_FUSEKI_HEAP:-512m}
NEO4J_URI=bolt://$HOST:$NEO4J_PORT
FUSEKI_URL=http://$HOST:$FUSEKI_PORT/kg

DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
NEO4J_MAIN=Launcher
FUSEKI_MAIN=org.apache.jena.fuseki.main.cmds.FusekiMainCmd
# Text of our servers' command lines, checked before signalling a pid from a pid file.
NEO4J_MARKER="$NEO4J_MAIN $RUN/neo4j-data "
FUSEKI_MARKER=$FUSEKI_MAIN

if [[ -n ${JAVA_HOME:-} ]]; then JAVA=$JAVA_HOME/bin/java JAVAC=$JAVA_HOME/bin/javac
else JAVA=java JAVAC=javac; fi
if [[ -n ${KG_PYTHON:-} ]]; then PYTHON=$KG_PYTHON
elif [[ -x $REPO/.venv/bin/python ]]; then PYTHON=$REPO/.venv/bin/python
else PYTHON=python3; fi

say() { echo "servers.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' not found: $2"
}

check_settings() {
    (( ${#NEO4J_PASSWORD} >= 8 )) || die "NEO4J_PASSWORD must have at least 8 characters"
    [[ $NEO4J_PORT =~ ^[0-9]+$ && $FUSEKI_PORT =~ ^[0-9]+$ ]] \
        || die "KG_NEO4J_PORT and KG_FUSEKI_PORT must be port numbers"
}

check_java() {
    need "$JAVA" "install a JDK 17+ or set JAVA_HOME"
    local version
    version=$("$JAVA" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = //p')
    if ! [[ ${version%%.*} =~ ^[0-9]+$ ]] || (( ${version%%.*} < 17 )); then
        die "Java 17 or newer is needed, $JAVA is '${version:-unknown}' (set JAVA_HOME)"
    fi
}

# ---------------------------------------------------------------------------- build

# Fingerprint of the inputs of one build output; a changed pom or launcher triggers a rebuild.
fingerprint() { cat "$@" | sha256sum | cut -d' ' -f1; }

# copy_runtime_jars POM DIR: resolve the pom's runtime dependencies from Maven Central into DIR.
# Maven's output goes to DIR.maven.log and is shown only on failure.
copy_runtime_jars() {
    need mvn "Maven is needed once to fetch the server jars from Maven Central"
    if ! mvn -B -q -f "$1" "$DEPENDENCY_PLUGIN:copy-dependencies" \
        -DincludeScope=runtime -DoutputDirectory="$2" >"$2.maven.log" 2>&1; then
        tail -n 40 "$2.maven.log" >&2
        die "Maven could not fetch the jars of $1 (log: $2.maven.log)"
    fi
}

# build_one NAME INPUT...: rebuild build/NAME unless its stamp matches the inputs.
build_one() {
    local name=$1 out=$BUILD/$1 stamp
    shift
    stamp=$(fingerprint "$@")
    if [[ -f $out/stamp && $(<"$out/stamp") == "$stamp" ]]; then return 0; fi
    say "building $name (jars from Maven Central) ..."
    local started=$SECONDS
    rm -rf "$out.tmp"
    mkdir -p "$out.tmp"
    copy_runtime_jars "$HERE/$name/pom.xml" "$out.tmp/lib"
    if [[ $name == neo4j ]]; then
        need "$JAVAC" "a JDK (not only a JRE) 17+ is needed to compile Launcher.java"
        mkdir -p "$out.tmp/classes"
        "$JAVAC" --release 17 -nowarn -d "$out.tmp/classes" -cp "$out.tmp/lib/*" \
            "$HERE/neo4j/Launcher.java"
    fi
    echo "$stamp" >"$out.tmp/stamp"
    rm -rf "$out"
    mv "$out.tmp" "$out"
    say "built $name in $((SECONDS - started)) s"
}

cmd_build() {
    check_java
    build_one neo4j "$HERE/neo4j/pom.xml" "$HERE/neo4j/Launcher.java"
    build_one fuseki "$HERE/fuseki/pom.xml"
}

# ---------------------------------------------------------------------------- processes

# is_ours PID MARKER: PID is alive and its command line contains MARKER (guards reused pids).
is_ours() {
    local cmdline
    kill -0 "$1" 2>/dev/null || return 1
    if [[ -r /proc/$1/cmdline ]]; then cmdline=$(tr '\0' ' ' <"/proc/$1/cmdline")
    else cmdline=$(ps -p "$1" -o command= 2>/dev/null || true); fi
    [[ $cmdline == *"$2"* ]]
}

# pid_of NAME MARKER: print the pid of our running server NAME, or fail.
pid_of() {
    local pidfile=$RUN/$1.pid pid
    [[ -f $pidfile ]] || return 1
    pid=$(<"$pidfile")
    is_ours "$pid" "$2" && echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# launch NAME COMMAND...: start COMMAND in the background, log and pid file under run/.
# The server must not inherit the lock (fd 9), or it would hold it for its whole life.
launch() {
    local name=$1
    shift
    nohup "$@" >"$RUN/$name.log" 2>&1 </dev/null 9>&- &
    echo $! >"$RUN/$name.pid"
}

# signal_stop NAME MARKER: send SIGTERM to our server NAME, print its pid (nothing if not running).
signal_stop() {
    local pid
    if pid=$(pid_of "$1" "$2"); then
        kill -TERM "$pid" 2>/dev/null || true
        echo "$pid"
    fi
    rm -f "$RUN/$1.pid"
}

# await_exit NAME PID: wait for PID to exit; SIGKILL it after STOP_TIMEOUT seconds.
await_exit() {
    local name=$1 pid=$2 waited=0
    [[ -n $pid ]] || return 0
    while kill -0 "$pid" 2>/dev/null && (( waited < STOP_TIMEOUT * 10 )); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT} s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    say "stopped $name (pid $pid)"
}

# Both servers shut down in parallel: SIGTERM to each, then wait for each.
cmd_stop() {
    mkdir -p "$RUN"
    local neo4j_pid fuseki_pid
    neo4j_pid=$(signal_stop neo4j "$NEO4J_MARKER")
    fuseki_pid=$(signal_stop fuseki "$FUSEKI_MARKER")
    await_exit neo4j "$neo4j_pid"
    await_exit fuseki "$fuseki_pid"
}

show_logs() {
    local name=$1
    say "---- last lines of $RUN/$name.log"
    tail -n 40 "$RUN/$name.log" >&2 2>/dev/null || true
    if [[ $name == neo4j && -f $RUN/neo4j-data/logs/debug.log ]]; then
        say "---- last lines of $RUN/neo4j-data/logs/debug.log"
        tail -n 40 "$RUN/neo4j-data/logs/debug.log" >&2
    fi
    if [[ -s $RUN/$name.probe ]]; then
        say "---- last readiness probe"
        cat "$RUN/$name.probe" >&2
    fi
}

probe() {
    case $1 in
        neo4j) grep -q '^READY' "$RUN/neo4j.log" 2>/dev/null \
                   && "$PYTHON" "$HERE/probe.py" neo4j "$NEO4J_URI" neo4j ;;
        fuseki) "$PYTHON" "$HERE/probe.py" fuseki "$FUSEKI_URL" ;;
    esac
}

# wait_ready NAME DEADLINE: poll until NAME answers; on failure show logs, stop, exit 1.
wait_ready() {
    local name=$1 deadline=$2
    until probe "$name" 2>"$RUN/$name.probe"; do
        # The pid we just launched, alive: until nohup has exec'd the server its command
        # line is still this script's, so the marker cannot tell yet (a loaded machine).
        if ! kill -0 "$(<"$RUN/$name.pid")" 2>/dev/null; then
            say "$name exited during startup"
            show_logs "$name"
            cmd_stop
            exit 1
        fi
        if (( SECONDS >= deadline )); then
            say "$name did not answer within ${READY_TIMEOUT} s"
            show_logs "$name"
            cmd_stop
            exit 1
        fi
        sleep 1
    done
}

cmd_start() {
    check_settings
    cmd_build
    need "$PYTHON" "set KG_PYTHON to a Python 3 (with the neo4j driver for a real Bolt check)"
    cmd_stop
    local port
    for port in "$NEO4J_PORT" "$FUSEKI_PORT"; do
        port_in_use "$port" && die "port $HOST:$port is taken by another program" \
            "(choose another with KG_NEO4J_PORT / KG_FUSEKI_PORT)"
    done
    rm -rf "$RUN/neo4j-data" "$RUN"/*.probe
    local started=$SECONDS
    launch neo4j "$JAVA" -Xms256m -Xmx"$NEO4J_HEAP" -XX:+ExitOnOutOfMemoryError \
        -XX:-OmitStackTraceInFastThrow -Dlog4j2.disable.jmx=true \
        -Dio.netty.tryReflectionSetAccessible=true \
        --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        -cp "$BUILD/neo4j/classes:$BUILD/neo4j/lib/*" "$NEO4J_MAIN" \
        "$RUN/neo4j-data" "$HOST" "$NEO4J_PORT"
    launch fuseki "$JAVA" -Xms64m -Xmx"$FUSEKI_HEAP" -XX:+ExitOnOutOfMemoryError \
        -cp "$BUILD/fuseki/lib/*" "$FUSEKI_MAIN" \
        --localhost --port "$FUSEKI_PORT" --ping --config "$HERE/fuseki/config.ttl"
    wait_ready neo4j $((started + READY_TIMEOUT))
    say "neo4j ready at $NEO4J_URI (pid $(<"$RUN/neo4j.pid"), $((SECONDS - started)) s)"
    wait_ready fuseki $((started + READY_TIMEOUT))
    say "fuseki ready at $FUSEKI_URL (pid $(<"$RUN/fuseki.pid"), $((SECONDS - started)) s)"
}

cmd_status() {
    local name marker pid all_ready=0
    for name in neo4j fuseki; do
        if [[ $name == neo4j ]]; then marker=$NEO4J_MARKER; else marker=$FUSEKI_MARKER; fi
        if ! pid=$(pid_of "$name" "$marker"); then
            echo "$name: not running"
            all_ready=3
        elif probe "$name" 2>/dev/null; then
            echo "$name: running (pid $pid), answering"
        else
            echo "$name: running (pid $pid), not answering"
            all_ready=3
        fi
    done
    return "$all_ready"
}

cmd_env() {
    printf 'export KG_TEST_NEO4J_URI=%q\n' "$NEO4J_URI"
    printf 'export KG_TEST_NEO4J_USER=%q\n' neo4j
    printf 'export NEO4J_PASSWORD=%q\n' "$NEO4J_PASSWORD"
    printf 'export KG_TEST_FUSEKI_URL=%q\n' "$FUSEKI_URL"
}

# One command at a time per checkout: concurrent start/stop would fight over run/.
with_lock() {
    mkdir -p "$RUN"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$RUN/.lock"
        flock -w 900 9 || die "another servers.sh holds $RUN/.lock"
    fi
    "$@"
}

case ${1:-} in
    build) with_lock cmd_build ;;
    start) with_lock cmd_start ;;
    stop) with_lock cmd_stop ;;
    status) cmd_status ;;
    env) check_settings && cmd_env ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
