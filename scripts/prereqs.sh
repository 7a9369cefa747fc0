# Installs what builds and tests need when it is missing (Debian packages; root or sudo).
# Sourced by scripts/test and scripts/bench.

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
}

# the SSH integration tests start real OpenSSH servers (Debian's openssh-server) and test become with sudo
ensure_ssh() {
  [ -x /usr/sbin/sshd ] || apt_install openssh-server
  command -v sudo >/dev/null || apt_install sudo
  command -v ssh-keygen >/dev/null || apt_install openssh-client
}

# the end-to-end tests (engine/src/test/java/io/swarmplay/e2e, e2e/): two Docker-in-Docker test
# hosts built with debootstrap from Debian's mirror, stand-in images from a busybox/perl rootfs,
# a running Docker engine (dockerd started in the background when it does not answer), ssh-keygen
ensure_e2e() {
  command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || apt_install debootstrap
  command -v ssh-keygen >/dev/null || apt_install openssh-client
  command -v flock >/dev/null || apt_install util-linux
  if declare -F ensure_docker >/dev/null; then ensure_docker; return; fi
  command -v dockerd >/dev/null || apt_install docker.io
  timeout 10 docker info >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "== swarmplay: starting dockerd (log: /var/log/swarmplay-dockerd.log)"
  $sudo sh -c 'nohup dockerd >/var/log/swarmplay-dockerd.log 2>&1 &'
  local deadline=$(( $(date +%s) + 60 ))
  until timeout 10 docker info >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "dockerd did not answer within 60s; last log lines:" >&2
      tail -n 20 /var/log/swarmplay-dockerd.log >&2 || true
      return 1
    fi
    sleep 0.2   # poll interval of the readiness check above
  done
}
