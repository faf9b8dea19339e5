#!/usr/bin/env bash
# The local stack: a single-node Apache Kafka broker (KRaft), FerretDB (MongoDB wire protocol),
# Keycloak (the identity provider) and Mailpit (a mail server that keeps every message it is sent,
# to read in its web UI or HTTP API), run from jars, Go builds and Keycloak's server distribution
# that this script fetches and caches. No Docker needed.
#
#   infra/local/stack.sh start [kafka|store|keycloak|mail|all]...
#                                              start (idempotent) in parallel, wait until ready
#   infra/local/stack.sh stop [kafka|store|keycloak|mail|all]...
#                                              stop what runs (SIGTERM, then SIGKILL after a grace period)
#   infra/local/stack.sh status                one line per server; exit 1 unless all run
#   infra/local/stack.sh fetch                 download and build only (what CI caches)
#   infra/local/stack.sh test-store            run the Go tests of the local FerretDB's own code
#                                              (PLENARY_STORE_SEED, PLENARY_STORE_QUERIES: see pushdown_test.go)
#   infra/local/stack.sh reset                 stop and delete the stack's data and logs
#   infra/local/stack.sh env                   print KAFKA_BROKERS, MONGO_URL, the identity provider's
#                                              OIDC_ISSUER_URL, AUTH_JWKS_URL, AUTH_JWKS_ISSUER, and the
#                                              mail server's SMTP_URL and MAILPIT_URL (its UI and API) for this stack
#                                              (with SASL: the admin's KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD)
#   infra/local/stack.sh kafka-password USER   print the SCRAM password of a Kafka principal (with SASL)
#
# Settings (environment):
#   STACK_DIR                   data, logs and pid files (default: .stack/dev)
#   PLENARY_CACHE_DIR           downloads and builds (default: .cache)
#   STACK_KAFKA_PORT            broker port (default 9092); the controller uses STACK_KAFKA_CONTROLLER_PORT (default port+1)
#   STACK_KAFKA_HEAP            broker JVM heap (default 512m)
#   STACK_KAFKA_SASL            1: the broker authenticates clients (SASL/SCRAM-SHA-512) and authorises them
#                               with ACLs; 0: no authentication. Decided when the broker's data is first
#                               formatted (unset: as formatted, else 0); changing it needs "reset".
#   STACK_KAFKA_PASSWORD_<USER> password of a principal (ADMIN, EVENTS, PARTICIPANTS, REPORTS, NOTIFICATIONS,
#                               SUBSCRIBER, CONSOLE)
#                               when SASL is formatted; default: generated, kept in the stack's directory
#   STACK_STORE_PORT            FerretDB port (default 27017)
#   STACK_STORE_BACKEND         sqlite (default) or postgresql
#   STACK_STORE_POSTGRESQL_URL  connection string for the postgresql backend
#   STACK_KEYCLOAK_PORT         Keycloak's HTTP port (default 8180); the issuer is http://127.0.0.1:<port>/realms/plenary
#   STACK_KEYCLOAK_JAVA_HOME    the JDK Keycloak runs on (17, 21 or 25; default the Temurin 25 JDK when
#                               installed, else JAVA_HOME, else java on the PATH)
#   STACK_MAIL_SMTP_PORT        Mailpit's SMTP port (default 1025): SMTP_URL=smtp://127.0.0.1:<port>
#   STACK_MAIL_HTTP_PORT        Mailpit's web UI and API (default 8025): MAILPIT_URL=http://127.0.0.1:<port>
#   STACK_READY_TIMEOUT         seconds to wait for each server (default 90)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/infra/local"
STACK_DIR=${STACK_DIR:-$ROOT/.stack/dev}
CACHE_DIR=${PLENARY_CACHE_DIR:-$ROOT/.cache}
KAFKA_PORT=${STACK_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${STACK_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_HEAP=${STACK_KAFKA_HEAP:-512m}
STORE_PORT=${STACK_STORE_PORT:-27017}
STORE_BACKEND=${STACK_STORE_BACKEND:-sqlite}
STORE_POSTGRESQL_URL=${STACK_STORE_POSTGRESQL_URL:-}
KEYCLOAK_PORT=${STACK_KEYCLOAK_PORT:-8180}
MAIL_SMTP_PORT=${STACK_MAIL_SMTP_PORT:-1025}
MAIL_HTTP_PORT=${STACK_MAIL_HTTP_PORT:-8025}
READY_TIMEOUT=${STACK_READY_TIMEOUT:-90}

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

# A cache key from the files that decide what gets built, so an edit to them rebuilds.
fingerprint() { cat "$@" | sha256sum | cut -c1-16; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() {
  local pidfile=$1
  [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

wait_until() {
  local what=$1 check=$2 pidfile=$3 logfile=$4 waited=0
  while ! $check; do
    if ! pid_alive "$pidfile"; then
      tail -n 30 "$logfile" >&2 || true
      die "$what exited during start-up; its log is $logfile"
    fi
    if ((waited >= READY_TIMEOUT * 5)); then
      tail -n 30 "$logfile" >&2 || true
      die "$what was not ready after ${READY_TIMEOUT}s; its log is $logfile"
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

# ---------- Kafka ----------

KAFKA_LIBS="$CACHE_DIR/kafka/$(fingerprint "$HERE/kafka/pom.xml")/libs"
KAFKA_DIR="$STACK_DIR/kafka"

fetch_kafka() {
  [[ -f $KAFKA_LIBS/.complete ]] && return 0
  need java "Install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless)."
  need mvn "Install Maven to fetch the Kafka jars (Debian: apt-get install maven)."
  log "fetching Kafka jars with Maven into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS"
  mvn -q -B -f "$HERE/kafka/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" \
    dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime >&2 ||
    die "Maven could not fetch the Kafka jars (see the output above)"
  touch "$KAFKA_LIBS/.complete"
}

KAFKA_JVM=(-Xms128m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" -cp "$KAFKA_LIBS/*")

kafka_java() { java "${KAFKA_JVM[@]}" "$@"; }

# ---------- Kafka principals (STACK_KAFKA_SASL=1) ----------

# One SCRAM user per service, an admin (super user: the broker itself, provisioning, operators)
# and a read-only subscriber. Their ACLs are created by whoever starts the services
# (scripts/lib/dev-stack.ts for npm start), from libs/messaging/src/kafka/kafka-acls.ts.
KAFKA_USERS=(admin events participants reports notifications subscriber console)
KAFKA_USERS_FILE="$KAFKA_DIR/sasl-users"

kafka_sasl() {
  case ${STACK_KAFKA_SASL:-} in
    1) return 0 ;;
    0) return 1 ;;
    '') [[ -f $KAFKA_USERS_FILE ]] ;;
    *) die "STACK_KAFKA_SASL must be 1 or 0, not '$STACK_KAFKA_SASL'" ;;
  esac
}

# The users file, created once with the passwords given in the environment or generated.
write_kafka_users() {
  [[ -f $KAFKA_USERS_FILE ]] && return 0
  local user var password lines=()
  for user in "${KAFKA_USERS[@]}"; do
    var="STACK_KAFKA_PASSWORD_${user^^}"
    password=${!var:-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-24)}
    # The password goes into JAAS and StorageTool arguments: keep it free of quotes and brackets.
    [[ $password =~ ^[A-Za-z0-9._~-]{8,}$ ]] || die "$var must be 8 or more of A-Z a-z 0-9 . _ ~ -"
    lines+=("$user $password")
  done
  (umask 077 && printf '%s\n' "${lines[@]}" >"$KAFKA_USERS_FILE")
}

kafka_password() {
  local user=$1 name password
  [[ -f $KAFKA_USERS_FILE ]] || die "this stack's Kafka has no SASL users (start it with STACK_KAFKA_SASL=1)"
  while read -r name password; do
    if [[ $name == "$user" ]]; then
      echo "$password"
      return 0
    fi
  done <"$KAFKA_USERS_FILE"
  die "no Kafka principal '$user': there are ${KAFKA_USERS[*]}"
}

kafka_scram_args() {
  local user
  for user in "${KAFKA_USERS[@]}"; do
    printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n' "$user" "$(kafka_password "$user")"
  done
}

kafka_listener_properties() {
  if ! kafka_sasl; then
    cat <<EOF
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
    return 0
  fi
  local admin
  admin=$(kafka_password admin)
  cat <<EOF
# Clients authenticate with SCRAM-SHA-512; the users are bootstrapped at format time, since the
# broker itself needs its admin credential before it can read any metadata. The controller
# listener takes SASL/PLAIN with the admin alone (KRaft controllers cannot use SCRAM).
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin";
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin" user_admin="$admin";
# Only what an ACL allows: each service writes its own topics, subscribers only read.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
EOF
}

write_kafka_properties() {
  (umask 077 && cat >"$KAFKA_DIR/server.properties") <<EOF
# Generated by infra/local/stack.sh: a single-node KRaft broker for development and tests.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
$(kafka_listener_properties)
log.dirs=$KAFKA_DIR/data
num.partitions=3
# One broker: every internal topic must live with a replication factor of 1,
# or consumer groups and idempotent producers wait forever for a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Consumers join at once instead of waiting 3 s for others.
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
}

kafka_ready() {
  port_open "$KAFKA_PORT" && grep -q "Kafka Server started" "$KAFKA_DIR/kafka.log" 2>/dev/null
}

start_kafka() {
  local pidfile="$KAFKA_DIR/kafka.pid"
  if pid_alive "$pidfile"; then
    log "kafka already running (pid $(cat "$pidfile"), port $KAFKA_PORT)"
    return 0
  fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process; set STACK_KAFKA_PORT"
  fetch_kafka
  mkdir -p "$KAFKA_DIR"
  local formatted=false
  [[ -f $KAFKA_DIR/data/meta.properties ]] && formatted=true
  if $formatted && [[ ${STACK_KAFKA_SASL:-} == 1 && ! -f $KAFKA_USERS_FILE ]]; then
    die "this stack's Kafka was formatted without SASL users; \"stack.sh reset\" (deletes its data) lets it start with STACK_KAFKA_SASL=1"
  fi
  if $formatted && [[ ${STACK_KAFKA_SASL:-} == 0 && -f $KAFKA_USERS_FILE ]]; then
    die "this stack's Kafka was formatted with SASL; \"stack.sh reset\" (deletes its data) lets it start with STACK_KAFKA_SASL=0"
  fi
  if ! $formatted; then
    rm -f "$KAFKA_USERS_FILE"
    if kafka_sasl; then write_kafka_users; fi
  fi
  write_kafka_properties
  if ! $formatted; then
    local cluster_id scram=()
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    if kafka_sasl; then mapfile -t scram < <(kafka_scram_args); fi
    kafka_java kafka.tools.StorageTool format --cluster-id "$cluster_id" --standalone \
      -c "$KAFKA_DIR/server.properties" "${scram[@]}" >"$KAFKA_DIR/format.log" 2>&1 ||
      die "formatting the Kafka log directory failed; see $KAFKA_DIR/format.log"
  fi
  # setsid: the broker outlives the shell that started it and ignores that terminal's Ctrl-C;
  # whoever started it stops it with "stack.sh stop".
  setsid java "${KAFKA_JVM[@]}" kafka.Kafka "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/kafka.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  log "kafka starting (pid $!, port $KAFKA_PORT, log $KAFKA_DIR/kafka.log)"
  wait_until kafka kafka_ready "$pidfile" "$KAFKA_DIR/kafka.log"
  log "kafka ready on 127.0.0.1:$KAFKA_PORT$(kafka_sasl && echo ' (SASL/SCRAM-SHA-512 and ACLs)')"
}

# ---------- FerretDB ----------

STORE_SRC="$HERE/ferretdb"
STORE_BIN="$CACHE_DIR/ferretdb/$(fingerprint "$STORE_SRC"/go.mod "$STORE_SRC"/go.sum "$STORE_SRC"/*.go "$STORE_SRC"/*.patch)/plenary-ferretdb"
STORE_DIR="$STACK_DIR/store"

# Go's module and build caches live in the project's cache, so that CI can keep them.
go_env() { export GOMODCACHE="$CACHE_DIR/go/mod" GOCACHE="$CACHE_DIR/go/build" GOFLAGS=-modcacherw; }

fetch_store() {
  [[ -x $STORE_BIN ]] && return 0
  need go "Install Go 1.24 or newer to build the local FerretDB (Debian: apt-get install golang, or go.dev)."
  log "building FerretDB into $STORE_BIN (first time only)"
  mkdir -p "$(dirname "$STORE_BIN")"
  go_env
  local module
  module=$(cd "$STORE_SRC" && go mod download -json github.com/FerretDB/FerretDB | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  [[ -d $module ]] || die "cannot download the FerretDB module"
  # Fixes to FerretDB, applied to a copy of the module that the build uses instead:
  #   id-lookups.patch     the SQLite backend looked documents up by _id with an expression its
  #                        _id index does not match, and only when _id was the whole filter:
  #                        every update scanned the collection.
  #   index-pushdown.patch queries used no index but _id's: equalities, sorts with a limit and
  #                        counts are now answered by SQLite from FerretDB's own (typed) indexes,
  #                        falling back to the scan wherever that would not be exactly MongoDB's
  #                        answer; the differential test is pushdown_test.go.
  #   update-batches.patch an update command held one SQLite connection per statement until it
  #                        returned: a batch of 100 updates exhausted the pool and hung for good.
  local build
  build="$(dirname "$STORE_BIN")/build"
  rm -rf "$build" && mkdir -p "$build"
  cp -r "$module" "$build/FerretDB" && chmod -R u+w "$build/FerretDB"
  local fix
  for fix in "$STORE_SRC"/*.patch; do
    patch -s -p1 -d "$build/FerretDB" <"$fix" || die "$(basename "$fix") does not apply to $module"
  done
  cp "$STORE_SRC"/go.mod "$STORE_SRC"/go.sum "$build/"
  echo "replace github.com/FerretDB/FerretDB => $build/FerretDB" >> "$build/go.mod"
  (cd "$STORE_SRC" && go build -trimpath -modfile "$build/go.mod" -o "$STORE_BIN.tmp" .) >&2 ||
    die "go build of infra/local/ferretdb failed (see above)"
  # The patched module stays beside the binary: test_store compiles against it.
  mv "$STORE_BIN.tmp" "$STORE_BIN"
}

# The Go tests of the store's own code against the patched FerretDB: the write serialiser, and
# the differential test of the index pushdown (pushdown_test.go: the same random queries served
# from the indexes and by a scan must agree).
test_store() {
  local modfile
  modfile="$(dirname "$STORE_BIN")/build/go.mod"
  [[ -f $modfile ]] || rm -f "$STORE_BIN" # built before the patched module was kept: build again
  fetch_store
  go_env
  # Extra arguments go to go test, e.g. `-run '^$' -bench ListQueries -benchtime 1x` (measure_test.go).
  (cd "$STORE_SRC" && go test -trimpath -count=1 -modfile "$modfile" "$@" .)
}

start_store() {
  local pidfile="$STORE_DIR/store.pid"
  if pid_alive "$pidfile"; then
    log "store already running (pid $(cat "$pidfile"), port $STORE_PORT)"
    return 0
  fi
  port_open "$STORE_PORT" && die "port $STORE_PORT is taken by another process; set STACK_STORE_PORT"
  fetch_store
  mkdir -p "$STORE_DIR/data"
  local args=(-listen "127.0.0.1:$STORE_PORT" -handler "$STORE_BACKEND")
  case $STORE_BACKEND in
    sqlite) args+=(-sqlite-dir "$STORE_DIR/data") ;;
    postgresql)
      [[ -n $STORE_POSTGRESQL_URL ]] || die "STACK_STORE_BACKEND=postgresql needs STACK_STORE_POSTGRESQL_URL"
      args+=(-postgresql-url "$STORE_POSTGRESQL_URL") ;;
    *) die "STACK_STORE_BACKEND must be sqlite or postgresql, not '$STORE_BACKEND'" ;;
  esac
  setsid "$STORE_BIN" "${args[@]}" >"$STORE_DIR/store.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  log "store starting (pid $!, port $STORE_PORT, backend $STORE_BACKEND, log $STORE_DIR/store.log)"
  wait_until store "port_open $STORE_PORT" "$pidfile" "$STORE_DIR/store.log"
  log "store ready on 127.0.0.1:$STORE_PORT"
}

# ---------- Keycloak ----------

# Keycloak's server distribution from Maven Central, built once for this stack's settings
# ("kc.sh build": the dev-file database) so that every start can skip Quarkus' augmentation
# (start --optimized). The demo realm is imported once, at fetch time, into a seed database that
# each stack copies on its first start: a fresh start then takes about 12 s instead of about 38 s
# (schema creation and import), which every test run would otherwise pay.
KEYCLOAK_VERSION=26.4.7
KEYCLOAK_BUILD_OPTS=(--db=dev-file)
KEYCLOAK_REALM_FILE="$HERE/keycloak/plenary-realm.json"
KEYCLOAK_CACHE="$CACHE_DIR/keycloak/$KEYCLOAK_VERSION-$(echo "${KEYCLOAK_BUILD_OPTS[*]}" | sha256sum | cut -c1-8)"
KEYCLOAK_DIST="$KEYCLOAK_CACHE/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_REALM_ID=$(fingerprint "$KEYCLOAK_REALM_FILE")
KEYCLOAK_SEED="$KEYCLOAK_CACHE/seed-$KEYCLOAK_REALM_ID"
KEYCLOAK_DIR="$STACK_DIR/keycloak"
KEYCLOAK_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/plenary"

keycloak_java_home() {
  if [[ -n ${STACK_KEYCLOAK_JAVA_HOME:-} ]]; then
    echo "$STACK_KEYCLOAK_JAVA_HOME"
  elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    echo /usr/lib/jvm/temurin-25-jdk-amd64
  elif [[ -n ${JAVA_HOME:-} ]]; then
    echo "$JAVA_HOME"
  else
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# kc.sh takes its home directory from its own location; -Dkc.home.dir moves it to a stack's
# directory, so that each stack has its own data (database, transaction logs, temporary files)
# while the distribution itself is shared, read-only, from the cache.
keycloak_home() {
  local home=$1 part
  mkdir -p "$home/data"
  for part in lib themes providers conf; do ln -sfn "$KEYCLOAK_DIST/$part" "$home/$part"; done
}

# The JIT's first tier only: Keycloak starts about a third faster, and a local realm with a
# handful of users never needs the optimising compiler.
KEYCLOAK_JAVA_OPTS="-XX:TieredStopAtLevel=1"

kc() {
  local home=$1
  shift
  JAVA_HOME=$(keycloak_java_home) JAVA_OPTS_APPEND=$KEYCLOAK_JAVA_OPTS "$KEYCLOAK_DIST/bin/kc.sh" "-Dkc.home.dir=$home" "$@"
}

fetch_keycloak() {
  if [[ ! -f $KEYCLOAK_DIST/.built ]]; then
    need mvn "Install Maven to fetch Keycloak (Debian: apt-get install maven)."
    [[ -x $(keycloak_java_home)/bin/java ]] || die "no JDK for Keycloak at $(keycloak_java_home); set STACK_KEYCLOAK_JAVA_HOME (JDK 17, 21 or 25)"
    log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central into $KEYCLOAK_CACHE (first time only)"
    local unpack="$KEYCLOAK_CACHE.tmp"
    rm -rf "$unpack" && mkdir -p "$unpack"
    # dependency:copy needs no project: run it where no pom.xml can be picked up.
    (cd "$unpack" && mvn -q -B -Dmaven.repo.local="$CACHE_DIR/m2" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$unpack") >&2 ||
      die "Maven could not fetch Keycloak (see the output above)"
    local zip="$unpack/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if command -v unzip >/dev/null 2>&1; then
      unzip -q "$zip" -d "$unpack"
    else # the JDK's jar tool unpacks a zip too, without the scripts' execute bits
      (cd "$unpack" && "$(keycloak_java_home)/bin/jar" xf "$zip") && chmod +x "$unpack/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
    fi
    rm "$zip"
    log "building Keycloak for the local stack (${KEYCLOAK_BUILD_OPTS[*]})"
    JAVA_HOME=$(keycloak_java_home) "$unpack/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTS[@]}" \
      >"$unpack/build.log" 2>&1 || { tail -n 30 "$unpack/build.log" >&2; die "kc.sh build failed"; }
    touch "$unpack/keycloak-$KEYCLOAK_VERSION/.built"
    rm -rf "$KEYCLOAK_CACHE" && mv "$unpack" "$KEYCLOAK_CACHE"
  fi
  if [[ ! -f $KEYCLOAK_SEED/h2/keycloakdb.mv.db ]]; then
    log "importing $(basename "$KEYCLOAK_REALM_FILE") into Keycloak's seed database (once per change of the realm file)"
    local seed="$KEYCLOAK_SEED.tmp"
    rm -rf "$seed" && keycloak_home "$seed"
    kc "$seed" import --optimized --file "$KEYCLOAK_REALM_FILE" >"$seed/import.log" 2>&1 ||
      { tail -n 30 "$seed/import.log" >&2; die "importing the realm failed; see $seed/import.log"; }
    grep -q "Realm 'plenary' imported" "$seed/import.log" || die "the realm was not imported; see $seed/import.log"
    mkdir -p "$KEYCLOAK_SEED.new" && mv "$seed/data/h2" "$KEYCLOAK_SEED.new/h2" && rm -rf "$seed"
    rm -rf "$KEYCLOAK_SEED" && mv "$KEYCLOAK_SEED.new" "$KEYCLOAK_SEED"
  fi
}

keycloak_ready() {
  curl -sf -o /dev/null --max-time 2 "$KEYCLOAK_ISSUER/.well-known/openid-configuration"
}

start_keycloak() {
  local pidfile="$KEYCLOAK_DIR/keycloak.pid" home="$KEYCLOAK_DIR/home"
  if pid_alive "$pidfile"; then
    local running_port
    running_port=$(cat "$KEYCLOAK_DIR/port" 2>/dev/null || echo "$KEYCLOAK_PORT")
    [[ $running_port == "$KEYCLOAK_PORT" ]] ||
      die "this stack's keycloak already runs on port $running_port, not $KEYCLOAK_PORT; stop it first"
    log "keycloak already running (pid $(cat "$pidfile"), port $KEYCLOAK_PORT)"
    return 0
  fi
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process; set STACK_KEYCLOAK_PORT"
  need curl "Install curl (Debian: apt-get install curl)."
  fetch_keycloak
  keycloak_home "$home"
  # The realm file is the truth about the local realm: when it changed, the realm is loaded
  # afresh (its users, clients and sessions; nothing else lives in this database).
  if [[ $(cat "$KEYCLOAK_DIR/realm-id" 2>/dev/null) != "$KEYCLOAK_REALM_ID" ]]; then
    [[ -d $home/data/h2 ]] && log "keycloak: the realm file changed; loading it afresh"
    rm -rf "$home/data/h2" && cp -r "$KEYCLOAK_SEED/h2" "$home/data/h2"
    echo "$KEYCLOAK_REALM_ID" >"$KEYCLOAK_DIR/realm-id"
  fi
  # The hostname is a full URL so that the issuer is the same whichever name the caller used;
  # a local cache (no cluster discovery); plain HTTP on loopback only.
  setsid env JAVA_HOME="$(keycloak_java_home)" JAVA_OPTS_APPEND="$KEYCLOAK_JAVA_OPTS" \
    "$KEYCLOAK_DIST/bin/kc.sh" "-Dkc.home.dir=$home" start --optimized --cache=local \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --log-console-color=false \
    >"$KEYCLOAK_DIR/keycloak.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  echo "$KEYCLOAK_PORT" >"$KEYCLOAK_DIR/port"
  log "keycloak starting (pid $!, port $KEYCLOAK_PORT, log $KEYCLOAK_DIR/keycloak.log)"
  wait_until keycloak keycloak_ready "$pidfile" "$KEYCLOAK_DIR/keycloak.log"
  log "keycloak ready: issuer $KEYCLOAK_ISSUER"
}

# ---------- Mailpit ----------

# Mailpit from the Go module proxy, with its web UI built from the module's sources
# (mailpit/build.sh says why and how); built once per version and change of the build script.
MAIL_VERSION=v1.33.1
MAIL_BIN="$CACHE_DIR/mailpit/$(fingerprint "$HERE/mailpit/build.sh" <(echo "$MAIL_VERSION"))/mailpit"
MAIL_DIR="$STACK_DIR/mail"
MAIL_URL="http://127.0.0.1:$MAIL_HTTP_PORT"

fetch_mail() {
  [[ -x $MAIL_BIN ]] && return 0
  need go "Install Go 1.24 or newer to build the local mail server (Debian: apt-get install golang, or go.dev)."
  need npm "Install Node.js and npm to build the mail server's web UI."
  log "building Mailpit $MAIL_VERSION into $MAIL_BIN (first time only)"
  mkdir -p "$(dirname "$MAIL_BIN")"
  go_env
  NPM_CACHE="$CACHE_DIR/npm-mailpit" bash "$HERE/mailpit/build.sh" "$MAIL_VERSION" "$MAIL_BIN" ||
    die "building Mailpit failed (see above)"
}

mail_ready() { curl -sf -o /dev/null --max-time 2 "$MAIL_URL/readyz"; }

mail_ui_note() {
  [[ -f $MAIL_BIN.no-ui ]] || return 0
  echo " (API only: its web UI did not build; delete $(dirname "$MAIL_BIN") and fetch again to retry)"
}

start_mail() {
  local pidfile="$MAIL_DIR/mail.pid"
  if pid_alive "$pidfile"; then
    log "mail already running (pid $(cat "$pidfile"), SMTP port $MAIL_SMTP_PORT, HTTP port $MAIL_HTTP_PORT)$(mail_ui_note)"
    return 0
  fi
  port_open "$MAIL_SMTP_PORT" && die "port $MAIL_SMTP_PORT is taken by another process; set STACK_MAIL_SMTP_PORT"
  port_open "$MAIL_HTTP_PORT" && die "port $MAIL_HTTP_PORT is taken by another process; set STACK_MAIL_HTTP_PORT"
  need curl "Install curl (Debian: apt-get install curl)."
  fetch_mail
  mkdir -p "$MAIL_DIR"
  # Loopback only. Any SMTP credentials are accepted, over plain SMTP, so that an SMTP_URL with a
  # user and password works here as it would against a real relay. Past 5,000 messages the oldest go.
  setsid "$MAIL_BIN" --database "$MAIL_DIR/mailpit.db" \
    --listen "127.0.0.1:$MAIL_HTTP_PORT" --smtp "127.0.0.1:$MAIL_SMTP_PORT" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --max 5000 --disable-version-check \
    >"$MAIL_DIR/mail.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  log "mail starting (pid $!, SMTP port $MAIL_SMTP_PORT, HTTP port $MAIL_HTTP_PORT, log $MAIL_DIR/mail.log)"
  wait_until mail mail_ready "$pidfile" "$MAIL_DIR/mail.log"
  log "mail ready: SMTP smtp://127.0.0.1:$MAIL_SMTP_PORT, messages at $MAIL_URL$(mail_ui_note)"
}

# ---------- common ----------

stop_one() {
  local name=$1 pidfile=$2 grace=${3:-30}
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    log "$name not running"
    return 0
  fi
  local pid waited=0
  pid=$(cat "$pidfile")
  # Each server leads its own process group (setsid): Keycloak's kc.sh and its JVM go together.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= grace * 5)); then
      log "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  log "$name stopped"
}

status_one() {
  local name=$1 pidfile=$2 port=$3
  if pid_alive "$pidfile"; then
    printf '%-8s running  pid %-7s 127.0.0.1:%s\n' "$name" "$(cat "$pidfile")" "$port"
  else
    printf '%-8s stopped\n' "$name"
    return 1
  fi
}

# The servers named on the command line (default: all), each once, in start-up order.
which_ones() {
  local arg out=()
  (($# == 0)) && set -- all
  for arg in "$@"; do
    case $arg in
      kafka | store | keycloak | mail) out+=("$arg") ;;
      all) out+=(store kafka keycloak mail) ;;
      *) die "unknown server '$arg': use kafka, store, keycloak, mail or all" ;;
    esac
  done
  printf '%s\n' "${out[@]}" | awk '!seen[$0]++'
}

# Fetching runs one at a time (Kafka's and Keycloak's both go through Maven's local repository,
# FerretDB's and Mailpit's through Go's caches); the servers then start side by side, since
# Keycloak alone takes longer than the others.
start_all() {
  local servers=("$@") s pids=() rc=0
  for s in "${servers[@]}"; do "fetch_$s"; done
  if ((${#servers[@]} == 1)); then
    "start_${servers[0]}"
    return
  fi
  for s in "${servers[@]}"; do
    "start_$s" &
    pids+=($!)
  done
  for s in "${pids[@]}"; do wait "$s" || rc=1; done
  ((rc == 0)) || die "not every server started (see above)"
}

cmd=${1:-status}
shift || true
case $cmd in
  start)
    mapfile -t servers < <(which_ones "$@")
    start_all "${servers[@]}" ;;
  stop)
    for s in $(which_ones "$@"); do
      case $s in
        kafka) stop_one kafka "$KAFKA_DIR/kafka.pid" 30 ;;
        store) stop_one store "$STORE_DIR/store.pid" 10 ;;
        keycloak) stop_one keycloak "$KEYCLOAK_DIR/keycloak.pid" 20 ;;
        mail) stop_one mail "$MAIL_DIR/mail.pid" 10 ;;
      esac
    done ;;
  status)
    rc=0
    status_one kafka "$KAFKA_DIR/kafka.pid" "$KAFKA_PORT" || rc=1
    status_one store "$STORE_DIR/store.pid" "$STORE_PORT" || rc=1
    status_one keycloak "$KEYCLOAK_DIR/keycloak.pid" "$KEYCLOAK_PORT" || rc=1
    status_one mail "$MAIL_DIR/mail.pid" "$MAIL_SMTP_PORT,$MAIL_HTTP_PORT" || rc=1
    exit $rc ;;
  fetch)
    for s in $(which_ones "$@"); do "fetch_$s"; done ;;
  test-store)
    test_store "$@" ;;
  reset)
    "$0" stop
    rm -rf "$KAFKA_DIR" "$STORE_DIR" "$KEYCLOAK_DIR" "$MAIL_DIR"
    log "deleted the data and logs under $STACK_DIR" ;;
  env)
    echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
    echo "MONGO_URL=mongodb://127.0.0.1:$STORE_PORT"
    echo "OIDC_ISSUER_URL=$KEYCLOAK_ISSUER"
    echo "AUTH_JWKS_URL=$KEYCLOAK_ISSUER/protocol/openid-connect/certs"
    echo "AUTH_JWKS_ISSUER=$KEYCLOAK_ISSUER"
    echo "SMTP_URL=smtp://127.0.0.1:$MAIL_SMTP_PORT"
    echo "MAILPIT_URL=$MAIL_URL"
    if kafka_sasl; then
      echo "KAFKA_SASL_MECHANISM=scram-sha-512"
      echo "KAFKA_USERNAME=admin"
      echo "KAFKA_PASSWORD=$(kafka_password admin)"
    fi ;;
  kafka-password)
    kafka_password "${1:?name a principal: ${KAFKA_USERS[*]}}" ;;
  *)
    die "unknown command '$cmd': use start, stop, status, fetch, test-store, reset, env or kafka-password" ;;
esac
