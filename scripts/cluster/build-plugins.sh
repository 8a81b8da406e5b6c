#!/usr/bin/env bash
# Builds the kubectl plugins that the plugin tests run through ktl, from Go modules only:
#   kubectl-krew     krew, the plugin manager (sigs.k8s.io/krew), a popular plugin as it ships
#   kubectl-ns       test/plugins/kubectl-ns: kubens's behaviour on client-go
#   kubectl-objects  test/plugins/kubectl-objects: prints objects as `kubectl get -o yaml`
# (kubectx, kubectl-tree and kubectl-neat are not served by the Go module proxy here, hence
# the two client-go programs of our own.) Kept apart from build.sh so that changing it never
# rebuilds the control plane. Idempotent: cached under a key of (krew version, go version,
# this script, test/plugins), so a second run builds nothing. Prints the binary directory on
# stdout as its last line.
set -euo pipefail
KREW=${KREW_VERSION:-v0.4.3}
export GOTOOLCHAIN=local CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod
GOPROXY_NO_DIRECT=$(go env GOPROXY | sed 's/,direct//; s/|direct//')
export GOPROXY=${GOPROXY_NO_DIRECT:-https://proxy.golang.org}
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../test/plugins" && pwd)
ROOT=${KTL_PLUGIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ktl-plugins}
SELF_HASH=$(sha256sum < "${BASH_SOURCE[0]}" | cut -c1-16)
SRC_HASH=$(cd "$SRC" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
KEY=$(printf '%s\n' "$KREW" "$(go version)" "$SELF_HASH" "$SRC_HASH" | sha256sum | cut -c1-12)
OUT=$ROOT/$KEY
log() { printf '[build-plugins %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
if [ -f "$OUT/.complete" ]; then echo "$OUT/bin"; exit 0; fi
mkdir -p "$ROOT"
T=$(mktemp -d "$ROOT/.tmp.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin"

log "building krew $KREW as kubectl-krew"
GOBIN="$T/bin" go install -trimpath \
  -ldflags "-s -w -X sigs.k8s.io/krew/internal/version.gitTag=$KREW" "sigs.k8s.io/krew/cmd/krew@$KREW" >&2
mv "$T/bin/krew" "$T/bin/kubectl-krew"

log "building kubectl-ns and kubectl-objects (client-go)"
(cd "$SRC" && go build -trimpath -ldflags "-s -w" -o "$T/bin/" ./kubectl-ns ./kubectl-objects) >&2

touch "$T/.complete"
if mv -T "$T" "$OUT" 2>/dev/null; then trap - EXIT; fi
log "done: $OUT/bin"
echo "$OUT/bin"
