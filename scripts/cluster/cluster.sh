#!/usr/bin/env bash
# Local Kubernetes control plane for ktl's tests and demos:
#   etcd + kube-apiserver + kube-controller-manager + kube-scheduler + kwok (fake nodes/pods)
#   + metrics-server (the metrics.k8s.io API over kwok's emulated kubelet /metrics/resource),
#   all on 127.0.0.1, built from Go modules by build.sh and build-metrics-server.sh (cached).
#
# Usage: bash scripts/cluster/cluster.sh up|down|status   (or: npm run cluster -- up)
#
#   up      idempotent; builds (cached) and starts everything, writes $DIR/env, kubeconfigs, pki
#   down    stops every recorded process by pid (reverse order, SIGTERM, 20 s, SIGKILL), removes state
#   status  pid/alive/health per component; exit 0 when healthy, 1 otherwise
#
# Environment:
#   KTL_CLUSTER_DIR      state dir (default <repo>/.cluster); several clusters can run side by side
#   KTL_CLUSTER_NODES    number of fake kwok nodes (default 2)
#   KTL_CLUSTER_TIMEOUT  seconds to wait per component (default 60)
#   KTL_CLUSTER_BIN_DIR  use these binaries instead of running build.sh (metrics-server too when that
#                        directory holds one, else build-metrics-server.sh)
#   KTL_CLUSTER_ADVERTISE_ADDRESS  kube-apiserver --advertise-address (default: apiserver's own choice)
#
# Layout of $DIR: env (shell-sourceable KTL_* variables), kubeconfig (admin, context/cluster ktl-local,
#   user admin), viewer.kubeconfig (token user bound to ClusterRole view, context ktl-viewer),
#   pki/ (ca.crt ca.key apiserver.* admin.* kcm.* scheduler.* front-proxy-* sa.key sa.pub tokens.csv),
#   logs/<component>.log, etcd/ (data), run/ (pids, <component>.pid, kcm/scheduler kubeconfigs,
#   cert dirs), kwok/ (kwok.yaml, container.log served by `kubectl logs`, exec/ workdir), .lock.
#
# Deviations from /work/shared/docs/control-plane.md, found while verifying it here
# (kubernetes v1.34.4, etcd v3.6.16, kwok v0.7.0, Go 1.26.8, 2 cores):
#   - Advertise address: v1.34.4 does NOT reject a loopback --advertise-address at startup (no such
#     check in apiserver/pkg/server/options); with a default route and no flag it logs "external host
#     was not specified, using 192.0.2.2" (eth0) and only publishes that in the `kubernetes`
#     Endpoints/EndpointSlice; nothing connects to it. With 127.0.0.1 the apiserver becomes ready but
#     every endpoint sync fails validation ("may not be in the loopback range"); so without a default
#     route we use a non-loopback local IP, else 127.0.0.1 + --endpoint-reconciler-type=none (verified).
#   - Without --requestheader-client-ca-file on the apiserver, KCM and scheduler log "missing content
#     for CA bundle client-ca::kube-system::extension-apiserver-authentication::requestheader-client-ca-file"
#     forever: we add a front-proxy CA/client cert and the --requestheader-*/--proxy-client-* flags.
#   - kwok logs: logsFile is read with the kubelet's CRI log reader, so its lines must be in CRI format
#     ("<RFC3339Nano> stdout F <text>"); the `follow` field of ClusterLogs is not used by v0.7.0
#     (`kubectl logs -f` always follows the file, i.e. never returns on its own).
#   - kwok also loads $KWOK_WORKDIR/kwok.yaml (default ~/.kwok/kwok.yaml) on top of --config when it
#     exists: we set KWOK_WORKDIR=$DIR/kwok to keep the user's config out.
#   - kwok's readiness endpoint only comes up after it has connected to the apiserver (plain HTTP on
#     the --node-port works through its cmux, as the doc says).
#   - KCM/scheduler get explicit --cert-dir (under run/) and --authorization-always-allow-paths;
#     /healthz then answers anonymously over HTTPS (curl -k).
#   - Keys are ECDSA P-256 (PKCS#8), not RSA 2048: RSA generation took several seconds on a loaded
#     2-core machine. Tokens are random (openssl rand -hex 16), users ktl-admin (system:masters) and
#     ktl-viewer.
#   - Fake nodes were Ready and the node.kubernetes.io/not-ready taint gone within ~1 s of creation.
#   - metrics-server v0.8.1 (build-metrics-server.sh) runs with the admin kubeconfig, reached through
#     an ExternalName Service (127.0.0.1) and the APIService; it needs --kubelet-request-timeout below
#     0.9 x --metric-resolution (10 s, its minimum), and drops a node whose CPU or memory reads zero,
#     hence the per-node overhead in kwok's Metric. Its start and the APIService becoming Available
#     add 1-2 s to `up`; the first figures follow one or two scrapes later. Cold build: 3.5 min CPU.
#   - Timings measured: cold build.sh 13m46s (kube-apiserver ~7 min, KCM ~2 min, kubectl 40 s, etcd
#     ~1.3 min, kwok ~3 min); cached build.sh 0.03 s; `up` 12-32 s (apiserver /readyz 3-16 s depending
#     on machine load); `down` 1-6 s.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
DIR=${KTL_CLUSTER_DIR:-$REPO/.cluster}
NODES=${KTL_CLUSTER_NODES:-2}
TIMEOUT=${KTL_CLUSTER_TIMEOUT:-60}
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok metrics-server)
T0=$SECONDS

log() { printf '[cluster %ds] %s\n' $((SECONDS - T0)) "$*" >&2 2>/dev/null || true; }

# ---------------------------------------------------------------- helpers

# physical path: a symlinked dir (e.g. .cluster -> /tmp/x) must not look like another cluster,
# or up would clean the state of a running one through the link
abs_dir() { mkdir -p "$1" && (cd "$1" && pwd -P); }

