#!/bin/bash
# Builds the stand-in images (TEST DOUBLES, see README.md) FROM the stand-in base image that
# e2e/testhost/build-image.sh imports, and saves each under its REAL image reference into a tar
# (one image per tar) for the playbook's `docker_image source: load` (image_tars).
#   build.sh BASE_TAG DOCKER_CLI_TAG OUT_DIR     prints lines "<image reference> <tar file>"
# The real references exist on this engine only while `docker save` runs; the stand-ins stay
# tagged swarmplay-e2e/standin-<name>:<hash> (docker build's cache makes a re-run quick).
set -euo pipefail
BASE=$1; CLI=$2; OUT=$3
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
hash=$( (echo "$BASE $CLI"; cd "$here" && find . -type f ! -name '*.md' | sort | xargs sha256sum) | sha256sum | cut -c1-12)
keep=""
for name in spire-server spire-agent sn swop swci sl ml hello-world apls; do
  tag=swarmplay-e2e/standin-$name:$hash
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    DOCKER_BUILDKIT=0 docker build -q --force-rm --build-arg BASE="$BASE" --build-arg DOCKER_CLI="$CLI" -f "$here/$name/Dockerfile" -t "$tag" "$here" >/dev/null 2>"$OUT/build-$name.log" \
      || { cat "$OUT/build-$name.log" >&2; echo "docker build of stand-in $name failed" >&2; exit 1; }
  fi
  ref=${REF[$name]}
  if [ -z "$ref" ]; then echo "$tag -"; continue; fi
  id=$(docker image inspect -f '{{.Id}}' "$tag" | cut -d: -f2 | cut -c1-12)
  tar=$OUT/$name-$id.tar
  if [ ! -s "$tar" ]; then
    docker tag "$tag" "$ref"
    docker save -o "$tar.tmp" "$ref"; mv "$tar.tmp" "$tar"
    docker rmi "$ref" >/dev/null
  fi
  echo "$ref $tar"
  keep="$keep $tar"
done
for t in "$OUT"/*.tar; do case " $keep " in *" $t "*) ;; *) rm -f "$t" ;; esac; done   # stale versions
docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^swarmplay-e2e/standin-[a-z-]+:' | grep -v '^swarmplay-e2e/standin-base:' | grep -v ":$hash\$" \
  | xargs -r docker rmi >/dev/null 2>&1 || true
