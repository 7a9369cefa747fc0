#!/bin/bash
# Builds the e2e test-host image (Debian bookworm + docker.io + openssh-server, from scratch with
# debootstrap from Debian's mirror) and the small base image of the stand-in test doubles
# (busybox + perl-base + glibc, copied out of the same rootfs). Both are tagged with a content
# hash of THIS file, so a second run finds them and returns at once. Called by hosts.sh.
# One build serves every prefix: it is kept as swarmplay-testhost/*:<hash> (a build cache that a
# prefix's `hosts.sh down --images` leaves alone; `docker rmi` removes it) and each prefix's own
# tags point at it, so the lab after the e2e tests (or the other way round) skips debootstrap.
#   build-image.sh            prints the three tags: "<testhost> <standin-base> <docker-cli>"
# Env: TESTHOST_PREFIX (image name prefix, default swarmplay-e2e: the e2e tests; the lab uses
# swarmplay-lab), TESTHOST_WORK (scratch dir, default /var/tmp/$TESTHOST_PREFIX),
# MIRROR (default http://deb.debian.org/debian).
# Needs: root, debootstrap, a local Docker engine.
set -euo pipefail
HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
PREFIX=${TESTHOST_PREFIX:-swarmplay-e2e}
HOST_TAG=$PREFIX/testhost:$HASH
BASE_TAG=$PREFIX/standin-base:$HASH
CLI_TAG=$PREFIX/docker-cli:$HASH
CACHE=swarmplay-testhost
C_HOST=$CACHE/testhost:$HASH
C_BASE=$CACHE/standin-base:$HASH
C_CLI=$CACHE/docker-cli:$HASH
present() { for t in "$@"; do docker image inspect "$t" >/dev/null 2>&1 || return 1; done; }
built() { present "$HOST_TAG" "$BASE_TAG" "$CLI_TAG"; }
tag_from_cache() {
  present "$C_HOST" "$C_BASE" "$C_CLI" || return 1
  docker tag "$C_HOST" "$HOST_TAG" && docker tag "$C_BASE" "$BASE_TAG" && docker tag "$C_CLI" "$CLI_TAG"
}
if built || tag_from_cache; then echo "$HOST_TAG $BASE_TAG $CLI_TAG"; exit 0; fi
MIRROR=${MIRROR:-http://deb.debian.org/debian}
WORK=${TESTHOST_WORK:-/var/tmp/$PREFIX}/build-$HASH
ROOTFS=$WORK/rootfs
mkdir -p "$WORK"
exec 9>"${TMPDIR:-/tmp}/$CACHE-$HASH.lock"; flock 9   # two test JVMs, or the lab and the tests, build once
if built || tag_from_cache; then echo "$HOST_TAG $BASE_TAG $CLI_TAG"; exit 0; fi
t0=$(date +%s)
if [ ! -x "$ROOTFS/usr/sbin/dockerd" ]; then
  rm -rf "$ROOTFS"
  debootstrap --variant=minbase \
    --include=docker.io,openssh-server,iproute2,iptables,procps,ca-certificates,busybox-static,openssl \
    bookworm "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 30 "$WORK/debootstrap.log" >&2; echo "debootstrap failed (log: $WORK/debootstrap.log)" >&2; exit 1; }
fi
echo "debootstrap: $(( $(date +%s) - t0 ))s" >&2
# per-run host keys are mounted at start; never bake the install-time ones into the image
rm -f "$ROOTFS"/etc/ssh/ssh_host_*
cat > "$ROOTFS/etc/ssh/sshd_config.d/testhost.conf" <<'CONF'
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile /etc/testhost/authorized_keys
HostKey /etc/ssh/ssh_host_ed25519_key
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
MaxSessions 64
MaxStartups 64:30:128
UseDNS no
CONF
cat > "$ROOTFS/usr/local/sbin/testhost-init" <<'INIT'
#!/bin/bash
# PID 1 is docker-init (docker run --init): start sshd and dockerd, then wait on dockerd.
set -eu
install -m 600 /etc/testhost/ssh_host_ed25519_key /etc/ssh/ssh_host_ed25519_key
install -m 644 /etc/testhost/ssh_host_ed25519_key.pub /etc/ssh/ssh_host_ed25519_key.pub
mkdir -p /run/sshd
# not --privileged (it fails on this VM kind): make /sys and the cgroup v1 hierarchies writable
mount -o remount,rw /sys 2>/dev/null || true
for d in /sys/fs/cgroup/*/; do mount -o remount,rw,bind "$d" 2>/dev/null || mount -o remount,rw "$d" 2>/dev/null || true; done
/usr/sbin/sshd -E /var/log/sshd.log
mkdir -p /var/lib/docker
DRIVER=overlay2   # /var/lib/docker is a named volume (ext4): overlay2; on the overlay root only vfs works
if [ "$(stat -f -c %T /var/lib/docker)" = overlayfs ]; then DRIVER=vfs; fi
rm -f /var/run/docker.pid /var/run/docker/containerd/containerd.pid
exec dockerd --storage-driver="$DRIVER" -H unix:///var/run/docker.sock \
  --bip 10.201.0.1/24 --default-address-pool base=10.202.0.0/16,size=24 \
  ${DOCKERD_EXTRA_ARGS:-} >>/var/log/dockerd.log 2>&1
INIT
chmod 755 "$ROOTFS/usr/local/sbin/testhost-init"
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/usr/share/doc/* \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/locale/* "$ROOTFS"/var/log/*.log
tar --numeric-owner --xattrs -C "$ROOTFS" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/usr/local/sbin/testhost-init"]' \
  --change "LABEL io.swarmplay.testhost=$CACHE" - "$C_HOST" >/dev/null

# Stand-in base: busybox (static), perl-base (for a Unix-socket server with SO_PEERCRED), glibc,
# openssl (the SPIRE stand-ins' real X.509 CA, SVIDs and the TLS bundle endpoint).
# The docker CLI (for the SWOP stand-in only) is an image of its own: /opt/docker-cli/docker.
B=$WORK/standin-base
rm -rf "$B" "$WORK/cli"; mkdir -p "$B/usr/bin" "$B/usr/sbin" "$B/usr/lib/x86_64-linux-gnu" "$B/usr/lib64" "$B/tmp" "$B/etc" "$B/root" "$WORK/cli/opt/docker-cli"
for l in bin sbin lib lib64; do ln -s usr/$l "$B/$l"; done     # merged /usr, like bookworm
cp -L "$ROOTFS/bin/busybox" "$ROOTFS/usr/bin/perl" "$ROOTFS/usr/bin/openssl" "$B/usr/bin/"
mkdir -p "$B/usr/lib/ssl"; cp -L "$ROOTFS/usr/lib/ssl/openssl.cnf" "$B/usr/lib/ssl/"
cp -L "$ROOTFS/usr/bin/docker" "$WORK/cli/opt/docker-cli/docker"
cp -a "$ROOTFS/usr/lib/x86_64-linux-gnu/perl-base" "$B/usr/lib/x86_64-linux-gnu/"
for f in libc.so.6 libm.so.6 libcrypt.so.1 ld-linux-x86-64.so.2; do cp -L "$ROOTFS/usr/lib/x86_64-linux-gnu/$f" "$B/usr/lib/x86_64-linux-gnu/"; done
for f in $(chroot "$ROOTFS" ldd /usr/bin/openssl | grep -o '/[^ ]*\.so[^ ]*' | grep -v ld-linux); do   # libssl, libcrypto
  cp -L "$ROOTFS$f" "$B/usr/lib/x86_64-linux-gnu/"
done
cp -L "$ROOTFS/usr/lib64/ld-linux-x86-64.so.2" "$B/usr/lib64/"
chmod 1777 "$B/tmp"
for a in $(chroot "$ROOTFS" /bin/busybox --list); do
  [ -e "$B/usr/bin/$a" ] || ln -s busybox "$B/usr/bin/$a"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$B/etc/passwd"; echo 'root:x:0:' > "$B/etc/group"
tar --numeric-owner -C "$B" -c . | docker import \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'LABEL io.swarmplay.test-double=true' \
  --change 'CMD ["/bin/sh"]' - "$C_BASE" >/dev/null
tar --numeric-owner -C "$WORK/cli" -c . | docker import --change "LABEL io.swarmplay.testhost=$CACHE" - "$C_CLI" >/dev/null
docker run --rm "$C_BASE" sh -c 'perl -MIO::Socket::UNIX -MSocket -e 1 && openssl version' >/dev/null \
  || { echo "stand-in base image is broken (perl or openssl cannot run)" >&2; exit 1; }
tag_from_cache || { echo "cannot tag $CACHE/*:$HASH as $PREFIX/*" >&2; exit 1; }
rm -rf "$WORK"
# older versions of these images (other hashes of this script)
docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E "^($PREFIX|$CACHE)/(testhost|standin-base|docker-cli):" \
  | grep -v ":$HASH\$" | xargs -r docker rmi >/dev/null 2>&1 || true
echo "built in $(( $(date +%s) - t0 ))s" >&2
echo "$HOST_TAG $BASE_TAG $CLI_TAG"
