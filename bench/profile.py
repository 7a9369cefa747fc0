#!/usr/bin/env python3
"""Where swarmplay's time goes on the bench workloads (diagnostics, not the comparison).

Usage: bench/profile [--reps 5] [--workloads a1,a,b,c,c2,e,e2] [--strace] [--jfr a,c2]

For every workload, swarmplay runs with --json; each event line is time-stamped as it arrives, so a run
splits into:
  first_event   process start -> first JSON event (JVM start-up, class loading, playbook/inventory load)
  tasks         first event -> run_finished (the tasks; the first task on a host includes its SSH connect)
  exit          run_finished -> process exit (closing connections, JVM shutdown)
and the per task-host `duration_ms` of the engine's own events (median, first task, sum).

--strace   counts the commands sshd runs for each workload (strace -f -e execve on the bench sshd
           listeners; needs the sshds started by this script), i.e. remote commands per task
--jfr W    records a JFR profile (jdk.ExecutionSample, 10 ms) over the runs of workloads W and prints
           the hottest frames (self time, and the first io.swarmplay frame on each stack)
"""
import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench as B  # noqa: E402
import hosts as H  # noqa: E402

DEFAULT_OPTS = "-XX:+UseSerialGC -Xss1m -Xmx1g"  # the launcher's default


def timed_json_run(w, env=None):
    pb = os.path.join(B.PB, B.PLAYBOOKS[w])
    argv = [B.SWARMPLAY, "-i", B.INVENTORY, pb, "--json"]
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=B.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    events = []
    for line in p.stdout:
        t = time.perf_counter() - t0
        try:
            events.append((t, json.loads(line)))
        except ValueError:
            events.append((t, {"event": "text", "line": line}))
    err = p.stderr.read()
    rc = p.wait()
    wall = time.perf_counter() - t0
    return rc, wall, events, err


def analyse(rc, wall, events):
    first = events[0][0] if events else None
    finished = next((t for t, e in events if e.get("event") == "run_finished"), None)
    tasks = [(t, e) for t, e in events if e.get("event") == "host_finished"]
    durs = [e.get("duration_ms", 0) for _, e in tasks]
    by_task = collections.OrderedDict()
    for _, e in tasks:
        by_task.setdefault(e["task"], []).append(e.get("duration_ms", 0))
    recap = next((e.get("recap") for _, e in events if e.get("event") == "run_finished"), None)
    return {"rc": rc, "wall": wall, "first_event": first, "tasks_span": (finished - first) if finished else None,
            "exit": (wall - finished) if finished else None, "n": len(durs),
            "task_ms_median": statistics.median(durs) if durs else None,
            "task_ms_first": durs[0] if durs else None,
            "task_ms_sum_max_over_hosts": sum(max(v) for v in by_task.values()),
            "per_task_max_ms": [max(v) for v in by_task.values()],
            "changed": sum(h["changed"] for h in recap.values()) if recap else None,
            "statuses": collections.Counter(e.get("status") for _, e in tasks)}


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def strace_counts(hosts, workloads):
    pids = [p.pid for p in hosts.started.values()]
    if len(pids) != 2:
        B.log("--strace needs the sshds started by this script (they were already running); skipped")
        return
    for w in workloads:
        B.prepare(w, None) if w != "e2" else None
        if w == "e2" and not B.e_converged():
            B.prepare("e", None)
            timed_json_run("e")
        out = tempfile.mktemp(prefix="spbench-strace-")
        st = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=execve", "-s", "300", "-o", out,
                               *sum((["-p", str(p)] for p in pids), [])], stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        rc, wall, events, _ = timed_json_run(w)
        time.sleep(0.3)
        st.terminate()
        st.wait()
        cmds = collections.Counter()
        with open(out) as f:
            for line in f:
                # sshd runs each command (and the sftp subsystem) as `<login shell> -c CMD`: count those only
                m = re.search(r'execve\("/bin/bash", \["bash", "-c", "(.*?)"(?:\.\.\.)?\]', line)
                if m:
                    c = m.group(1)
                    c = re.sub(r"/tmp/\S+", "PATH", c)
                    cmds[c[:110]] += 1
        os.unlink(out)
        ntasks = sum(1 for _, e in events if e.get("event") == "host_finished")
        total = sum(cmds.values())
        print(f"\n[{w}] remote commands run by sshd: {total} for {ntasks} task-host steps "
              f"({total / max(ntasks, 1):.2f} per step)")
        for c, n in cmds.most_common(8):
            print(f"    {n:4d} × {c}")


