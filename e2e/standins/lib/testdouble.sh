# Shared functions of the swarmplay stand-in images (TEST DOUBLES, not HPE's or SPIFFE's software).
# Every check failure prints "TEST DOUBLE <name>: ERROR: <what>" on stderr and exits 1, so a
# wrong container spec makes the e2e test fail with a readable reason.
TD_NAME=${TD_NAME:-stand-in}

die() { echo "TEST DOUBLE $TD_NAME: ERROR: $*" >&2; exit 1; }
say() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $*"; }

# need_env NAME [EXPECTED]: NAME must be set (may be empty only when EXPECTED is given as "")
need_env() {
  eval "_set=\${$1+x}; _val=\${$1-}"
  [ -n "$_set" ] || die "environment variable $1 is not set"
  if [ $# -ge 2 ] && [ "$_val" != "$2" ]; then die "environment variable $1='$_val', expected '$2'"; fi
  return 0
}
need_env_match() {   # need_env_match NAME REGEX
  eval "_val=\${$1-}"
  echo "$_val" | grep -Eq "^($2)\$" || die "environment variable $1='$_val' does not match /$2/"
}
# an address a real program accepts: IPv4, IPv6 or a DNS name (never stricter than HPE's/SPIRE's)
HOST_RE='[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]+|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*'
PORT_RE='[1-9][0-9]{0,4}'
need_env_host() { need_env_match "$1" "$HOST_RE"; }
need_env_port() { need_env_match "$1" "$PORT_RE"; }
need_file() { [ -f "$1" ] || die "file $1 is missing${2:+ ($2)}"; }
need_socket() { [ -S "$1" ] || die "$1 is not a Unix socket${2:+ ($2)}"; }

# own container id: the docker bind of /etc/hostname names it (works nested, cgroup v1 and v2)
own_container_id() {
  grep -oE 'containers/[0-9a-f]{64}/hostname' /proc/self/mountinfo 2>/dev/null | head -n 1 | cut -d/ -f2
}

# HPE's run-sn/run-swop/run-swci copy a 3-line file (container id, image reference, image id)
# into the container before starting it (spec 4.0 step 4).
check_container_info() {   # check_container_info EXPECTED_IMAGE_REF [FILE]
  f=${2:-/tmp/container_info_file}
  need_file $f "run-sn/run-swop/run-swci place it before the start: id, image reference, image id"
  cid=$(sed -n 1p $f); ref=$(sed -n 2p $f); iid=$(sed -n 3p $f)
  me=$(own_container_id)
  # HPE's `common` writes `docker container create`'s output: the 64-hex id, never the name
  echo "$cid" | grep -Eq '^[0-9a-f]{64}$' || die "$f line 1 '$cid' is not a container id (64 hex digits, as HPE's run-* scripts write)"
  [ -z "$me" ] || [ "$cid" = "$me" ] || die "$f line 1 is $cid but this container is $me"
  [ "$ref" = "$1" ] || die "$f line 2 is '$ref', expected the image reference '$1'"
  echo "$iid" | grep -Eq '^sha256:[0-9a-f]{64}$' || die "$f line 3 '$iid' is not an image id (sha256:...)"
}

# SVID from the SPIRE agent's Workload API socket (stand-in protocol, see spire-agent)
# fetch_svid SOCKET EXPECTED_PATH (e.g. sn): prints the SPIFFE ID; waits up to $SVID_WAIT s
fetch_svid() {
  sock=$1; want=$2; deadline=$(( $(date +%s) + ${SVID_WAIT:-60} ))
  while :; do
    ans=$(/testdouble/bin/workload-client "$sock" FETCH 2>&1) && break
    [ "$(date +%s)" -lt "$deadline" ] || die "no SVID from the Workload API at $sock within ${SVID_WAIT:-60}s: $ans"
    sleep 1
  done
  id=$(echo "$ans" | sed -n 's/.*spiffe_id=\([^ ]*\).*/\1/p')
  fed=$(echo "$ans" | sed -n 's/.*federates_with=\([^ ]*\).*/\1/p')
  case "$id" in spiffe://*/"$want") ;; *) die "SVID is '$id', expected spiffe://<trust domain>/$want" ;; esac
  [ -n "$fed" ] || die "the registration entry of $id federates with no other trust domain (-federatesWith missing)"
  SVID_ID=$id; SVID_FEDERATES=$fed
  say "SPIFFE : INFO : Got X509-SVID $id (federated bundles: $fed) from $sock"
}

wait_tcp() {   # wait_tcp HOST PORT TIMEOUT WHAT
  deadline=$(( $(date +%s) + $3 ))
  until tcp_open "$1" "$2"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$4 at $1:$2 not reachable within $3s"
    sleep 1
  done
}

# The "ledger": the SN stand-ins keep a key/value store (the sentinel holds it, other SNs forward
# to it) that SWCI, SWOP and SL use to agree on tasks, like the real ones do over the blockchain.
ledger() {   # ledger get|put|list KEY [VALUE]  (uses LEDGER_AT=ip:port)
  timeout 10 wget -q -O - "http://$LEDGER_AT/cgi-bin/ledger?op=$1&k=$2&v=${3:-}" 2>/dev/null
}

# resolves HOST: an IP, or a name this container's resolver knows (getaddrinfo, like the programs)
resolves() { perl -MSocket -e 'my ($e) = Socket::getaddrinfo($ARGV[0], undef); exit($e ? 1 : 0)' "$1"; }

# (busybox's nc has no -z and its wget crashes with -T: perl and `timeout` instead)
tcp_open() { timeout 5 perl -MIO::Socket::INET -e 'exit(IO::Socket::INET->new(PeerAddr => $ARGV[0], PeerPort => $ARGV[1], Timeout => 3) ? 0 : 1)' "$1" "$2" 2>/dev/null; }

# same_content A B: equal once whitespace and CRs are ignored (SPIRE parses PEM and JSON; a
# file written as "stdout | trim + newline" or through a TTY is still the same bundle)
same_content() { [ "$(tr -d ' \t\r\n' < "$1")" = "$(tr -d ' \t\r\n' < "$2")" ]; }
