#!/usr/bin/env bash
# Runs a command inside a fresh network namespace with a veth pair, so that Janus and its
# clients have a non-loopback interface for ICE (Janus never gathers candidates on loopback).
# Nothing inside can reach any network but its own. The namespace is deleted on exit.
#
#   in-netns.sh CMD [ARGS...]
#
# JANUS_CALL_NETNS=0 runs CMD directly (a host with a real network interface needs no namespace).
set -euo pipefail

if [ "${JANUS_CALL_NETNS:-1}" = "0" ] || [ -n "${JANUS_CALL_IN_NETNS:-}" ]; then
  exec "$@"
fi

if [ "$(id -u)" != "0" ] || ! command -v ip >/dev/null 2>&1; then
  echo "in-netns: creating a network namespace needs root and iproute2." >&2
  echo "in-netns: run as root:   sudo -E $0 $*" >&2
  echo "in-netns: or, on a host with a real network interface: JANUS_CALL_NETNS=0 $*" >&2
  exit 1
fi

prefix="jcall-"
# Delete namespaces left by runs of ours whose process is gone.
for old in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${prefix}" || true); do
  pid="${old#"$prefix"}"
  if ! kill -0 "$pid" 2>/dev/null; then ip netns delete "$old" 2>/dev/null || true; fi
done

ns="${prefix}$$"
cleanup() { ip netns delete "$ns" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add jcall0 type veth peer name jcall1
ip -n "$ns" addr add 10.211.0.1/24 dev jcall0
ip -n "$ns" addr add 10.211.0.2/24 dev jcall1
ip -n "$ns" link set jcall0 up
ip -n "$ns" link set jcall1 up

set +e
JANUS_CALL_IN_NETNS="$ns" ip netns exec "$ns" "$@"
rc=$?
set -e
exit "$rc"
