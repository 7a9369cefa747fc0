#!/bin/bash
# Builds the stand-in images (TEST DOUBLES, see README.md) FROM the stand-in base image that
# e2e/testhost/build-image.sh imports, and saves each under its REAL image reference into a tar
# (one image per tar) for the playbook's `docker_image source: load` (image_tars).
#   build.sh BASE_TAG DOCKER_CLI_TAG OUT_DIR     prints lines "<image reference> <tar file> <image id>"
#                                                (the APLS stand-in, run beside the hosts: "<tag> - <id>")
# The real references never exist on this engine (a real image under that name stays untouched):
# each tar is saved from the stand-in's own tag, then its manifest is rewritten to the real
# reference. The stand-ins stay tagged $TESTHOST_PREFIX/standin-<name>:<hash> (prefix default
# swarmplay-e2e; docker build's cache makes a re-run quick).
set -euo pipefail
BASE=$1; CLI=$2; OUT=$3
PREFIX=${TESTHOST_PREFIX:-swarmplay-e2e}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$OUT"
exec 9>"$OUT/.lock"; flock 9
declare -A REF=(
  [spire-server]=ghcr.io/spiffe/spire-server:1.8.4
  [spire-agent]=ghcr.io/spiffe/spire-agent:1.8.4
  [sn]=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sn:2.3.0
  [swop]=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swop:2.3.0
  [swci]=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/swci:2.3.0
  [sl]=hub.myenterpriselicense.hpe.com/hpe/swarm-learning/sl:2.3.0
  [ml]=tensorflow/tensorflow:2.7.0
  [hello-world]=hello-world:latest
  [apls]=""
)
# docker save TAG, with REF instead of TAG in the tar's manifest.json and repositories (the tar
# is written again from its files: GNU tar's --delete corrupts archives that docker writes)
save_as() {
  local tag=$1 ref=$2 tar=$3 tmp
  tmp=$(mktemp -d "$OUT/.save-XXXXXX")
  mkdir "$tmp/x"
  docker save "$tag" | tar -C "$tmp/x" -xf -
  sed -i "s|\"$tag\"|\"$ref\"|" "$tmp/x/manifest.json"
  sed -i "s|^{\"${tag%:*}\":{\"${tag##*:}\":|{\"${ref%:*}\":{\"${ref##*:}\":|" "$tmp/x/repositories"
  grep -q "\"$ref\"" "$tmp/x/manifest.json" && grep -q "\"${ref%:*}\"" "$tmp/x/repositories" \
    || { echo "cannot rename $tag to $ref in the saved tar" >&2; rm -rf "$tmp"; exit 1; }
  (cd "$tmp/x" && tar --numeric-owner -cf "$tmp/image.tar" -- *)
  mv "$tmp/image.tar" "$tar"; rm -rf "$tmp"
}
hash=$( (echo "$BASE $CLI"; cd "$here" && find . -type f ! -name '*.md' | sort | xargs sha256sum) | sha256sum | cut -c1-12)
keep=""
for name in spire-server spire-agent sn swop swci sl ml hello-world apls; do
  tag=$PREFIX/standin-$name:$hash
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    DOCKER_BUILDKIT=0 docker build -q --force-rm --build-arg BASE="$BASE" --build-arg DOCKER_CLI="$CLI" -f "$here/$name/Dockerfile" -t "$tag" "$here" >/dev/null 2>"$OUT/build-$name.log" \
      || { cat "$OUT/build-$name.log" >&2; echo "docker build of stand-in $name failed" >&2; exit 1; }
  fi
  ref=${REF[$name]}
  id=$(docker image inspect -f '{{.Id}}' "$tag")
  if [ -z "$ref" ]; then echo "$tag - $id"; continue; fi
  tar=$OUT/$name-$(echo "$id" | cut -d: -f2 | cut -c1-12).tar
  [ -s "$tar" ] || save_as "$tag" "$ref" "$tar"
  echo "$ref $tar $id"
  keep="$keep $tar"
done
for t in "$OUT"/*.tar; do case " $keep " in *" $t "*) ;; *) rm -f "$t" ;; esac; done   # stale versions
docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E "^$PREFIX/standin-[a-z-]+:" | grep -v "^$PREFIX/standin-base:" | grep -v ":$hash\$" \
  | xargs -r docker rmi >/dev/null 2>&1 || true
