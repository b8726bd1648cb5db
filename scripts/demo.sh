#!/usr/bin/env bash
# The main job: installs what is missing, then runs apps/register-example, which registers a user
# against Janus and prints its state changes. Extra arguments go to the example.
#
#   bash scripts/demo.sh                       # starts a local Janus inside a network namespace (root)
#   bash scripts/demo.sh --server URL [...]    # uses your Janus; no local Janus, no namespace
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -f apps/register-example/package.json ]; then
  echo "demo: apps/register-example does not exist yet." >&2
  exit 1
fi

own_server=0
for arg in "$@"; do
  case "$arg" in --server | --server=*) own_server=1 ;; esac
done

if [ "$own_server" = 1 ]; then
  # The namespace has no route out, so a Janus of the user's own is reached from the host.
  if ! . scripts/ensure-env.sh --; then exit 1; fi
  exec pnpm --silent --filter register-example start "$@"
fi

if ! . scripts/ensure-env.sh janus netns; then exit 1; fi
exec bash tools/janus-harness/bin/in-netns.sh pnpm --silent --filter register-example start "$@"
