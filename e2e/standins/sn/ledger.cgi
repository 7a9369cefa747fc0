#!/bin/sh
# Stand-in SN API (TEST DOUBLE): /cgi-bin/ledger?op=get|put|list&k=KEY&v=VALUE. The sentinel
# stores, other SNs forward to the sentinel.
echo "Content-Type: text/plain"; echo
if [ "$(cat /etc/sn-role)" != sentinel ]; then
  timeout 10 wget -q -O - "http://$(cat /etc/sn-sentinel)/cgi-bin/ledger?$QUERY_STRING"; exit 0
fi
q() { echo "$QUERY_STRING" | tr '&' '\n' | sed -n "s/^$1=//p" | head -n 1; }
op=$(q op); k=$(q k); v=$(q v)
echo "$k" | grep -Eq '^[A-Za-z0-9._-]*$' || { echo "bad key"; exit 0; }
case $op in
  put) echo "$v" > "/ledger/$k.tmp" && mv "/ledger/$k.tmp" "/ledger/$k"; echo ok ;;
  get) [ -f "/ledger/$k" ] && cat "/ledger/$k" ;;
  list) for f in /ledger/"$k"*; do [ -f "$f" ] && echo "$(basename "$f")=$(cat "$f")"; done ;;
esac
exit 0
