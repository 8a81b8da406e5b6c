#!/usr/bin/env bash
# Builds the local control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kwok) and kubectl at the server's version from Go modules only.
# Idempotent: binaries are cached under a key of (versions, go version, this script),
# so a second run builds nothing. Prints the binary directory on stdout as its last line.
set -euo pipefail
K8S=${K8S_VERSION:-v1.34.4}
ETCD=${ETCD_VERSION:-v3.6.16}
KWOK=${KWOK_VERSION:-v0.7.0}
export GOTOOLCHAIN=local CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod
GOPROXY_NO_DIRECT=$(go env GOPROXY | sed 's/,direct//; s/|direct//')
export GOPROXY=${GOPROXY_NO_DIRECT:-https://proxy.golang.org}
ROOT=${KTL_CP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ktl-control-plane}
SELF_HASH=$(sha256sum < "${BASH_SOURCE[0]}" | cut -c1-16)
KEY=$(printf '%s\n' "$K8S" "$ETCD" "$KWOK" "$(go version)" "$SELF_HASH" | sha256sum | cut -c1-12)
OUT=$ROOT/$K8S-$KEY
log() { printf '[build %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
if [ -f "$OUT/.complete" ]; then echo "$OUT/bin"; exit 0; fi
mkdir -p "$ROOT"
T=$(mktemp -d "$ROOT/.tmp.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin" "$T/k8s" "$T/etcd"

log "kubernetes $K8S: resolving staging modules"
cd "$T/k8s"
go mod init local.invalid/k8sbins >/dev/null 2>&1
J=$(go mod download -json "k8s.io/kubernetes@$K8S")
MOD=$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' <<<"$J")
INFO=$(sed -n 's/.*"Info": "\(.*\)".*/\1/p' <<<"$J")
SV=v0.${K8S#v1.}
for m in $(awk '$1 ~ /^k8s\.io\// && $2 == "v0.0.0" {print $1}' "$MOD"); do
  go mod edit -replace="$m=$m@$SV"
done
P=k8s.io/kubernetes/cmd
log "kubernetes $K8S: fetching modules"
go get "k8s.io/kubernetes@$K8S" >&2
MIN=${K8S#v1.}; MIN=${MIN%%.*}
DATE=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$INFO")
V=
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  V="$V -X $p.gitVersion=$K8S -X $p.gitMajor=1 -X $p.gitMinor=$MIN -X $p.gitTreeState=clean -X $p.buildDate=$DATE"
done
for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  log "building $c $K8S (cold builds take minutes)"
  go build -trimpath -ldflags "-s -w $V" -o "$T/bin/$c" "$P/$c" >&2
done

log "building etcd $ETCD"
cd "$T/etcd"
go mod init local.invalid/etcdbin >/dev/null 2>&1
printf 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' > main.go
go get "go.etcd.io/etcd/server/v3@$ETCD" >&2
go mod tidy >&2
go build -trimpath -ldflags "-s -w" -o "$T/bin/etcd" . >&2

log "building kwok $KWOK"
GOBIN="$T/bin" GOFLAGS= go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$KWOK" >&2

rm -rf "$T/k8s" "$T/etcd"
touch "$T/.complete"
if mv -T "$T" "$OUT" 2>/dev/null; then trap - EXIT; fi
log "done: $OUT/bin"
echo "$OUT/bin"