# free_ports N -> N distinct free loopback TCP ports (bound simultaneously, then released)
free_ports() {
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import socket' >/dev/null 2>&1; then
    python3 -c '
import socket, sys
ss = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); ss.append(s)
print(" ".join(str(s.getsockname()[1]) for s in ss))
' "$1"
  else
    node -e '
const net = require("net"); const n = +process.argv[1]; const ss = []; let k = 0;
for (let i = 0; i < n; i++) { const s = net.createServer(); ss.push(s);
  s.listen(0, "127.0.0.1", () => { if (++k === n) { console.log(ss.map(x => x.address().port).join(" ")); ss.forEach(x => x.close()); } }); }
' "$1"
  fi
}

# proc_stat PID -> ST (state letter) and SID (session id) from /proc/PID/stat, builtins only
proc_stat() {
  local line
  [ -n "${1:-}" ] || return 1
  { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
  line=${line##*) }
  # shellcheck disable=SC2086
  set -- $line
  ST=$1 SID=$4
}
# is_alive PID: exists and is not a zombie
is_alive() { proc_stat "$1" && [ "$ST" != Z ] && [ "$ST" != X ]; }
# is_ours PID: alive and started by this cluster (its command line mentions $DIR)
is_ours() {
  local pid=$1 c
  is_alive "$pid" || return 1
  c=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $c == *"$DIR/"* ]]
}

c_curl() { curl --noproxy '*' -fsS --max-time 5 "$@"; }

# health NAME -> 0 when the component's health endpoint answers 200
health() {
  local P=$DIR/pki
  case $1 in
    etcd) c_curl -o /dev/null "http://127.0.0.1:$ETCD_PORT/readyz" ;;
    kube-apiserver) c_curl -o /dev/null --cacert "$P/ca.crt" --cert "$P/admin.crt" --key "$P/admin.key" \
      "https://127.0.0.1:$API_PORT/readyz" ;;
    kube-controller-manager) c_curl -o /dev/null -k "https://127.0.0.1:$KCM_PORT/healthz" ;;
    kube-scheduler) c_curl -o /dev/null -k "https://127.0.0.1:$SCHED_PORT/healthz" ;;
    kwok) c_curl -o /dev/null "http://127.0.0.1:$KWOK_PORT/readyz" ;;
    # /livez: /readyz also fails while a scrape of kwok's nodes is pending (metric-storage-ready)
    metrics-server) c_curl -o /dev/null -k "https://127.0.0.1:$METRICS_SERVER_PORT/livez" ;;
    *) return 1 ;;
  esac
}

CURRENT_STEP=
CURRENT_LOG=
fail() {
  log "FAILED at step: ${CURRENT_STEP:-?}${1:+ ($1)}"
  if [ -n "$CURRENT_LOG" ]; then
    log "read the log: $CURRENT_LOG"
    if [ -f "$CURRENT_LOG" ]; then
      echo "----- last 25 lines of $CURRENT_LOG -----" >&2
      tail -n 25 "$CURRENT_LOG" >&2 || true
      echo "-----" >&2
    fi
  fi
  log "stopping the processes started so far (logs kept in $DIR/logs; 'down' removes them)"
  stop_all quiet || true
  UP_DONE=failed
  exit 1
}

step() { CURRENT_STEP=$1; CURRENT_LOG=${2:-}; log "$1"; }

# wait_until DESCRIPTION PID(or "") CMD... : poll CMD every 0.25 s for $TIMEOUT s
wait_until() {
  local what=$1 pid=$2; shift 2
  local start=$SECONDS
  while :; do
    if "$@" >/dev/null 2>&1; then
      log "$what ok (took $((SECONDS - start))s)"
      return 0
    fi
    if [ -n "$pid" ] && ! is_alive "$pid"; then
      fail "process $pid exited while waiting for $what"
    fi
    if [ $((SECONDS - start)) -ge "$TIMEOUT" ]; then
      fail "timed out after ${TIMEOUT}s waiting for $what"
    fi
    sleep 0.25
  done
}

# start NAME CMD... : run CMD in its own session, logs to logs/NAME.log, record the pid
start() {
  local name=$1; shift
  local lf=$DIR/logs/$name.log pf=$DIR/run/$name.pid i
  rm -f "$pf"
  step "starting $name" "$lf"
  # the inner bash writes its own pid and execs the binary, so the pid is the component's pid
  # even if setsid had to fork; stdin/stdout/stderr are detached from the caller.
  # fd 9 (the up/down lock) must not leak into the daemons, or it stays locked forever.
  setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pf" "$@" \
    >>"$lf" 2>&1 </dev/null 9>&- &
  for i in $(seq 1 100); do [ -s "$pf" ] && break; sleep 0.05; done
  [ -s "$pf" ] || fail "no pid file $pf"
  PID=$(cat "$pf")
  echo "$name=$PID" >>"$DIR/run/pids"
  eval "PID_$(echo "$name" | tr a-z- A-Z_)=$PID"
}

# stop_all [quiet]: stop recorded processes in reverse start order
stop_all() {
  local quiet=${1:-} line name pid i
  [ -f "$DIR/run/pids" ] || return 0
  while IFS='=' read -r name pid; do
    [ -n "$pid" ] || continue
    if ! is_ours "$pid"; then
      [ -n "$quiet" ] || log "$name (pid $pid) not running"
      continue
    fi
    [ -n "$quiet" ] || log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 80); do is_alive "$pid" || break; sleep 0.25; done
    if is_alive "$pid"; then
      log "$name (pid $pid) still alive after 20s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for i in $(seq 1 20); do is_alive "$pid" || break; sleep 0.25; done
    fi
  done < <(tac "$DIR/run/pids")
  # leftovers in the components' sessions (e.g. commands started by kwok for kubectl exec)
  local rest
  rest=$(members $(recorded_pids))
  if [ -n "$rest" ]; then
    log "killing leftover processes in the cluster's sessions: $(echo $rest)"
    kill -KILL $rest 2>/dev/null || true
    sleep 0.5
  fi
  wait 2>/dev/null || true # reap children when stopping from the same shell that started them
}

