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