def jfr_profile(workloads, reps):
    samples_self = collections.Counter()
    samples_sp = collections.Counter()
    total = 0
    for w in workloads:
        for i in range(reps):
            rec = tempfile.mktemp(prefix="spbench-", suffix=".jfr")
            env = dict(os.environ, SWARMPLAY_JAVA_OPTS=DEFAULT_OPTS +
                       f" -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename={rec},settings=profile")
            B.prepare(w, None) if w != "e2" else None
            timed_json_run(w, env)
            p = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", rec],
                               capture_output=True, text=True)
            os.unlink(rec)
            try:
                doc = json.loads(p.stdout)
            except ValueError:
                continue
            for ev in doc["recording"]["events"]:
                frames = ev["values"]["stackTrace"]["frames"]
                if not frames:
                    continue
                total += 1
                f0 = frames[0]["method"]
                samples_self[f"{f0['type']['name'].replace('/', '.')}.{f0['name']}"] += 1
                for fr in frames:
                    t = fr["method"]["type"]["name"].replace("/", ".")
                    if t.startswith("io.swarmplay"):
                        samples_sp[f"{t}.{fr['method']['name']}"] += 1
                        break
                else:
                    samples_sp["(no io.swarmplay frame: " + frames[-1]["method"]["type"]["name"].replace("/", ".") + ")"] += 1
    print(f"\nJFR execution samples over {reps} run(s) of {','.join(workloads)}: {total} samples (Java threads only)")
    print("  top self frames:")
    for k, n in samples_self.most_common(15):
        print(f"    {n:5d} {100 * n / max(total, 1):5.1f}%  {k}")
    print("  innermost io.swarmplay frame:")
    for k, n in samples_sp.most_common(15):
        print(f"    {n:5d} {100 * n / max(total, 1):5.1f}%  {k}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--workloads", default="s,a1,a,b,c,c2,e,e2")
    ap.add_argument("--strace", action="store_true")
    ap.add_argument("--jfr", default="")
    args = ap.parse_args()
    B.ensure_data()
    subprocess.run([B.SWARMPLAY, "--version"], check=True, stdout=subprocess.DEVNULL)
    hosts = H.Hosts()
    hosts.up()
    try:
        print(f"load before: {os.getloadavg()}")
        ver = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            subprocess.run([B.SWARMPLAY, "--version"], stdout=subprocess.DEVNULL, check=True)
            ver.append(time.perf_counter() - t0)
        print(f"swarmplay --version: median {med(ver):.3f} s (min {min(ver):.3f}, max {max(ver):.3f})")
        wl = [w for w in args.workloads.split(",") if w]
        rows = collections.defaultdict(list)
        for rep in range(args.reps):
            for w in wl:
                if w == "e2":
                    if not B.e_converged():
                        B.prepare("e", None)
                        timed_json_run("e")
                else:
                    B.prepare(w, None)
                rc, wall, events, err = timed_json_run(w)
                a = analyse(rc, wall, events)
                if rc != 0:
                    print(f"FAILED {w} rc={rc}: {err[-1500:]}")
                rows[w].append(a)
        print("\nseconds (median of runs); task ms from the engine's duration_ms events")
        print(f"{'wl':>3} {'wall':>6} {'1st-ev':>7} {'tasks':>6} {'exit':>6} {'steps':>5} {'task-ms-med':>11} "
              f"{'1st-task-ms':>11} {'Σ(max/host)ms':>13} changed")
        for w, rs in rows.items():
            print(f"{w:>3} {med([r['wall'] for r in rs]):6.3f} {med([r['first_event'] for r in rs]):7.3f} "
                  f"{med([r['tasks_span'] for r in rs]):6.3f} {med([r['exit'] for r in rs]):6.3f} {rs[0]['n']:5d} "
                  f"{med([r['task_ms_median'] for r in rs]):11.1f} {med([r['task_ms_first'] for r in rs]):11.0f} "
                  f"{med([r['task_ms_sum_max_over_hosts'] for r in rs]):13.0f} {[r['changed'] for r in rs]}")
            if len(rs[0]["per_task_max_ms"]) <= 4:
                for k in range(len(rs[0]["per_task_max_ms"])):
                    print(f"      task {k + 1}: {med([r['per_task_max_ms'][k] for r in rs if len(r['per_task_max_ms']) > k]):.0f} ms")
        if args.strace:
            strace_counts(hosts, [w for w in wl if w != "s"])
        if args.jfr:
            jfr_profile([w for w in args.jfr.split(",") if w], args.reps)
        print(f"load after: {os.getloadavg()}")
    finally:
        hosts.down()
        for w in ("b", "c", "e"):
            B.prepare(w, None)


if __name__ == "__main__":
    main()