# members PIDS...: live processes that are one of PIDS or belong to their sessions
members() {
  local p ids=" $* "
  [ $# -gt 0 ] || return 0
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [ "$p" = "$$" ] && continue
    proc_stat "$p" || continue
    [ "$ST" != Z ] && [ "$ST" != X ] || continue
    case $ids in *" $p "* | *" $SID "*) echo "$p" ;; esac
  done
  true
}

recorded_pids() { [ -f "$DIR/run/pids" ] && cut -d= -f2 "$DIR/run/pids" | tr '\n' ' '; true; }

clean_state() {
  # only remove what this script creates (KTL_CLUSTER_DIR may point anywhere)
  rm -rf "$DIR/env" "$DIR/kubeconfig" "$DIR/viewer.kubeconfig" "$DIR/pki" "$DIR/etcd" \
    "$DIR/run" "$DIR/kwok" "$DIR/logs"
}

load_env() {
  [ -f "$DIR/env" ] || return 1
  # shellcheck disable=SC1091
  . "$DIR/env"
  ETCD_PORT=$KTL_ETCD_PORT API_PORT=$KTL_API_PORT KCM_PORT=$KTL_KCM_PORT
  SCHED_PORT=$KTL_SCHEDULER_PORT KWOK_PORT=$KTL_KWOK_PORT
  PID_ETCD=$KTL_ETCD_PID PID_KUBE_APISERVER=$KTL_APISERVER_PID PID_KUBE_CONTROLLER_MANAGER=$KTL_KCM_PID
  PID_KUBE_SCHEDULER=$KTL_SCHEDULER_PID PID_KWOK=$KTL_KWOK_PID
  METRICS_SERVER_PORT=${KTL_METRICS_SERVER_PORT:-} PID_METRICS_SERVER=${KTL_METRICS_SERVER_PID:-}
}

# recorded COMPONENT: whether the env names it (a cluster started before metrics-server was added
# has no metrics-server; it stays healthy and usable rather than being torn down and restarted)
recorded() { [ "$1" != metrics-server ] || [ -n "${PID_METRICS_SERVER:-}" ]; }

pid_of() { local v="PID_$(echo "$1" | tr a-z- A-Z_)"; echo "${!v:-}"; }

healthy() {
  local c
  for c in "${COMPONENTS[@]}"; do
    recorded "$c" || continue
    is_ours "$(pid_of "$c")" && health "$c" || return 1
  done
}

# kubeconfig FILE CONTEXT USER (cert KEYBASE | token TOKEN)
write_kubeconfig() {
  local f=$1 ctx=$2 user=$3 kind=$4 val=$5 cred
  if [ "$kind" = cert ]; then
    cred="    client-certificate-data: $(base64 -w0 <"$val.crt")
    client-key-data: $(base64 -w0 <"$val.key")"
  else
    cred="    token: $val"
  fi
  umask 077
  cat >"$f" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ktl-local
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $(base64 -w0 <"$DIR/pki/ca.crt")
users:
- name: $user
  user:
$cred
contexts:
- name: $ctx
  context:
    cluster: ktl-local
    user: $user
    namespace: default
current-context: $ctx
EOF
  umask 022
}

gen_pki() {
  local P=$DIR/pki
  mkdir -p "$P"
  # (runs in a `||` context, where set -e is off: every command checks its own status)
  (
    cd "$P" || exit 1
    umask 077
    # ECDSA P-256 keys (PKCS#8): RSA key generation took seconds on a loaded 2-core machine.
    # minimal openssl configs so the machine's openssl.cnf does not matter
    printf '[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=ktl-local-ca\n[v3_ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier=hash\n' >ca.cnf
    printf '[req]\ndistinguished_name=dn\n[dn]\n' >req.cnf
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1,IP:10.96.0.1\n' >server.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
    openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout ca.key -out ca.crt -days 3650 \
      -config ca.cnf -extensions v3_ca 2>>openssl.log || exit 1
    sign() { # name subject extfile
      openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout "$1.key" -out "$1.csr" -subj "$2" \
        -config req.cnf 2>>openssl.log &&
        openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
          -days 3650 -extfile "$3" -out "$1.crt" 2>>openssl.log &&
        rm -f "$1.csr"
    }
    sign apiserver /CN=kube-apiserver server.ext || exit 1
    sign admin "/O=system:masters/CN=kubernetes-admin" client.ext || exit 1
    sign kcm /CN=system:kube-controller-manager client.ext || exit 1
    sign scheduler /CN=system:kube-scheduler client.ext || exit 1
    # front-proxy (request header) CA: without it KCM/scheduler log "missing content for CA bundle
    # client-ca::kube-system::extension-apiserver-authentication::requestheader-client-ca-file" forever
    printf '[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=ktl-local-front-proxy-ca\n[v3_ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier=hash\n' >front-proxy-ca.cnf
    openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout front-proxy-ca.key -out front-proxy-ca.crt \
      -days 3650 -config front-proxy-ca.cnf -extensions v3_ca 2>>openssl.log || exit 1
    openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout front-proxy-client.key -out front-proxy-client.csr \
      -subj /CN=front-proxy-client -config req.cnf 2>>openssl.log &&
      openssl x509 -req -in front-proxy-client.csr -CA front-proxy-ca.crt -CAkey front-proxy-ca.key \
        -set_serial "0x$(openssl rand -hex 16)" -days 3650 -extfile client.ext -out front-proxy-client.crt \
        2>>openssl.log && rm -f front-proxy-client.csr || exit 1
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out sa.key 2>>openssl.log || exit 1
    openssl pkey -in sa.key -pubout -out sa.pub 2>>openssl.log || exit 1
    a=$(openssl rand -hex 16) && v=$(openssl rand -hex 16) || exit 1
    # token,user,uid,"group1,group2"
    printf '%s,ktl-admin,ktl-admin-uid,"system:masters"\n%s,ktl-viewer,ktl-viewer-uid\n' "$a" "$v" >tokens.csv || exit 1
    chmod 644 ca.crt
  ) || return 1
  ADMIN_TOKEN=$(sed -n '1s/,.*//p' "$P/tokens.csv")
  VIEWER_TOKEN=$(sed -n '2s/,.*//p' "$P/tokens.csv")
}

