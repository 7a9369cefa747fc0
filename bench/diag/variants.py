#!/usr/bin/env python3
"""A/B diagnostics for swarmplay on the bench workloads: the same runs under variants, interleaved.

Usage: python3 bench/diag/variants.py --reps 3 --workloads c,c2,a1 \
         --variant 'launcher=' --variant 'c2jit=SWARMPLAY_JAVA_OPTS=-XX:+UseSerialGC -Xss1m' \
         --variant 'aesgcm=ciphers:aes128-gcm@openssh.com'

A variant is NAME=ENV_VAR=VALUE (an environment variable for the launcher), NAME= (as is), or
NAME=ciphers:LIST: a diagnostic sshd pair on ports 2231/2232 whose `Ciphers` is LIST, reached through a
temporary copy of the inventory with those ports (the bench's own inventory is not touched).
Prints the wall time and the engine's task duration_ms (median, min-max) per workload and variant.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import bench as B  # noqa: E402
import hosts as H  # noqa: E402
import profile as P  # noqa: E402


class CipherHosts:
    def __init__(self, ciphers):
        self.dir = tempfile.mkdtemp(prefix="spbench-diag-")
        self.procs = []
        known = []
        for n, (ip, port) in enumerate(H.HOSTS.values(), start=1):
            dport = port + 10
            conf = os.path.join(self.dir, f"sshd_{n}.conf")
            with open(conf, "w") as f:
                f.write(H.SSHD_CONF.format(ip=ip, port=dport, scratch=H.SCRATCH, n=f"diag{n}")
                        .replace(f"PidFile {H.SCRATCH}/bench_sshd_diag{n}.pid", f"PidFile {self.dir}/sshd_{n}.pid")
                        + f"Ciphers {ciphers}\n")
            self.procs.append(subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", conf], stdin=subprocess.DEVNULL,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                               start_new_session=True))
            for _ in range(50):
                if H.port_open(ip, dport):
                    break
                time.sleep(0.1)
            known.append(subprocess.run(["ssh-keyscan", "-t", "ed25519", "-p", str(dport), ip], capture_output=True,
                                        text=True).stdout)
        self.known = os.path.join(self.dir, "known_hosts")
        with open(self.known, "w") as f:
            f.write("".join(known))
        with open(B.INVENTORY) as f:
            inv = f.read()
        inv = inv.replace("2221", "2231").replace("2222", "2232").replace(
            "UserKnownHostsFile=/tmp/swarmplay-sshd/known_hosts", f"UserKnownHostsFile={self.known}")
        self.inventory = os.path.join(self.dir, "inventory.yml")
        with open(self.inventory, "w") as f:
            f.write(inv)

    def close(self):
        for p in self.procs:
            p.terminate()
            p.wait()
        subprocess.run(["rm", "-rf", self.dir])


def run(w, env, inventory):
    old = B.INVENTORY
    B.INVENTORY = inventory
    try:
        return P.timed_json_run(w, env)
    finally:
        B.INVENTORY = old


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--workloads", default="c,c2")
    ap.add_argument("--variant", action="append", required=True)
    args = ap.parse_args()
    B.ensure_data()
    hosts = H.Hosts()
    hosts.up()
    variants = []
    extra = []
    try:
        for v in args.variant:
            name, _, spec = v.partition("=")
            env, inv = dict(os.environ), B.INVENTORY
            if spec.startswith("ciphers:"):
                ch = CipherHosts(spec[len("ciphers:"):])
                extra.append(ch)
                inv = ch.inventory
            elif spec:
                k, _, val = spec.partition("=")
                env[k] = val
            variants.append((name, env, inv))
        walls = {(w, n): [] for w in args.workloads.split(",") for n, _, _ in variants}
        tasks = {k: [] for k in walls}
        print(f"load before: {os.getloadavg()}")
        for rep in range(args.reps):
            for w in args.workloads.split(","):
                for name, env, inv in variants[rep % len(variants):] + variants[:rep % len(variants)]:
                    B.prepare(w, None) if w != "e2" else None
                    rc, wall, events, err = run(w, env, inv)
                    a = P.analyse(rc, wall, events)
                    if rc != 0:
                        print(f"FAILED {w} {name}: {err[-800:]}")
                        continue
                    walls[(w, name)].append(wall)
                    tasks[(w, name)].append(a["task_ms_sum_max_over_hosts"])
        print(f"load after: {os.getloadavg()}")
        for (w, name), xs in walls.items():
            if xs:
                t = tasks[(w, name)]
                print(f"{w:>3} {name:<10} wall {statistics.median(xs):6.2f} s ({min(xs):.2f}–{max(xs):.2f})   "
                      f"tasks Σ {statistics.median(t):6.0f} ms ({min(t):.0f}–{max(t):.0f})  n={len(xs)}")
    finally:
        for ch in extra:
            ch.close()
        hosts.down()
        for w in ("b", "c", "e"):
            B.prepare(w, None)


if __name__ == "__main__":
    main()
