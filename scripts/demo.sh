#!/usr/bin/env bash
# `npm run demo`: on a fresh machine, builds and starts the local control plane, creates a few
# sample workloads, and shows ktl working against them (the dashboard on a terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
# Build only when a bundle is missing or older than what it is built from.
dist_stale() {
  local bundle
  for bundle in dist/ktl.cjs dist/complete.cjs dist/vendor.js; do
    [ -f "$bundle" ] || return 0
    [ -z "$(find src scripts/build.mjs scripts/build package.json package-lock.json \
      -newer "$bundle" -print -quit)" ] || return 0
  done
  return 1
}
if dist_stale; then npm run build; fi
bash scripts/cluster/cluster.sh up
export KUBECONFIG="$PWD/.cluster/kubeconfig"
ktl() { node "$PWD/bin/ktl" "$@"; }
ktl apply -f scripts/demo/workloads.yaml
echo "waiting for the demo pods to be Running..."
for _ in $(seq 1 60); do
  running=$(ktl get pods -n demo -l app=web --no-headers 2>/dev/null | grep -c Running || true)
  [ "$running" -ge 3 ] && break
  sleep 1
done
echo
echo "\$ ktl get all -A"
ktl get all -A
echo
echo "Your kubeconfig for this cluster: export KUBECONFIG=$KUBECONFIG"
if [ -t 1 ]; then
  echo "Opening the dashboard (q to quit)..."
  sleep 1
  ktl dash -n demo
fi