env_line() { # KEY VALUE -> KEY=VALUE, quoted only when needed
  if [[ $2 =~ ^[A-Za-z0-9_./:@,+=-]*$ ]]; then printf '%s=%s\n' "$1" "$2"; else printf '%s=%q\n' "$1" "$2"; fi
}

# exec_tools DIR: a `tar` that kwok's exec finds first. kwok runs exec commands on this machine
# and never closes their stdin (it copies the stream into a pipe it does not close), so
# `tar -xf -` fed by `kubectl cp` / `ktl cp` waits forever, as GNU tar reads its input to the end.
# This tar hands an archive read from stdin to the real tar up to its end-of-archive blocks and
# then closes the pipe, as a kubelet does when the client closes stdin. A container whose exec
# environment has KTL_EXEC_WITHOUT=tar (kwok.yaml: containers named no-tar) has no tar at all.
# One whose environment has KTL_EXEC_FLAKY=tar (containers named flaky-tar) breaks `tar cf - SRC`
# partway on request, as a dropped exec stream would: while SRC.break-after (a local file, next to
# SRC) has lines, each run takes off the first line N, sends only the first N bytes of the archive
# and exits 137 (the status of a killed process). Tests arm it to exercise `cp --retries` resuming
# with `tail -c+N` and a copy that fails partway; with no lines left tar runs whole.
exec_tools() {
  local dir=$1 real_tar node
  real_tar=$(command -v tar) || { log "no tar on this machine: cp to pods will not work"; return 0; }
  node=$(command -v node) || { log "no node on this machine: cp to pods will hang"; return 0; }
  mkdir -p "$dir"
  cat >"$dir/tar-archive-end.cjs" <<'EOF'
// stdin to stdout, ending at the tar archive's end-of-archive blocks (padded to a 10 KiB record)
const BLOCK = 512;
let pending = Buffer.alloc(0), skip = 0, zeros = 0, written = 0, done = false;
const out = (b) => { written += b.length; process.stdout.write(b); };
const finish = () => {
  if (done) return;
  done = true;
  process.stdout.write(Buffer.alloc((10240 - (written % 10240)) % 10240), () => process.exit(0));
};
const size = (h) => {
  if (h[124] & 0x80) { let v = 0; for (let i = 125; i < 136; i++) v = v * 256 + h[i]; return v; }
  return parseInt(h.subarray(124, 136).toString('latin1').replace(/[\0 ]/g, '') || '0', 8);
};
process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  while (!done) {
    if (skip > 0) {
      const n = Math.min(skip, pending.length);
      if (n === 0) return;
      out(pending.subarray(0, n)); pending = pending.subarray(n); skip -= n;
      continue;
    }
    if (pending.length < BLOCK) return;
    const header = pending.subarray(0, BLOCK);
    pending = pending.subarray(BLOCK);
    out(header);
    if (header.every((b) => b === 0)) { if (++zeros === 2) finish(); continue; }
    zeros = 0;
    skip = Math.ceil(size(header) / BLOCK) * BLOCK;
  }
});
process.stdin.on('end', finish);
EOF
  cat >"$dir/tar" <<EOF
#!/usr/bin/env bash
# written by scripts/cluster/cluster.sh (exec_tools): tar for kwok's exec
case " \${KTL_EXEC_WITHOUT:-} " in
  *" tar "*) echo 'exec: "tar": executable file not found in \$PATH' >&2; exit 127 ;;
