#!/usr/bin/env python3
"""swarmplay vs ansible-playbook vs the physical floor, on two loopback sshd hosts.

Usage: bench/run [--reps 5] [--workloads s,a1,a,b,c,c2,e,e2] [--runners ansible-default,ansible-fast,swarmplay,floor]

Workloads (bench/workloads/playbooks, byte-identical copies of the shared Ansible baseline's):
  s   one debug on implicit localhost: start-up only
  a1  1 x command /bin/true on both hosts: fixed cost of a run
  a   50 x command /bin/true on both hosts (100 task-host executions)
  b   20 x copy of a 1 KiB file to both hosts (destinations deleted first -> all changed)
  c   copy of 100 MiB (random) to host-1, destination absent (changed)
  c2  the same with the destination already identical (must report changed=0)
  e   cross-host bundle: made on host-1, slurped, installed on host-2 (fresh state)
  e2  the same on the converged state (must report changed=0)
  v     swarmplay --version (JVM start-up; the yardstick of the plan workload)
  plan  the README's offline plan: -i inventory/two-hosts.yaml playbooks/cifar10-spire.yaml --plan --offline
        (swarmplay only: Ansible has no offline plan; target <= 1.5x v)

Runners:
  ansible-default  ansible-playbook, nothing overridden (ssh -C, ControlPersist 60s, no pipelining)
  ansible-fast     ansible-playbook with pipelining and ControlPersist=600s
  ansible-fastnc   (optional) ansible-fast without ssh -C
  swarmplay        <repo>/swarmplay -i {inventory} {playbook}
  floor            plain OpenSSH: ControlMaster + `ssh true` (a, a1), ControlMaster + `cat >` (b),
                   scp (c), fresh ssh sha256sum beside a local sha256sum (c2), ssh commands (e)

Every Ansible run gets a fresh ControlPath directory and its masters are closed afterwards (cold
connections, like a fresh swarmplay process). Runners are interleaved per repetition (their order
rotates every repetition) so background load hits them alike; state is reset with local rm/cp
before each run (both "hosts" are this machine). Results: median (min-max) of the wall time of the
whole runner process, plus the load average at the start of each run.
"""
import argparse
import hashlib
import json
import os
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import hosts as H  # noqa: E402

INVENTORY = os.path.join(HERE, "workloads", "inventory.yml")
PB = os.path.join(HERE, "workloads", "playbooks")
SWARMPLAY = os.path.join(ROOT, "swarmplay")
DATA = "/tmp/swarmplay-bench-data"  # named by the playbooks
SMALL = os.path.join(DATA, "small-1k.bin")
BIG = os.path.join(DATA, "big-100m.bin")
BIG_DEST = "/tmp/spbench-host-1-big-100m.bin"
BUNDLE_DIR = "/tmp/spbench-host-1-certs"
BUNDLE = BUNDLE_DIR + "/bundle.pem"
BUNDLE_DEST = "/tmp/spbench-host-2-bundle.pem"

PLAYBOOKS = {"s": "s-startup-local-debug.yml", "a1": "a1-command-true-x1.yml", "a": "a-command-true-x50.yml",
             "b": "b-copy-1k-x20.yml", "c": "c-copy-100m.yml", "c2": "c-copy-100m.yml",
             "e": "e-crosshost-bundle.yml", "e2": "e-crosshost-bundle.yml", "v": None, "plan": None}
# swarmplay-only workloads: the arguments replace "-i INVENTORY PLAYBOOK"
SWARMPLAY_ONLY = {"v": ["--version"],
                  "plan": ["-i", os.path.join(ROOT, "inventory", "two-hosts.yaml"),
                           os.path.join(ROOT, "playbooks", "cifar10-spire.yaml"), "--plan", "--offline"]}
