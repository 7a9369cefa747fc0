#!/usr/bin/env bash
# Benchmark (prints figures; not a test): workload D of the Ansible baseline
# (bench/workloads/playbooks/d-docker-lifecycle.yml, a byte-identical copy) run by `./swarmplay -i <inventory> <playbook>`, against the
# plain docker CLI doing the same steps (the floor). Prints per-step medians and ratios.
#   bench/docker/run.sh [runs] [workloads-dir]     (defaults: 7, bench/workloads)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-7}"
baseline="${2:-$root/bench/workloads}"
playbook="$baseline/playbooks/d-docker-lifecycle.yml"
inventory="$baseline/inventory.yml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck source=scripts/prereqs.sh
. "$root/scripts/prereqs.sh"
ensure_build_tools
ensure_docker

# the workload's image: busybox-static with only sh, cat, echo, ls and sleep (no registry needed)
if ! docker image inspect local/busybox:1 >/dev/null 2>&1; then
  mkdir -p "$work/rootfs/bin" "$work/rootfs/tmp"
  cp /bin/busybox "$work/rootfs/bin/busybox"
  for a in sh cat echo ls sleep; do ln -s busybox "$work/rootfs/bin/$a"; done
  tar -C "$work/rootfs" -cf - . | docker import - local/busybox:1 >/dev/null
fi

clean() {
  docker rm -f spbench-c1 >/dev/null 2>&1 || true
  docker network rm spbench-net >/dev/null 2>&1 || true
  docker volume rm spbench-vol >/dev/null 2>&1 || true
}

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# one swarmplay run: per-task durations from the JSON events, plus the whole process
swarmplay_run() {
  local start out
  start=$(date +%s%N)
  out="$("$root/swarmplay" --json -i "$inventory" "$playbook")" || { echo "swarmplay failed:"; echo "$out"; exit 1; } >&2
  echo "total $(ms "$start")"
  echo "$out" | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e.get("event") == "host_finished":
        if e["task"].startswith("D4") and e["status"] != "ok":
            sys.exit("D4 was not ok: " + line)
        print(e["task"].split()[0], e["duration_ms"])'
}

cli_step() {
  local name="$1" start
  shift
  start=$(date +%s%N)
  "$@" >/dev/null
  echo "$name $(ms "$start")"
}

cli_run() {
  local start
  start=$(date +%s%N)
  {
    cli_step D1 docker volume create spbench-vol
    cli_step D2 docker network create spbench-net
    cli_step D3 docker run -d --name spbench-c1 --network spbench-net -v spbench-vol:/data local/busybox:1 sleep 300
    cli_step D4 docker inspect spbench-c1
    cli_step D5 docker exec spbench-c1 /bin/sh -c "echo hello > /data/hello && cat /data/hello"
    cli_step D6 docker rm -f spbench-c1
    cli_step D7 docker network rm spbench-net
    cli_step D8 docker volume rm spbench-vol
  }
  echo "total $(ms "$start")"
}

"$root/swarmplay" --version >/dev/null   # builds the jar if needed, outside the timings
clean
"$root/swarmplay" -i "$inventory" "$playbook" >/dev/null   # warm the page cache once
for _ in $(seq "$runs"); do   # interleaved, so background load hits both alike
  clean; swarmplay_run >>"$work/swarmplay.txt"
  clean; cli_run >>"$work/cli.txt"
done
clean

python3 - "$work/swarmplay.txt" "$work/cli.txt" "$runs" <<'PY'
import statistics, sys
def load(path):
    d = {}
    for line in open(path):
        k, v = line.split()
        d.setdefault(k, []).append(int(v))
    return {k: statistics.median(v) for k, v in d.items()}
sp, cli, runs = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
names = {"D1": "volume create", "D2": "network create", "D3": "container run", "D4": "same task again (ok)",
         "D5": "exec", "D6": "remove container", "D7": "remove network", "D8": "remove volume"}
print(f"workload D, medians of {runs} interleaved runs (ms); swarmplay per task from its JSON events")
print(f"{'step':<28}{'swarmplay':>10}{'docker CLI':>12}{'ratio':>8}")
for k, label in names.items():
    print(f"{k + ' ' + label:<28}{sp[k]:>10.0f}{cli[k]:>12.0f}{sp[k] / max(cli[k], 1):>8.2f}")
steps = sum(sp[k] for k in names)
print(f"{'all 8 steps':<28}{steps:>10.0f}{cli['total']:>12.0f}{steps / cli['total']:>8.2f}")
print(f"{'whole process (incl. JVM)':<28}{sp['total']:>10.0f}{cli['total']:>12.0f}{sp['total'] / cli['total']:>8.2f}")
PY
