#!/usr/bin/env bash
# The main job: installs what is missing, then runs the videocall demo app: a local Janus, the Node
# echo bot registered as "echo", and the demo built and served on 127.0.0.1. Prints the URL; Ctrl-C
# stops everything (by PID; the network namespace is deleted by in-netns.sh).
#
#   bash scripts/demo.sh                      # React demo, local Janus + echo bot (in a network namespace: root)
#   bash scripts/demo.sh --framework vue      # the Vue demo instead
#   bash scripts/demo.sh --server URL         # your Janus: no local Janus, no bot, no namespace
#   bash scripts/demo.sh --check              # headless check (load, register, call the bot, screenshot), then exit
#   bash scripts/demo.sh --port N --janus-port N
#
# JANUS_CALL_NETNS=0 runs it on the host, for a machine with a real network interface.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

framework=react
own_server=0
check=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --framework) framework="${args[$((i + 1))]:-}" ;;
    --framework=*) framework="${args[$i]#--framework=}" ;;
    --server | --server=*) own_server=1 ;;
    --check) check=1 ;;
  esac
done

case "$framework" in
  react | vue) ;;
  *) echo "demo: --framework must be react or vue (got '$framework')" >&2; exit 2 ;;
esac
if [ ! -f "apps/demo-$framework/index.html" ]; then
  echo "demo: apps/demo-$framework does not exist yet." >&2
  exit 1
fi

needs=()
[ "$check" = 1 ] && needs+=(chromium)
serve=(node --conditions=source --import tsx e2e/src/serve-demo.ts "$@")

if [ "$own_server" = 1 ]; then
  # The namespace has no route out, so a Janus of the user's own is reached from the host.
  if ! . scripts/ensure-env.sh -- ${needs[@]+"${needs[@]}"}; then exit 1; fi
  exec "${serve[@]}"
fi

if ! . scripts/ensure-env.sh janus netns ${needs[@]+"${needs[@]}"}; then exit 1; fi
exec bash tools/janus-harness/bin/in-netns.sh "${serve[@]}"
