#!/usr/bin/env bash
# The broker of docker-compose.yml with SASL/SCRAM-SHA-512 and ACLs, run in the apache/kafka image
# instead of its own entrypoint: SCRAM users must exist before the broker first starts (the
# broker authenticates to itself as the admin), so they are bootstrapped when the log directory
# is formatted, which the image's entrypoint cannot do. The ACLs are created afterwards by the
# kafka-acls service (scripts/kafka-acls.ts), as the admin.
#
# Environment: KAFKA_PASSWORD_ADMIN, _EVENTS, _PARTICIPANTS, _REPORTS, _SUBSCRIBER, _CONSOLE (required),
# KAFKA_CLUSTER_ID (optional; one is generated at first start), KAFKA_PROCESS_ROLES (default
# broker,controller: one combined node). KAFKA_HOME, KAFKA_DATA_DIR,
# KAFKA_CONFIG_DIR, KAFKA_HOST and KAFKA_PORT default to the image's layout and the compose network's names.
set -euo pipefail
KAFKA=${KAFKA_HOME:-/opt/kafka}
DATA=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
HOST=${KAFKA_HOST:-kafka}
PORT=${KAFKA_PORT:-9092}
CONF=${KAFKA_CONFIG_DIR:-/tmp/kafka-config}
USERS=(admin events participants reports subscriber console)
mkdir -p "$DATA" "$CONF"
CONF=$(cd "$CONF" && pwd)

for user in "${USERS[@]}"; do
  var="KAFKA_PASSWORD_${user^^}"
  [[ ${!var:-} =~ ^[A-Za-z0-9._~-]{8,}$ ]] || {
    echo "$var must be set: 8 or more of A-Z a-z 0-9 . _ ~ -" >&2
    exit 1
  }
done

(umask 077 && cat >"$CONF/server.properties") <<PROPERTIES
process.roles=${KAFKA_PROCESS_ROLES:-broker,controller}
node.id=1
controller.quorum.bootstrap.servers=localhost:$((PORT + 1))
listeners=SASL_PLAINTEXT://:$PORT,CONTROLLER://localhost:$((PORT + 1))
advertised.listeners=SASL_PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_PASSWORD_ADMIN";
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_PASSWORD_ADMIN" user_admin="$KAFKA_PASSWORD_ADMIN";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=$DATA
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPERTIES

# The admin's client settings, for the health check.
(umask 077 && cat >"$CONF/admin.properties") <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_PASSWORD_ADMIN";
PROPERTIES

if [[ ! -f $DATA/meta.properties ]]; then
  scram=()
  for user in "${USERS[@]}"; do
    var="KAFKA_PASSWORD_${user^^}"
    scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=${!var}]")
  done
  "$KAFKA/bin/kafka-storage.sh" format --standalone -c "$CONF/server.properties" \
    --cluster-id "${KAFKA_CLUSTER_ID:-$("$KAFKA/bin/kafka-storage.sh" random-uuid)}" "${scram[@]}"
fi
exec "$KAFKA/bin/kafka-server-start.sh" "$CONF/server.properties"
