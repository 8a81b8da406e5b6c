#!/usr/bin/env bash
# `npm run demo`: on a fresh machine, builds and starts the local control plane, creates a few
# sample workloads, and shows ktl working against them (the dashboard on a terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
[ -f dist/main.js ] || npm run build
bash scripts/cluster/cluster.sh up
export KUBECONFIG="$PWD/.cluster/kubeconfig"
ktl() { node "$PWD/bin/ktl" "$@"; }
if ktl apply --help >/dev/null 2>&1; then
  ktl apply -f scripts/demo/workloads.yaml
else
  # shellcheck disable=SC1091
  . .cluster/env
  "$KTL_BIN_DIR/kubectl" apply -f scripts/demo/workloads.yaml
fi
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
if [ -t 1 ] && ktl dash --help >/dev/null 2>&1; then
  echo "Opening the dashboard (q to quit)..."
  sleep 1
  ktl dash -n demo
fi
