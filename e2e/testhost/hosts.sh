#!/bin/bash
# The test hosts, ONE implementation for the end-to-end tests (engine/src/test/java/io/swarmplay/e2e,
# TestHosts) and the lab (scripts/lab): Docker-in-Docker containers on this machine's Docker engine,
# each with its own IP on a user-defined bridge, its own sshd (a host key per set, pinned in
# known_hosts; a client key), dockerd and file system, reached only over SSH; beside them an APLS
# licence-server stand-in and the network's DNS server (dnsd: <name>.<prefix>.test for each host,
# apls.<prefix>.test; the hosts resolve through it, their own dockerd does not: containers reach
# it only when given it, e.g. the playbooks' dns_servers); the stand-in images (TEST DOUBLES under the real names, e2e/README.md)
# built and saved as tars. Every object is named and labelled with the set's prefix.
#
#   hosts.sh images        build (or find, by content hash) the host and stand-in images
#   hosts.sh up NAME...    create what is missing of network, APLS and one host per NAME; wait for SSH
#   hosts.sh load          load every stand-in tar into every host (skips images already there)
#   hosts.sh status        one line per object: "<name> <container> <ip> <state>"
#   hosts.sh ssh NAME [COMMAND...]   a shell or a command on a host, as root (stdin passes through)
#   hosts.sh down [--images]   remove every container, volume and network of the set and the files
#                          it wrote in TESTHOST_DIR (--images: also its images and TESTHOST_WORK);
#                          prints "left: <what>" and exits 1 if anything is still there
#
# Environment:
#   TESTHOST_PREFIX  name prefix of every object (required): swarmplay-e2e (tests), swarmplay-lab (lab)
#   TESTHOST_DIR     state directory (required): keys, known_hosts, hosts.txt ("<name> <container>
#                    <ip> <volume>"), images.txt ("<real reference> <tar> <image id>"), images.env, apls_ip,
#                    dns_ip and dns_domain (the DNS server's address, the names' domain), dns/hosts (its names)
#   TESTHOST_SUBNET  first three octets of the set's /24 (required by up), e.g. 172.31.237
#   TESTHOST_WORK    image build scratch and tars (default /var/tmp/$TESTHOST_PREFIX)
#   TESTHOST_DOCKERD_ARGS  extra dockerd arguments in the hosts (e.g. "-H tcp://0.0.0.0:2375")
# Needs: root, a local Docker engine, debootstrap, ssh, ssh-keygen, flock (scripts/prereqs.sh: ensure_e2e).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=${TESTHOST_PREFIX:?TESTHOST_PREFIX is not set}
DIR=${TESTHOST_DIR:?TESTHOST_DIR is not set}
WORK=${TESTHOST_WORK:-/var/tmp/$PREFIX}
NET=$PREFIX-net
APLS=$PREFIX-apls
DNS=$PREFIX-dns
DOMAIN=$PREFIX.test
SET=io.swarmplay.testhost.set      # label: which set an object belongs to
OWNER=io.swarmplay.testhost.dir    # label on the network: the state directory that owns the set
SSH_READY=${TESTHOST_SSH_READY:-90}

die() { echo "hosts.sh: $*" >&2; exit 1; }

ssh_to() {   # ssh_to IP COMMAND...   (stdin passes through)
  ssh -i "$DIR/client_ed25519" -o UserKnownHostsFile="$DIR/known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o ConnectTimeout=5 -o LogLevel=ERROR "root@$1" "${@:2}"
}

cmd_images() {
  local tags out
  tags=$(TESTHOST_PREFIX=$PREFIX TESTHOST_WORK=$WORK bash "$here/build-image.sh" | tail -n 1)
  read -r host base cli <<<"$tags"
  out=$(TESTHOST_PREFIX=$PREFIX bash "$here/../standins/build.sh" "$base" "$cli" "$WORK/images")
  mkdir -p "$DIR"
  { echo "HOST_IMAGE=$host"; echo "BASE_IMAGE=$base"; awk '$2 == "-" { print "APLS_IMAGE=" $1 }' <<<"$out"; } >"$DIR/images.env"
  awk '$2 != "-"' <<<"$out" >"$DIR/images.txt"
}

owner_check() {
  local owner
  owner=$(docker network inspect -f "{{index .Labels \"$OWNER\"}}" "$NET" 2>/dev/null) || return 0
  [ "$owner" = "$DIR" ] || { echo "hosts.sh: the test hosts $PREFIX-* are in use by $owner" >&2; exit 3; }
}

