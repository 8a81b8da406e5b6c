#!/usr/bin/env bash
# Builds metrics-server (sigs.k8s.io/metrics-server) from Go modules for the local control plane.
# Kept apart from build.sh on purpose: build.sh's own hash keys the control-plane cache, so this
# binary has its own key (version, go version, this script) under the same cache root, and a
# change here never rebuilds the apiserver. Idempotent; prints the binary directory as its last line.
set -euo pipefail
MS=${METRICS_SERVER_VERSION:-v0.8.1}
export GOTOOLCHAIN=local CGO_ENABLED=0 GOWORK=off GOFLAGS=
GOPROXY_NO_DIRECT=$(go env GOPROXY | sed 's/,direct//; s/|direct//')
export GOPROXY=${GOPROXY_NO_DIRECT:-https://proxy.golang.org}
ROOT=${KTL_CP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ktl-control-plane}
SELF_HASH=$(sha256sum < "${BASH_SOURCE[0]}" | cut -c1-16)
KEY=$(printf '%s\n' "$MS" "$(go version)" "$SELF_HASH" | sha256sum | cut -c1-12)
OUT=$ROOT/metrics-server-$MS-$KEY
log() { printf '[build-metrics-server %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
if [ -f "$OUT/.complete" ]; then echo "$OUT/bin"; exit 0; fi
mkdir -p "$ROOT"
T=$(mktemp -d "$ROOT/.tmp-ms.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin"
log "building metrics-server $MS (a cold build takes a few minutes)"
# its go.mod has no replace directives, so `go install pkg@version` works as is; the version is
# stamped the way its Makefile does (k8s.io/component-base/version), so /version and logs say it
V=
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  V="$V -X $p.gitVersion=$MS -X $p.gitTreeState=clean"
done
GOBIN="$T/bin" go install -trimpath -ldflags "-s -w $V" "sigs.k8s.io/metrics-server/cmd/metrics-server@$MS" >&2
touch "$T/.complete"
if mv -T "$T" "$OUT" 2>/dev/null; then trap - EXIT; fi
log "done: $OUT/bin"
echo "$OUT/bin"