ALL_WORKLOADS = "s,a1,a,b,c,c2,e,e2,v,plan"
ALL_RUNNERS = "ansible-default,ansible-fast,swarmplay,floor"
# what the PLAY RECAP must say: total changed over all hosts (None = any), never failed/unreachable
EXPECT_CHANGED = {"s": 0, "a1": 2, "a": 100, "b": 40, "c": 1, "c2": 0, "e": 3, "e2": 0}
# the offline plan exits 2: it marks the step that needs the Swarm Learning wheel (README)
EXPECT_OUTPUT = {"v": ("swarmplay ", (0,)), "plan": ("\nPlan: ", (0, 2))}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def stats(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return {"n": len(xs), "median": statistics.median(xs), "min": min(xs), "max": max(xs)}


# ---------------------------------------------------------------- set-up

def ensure_packages():
    need = []
    if not shutil.which("ansible-playbook"):
        need.append("ansible")
    if not os.path.exists("/usr/sbin/sshd"):
        need.append("openssh-server")
    if not shutil.which("ssh") or not shutil.which("scp"):
        need.append("openssh-client")
    if not need:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"missing {' '.join(need)}; run as root or: apt-get install -y {' '.join(need)}")
    log(f"installing {' '.join(need)} (apt-get) ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    r = subprocess.run(["apt-get", "install", "-y", *need], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", *need], env=env, check=True, stdout=subprocess.DEVNULL)


def verify_workloads():
    """The playbooks and inventory must be the baseline's bytes (swarmplay runs them unchanged)."""
    with open(os.path.join(HERE, "workloads", "SHA256SUMS")) as f:
        for line in f:
            digest, name = line.split()
            with open(os.path.join(HERE, "workloads", name), "rb") as g:
                if hashlib.sha256(g.read()).hexdigest() != digest:
                    raise SystemExit(f"bench/workloads/{name} differs from the baseline copy (SHA256SUMS)")


def ensure_data():
    os.makedirs(DATA, exist_ok=True)
    if not os.path.exists(SMALL) or os.path.getsize(SMALL) != 1024:
        with open(SMALL, "wb") as f:
            f.write(os.urandom(1024))
    if not os.path.exists(BIG) or os.path.getsize(BIG) != 100 * 1024 * 1024:
        with open(BIG, "wb") as f:
            for _ in range(100):
                f.write(os.urandom(1024 * 1024))


def rm(*paths):
    for p in paths:
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p, ignore_errors=True)
        elif os.path.lexists(p):
            os.unlink(p)


def same_file(a, b):
    try:
        if os.path.getsize(a) != os.path.getsize(b):
            return False
        with open(a, "rb") as f, open(b, "rb") as g:
            while True:
                x, y = f.read(1 << 20), g.read(1 << 20)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def e_converged():
    try:
        return (os.stat(BUNDLE_DIR).st_mode & 0o777 == 0o700 and same_file(BUNDLE, BUNDLE_DEST)
                and os.stat(BUNDLE_DEST).st_mode & 0o777 == 0o644)
    except OSError:
        return False


def prepare(w, runner):
    """Resets the state a workload starts from; the hosts are this machine, so plain rm/cp does it."""
    if w == "b":
        for h in H.HOSTS:
            for i in range(1, 21):
                rm(f"/tmp/spbench-{h}-small-{i:02d}.bin")
    elif w == "c":
        rm(BIG_DEST)
    elif w == "c2":
        if not (same_file(BIG, BIG_DEST) and os.stat(BIG_DEST).st_mode & 0o777 == 0o644):
            rm(BIG_DEST)
            shutil.copyfile(BIG, BIG_DEST)
            os.chmod(BIG_DEST, 0o644)
    elif w == "e":
        rm(BUNDLE_DIR, BUNDLE_DEST)
    elif w == "e2":
        if not e_converged():
            rm(BUNDLE_DIR, BUNDLE_DEST)
            runner.run("e", untimed=True)  # converge first (not timed), as the baseline does
    subprocess.run(["sync"])


# ---------------------------------------------------------------- runners