keys() {
  mkdir -p "$DIR/hosts"; chmod 700 "$DIR"
  [ -f "$DIR/client_ed25519" ] || ssh-keygen -q -t ed25519 -N "" -C "$PREFIX-client" -f "$DIR/client_ed25519"
  local name i=0 ip
  : >"$DIR/known_hosts.tmp"
  for name; do
    i=$((i + 1)); ip=$TESTHOST_SUBNET.$((10 + i))
    mkdir -p "$DIR/hosts/$name"
    [ -f "$DIR/hosts/$name/ssh_host_ed25519_key" ] \
      || ssh-keygen -q -t ed25519 -N "" -C "$name" -f "$DIR/hosts/$name/ssh_host_ed25519_key"
    cp "$DIR/client_ed25519.pub" "$DIR/hosts/$name/authorized_keys"
    echo "$ip $(cut -d' ' -f1,2 "$DIR/hosts/$name/ssh_host_ed25519_key.pub")" >>"$DIR/known_hosts.tmp"
  done
  mv "$DIR/known_hosts.tmp" "$DIR/known_hosts"
}

network() {
  docker network inspect "$NET" >/dev/null 2>&1 && return 0
  docker network create --subnet "$TESTHOST_SUBNET.0/24" --label "$SET=$PREFIX" --label "$OWNER=$DIR" "$NET" >/dev/null
}

# the container's fixed address on the set's network (empty if none)
IP_FORMAT='{{range $k, $v := .NetworkSettings.Networks}}{{if eq $k "'"$NET"'"}}{{with $v.IPAMConfig}}{{.IPv4Address}}{{end}}{{end}}{{end}}'

# running: keep it; stopped: start it; made from another image, address or key dir: make it again
ensure_container() {   # ensure_container NAME IMAGE IP RUN-ARGS... [--cmd COMMAND...]
  local c=$1 image=$2 ip=$3 have args=() cmd=()
  shift 3
  while [ $# -gt 0 ]; do
    if [ "$1" = --cmd ]; then shift; cmd=("$@"); break; fi
    args+=("$1"); shift
  done
  have=$(docker inspect -f "{{.Config.Image}} $IP_FORMAT {{index .Config.Labels \"$OWNER\"}} {{.State.Running}}" "$c" 2>/dev/null || true)
  case "$have" in
    "$image $ip $DIR true") return 0 ;;
    "$image $ip $DIR false") docker start "$c" >/dev/null; return 0 ;;
    "") ;;
    *) docker rm -f -v "$c" >/dev/null ;;
  esac
  docker run -d --name "$c" --network "$NET" --ip "$ip" --label "$SET=$PREFIX" --label "$OWNER=$DIR" "${args[@]}" "$image" "${cmd[@]}" >/dev/null
}

host() {   # host NAME INDEX
  local name=$1 c=$PREFIX-h$2 ip=$TESTHOST_SUBNET.$((10 + $2))
  docker volume create --label "$SET=$PREFIX" "$c-docker" >/dev/null
  # --privileged fails on this VM kind; this flag set works (spec/infra-recipes.md §1.4)
  ensure_container "$c" "$HOST_IMAGE" "$ip" --hostname "$name" --init --dns "$TESTHOST_SUBNET.9" \
    --cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
    --security-opt systempaths=unconfined --device-cgroup-rule 'a *:* rwm' \
    -e "DOCKERD_EXTRA_ARGS=${TESTHOST_DOCKERD_ARGS:-}" \
    -v "$c-docker:/var/lib/docker" -v "$DIR/hosts/$name:/etc/testhost:ro" --label "io.swarmplay.testhost.name=$name"
  echo "$name $c $ip $c-docker" >>"$DIR/hosts.txt.tmp"
}

wait_ssh() {   # wait_ssh NAME CONTAINER IP: polls `ssh <ip> docker version` every 0.2 s
  local deadline=$(( $(date +%s) + SSH_READY )) err
  until err=$(ssh_to "$3" "docker version --format '{{.Server.Version}}'" </dev/null 2>&1 >/dev/null); do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "test host $1 ($3) did not answer \`ssh docker version\` within ${SSH_READY}s: $err" >&2
      echo "--- container log:" >&2; docker logs --tail 30 "$2" >&2 2>&1 || true
      echo "--- dockerd log:" >&2; docker exec "$2" tail -n 30 /var/log/dockerd.log >&2 || true
      exit 1
    fi
    sleep 0.2
  done
}

