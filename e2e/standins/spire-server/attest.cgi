#!/testdouble/bin/sh
# Stand-in node API of the SPIRE server (TEST DOUBLE): join-token attestation of an agent.
export PATH=/testdouble/bin
DATA=/opt/spire/data/server
echo "Content-Type: text/plain"; echo
tok=$(echo "$QUERY_STRING" | sed -n 's/.*token=\([0-9a-f-]*\).*/\1/p')
td=$(echo "$QUERY_STRING" | sed -n 's/.*td=\([a-z0-9._-]*\).*/\1/p')
lf=$(cat $DATA/log_file)
log() { echo "time=\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" level=$1 msg=\"$2\" subsystem_name=api" >> "$lf"; }
if [ "$td" != "$(cat $DATA/trust_domain)" ]; then log error "Agent attestation failed: trust domain $td"; echo "ERR agent trust domain '$td' is not the server's $(cat $DATA/trust_domain)"; exit 0; fi
if [ -z "$tok" ] || [ ! -f $DATA/tokens/$tok ]; then log error "Agent attestation failed: unknown join token"; echo "ERR failed to attest: join token does not exist or has already been used"; exit 0; fi
if [ "$(date +%s)" -gt "$(cat $DATA/tokens/$tok.expires)" ]; then log error "Agent attestation failed: join token expired"; echo "ERR failed to attest: join token expired"; exit 0; fi
alias=$(cat $DATA/tokens/$tok); rm -f $DATA/tokens/$tok $DATA/tokens/$tok.expires
echo "spiffe://$td/spire/agent/join_token/$tok" >> $DATA/agents.txt
log info "Agent attestation request completed"
echo "OK spiffe://$td/spire/agent/join_token/$tok alias=$alias"