esac
if [[ " \${KTL_EXEC_FLAKY:-} " == *" tar "* && \$# -eq 3 && \$1 == cf && \$2 == - ]]; then
  armed="\${3%/}.break-after"
  if [ -s "\$armed" ]; then
    bytes=\$(head -n 1 "\$armed")
    sed -i 1d "\$armed"
    # the rest of the archive is read and dropped so that tar itself ends normally
    (exec -a tar "$real_tar" "\$@") | { head -c "\$bytes"; cat >/dev/null; }
    exit 137
  fi
fi
extract= prev=
for arg in "\$@"; do
  if [ "\$arg" = - ] && [[ \$prev =~ ^-[A-Za-z]*x[A-Za-z]*f\$ ]]; then extract=1; fi
  prev=\$arg
done
if [ -n "\$extract" ]; then
  "$node" "$dir/tar-archive-end.cjs" | (exec -a tar "$real_tar" "\$@")
  exit "\${PIPESTATUS[1]}"
fi
# (named tar: its messages begin with the name it was run as)
exec -a tar "$real_tar" "\$@"
EOF
  chmod 755 "$dir/tar"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  if load_env 2>/dev/null && healthy; then
    log "cluster already running and healthy (API $KTL_API_SERVER, kubeconfig $KTL_KUBECONFIG)"
    return 0
  fi
  if [ -f "$DIR/env" ] || [ -f "$DIR/run/pids" ] || [ -d "$DIR/etcd" ] || [ -d "$DIR/pki" ]; then
    log "found stale state in $DIR, cleaning up"
    stop_all
    clean_state
  fi
  mkdir -p "$DIR/logs" "$DIR/run" "$DIR/kwok/exec"
  # if up dies half-way (Ctrl-C, SIGTERM, closed output pipe), stop what it started
  UP_DONE=
  # (SIGPIPE is ignored inside the handlers so that logging to a closed pipe cannot abort the cleanup)
  trap 'trap "" PIPE; exit 130' INT TERM HUP PIPE
  trap 'trap "" PIPE INT TERM HUP; [ -n "$UP_DONE" ] || { log "up did not finish, stopping the processes it started"; stop_all quiet; }' EXIT

  step "building binaries (scripts/cluster/build.sh; cached after the first run)"
  local BIN
  if [ -n "${KTL_CLUSTER_BIN_DIR:-}" ]; then
    BIN=$KTL_CLUSTER_BIN_DIR
  else
    BIN=$(bash "$SCRIPT_DIR/build.sh" </dev/null | tail -n 1) || fail "build.sh failed (its output is above)"
  fi
  local b
  for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
    [ -x "$BIN/$b" ] || fail "missing binary $BIN/$b"
  done
  log "binaries: $BIN"
  local KUBECTL=$BIN/kubectl
  local MS_BIN=$BIN
  if [ ! -x "$MS_BIN/metrics-server" ]; then
    step "building metrics-server (scripts/cluster/build-metrics-server.sh; cached after the first run)"
    MS_BIN=$(bash "$SCRIPT_DIR/build-metrics-server.sh" </dev/null | tail -n 1) \
      || fail "build-metrics-server.sh failed (its output is above)"
    [ -x "$MS_BIN/metrics-server" ] || fail "missing binary $MS_BIN/metrics-server"
  fi

  step "generating certificates and tokens in $DIR/pki" "$DIR/pki/openssl.log"
  gen_pki || fail "openssl failed"

  local ports
  ports=($(free_ports 7)) || fail "could not pick free ports (python3 or node needed)"
  [ "${#ports[@]}" -eq 7 ] || fail "could not pick free ports"
  ETCD_PORT=${ports[0]} ETCD_PEER_PORT=${ports[1]} API_PORT=${ports[2]}
  KCM_PORT=${ports[3]} SCHED_PORT=${ports[4]} KWOK_PORT=${ports[5]} METRICS_SERVER_PORT=${ports[6]}
  log "ports: etcd=$ETCD_PORT peer=$ETCD_PEER_PORT apiserver=$API_PORT kcm=$KCM_PORT scheduler=$SCHED_PORT kwok=$KWOK_PORT metrics-server=$METRICS_SERVER_PORT"

  local P=$DIR/pki R=$DIR/run
  write_kubeconfig "$DIR/kubeconfig" ktl-local admin cert "$P/admin"
  write_kubeconfig "$DIR/viewer.kubeconfig" ktl-viewer viewer token "$VIEWER_TOKEN"
  write_kubeconfig "$R/kcm.kubeconfig" ktl-local system:kube-controller-manager cert "$P/kcm"
  write_kubeconfig "$R/scheduler.kubeconfig" ktl-local system:kube-scheduler cert "$P/scheduler"
  local K=(env -u KUBECONFIG "$KUBECTL" --kubeconfig "$DIR/kubeconfig" --request-timeout=10s)

  # --- etcd
  start etcd "$BIN/etcd" --name=ktl --data-dir="$DIR/etcd" --log-level=warn \
    --unsafe-no-fsync --watch-progress-notify-interval=5s \
    --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster="ktl=http://127.0.0.1:$ETCD_PEER_PORT"
  wait_until "etcd /readyz" "$PID" health etcd

  # --- kube-apiserver
  # advertise address: with a default route the apiserver picks that interface itself (it only
  # publishes it in the `kubernetes` Service endpoints; nothing here connects to it).
  local adv=() a=${KTL_CLUSTER_ADVERTISE_ADDRESS:-}
  if [ -z "$a" ] && ! awk 'NR > 1 && $2 == "00000000" { f = 1 } END { exit !f }' /proc/net/route 2>/dev/null; then
    a=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9.]+$' | grep -v '^127\.' | head -n 1 || true)
    a=${a:-127.0.0.1}
    log "no IPv4 default route: using --advertise-address=$a"
  fi
  [ -z "$a" ] || adv=(--advertise-address="$a")
  # a loopback advertise address is accepted by v1.34 but the `kubernetes` Endpoints then fail
  # validation ("may not be in the loopback range") on every sync; do not reconcile them at all
  case $a in 127.*) adv+=(--endpoint-reconciler-type=none) ;; esac
  APISERVER_ARGS=("$BIN/kube-apiserver" "${adv[@]}" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --secure-port="$API_PORT" --cert-dir="$R/apiserver" \
    --tls-cert-file="$P/apiserver.crt" --tls-private-key-file="$P/apiserver.key" \
    --client-ca-file="$P/ca.crt" --token-auth-file="$P/tokens.csv" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$P/sa.pub" --service-account-signing-key-file="$P/sa.key" \
    --service-cluster-ip-range=10.96.0.0/16 --authorization-mode=Node,RBAC --allow-privileged=true \
    --kubelet-preferred-address-types=Hostname,InternalIP --profiling=false \
    --requestheader-client-ca-file="$P/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$P/front-proxy-client.crt" --proxy-client-key-file="$P/front-proxy-client.key")
  # kept so that `restart-apiserver` can start it again with the very same flags and port
  printf '%s\0' "${APISERVER_ARGS[@]}" >"$R/kube-apiserver.args"
  start kube-apiserver "${APISERVER_ARGS[@]}"
  wait_until "kube-apiserver /readyz" "$PID" health kube-apiserver

  step "granting the viewer token user (ktl-viewer) the 'view' ClusterRole" "$DIR/logs/kube-apiserver.log"
  "${K[@]}" create clusterrolebinding ktl-viewer-view --clusterrole=view --user=ktl-viewer >/dev/null \
    || fail "kubectl create clusterrolebinding failed"

  # --- kube-controller-manager
  start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$R/kcm.kubeconfig" \
    --authentication-kubeconfig="$R/kcm.kubeconfig" --authorization-kubeconfig="$R/kcm.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --cert-dir="$R/kcm" --leader-elect=false \
    --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
    --use-service-account-credentials --service-account-private-key-file="$P/sa.key" \
    --root-ca-file="$P/ca.crt" --cluster-signing-cert-file="$P/ca.crt" --cluster-signing-key-file="$P/ca.key" \
    --service-cluster-ip-range=10.96.0.0/16 --profiling=false
  wait_until "kube-controller-manager /healthz" "$PID" health kube-controller-manager

  # --- kube-scheduler
  start kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$R/scheduler.kubeconfig" \
    --authentication-kubeconfig="$R/scheduler.kubeconfig" --authorization-kubeconfig="$R/scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" --cert-dir="$R/scheduler" --leader-elect=false \
    --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics --profiling=false
  wait_until "kube-scheduler /healthz" "$PID" health kube-scheduler

  step "waiting for ServiceAccount default/default (created by kube-controller-manager)" \
    "$DIR/logs/kube-controller-manager.log"
  wait_until "ServiceAccount default/default" "$PID_KUBE_CONTROLLER_MANAGER" \
    "${K[@]}" get serviceaccount default -n default

  # --- kwok
  local KW=$DIR/kwok now
  now=$(date -u +%Y-%m-%dT%H:%M:%S)
  # CRI log format, served for every container by `kubectl logs`
  printf '%s.000000000Z stdout F fake log line 1 from kwok\n%s.100000000Z stdout F fake log line 2 from kwok\n%s.200000000Z stderr F fake log line 3 from kwok\n' \
    "$now" "$now" "$now" >"$KW/container.log"
  cat >"$KW/kwok.yaml" <<EOF
kind: ClusterLogs
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-all-logs
spec:
  selector: {}
  logs:
  - logsFile: $KW/container.log
    follow: false
---
kind: ClusterExec
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-all-exec
spec:
  selector: {}
  execs:
  # a container named no-tar is a container without tar (see exec_tools)
  - containers: [no-tar]
    local:
      workDir: $KW/exec
      envs: [{name: KTL_EXEC_WITHOUT, value: tar}]
  # a container named flaky-tar breaks an archive partway when a test arms it (see exec_tools)
  - containers: [flaky-tar]
    local:
      workDir: $KW/exec
      envs: [{name: KTL_EXEC_FLAKY, value: tar}]
  - local:
      workDir: $KW/exec
---
# port-forward to 8080 of any pod answers one fixed HTTP response (port 81 stays unforwarded:
# tests use it for the error path)
kind: ClusterPortForward
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-all-port-forward
spec:
  selector: {}
  forwards:
  - ports: [8080]
    command: [printf, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 15\r\nConnection: close\r\n\r\nhello from kwok"]
---
# attach follows attach.log from its end: kwok ignores stdin and never ends the stream, so tests
# append CRI lines to it and end the client. A container named broken-attach points at a missing
# file: its attach fails, and run -i falls back to the logs as with a kubelet that refuses.
kind: ClusterAttach
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-all-attach
spec:
  selector: {}
  attaches:
  - containers: [broken-attach]
    logsFile: $KW/missing-attach.log
  - logsFile: $KW/attach.log
---
# The kubelet's /metrics/resource, emulated per fake node at /metrics/nodes/<node>/metrics/resource
# (the node annotation metrics.k8s.io/resource-metrics-path points metrics-server there); after
# kwok's kustomize/metrics/resource/metrics-resource.yaml. Values come from the usage below.
kind: Metric
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-metrics-resource
spec:
  path: /metrics/nodes/{nodeName}/metrics/resource
  metrics:
  - {name: scrape_error, dimension: node, kind: gauge, value: '0', help: 1 if there was an error while getting metrics from the node, 0 otherwise}
  - name: container_start_time_seconds
    dimension: container
    kind: gauge
    help: Start time of the container since unix epoch in seconds
    labels: [{name: container, value: container.name}, {name: namespace, value: pod.metadata.namespace}, {name: pod, value: pod.metadata.name}]
    value: pod.SinceSecond()
  - name: container_cpu_usage_seconds_total
    dimension: container
    kind: counter
    help: Cumulative cpu time consumed by the container in core-seconds
    labels: [{name: container, value: container.name}, {name: namespace, value: pod.metadata.namespace}, {name: pod, value: pod.metadata.name}]
    value: pod.CumulativeUsage("cpu", container.name)
  - name: container_memory_working_set_bytes
    dimension: container
    kind: gauge
    help: Current working set of the container in bytes
    labels: [{name: container, value: container.name}, {name: namespace, value: pod.metadata.namespace}, {name: pod, value: pod.metadata.name}]
    value: pod.Usage("memory", container.name)
  - name: pod_cpu_usage_seconds_total
    dimension: pod
    kind: counter
    help: Cumulative cpu time consumed by the pod in core-seconds
    labels: [{name: namespace, value: pod.metadata.namespace}, {name: pod, value: pod.metadata.name}]
    value: pod.CumulativeUsage("cpu")
  - name: pod_memory_working_set_bytes
    dimension: pod
    kind: gauge
    help: Current working set of the pod in bytes
    labels: [{name: namespace, value: pod.metadata.namespace}, {name: pod, value: pod.metadata.name}]
    value: pod.Usage("memory")
  # a node's usage is its pods' plus a system overhead (50m, 256Mi): metrics-server drops nodes
  # that report zero, and a real node never idles at zero
  - name: node_cpu_usage_seconds_total
    dimension: node
    kind: counter
    help: Cumulative cpu time consumed by the node in core-seconds
    value: node.CumulativeUsage("cpu") + node.SinceSecond() * 0.05
  - name: node_memory_working_set_bytes
    dimension: node
    kind: gauge
    help: Current working set of the node in bytes
    value: node.Usage("memory") + 268435456.0
---
# Usage per container: the pod annotations kwok.x-k8s.io/usage-cpu and kwok.x-k8s.io/usage-memory
# when set (tests use them for exact sorting), else a value that differs from pod to pod (from the
# length of its name and its creation second), so that top --sort-by has something to sort.
kind: ClusterResourceUsage
apiVersion: kwok.x-k8s.io/v1alpha1
metadata:
  name: ktl-usage
spec:
  selector: {}
  usages:
  - usage:
      cpu:
        expression: |
          "kwok.x-k8s.io/usage-cpu" in pod.metadata.annotations
          ? Quantity(pod.metadata.annotations["kwok.x-k8s.io/usage-cpu"])
          : Quantity("1m") * double(1 + (size(pod.metadata.name) * 7 + int(UnixSecond(pod.metadata.creationTimestamp))) % 50)
      memory:
        expression: |
          "kwok.x-k8s.io/usage-memory" in pod.metadata.annotations
          ? Quantity(pod.metadata.annotations["kwok.x-k8s.io/usage-memory"])
          : Quantity("1Mi") * double(4 + (size(pod.metadata.name) * 13 + int(UnixSecond(pod.metadata.creationTimestamp))) % 60)
EOF
  : >"$KW/attach.log"
  exec_tools "$KW/bin"
  # KWOK_WORKDIR keeps kwok away from ~/.kwok (it would load ~/.kwok/kwok.yaml too); exec_tools'
  # directory comes first in PATH, where kwok looks up the commands it runs for exec
  start kwok env KWOK_WORKDIR="$KW" PATH="$KW/bin:$PATH" "$BIN/kwok" --kubeconfig="$DIR/kubeconfig" --config="$KW/kwok.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --node-ip=127.0.0.1 --node-name=localhost --node-port="$KWOK_PORT" \
    --server-address="127.0.0.1:$KWOK_PORT" --cidr=10.244.0.0/16 --node-lease-duration-seconds=40
  wait_until "kwok /readyz" "$PID" health kwok

  # --- fake nodes
  local i names=() nodes_yaml=
  for ((i = 0; i < NODES; i++)); do
    names+=("kwok-node-$i")
    nodes_yaml+="---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: \"0\"
    metrics.k8s.io/resource-metrics-path: /metrics/nodes/kwok-node-$i/metrics/resource
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: \"\"
    type: kwok
"
  done
  step "creating $NODES fake nodes (${names[*]})" "$DIR/logs/kwok.log"
  printf '%s' "$nodes_yaml" | "${K[@]}" create -f - >/dev/null || fail "kubectl create nodes failed"
  # Ready, and the node.kubernetes.io/not-ready taint (added at creation) removed by the KCM
  nodes_ready() {
    local out
    out=$("${K[@]}" get nodes -l type=kwok -o \
      'jsonpath={range .items[*]}{.metadata.name}:{.status.conditions[?(@.type=="Ready")].status}:{.spec.taints}{"\n"}{end}') || return 1
    [ "$(grep -c ':True:$' <<<"$out")" -eq "$NODES" ]
  }
  wait_until "$NODES nodes Ready and untainted" "$PID_KWOK" nodes_ready

  # --- metrics-server: scrapes kwok (InternalIP 127.0.0.1, the node status port = kwok's port,
  # kwok's self-signed certificate) and is reached by the apiserver's aggregation layer (front-proxy
  # client cert, trusted through extension-apiserver-authentication) via an ExternalName Service.
  # It runs with the admin kubeconfig: loopback only, and no RBAC to set up for its delegated
  # authentication and authorization.
  start metrics-server "$MS_BIN/metrics-server" --kubeconfig="$DIR/kubeconfig" \
    --authentication-kubeconfig="$DIR/kubeconfig" --authorization-kubeconfig="$DIR/kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$METRICS_SERVER_PORT" --cert-dir="$R/metrics-server" \
    --kubelet-insecure-tls --kubelet-preferred-address-types=InternalIP --kubelet-use-node-status-port \
    --metric-resolution=10s --kubelet-request-timeout=5s
  wait_until "metrics-server /livez" "$PID" health metrics-server
  step "registering the metrics.k8s.io API (APIService v1beta1.metrics.k8s.io)" "$DIR/logs/metrics-server.log"
  cat <<EOF | "${K[@]}" apply -f - >/dev/null || fail "kubectl apply of the metrics APIService failed"
apiVersion: v1
kind: Service
metadata:
  name: metrics-server
  namespace: kube-system
spec:
  type: ExternalName
  externalName: 127.0.0.1
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1beta1.metrics.k8s.io
spec:
  group: metrics.k8s.io
  version: v1beta1
  groupPriorityMinimum: 100
  versionPriority: 100
  insecureSkipTLSVerify: true
  service:
    name: metrics-server
    namespace: kube-system
    port: $METRICS_SERVER_PORT
EOF
  apiservice_available() {
    [ "$("${K[@]}" get apiservice v1beta1.metrics.k8s.io \
      -o 'jsonpath={.status.conditions[?(@.type=="Available")].status}')" = True ]
  }
  wait_until "APIService v1beta1.metrics.k8s.io Available" "$PID_METRICS_SERVER" apiservice_available

  # --- env
  step "writing $DIR/env"
  {
    echo "# generated by scripts/cluster/cluster.sh up at $(date -u +%Y-%m-%dT%H:%M:%SZ); source it"
    env_line KTL_CLUSTER_DIR "$DIR"
    env_line KTL_BIN_DIR "$BIN"
    env_line KTL_KUBECTL "$KUBECTL"
    env_line KTL_KUBECONFIG "$DIR/kubeconfig"
    env_line KTL_VIEWER_KUBECONFIG "$DIR/viewer.kubeconfig"
    env_line KTL_CONTEXT ktl-local
    env_line KTL_VIEWER_CONTEXT ktl-viewer
    env_line KTL_PKI_DIR "$P"
    env_line KTL_LOG_DIR "$DIR/logs"
    env_line KTL_API_PORT "$API_PORT"
    env_line KTL_API_SERVER "https://127.0.0.1:$API_PORT"
    env_line KTL_ETCD_PORT "$ETCD_PORT"
    env_line KTL_ETCD_PEER_PORT "$ETCD_PEER_PORT"
    env_line KTL_ETCD_ENDPOINT "http://127.0.0.1:$ETCD_PORT"
    env_line KTL_KCM_PORT "$KCM_PORT"
    env_line KTL_SCHEDULER_PORT "$SCHED_PORT"
    env_line KTL_KWOK_PORT "$KWOK_PORT"
    env_line KTL_ETCD_PID "$PID_ETCD"
    env_line KTL_APISERVER_PID "$PID_KUBE_APISERVER"
    env_line KTL_KCM_PID "$PID_KUBE_CONTROLLER_MANAGER"
    env_line KTL_SCHEDULER_PID "$PID_KUBE_SCHEDULER"
    env_line KTL_KWOK_PID "$PID_KWOK"
    env_line KTL_METRICS_SERVER_PORT "$METRICS_SERVER_PORT"
    env_line KTL_METRICS_SERVER_PID "$PID_METRICS_SERVER"
    env_line KTL_ADMIN_USER ktl-admin
    env_line KTL_ADMIN_TOKEN "$ADMIN_TOKEN"
    env_line KTL_VIEWER_USER ktl-viewer
    env_line KTL_VIEWER_TOKEN "$VIEWER_TOKEN"
    env_line KTL_NODES "$(IFS=,; echo "${names[*]}")"
    env_line KTL_FAKE_LOG_FILE "$KW/container.log"
  } >"$DIR/env.tmp"
  mv "$DIR/env.tmp" "$DIR/env"
  UP_DONE=1
  log "cluster up: $KUBECTL --kubeconfig $DIR/kubeconfig get nodes"
  log "env for tests: . $DIR/env"
}

cmd_down() {
  if [ ! -f "$DIR/run/pids" ] && [ ! -f "$DIR/env" ]; then
    log "no cluster recorded in $DIR"
  fi
  stop_all
  local left p
  left=$(members $(recorded_pids))
  if [ -n "$left" ]; then
    log "processes still running after down:"
    for p in $left; do ps -o pid=,stat=,args= -p "$p" >&2 || true; done
    clean_state
    return 1
  fi
  clean_state
  log "cluster down; no processes left"
}

cmd_status() {
  local ok=0 c pid alive h
  if ! load_env; then
    echo "no cluster recorded in $DIR (no env file)"
    if [ -f "$DIR/run/pids" ]; then echo "partial state present: $DIR/run/pids (run 'down' or 'up')"; fi
    return 1
  fi
  printf '%-24s %-8s %-6s %s\n' COMPONENT PID ALIVE HEALTH
  for c in "${COMPONENTS[@]}"; do
    if ! recorded "$c"; then printf '%-24s %-8s %-6s %s\n' "$c" - - "not started (cluster predates it)"; continue; fi
    pid=$(pid_of "$c")
    if is_ours "$pid"; then alive=yes; else alive=no; ok=1; fi
    if health "$c" 2>/dev/null; then h=ok; else h=failing; ok=1; fi
    printf '%-24s %-8s %-6s %s\n' "$c" "$pid" "$alive" "$h"
  done
  echo "api: $KTL_API_SERVER  kubeconfig: $KTL_KUBECONFIG"
  if [ $ok -eq 0 ]; then echo "healthy"; else echo "UNHEALTHY"; fi
  return $ok
}

# restart-apiserver: stop kube-apiserver (SIGTERM, then SIGKILL after 20 s) and start it again
# with the same flags, port and certificates; etcd keeps the data. For tests of clients that
# must survive an API server restart (watches, the dashboard).
cmd_restart_apiserver() {
  load_env || fail "no cluster recorded in $DIR"
  local pid=$KTL_APISERVER_PID args=() i
  [ -f "$DIR/run/kube-apiserver.args" ] || fail "no recorded kube-apiserver flags"
  while IFS= read -r -d '' a; do args+=("$a"); done <"$DIR/run/kube-apiserver.args"
  step "stopping kube-apiserver (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 200); do is_alive "$pid" || break; sleep 0.1; done
  is_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  sed -i "/^kube-apiserver=/d" "$DIR/run/pids"
  start kube-apiserver "${args[@]}"
  wait_until "kube-apiserver /readyz" "$PID" health kube-apiserver
  sed -i "s/^KTL_APISERVER_PID=.*/KTL_APISERVER_PID=$PID/" "$DIR/env"
  log "kube-apiserver restarted (pid $PID)"
}

# ---------------------------------------------------------------- main

usage() { echo "usage: $0 up|down|status|restart-apiserver" >&2; exit 2; }
[ $# -ge 1 ] || usage
DIR=$(abs_dir "$DIR")
if [ "$1" = up ] || [ "$1" = down ] || [ "$1" = restart-apiserver ]; then
  # one up/down at a time per cluster dir
  exec 9>"$DIR/.lock"
  if ! flock -w 900 9; then echo "could not lock $DIR/.lock" >&2; exit 1; fi
fi
case $1 in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  restart-apiserver) cmd_restart_apiserver ;;
  *) usage ;;
esac
