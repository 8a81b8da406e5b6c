#!/usr/bin/env bash
# The Debian packages the tests need beyond Node and Go: shells for the completion tests
# (zsh, fish, bash-completion), tmux for the dashboard tests, openssl and curl for the
# cluster's certificates and health checks. Used by .ci/run and by `npm test` (scripts/test.mjs),
# so the README's test command passes on a fresh machine by itself.
# Installs what is missing when it may (root and apt-get), else fails at once naming the one
# command that installs them. Prints nothing when everything is present.
set -euo pipefail

need=()
for tool in openssl:openssl curl:curl tmux:tmux zsh:zsh fish:fish; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
[ -f /usr/share/bash-completion/bash_completion ] || need+=(bash-completion)
[ ${#need[@]} -eq 0 ] && exit 0

install=(apt-get install -y -qq --no-install-recommends "${need[@]}")
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  "${install[@]}" >/dev/null
  exit 0
fi
echo "error: the tests need ${need[*]}; install them with: sudo apt-get update && sudo ${install[*]}" >&2
exit 1