RECAP = re.compile(r"^(\S+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.M)


def recap(out):
    return {m.group(1): {"ok": int(m.group(2)), "changed": int(m.group(3)), "unreachable": int(m.group(4)),
                         "failed": int(m.group(5))} for m in RECAP.finditer(out)}


class Result:
    def __init__(self, rc, wall, cpu, out, extra=None, rss_mb=None):
        self.rc, self.wall, self.cpu, self.out, self.rss_mb = rc, wall, cpu, out, rss_mb
        self.extra = extra or {}
        self.recap = recap(out)


class ProcessRunner:
    def __init__(self, label, logdir):
        self.label = label
        self.logdir = logdir

    def argv_env(self, playbook):
        raise NotImplementedError

    def cleanup(self):
        pass

    def workload_argv(self, w):
        """The command of workload w, or None when this runner does not run it."""
        if w in SWARMPLAY_ONLY:
            return None
        return self.argv_env(os.path.join(PB, PLAYBOOKS[w]))

    def run(self, w, untimed=False, tag=""):
        spec = self.workload_argv(w)
        if spec is None:
            return None
        argv, env = spec
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        chunks = []
        reader = threading.Thread(target=lambda: chunks.append(p.stdout.read()))
        reader.start()
        # wait4: this process's own rusage (CPU of it and the children it waited for; peak RSS of the
        # largest of them: the JVM, which the launcher execs)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        reader.join()
        p.returncode = os.waitstatus_to_exitcode(status)
        self.cleanup()
        out = b"".join(chunks).decode(errors="replace")
        cpu = ru.ru_utime + ru.ru_stime
        rss_mb = ru.ru_maxrss / 1024
        if not untimed and self.logdir:
            with open(os.path.join(self.logdir, f"{self.label}-{w}{tag}.log"), "w") as f:
                f.write(f"$ {' '.join(shlex.quote(a) for a in argv)}\n# rc={p.returncode} wall={wall:.3f}s "
                        f"peak RSS {rss_mb:.0f} MB\n{out}")
        return Result(p.returncode, wall, cpu, out, rss_mb=rss_mb)


class Ansible(ProcessRunner):
    def __init__(self, profile, logdir):
        super().__init__(f"ansible-{profile}", logdir)
        self.cfg = os.path.join(HERE, "ansible", f"{profile}.cfg")
        if not os.path.exists(self.cfg):
            raise SystemExit(f"no {self.cfg}")
        self.cpdir = None

    def argv_env(self, playbook):
        self.cpdir = tempfile.mkdtemp(prefix="spbench-cp-")
        env = dict(os.environ, ANSIBLE_CONFIG=self.cfg, ANSIBLE_SSH_CONTROL_PATH_DIR=self.cpdir, ANSIBLE_NOCOLOR="1",
                   ANSIBLE_RETRY_FILES_ENABLED="0")
        return ["ansible-playbook", "-i", INVENTORY, playbook], env

    def cleanup(self):
        # close this run's ControlPersist masters: every run pays for its own connections
        for s in os.listdir(self.cpdir):
            subprocess.run(["ssh", "-o", f"ControlPath={os.path.join(self.cpdir, s)}", "-O", "exit", "x"],
                           capture_output=True)
        shutil.rmtree(self.cpdir, ignore_errors=True)


class Swarmplay(ProcessRunner):
    def __init__(self, logdir, command):
        super().__init__("swarmplay", logdir)
        self.command = command

    def argv_env(self, playbook):
        return shlex.split(self.command.format(inventory=shlex.quote(INVENTORY), playbook=shlex.quote(playbook),
                                               swarmplay=shlex.quote(SWARMPLAY))), dict(os.environ)

    def workload_argv(self, w):
        if w not in SWARMPLAY_ONLY:
            return super().workload_argv(w)
        argv, env = self.argv_env("PLAYBOOK")
        at = argv.index("-i")  # the template's "-i {inventory} {playbook}" becomes the workload's arguments
        return argv[:at] + SWARMPLAY_ONLY[w] + argv[at + 3:], env


class Floor:
    """What plain OpenSSH tools need for the same work (the physical floor on this machine)."""

    label = "floor"

    def __init__(self, logdir):
        self.logdir = logdir

    @staticmethod
    def _q(argv, stdin=None):
        r = subprocess.run(argv, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)}: rc={r.returncode} {r.stderr.decode(errors='replace')[-300:]}")

    @staticmethod
    def _parallel(fn, items):
        errors = []

        def wrap(x):
            try:
                fn(x)
            except Exception as e:  # noqa: BLE001
                errors.append(e)
        ts = [threading.Thread(target=wrap, args=(x,)) for x in items]
        [t.start() for t in ts]
        [t.join() for t in ts]
        if errors:
            raise errors[0]

    def run(self, w, untimed=False, tag=""):
        if w in SWARMPLAY_ONLY or w == "s":
            return None
        cp = tempfile.mkdtemp(prefix="spbench-floor-")
        cm = lambda h: H.ssh_argv(h, ["-o", f"ControlPath={cp}/{h}"])  # noqa: E731
        extra = {}
        rc = 0
        out = ""
        t0 = time.perf_counter()
        try:
            def master(h):
                self._q(H.ssh_argv(h, ["-o", f"ControlPath={cp}/{h}", "-M", "-N", "-f", "-o", "ControlPersist=120"]))

            if w in ("a", "a1", "b", "e", "e2"):
                self._parallel(master, list(H.HOSTS))
                extra["connect_s"] = time.perf_counter() - t0
            if w in ("a", "a1"):
                n = 50 if w == "a" else 1
                self._parallel(lambda h: [self._q(cm(h) + ["/bin/true"]) for _ in range(n)], list(H.HOSTS))
            elif w == "b":
                def put(h):
                    for i in range(1, 21):
                        d = f"/tmp/spbench-{h}-small-{i:02d}.bin"
                        with open(SMALL, "rb") as f:
                            self._q(cm(h) + [f"cat > {d} && chmod 0644 {d}"], stdin=f)
                self._parallel(put, list(H.HOSTS))
            elif w == "c":
                self._q(H.scp_argv() + [BIG, f"root@{H.HOSTS['host-1'][0]}:{BIG_DEST}"])
            elif w == "c2":
                # the idempotency check: checksum on the target and on the control node, in parallel
                self._parallel(lambda x: self._q(x), [H.ssh_argv("host-1") + [f"sha256sum {BIG_DEST}"],
                                                     ["sha256sum", BIG]])
            elif w in ("e", "e2"):
                self._q(cm("host-1") + [f"mkdir -p {BUNDLE_DIR} && chmod 0700 {BUNDLE_DIR}"])
                self._q(cm("host-1") + [f"[ -e {BUNDLE} ] || head -c 2048 /dev/urandom | base64 > {BUNDLE}"])
                data = subprocess.run(cm("host-1") + [f"cat {BUNDLE}"], capture_output=True, check=True).stdout
                r = subprocess.run(cm("host-2") + [f"cat > {BUNDLE_DEST}.tmp && chmod 0644 {BUNDLE_DEST}.tmp "
                                                   f"&& mv {BUNDLE_DEST}.tmp {BUNDLE_DEST}"], input=data,
                                   capture_output=True)
                if r.returncode:
                    raise RuntimeError(r.stderr.decode())
            else:
                return None
        except Exception as e:  # noqa: BLE001
            rc, out = 1, str(e)
        wall = time.perf_counter() - t0
        for h in H.HOSTS:
            subprocess.run(H.ssh_argv(h, ["-o", f"ControlPath={cp}/{h}", "-O", "exit"]), capture_output=True)
        shutil.rmtree(cp, ignore_errors=True)
        if "connect_s" in extra:
            extra["work_s"] = wall - extra["connect_s"]
        res = Result(rc, wall, None, out, extra)
        res.recap = None
        return res


