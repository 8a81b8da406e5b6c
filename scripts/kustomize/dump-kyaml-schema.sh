#!/usr/bin/env bash
# Prints, as JSON, the OpenAPI definitions kustomize v5.7.1 embeds (kyaml v0.20.1's
# kubernetesapi/v1_21_2/swagger.pb, a gzipped protobuf): what its strategic merge patches take
# their list merge keys from. Built offline from the Go module cache the local cluster's
# build filled (scripts/cluster/build.sh): kyaml, and the dependency versions of kubernetes
# v1.34.4, whose go.sum vouches for them.
#   bash scripts/kustomize/dump-kyaml-schema.sh > /tmp/kyaml-definitions.json
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off
MOD=$(go env GOMODCACHE)
K8S=$MOD/k8s.io/kubernetes@v1.34.4
[ -d "$MOD/sigs.k8s.io/kustomize/kyaml@v0.20.1" ] && [ -f "$K8S/go.mod" ] ||
  { echo "kyaml v0.20.1 or kubernetes v1.34.4 is not in $MOD (run npm run cluster -- up first)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat >"$T/main.go" <<'GO'
package main

import (
	"encoding/json"
	"os"

	"sigs.k8s.io/kustomize/kyaml/openapi"
)

func main() {
	out, err := json.Marshal(openapi.Schema().Definitions)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
}
GO
{
  printf 'module kyamldump\n\ngo 1.24\n\nrequire (\n\tsigs.k8s.io/kustomize/kyaml v0.20.1\n'
  # kubernetes' external requirements (its own staging modules are replaced by directories)
  sed -n '/^require (/,/^)/p' "$K8S/go.mod" | grep -E '^\s+[a-z]' | grep -v -E '^\s+k8s\.io/[a-z-]+ v0\.0\.0$' |
    grep -v -E '^\s+k8s\.io/(api|apiextensions-apiserver|apimachinery|apiserver|cli-runtime|client-go|cloud-provider|cluster-bootstrap|code-generator|component-base|component-helpers|controller-manager|cri-api|cri-client|csi-translation-lib|dynamic-resource-allocation|endpointslice|externaljwt|kms|kube-aggregator|kube-controller-manager|kube-proxy|kube-scheduler|kubectl|kubelet|metrics|mount-utils|pod-security-admission|sample-apiserver|sample-cli-plugin|sample-controller) ' |
    sed 's#// indirect##'
  printf ')\n'
} >"$T/go.mod"
cp "$K8S/go.sum" "$T/go.sum"
(cd "$T" && go build -o dump . && ./dump)
