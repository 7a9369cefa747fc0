#!/usr/bin/env python3
"""Server-side timeline of one swarmplay run: when each remote command (and the sftp subsystem)
started and ended on the sshd side, relative to the launch of the swarmplay process.

Usage: python3 bench/diag/timeline.py c [c2 b ...]   (needs the bench sshds started by this script)

Uses `strace -f -tt -e trace=execve,exit_group` on the two bench sshd listeners. strace slows the
traced processes down, so read the gaps between commands, not the absolute durations.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import bench as B  # noqa: E402
import hosts as H  # noqa: E402
import profile as P  # noqa: E402


def secs(ts):
    h, m, s = ts.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    B.ensure_data()
    hosts = H.Hosts()
    hosts.up()
    try:
        pids = [p.pid for p in hosts.started.values()]
        if len(pids) != 2:
            raise SystemExit("needs the sshds started by this script")
        for w in sys.argv[1:]:
            if w == "e2":
                if not B.e_converged():
                    B.prepare("e", None)
                    P.timed_json_run("e")
            else:
                B.prepare(w, None)
            out = tempfile.mktemp(prefix="spbench-tl-")
            st = subprocess.Popen(["strace", "-f", "-qq", "-tt", "-e", "trace=execve,exit_group", "-s", "120", "-o", out,
                                   *sum((["-p", str(p)] for p in pids), [])], stderr=subprocess.DEVNULL)
            time.sleep(0.7)
            t_launch = time.time()
            rc, wall, events, err = P.timed_json_run(w)
            time.sleep(0.3)
            st.terminate()
            st.wait()
            day0 = time.mktime(time.localtime(t_launch)[:3] + (0, 0, 0, 0, 0, -1))
            start = {}
            rows = []
            with open(out) as f:
                for line in f:
                    m = re.match(r"(\d+)\s+(\S+) (.*)", line)
                    if not m:
                        continue
                    pid, ts, rest = m.group(1), secs(m.group(2)) + day0 - t_launch, m.group(3)
                    c = re.search(r'execve\("/bin/bash", \["bash", "-c", "(.*?)"(?:\.\.\.)?\]', rest)
                    if c:
                        start[pid] = (ts, re.sub(r"/tmp/\S+", "PATH", c.group(1))[:70])
                    elif rest.startswith("exit_group") and pid in start:
                        t0, cmd = start.pop(pid)
                        rows.append((t0, ts, cmd))
            os.unlink(out)
            print(f"\n[{w}] rc={rc} wall={wall:.3f}s (strace attached); first JSON event at "
                  f"{events[0][0]:.3f}s; run_finished at "
                  f"{next((t for t, e in events if e.get('event') == 'run_finished'), float('nan')):.3f}s")
            for t0, t1, cmd in sorted(rows)[:30]:
                print(f"   {t0:7.3f} → {t1:7.3f}  ({(t1 - t0) * 1000:6.0f} ms)  {cmd}")
            if len(rows) > 30:
                print(f"   ... {len(rows) - 30} more")
    finally:
        hosts.down()
        for w in ("b", "c", "e"):
            B.prepare(w, None)


if __name__ == "__main__":
    main()