cmd_up() {
  [ $# -ge 1 ] || die "up needs the host names"
  : "${TESTHOST_SUBNET:?TESTHOST_SUBNET is not set}"
  owner_check
  grep -qs '^BASE_IMAGE=' "$DIR/images.env" || cmd_images
  # shellcheck disable=SC1091
  . "$DIR/images.env"
  keys "$@"
  network
  ensure_container "$APLS" "$APLS_IMAGE" "$TESTHOST_SUBNET.10"
  echo "$TESTHOST_SUBNET.10" >"$DIR/apls_ip"
  dns "$@"
  : >"$DIR/hosts.txt.tmp"
  local i=0 name
  for name; do i=$((i + 1)); host "$name" "$i"; done
  mv "$DIR/hosts.txt.tmp" "$DIR/hosts.txt"
  while read -r name c ip _; do wait_ssh "$name" "$c" "$ip"; done <"$DIR/hosts.txt"
}

dns() {   # dns NAME...: the names of the set (re-read by dnsd when they change) and the server at .9
  local i=0 name
  mkdir -p "$DIR/dns"
  { echo "apls.$DOMAIN $TESTHOST_SUBNET.10"
    for name; do i=$((i + 1)); echo "$name.$DOMAIN $TESTHOST_SUBNET.$((10 + i))"; done; } >"$DIR/dns/hosts.tmp"
  mv "$DIR/dns/hosts.tmp" "$DIR/dns/hosts"
  ensure_container "$DNS" "$BASE_IMAGE" "$TESTHOST_SUBNET.9" -v "$here/dnsd:/dnsd:ro" -v "$DIR/dns:/dns:ro" \
    --cmd perl /dnsd /dns/hosts
  echo "$TESTHOST_SUBNET.9" >"$DIR/dns_ip"
  echo "$DOMAIN" >"$DIR/dns_domain"
}

cmd_load() {
  local pids=() name c ip
  while read -r name c ip _; do
    (
      have=$(ssh_to "$ip" "docker images --no-trunc --format '{{.Repository}}:{{.Tag}} {{.ID}}'" </dev/null)
      while read -r ref tar id; do
        grep -qxF "$ref $id" <<<"$have" || ssh_to "$ip" "docker load -q" <"$tar" >/dev/null \
          || { echo "loading $ref into $name failed" >&2; exit 1; }
      done <"$DIR/images.txt"
    ) &
    pids+=($!)
  done <"$DIR/hosts.txt"
  local failed=0 p
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  return $failed
}

cmd_status() {
  local c state name ip
  docker ps -a --filter "label=$SET=$PREFIX" \
    --format "{{.Names}} {{.State}} {{.Label \"io.swarmplay.testhost.name\"}}" | sort |
  while read -r c state name; do
    ip=$(docker inspect -f "$IP_FORMAT" "$c" 2>/dev/null || true)
    echo "${name:--} $c ${ip:--} $state"
  done
}

leftovers() {   # leftovers [--images]: prints "left: <what>" per object of the set still present
  docker ps -a --filter "label=$SET=$PREFIX" --format 'left: container {{.Names}}'
  docker ps -a --filter "name=^$PREFIX-" --format 'left: container {{.Names}}'
  docker volume ls -q --filter "label=$SET=$PREFIX" | sed 's/^/left: volume /'
  docker volume ls -q --filter "name=^$PREFIX-" | sed 's/^/left: volume /'
  docker network ls --filter "name=^$PREFIX-" --format 'left: network {{.Name}}'
  if [ "${1:-}" = --images ]; then
    docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX/" | sed 's/^/left: image /' || true
    [ ! -e "$WORK" ] || echo "left: directory $WORK"
  fi
}

cmd_down() {
  local images=${1:-}
  { docker ps -aq --filter "label=$SET=$PREFIX"; docker ps -aq --filter "name=^$PREFIX-"; } | sort -u \
    | xargs -r docker rm -f -v >/dev/null
  { docker volume ls -q --filter "label=$SET=$PREFIX"; docker volume ls -q --filter "name=^$PREFIX-"; } | sort -u \
    | xargs -r docker volume rm -f >/dev/null
  docker network ls -q --filter "name=^$PREFIX-" | xargs -r docker network rm >/dev/null
  if [ "$images" = --images ]; then
    # stand-ins first: the base images are their parents
    docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX/standin-" | grep -v "^$PREFIX/standin-base:" \
      | xargs -r docker rmi >/dev/null || true
    docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX/" | xargs -r docker rmi >/dev/null || true
    rm -rf "$WORK"
  fi
  rm -rf "$DIR/hosts" "$DIR/hosts.txt" "$DIR/hosts.txt.tmp" "$DIR/images.env" "$DIR/images.txt" "$DIR/apls_ip" \
    "$DIR/dns" "$DIR/dns_ip" "$DIR/dns_domain" \
    "$DIR/client_ed25519" "$DIR/client_ed25519.pub" "$DIR/known_hosts" "$DIR/known_hosts.tmp"
  local left
  left=$(leftovers "$images" | sort -u)
  [ -z "$left" ] || { echo "$left"; return 1; }
}

cmd_ssh() {
  local ip
  ip=$(awk -v n="${1:?ssh needs a host name}" '$1 == n { print $3 }' "$DIR/hosts.txt" 2>/dev/null)
  [ -n "$ip" ] || die "no test host $1 in $DIR/hosts.txt"
  ssh_to "$ip" "${@:2}"
}

case "${1:-}" in
  images) cmd_images ;;
  ssh) shift; cmd_ssh "$@" ;;
  up) shift; cmd_up "$@" ;;
  load) cmd_load ;;
  status) cmd_status ;;
  down) shift; cmd_down "$@" ;;
  *) die "usage: hosts.sh images | up NAME... | load | status | ssh NAME [COMMAND...] | down [--images]" ;;
esac