# ---------------------------------------------------------------- main loop

def check(w, res):
    """None when the run did what the workload expects; else why not."""
    if w in EXPECT_OUTPUT:
        text, rcs = EXPECT_OUTPUT[w]
        if res.rc not in rcs:
            return f"rc={res.rc}"
        return None if text in res.out else f"no {text.strip()!r} in the output"
    if res.rc != 0:
        return f"rc={res.rc}"
    if res.recap is None:  # floor
        return None
    if not res.recap:
        return "no PLAY RECAP in the output"
    bad = {h: c for h, c in res.recap.items() if c["failed"] or c["unreachable"]}
    if bad:
        return f"failed/unreachable: {bad}"
    changed = sum(c["changed"] for c in res.recap.values())
    if EXPECT_CHANGED[w] is not None and changed != EXPECT_CHANGED[w]:
        return f"changed={changed}, expected {EXPECT_CHANGED[w]}"
    return None


def fmt(s, unit="s"):
    if not s:
        return "n/a"
    return f"{s['median']:.2f} ({s['min']:.2f}–{s['max']:.2f})"


def summarize(results):
    lines = []
    wl = results["workloads"]
    labels = results["runners"]
    la = results["load"]
    lines.append(f"swarmplay bench, {results['started']} UTC, {results['reps']} reps, {results['nproc']} cores; "
                 f"load1 during runs: median {la['median']:.2f} (min {la['min']:.2f}, max {la['max']:.2f}); "
                 f"loadavg start {results['loadavg_start']}, end {results['loadavg_end']}")
    lines.append("wall seconds, median (min–max); n = successful runs; ✗ = failed runs")
    header = "| workload | " + " | ".join(labels) + " | default ÷ sp | fast ÷ sp | sp ÷ floor |"
    lines.append(header)
    lines.append("|" + "---|" * (len(labels) + 4))
    for w, per in wl.items():
        cells = []
        for lab in labels:
            r = per.get(lab)
            if not r or not r["wall"]:
                cells.append("–" if not r or not r["failed"] else f"✗{len(r['failed'])}")
                continue
            c = fmt(r["wall"])
            if r["failed"]:
                c += f" ✗{len(r['failed'])}"
            cells.append(c)
        med = {lab: per[lab]["wall"]["median"] for lab in labels if per.get(lab) and per[lab]["wall"]}
        sp = med.get("swarmplay")
        ratio = lambda other: f"{med[other] / sp:.1f}×" if sp and other in med else "–"  # noqa: E731
        floor = f"{sp / med['floor']:.2f}×" if sp and "floor" in med else "–"
        lines.append(f"| {w.upper()} | " + " | ".join(cells) + f" | {ratio('ansible-default')} | {ratio('ansible-fast')} "
                     f"| {floor} |")
    lines.append("")
    # targets
    def med(w, lab):
        r = wl.get(w, {}).get(lab)
        return r["wall"]["median"] if r and r["wall"] else None
    targets = []
    sa, fa, fl = med("a", "swarmplay"), med("a", "ansible-fast"), med("a", "floor")
    if sa and fa:
        targets.append(("A ≥ 10× faster than ansible-fast", f"{fa / sa:.1f}×", fa / sa >= 10))
    if sa and fl:
        targets.append(("A ≤ 2× the ssh ControlMaster floor", f"{sa / fl:.2f}×", sa / fl <= 2))
    sb, fb = med("b", "swarmplay"), med("b", "ansible-fast")
    if sb and fb:
        targets.append(("B ≥ 10× faster than ansible-fast", f"{fb / sb:.1f}×", fb / sb >= 10))
    sc, fc = med("c", "swarmplay"), med("c", "floor")
    if sc and fc:
        targets.append(("C ≤ 1.3× scp", f"{sc / fc:.2f}×", sc / fc <= 1.3))
    sp_plan, sp_v = med("plan", "swarmplay"), med("v", "swarmplay")
    if sp_plan and sp_v:
        targets.append(("offline plan ≤ 1.5× --version", f"{sp_plan / sp_v:.2f}×", sp_plan / sp_v <= 1.5))
    for w in ("c2", "e2"):
        r = wl.get(w, {}).get("swarmplay")
        if r:
            ok = not r["failed"] and r["wall"] is not None
            targets.append((f"{w.upper()} swarmplay reports changed=0 in every run", f"{r['wall']['n'] if r['wall'] else 0}"
                            f"/{r['wall']['n'] + len(r['failed']) if r['wall'] else len(r['failed'])} ok", ok))
    if targets:
        lines.append("| target | measured | met |")
        lines.append("|---|---|---|")
        for t, v, ok in targets:
            lines.append(f"| {t} | {v} | {'yes' if ok else 'NO'} |")
        lines.append("")
    extras = wl.get("a", {}).get("floor")
    if extras and extras.get("extra"):
        lines.append("floor A split: master connect (2 hosts in parallel) " + fmt(extras["extra"].get("connect_s")) +
                     " s + 50 × ssh true per host " + fmt(extras["extra"].get("work_s")) + " s")
    for w, per in wl.items():
        for lab, r in per.items():
            if r.get("cpu") and r["cpu"]["median"]:
                pass
            for f in r["failed"]:
                lines.append(f"FAILED {lab} {w} rep {f['rep']}: {f['why']} (log {f['log']})")
    cpu = []
    for w, per in wl.items():
        for lab, r in per.items():
            if r.get("cpu"):
                cpu.append(f"{lab} {w} {r['cpu']['median']:.2f}")
    if cpu:
        lines.append("controller CPU (user+sys of the runner process tree, median s): " + "; ".join(cpu))
    rss = [f"{w} {r['rss_mb']['median']:.0f} (max {r['rss_mb']['max']:.0f})" for w, per in wl.items()
           for lab, r in per.items() if lab == "swarmplay" and r.get("rss_mb")]
    if rss:
        lines.append("swarmplay peak RSS (MB, median): " + "; ".join(rss))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--workloads", default=ALL_WORKLOADS)
    ap.add_argument("--runners", default=ALL_RUNNERS)
    ap.add_argument("--swarmplay-cmd", default="{swarmplay} -i {inventory} {playbook}",
                    help="swarmplay command template ({swarmplay}, {inventory}, {playbook})")
    ap.add_argument("--out", default=os.path.join(HERE, "results"), help="directory for results and logs")
    ap.add_argument("--no-warmup", action="store_true")
    args = ap.parse_args()

    workloads = [w for w in args.workloads.split(",") if w]
    for w in workloads:
        if w not in PLAYBOOKS:
            ap.error(f"unknown workload {w}")
    ensure_packages()
    verify_workloads()
    ensure_data()
    run_id = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    logdir = os.path.join(args.out, "logs", run_id)
    os.makedirs(logdir, exist_ok=True)

    runners = []
    for name in [r for r in args.runners.split(",") if r]:
        if name.startswith("ansible-"):
            runners.append(Ansible(name[len("ansible-"):], logdir))
        elif name == "swarmplay":
            runners.append(Swarmplay(logdir, args.swarmplay_cmd))
        elif name == "floor":
            runners.append(Floor(logdir))
        else:
            ap.error(f"unknown runner {name}")
    if any(r.label == "swarmplay" for r in runners):
        # builds the jar when stale, outside the timed runs
        subprocess.run([SWARMPLAY, "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    hosts = H.Hosts()
    hosts.up()
    results = {"started": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "reps": args.reps,
               "nproc": os.cpu_count(), "loadavg_start": [round(x, 2) for x in os.getloadavg()],
               "runners": [r.label for r in runners], "workloads": {}}
    acc = {w: {r.label: {"walls": [], "cpus": [], "rss": [], "loads": [], "failed": [], "extra": {}} for r in runners}
           for w in workloads}
    try:
        if not args.no_warmup:
            log("warm-up (untimed): a1 once per runner")
            for r in runners:
                r.run("a1", untimed=True)
        for rep in range(args.reps):
            order = runners[rep % len(runners):] + runners[:rep % len(runners)]
            for w in workloads:
                for r in order:
                    if isinstance(r, Floor) and w == "s":
                        continue
                    prepare(w, r)
                    load1 = os.getloadavg()[0]
                    res = r.run(w, tag=f"-{rep + 1}")
                    if res is None:
                        continue
                    a = acc[w][r.label]
                    why = check(w, res)
                    a["loads"].append(load1)
                    if why:
                        a["failed"].append({"rep": rep + 1, "why": why, "log": os.path.join(logdir, f"{r.label}-{w}-{rep + 1}.log"),
                                            "tail": res.out[-2000:]})
                        if isinstance(r, Floor):
                            with open(os.path.join(logdir, f"floor-{w}-{rep + 1}.log"), "w") as f:
                                f.write(res.out)
                    else:
                        a["walls"].append(res.wall)
                        a["cpus"].append(res.cpu)
                        a["rss"].append(res.rss_mb)
                        for k, v in res.extra.items():
                            a["extra"].setdefault(k, []).append(v)
                    log(f"rep {rep + 1}/{args.reps} {w:>2} {r.label:<16} rc={res.rc} wall={res.wall:6.2f}s "
                        f"load1={load1:.2f}" + (f"  FAILED: {why}" if why else ""))
    finally:
        hosts.down()
        # leave no bench files behind on the "hosts"
        for w in ("b", "c", "e"):
            prepare(w, None)

    all_loads = []
    for w in workloads:
        results["workloads"][w] = {}
        for lab, a in acc[w].items():
            if not a["walls"] and not a["failed"]:
                continue
            all_loads += a["loads"]
            results["workloads"][w][lab] = {
                "wall": stats(a["walls"]), "walls": a["walls"], "cpu": stats(a["cpus"]), "rss_mb": stats(a["rss"]),
                "load1": stats(a["loads"]), "failed": a["failed"],
                "extra": {k: stats(v) for k, v in a["extra"].items()}}
    results["load"] = stats(all_loads) or {"median": 0, "min": 0, "max": 0}
    results["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    text = summarize(results)
    with open(os.path.join(args.out, f"bench-{run_id}.json"), "w") as f:
        json.dump(results, f, indent=1)
    with open(os.path.join(args.out, f"summary-{run_id}.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    print(f"\nresults: {args.out}/bench-{run_id}.json, summary-{run_id}.md, logs in {logdir}")
    failed = any(r["failed"] for per in results["workloads"].values() for r in per.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
