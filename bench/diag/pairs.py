#!/usr/bin/env python3
"""Two swarmplay checkouts (or launch commands) on the same bench workloads, run by run in turn.

Usage: python3 bench/diag/pairs.py --reps 6 --workloads a1,c,plan \\
         /tmp/snap-base/swarmplay /tmp/snap-new/swarmplay

Each argument is a launcher (or a command template with {inventory} and {playbook}, as bench/run's
--swarmplay-cmd). For every repetition the commands run one after the other, the first one first on
even repetitions and last on odd ones, from the state bench/run resets before each run, so background
load hits both alike. Prints per workload and command the median wall and CPU seconds (user+sys of the
process tree, wait4) with min-max: the figures to compare a change by, beside bench/run's tables.
Needs the bench hosts (bench/run starts them; an sshd already answering there is used).
"""
import argparse
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import bench as B  # noqa: E402
import hosts as H  # noqa: E402


def command(arg):
    return arg if "{playbook}" in arg else arg + " -i {inventory} {playbook}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=6)
    ap.add_argument("--workloads", default="a1,c")
    ap.add_argument("commands", nargs=2)
    args = ap.parse_args()
    B.ensure_data()
    hosts = H.Hosts()
    hosts.up()
    try:
        runners = [B.Swarmplay(None, command(c)) for c in args.commands]
        for i, c in enumerate(args.commands):
            print(f"#{i + 1}: {c}")
        for w in args.workloads.split(","):
            runs = {i: [] for i in range(len(runners))}
            for rep in range(args.reps):
                order = range(len(runners)) if rep % 2 == 0 else reversed(range(len(runners)))
                for i in order:
                    B.prepare(w, runners[i])
                    res = runners[i].run(w)
                    if res.rc not in B.EXPECT_OUTPUT.get(w, ("", (0,)))[1]:
                        print(f"{w} {args.commands[i]}: rc={res.rc}\n{res.out[-600:]}", file=sys.stderr)
                        continue
                    runs[i].append(res)
            for i, c in enumerate(args.commands):
                walls = [r.wall for r in runs[i]]
                cpus = [r.cpu for r in runs[i]]
                if walls:
                    print(f"{w:5} #{i + 1} n={len(walls)} wall {statistics.median(walls):5.2f} "
                          f"({min(walls):.2f}-{max(walls):.2f})  cpu {statistics.median(cpus):5.2f} "
                          f"({min(cpus):.2f}-{max(cpus):.2f})")
    finally:
        hosts.down()


if __name__ == "__main__":
    main()
