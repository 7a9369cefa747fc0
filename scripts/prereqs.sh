# Installs what builds and tests need when it is missing (Debian packages; root or sudo).
# Sourced by scripts/test, scripts/bench and scripts/lab.

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if [ -z "${SWARMPLAY_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >/dev/null
    export SWARMPLAY_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
  command -v javac >/dev/null || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null || apt_install maven
  command -v openssl >/dev/null || apt_install openssl   # StandInBundleTest: the SPIRE stand-in's X.509
  command -v python3 >/dev/null || apt_install python3   # ModelProgramFinalSaveTest runs templates/model/cifar10.py
}

# the SSH integration tests start real OpenSSH servers (Debian's openssh-server) and test become with sudo
ensure_ssh() {
  [ -x /usr/sbin/sshd ] || apt_install openssh-server
  command -v sudo >/dev/null || apt_install sudo
  command -v ssh-keygen >/dev/null || apt_install openssh-client
}

# ansible-core's Python (its module_utils) for the tests of Python modules and plugins from a
# project's library/ and *_plugins/ folders: swarmplay runs them with the Python of the
# ansible-playbook on the PATH, so Debian's ansible-core when there is none.
ensure_python_ansible() {
  command -v ansible-playbook >/dev/null || apt_install ansible-core
}

# Docker for the Docker integration tests and bench/docker: Debian's docker.io (dockerd 20.10)
# when missing, dockerd started in the background when not running (waits for its socket, up to
# SWARMPLAY_DOCKER_WAIT seconds, default 60), and busybox-static for the tests' tiny local images.
ensure_docker() {
  command -v dockerd >/dev/null || apt_install docker.io
  dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' || apt_install busybox-static
  docker_running && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  remove_stale_docker_pidfile "$sudo"
  echo "== swarmplay: starting dockerd (log: /var/log/swarmplay-dockerd.log)"
  # setsid: dockerd must outlive the shell (and process group) that started it
  $sudo sh -c 'setsid nohup dockerd >>/var/log/swarmplay-dockerd.log 2>&1 </dev/null &'
  local deadline=$(( $(date +%s) + ${SWARMPLAY_DOCKER_WAIT:-60} ))
  until docker_running; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "dockerd did not answer on /var/run/docker.sock within ${SWARMPLAY_DOCKER_WAIT:-60}s; last log lines:" >&2
      tail -n 20 /var/log/swarmplay-dockerd.log >&2 || true
      return 1
    fi
    sleep 0.2   # poll interval of the readiness check above, not a wait for a guessed duration
  done
}

# A dockerd that was killed leaves /var/run/docker.pid behind; a new dockerd refuses to start
# ("pid file found") when that pid has since been given to another live process. The file is
# removed only when the process it names is not a dockerd.
remove_stale_docker_pidfile() {
  local pidfile=/var/run/docker.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null)
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "dockerd" ]; then
    return 0
  fi
  echo "== swarmplay: removing stale $pidfile (pid ${pid:-none} is not a running dockerd)"
  $1 rm -f "$pidfile"
}

# True when an engine answers on the default socket (asked with the docker CLI that docker.io brings).
docker_running() {
  [ -S /var/run/docker.sock ] && timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# the end-to-end tests (engine/src/test/java/io/swarmplay/e2e, e2e/) and scripts/lab: Docker-in-Docker test
# hosts built with debootstrap from Debian's mirror, stand-in images from a busybox/perl rootfs,
# a running Docker engine (ensure_docker), ssh-keygen and flock
ensure_e2e() {
  command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || apt_install debootstrap
  command -v ssh-keygen >/dev/null || apt_install openssh-client
  command -v flock >/dev/null || apt_install util-linux
  ensure_docker
}
