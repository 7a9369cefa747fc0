"""The two loopback sshd test hosts: host-1 = 127.0.0.21:2221, host-2 = 127.0.0.22:2222.

Root login with a dedicated ed25519 key, host key pinned in a known_hosts written with ssh-keyscan,
``SetEnv SHLVL=1`` so that bash on the "remote" side skips root's ~/.bashrc (a clean shell, as a real
target host has), and ``HOME`` in the scratch directory: the hosts' ``~/.swarmplay/run.lock`` and
``~/.ansible/tmp`` are the bench's own, not those of other swarmplay runs as root on this machine. The workload inventory names /tmp/swarmplay-sshd/{client_ed25519,known_hosts}, so
that is the scratch directory.

A host that already answers with our key and pinned host key is used as it is and left running;
``Hosts.down()`` stops exactly the sshd processes that ``Hosts.up()`` started (by PID, after checking
the PID still runs our config), nothing else.
"""
import os
import socket
import subprocess
import time

SCRATCH = "/tmp/swarmplay-sshd"
HOSTS = {"host-1": ("127.0.0.21", 2221), "host-2": ("127.0.0.22", 2222)}
KEY = os.path.join(SCRATCH, "client_ed25519")
KNOWN = os.path.join(SCRATCH, "known_hosts")

SSHD_CONF = """\
ListenAddress {ip}
Port {port}
HostKey {scratch}/host_ed25519
PidFile {scratch}/bench_sshd_{n}.pid
AuthorizedKeysFile {scratch}/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
StrictModes no
Subsystem sftp /usr/lib/openssh/sftp-server
MaxSessions 64
MaxStartups 100:30:200
LogLevel ERROR
SetEnv SHLVL=1 HOME={scratch}/home
"""


def log(*a):
    import sys
    print(*a, file=sys.stderr, flush=True)


def ssh_argv(host, extra=()):
    ip, port = HOSTS[host]
    return ["ssh", "-i", KEY, "-o", f"UserKnownHostsFile={KNOWN}", "-o", "StrictHostKeyChecking=yes",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-p", str(port),
            *extra, f"root@{ip}"]


def scp_argv():
    return ["scp", "-q", "-i", KEY, "-o", f"UserKnownHostsFile={KNOWN}", "-o", "StrictHostKeyChecking=yes",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-P", str(HOSTS["host-1"][1])]


def reachable(host):
    if not (os.path.exists(KEY) and os.path.exists(KNOWN)):
        return False
    r = subprocess.run(ssh_argv(host) + ["true"], stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    return r.returncode == 0


def port_open(ip, port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((ip, port)) == 0


def sshd_has_clean_shell(host):
    """True when the remote shell does not source ~/.bashrc (SHLVL set by sshd's SetEnv)."""
    r = subprocess.run(ssh_argv(host) + ["echo $SHLVL"], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return r.returncode == 0 and r.stdout.strip() in ("1", "2")


class Hosts:
    def __init__(self):
        self.started = {}  # host -> pid

    def up(self):
        os.makedirs(SCRATCH, exist_ok=True)
        os.chmod(SCRATCH, 0o700)
        for name, comment in (("host_ed25519", "spbench-host"), ("client_ed25519", "spbench-client")):
            if not os.path.exists(os.path.join(SCRATCH, name)):
                subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(SCRATCH, name),
                                "-C", comment], check=True)
        with open(KEY + ".pub") as src, open(os.path.join(SCRATCH, "authorized_keys"), "w") as dst:
            dst.write(src.read())
        os.chmod(os.path.join(SCRATCH, "authorized_keys"), 0o600)
        os.makedirs("/run/sshd", exist_ok=True)
        os.makedirs(os.path.join(SCRATCH, "home"), mode=0o700, exist_ok=True)
        for n, (host, (ip, port)) in enumerate(HOSTS.items(), start=1):
            if port_open(ip, port):
                if reachable(host):
                    log(f"{host}: an sshd already answers on {ip}:{port} with the bench key; using it (not ours to stop)")
                    if not sshd_has_clean_shell(host):
                        log(f"  warning: {host} has no clean shell (SetEnv SHLVL=1 missing): remote commands pay ~.bashrc")
                    continue
                raise SystemExit(f"{ip}:{port} is taken by something that does not accept the bench key "
                                 f"({KEY}) and pinned host key ({KNOWN}); stop it or free the port")
            conf = os.path.join(SCRATCH, f"bench_sshd_{n}.conf")
            with open(conf, "w") as f:
                f.write(SSHD_CONF.format(ip=ip, port=port, scratch=SCRATCH, n=n))
            subprocess.run(["/usr/sbin/sshd", "-t", "-f", conf], check=True)
            p = subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", conf, "-E", os.path.join(SCRATCH, f"bench_sshd_{n}.log")],
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
            self.started[host] = p
            for _ in range(50):
                if port_open(ip, port):
                    break
                time.sleep(0.1)
            log(f"{host}: sshd started on {ip}:{port}, pid {p.pid}")
        if self.started or not os.path.exists(KNOWN):
            self._keyscan()
        for host in HOSTS:
            if not reachable(host):
                self.down()
                raise SystemExit(f"{host} is not reachable with {KEY}")
        log("hosts up: " + ", ".join(f"{h}={ip}:{port}" for h, (ip, port) in HOSTS.items()))

    def _keyscan(self):
        lines = []
        for host, (ip, port) in HOSTS.items():
            for _ in range(10):
                r = subprocess.run(["ssh-keyscan", "-t", "ed25519", "-p", str(port), ip], capture_output=True, text=True)
                if r.returncode == 0 and r.stdout.strip():
                    lines.append(r.stdout)
                    break
                time.sleep(0.3)
        with open(KNOWN, "w") as f:
            f.write("".join(lines))

    def down(self):
        for host, p in list(self.started.items()):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
                log(f"{host}: stopped the sshd we started (pid {p.pid})")
            del self.started[host]
