#!/usr/bin/env bash
# Makes sure this machine can build and test janus-call, installing what is missing when it can.
# Idempotent and quiet when everything is already there.
#
#   bash scripts/ensure-env.sh [janus] [chromium] [netns]     # run it
#   . scripts/ensure-env.sh [janus] [chromium] [netns]        # or source it: PATH changes stay
#   . scripts/ensure-env.sh --                                # (sourcing with no words would pass the caller's "$@")
#
# Always: Node.js >= 20.19, pnpm 10.34.9, and node_modules matching pnpm-lock.yaml.
#   janus     Debian's `janus` package (the integration tests and the demo run a real Janus).
#   chromium  Debian's `chromium` package (browser end-to-end tests).
#   netns     root and iproute2, to run Janus in a network namespace (tools/janus-harness/bin/in-netns.sh).
#             Skipped when JANUS_CALL_NETNS=0 (a host with a real network interface needs no namespace).
#
# System packages are installed with apt-get only when running as root on Debian/Ubuntu; otherwise
# the script prints the exact command to run and fails.
# For testing this script: JANUS_CALL_ASSUME_NONROOT=1 acts as if not root, JANUS_CALL_ASSUME_NO_APT=1
# acts as if apt-get were absent.

# Runs a command with its output kept back, and shows the output only if it fails.
_jc_quiet() {
  local log rc
  log="$(mktemp)" || return 1
  "$@" >"$log" 2>&1
  rc=$?
  [ "$rc" = 0 ] || tail -n 40 "$log" >&2
  rm -f "$log"
  return "$rc"
}

# Everything lives in functions with explicit checks (no `set -e`), so sourcing it leaves the caller's
# shell options alone.
_jc_ensure_env() {
  local pnpm_version="10.34.9" node_min="20.19"
  local root want
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1

  local need_janus=0 need_chromium=0 need_netns=0
  for want in "$@"; do
    case "$want" in
      janus) need_janus=1 ;;
      chromium) need_chromium=1 ;;
      netns) need_netns=1 ;;
      --) ;; # lets a caller source this with no requirement and without passing its own "$@"
      *) echo "ensure-env: unknown requirement '$want' (expected: janus, chromium, netns)" >&2; return 2 ;;
    esac
  done
  [ "${JANUS_CALL_NETNS:-1}" = "0" ] && need_netns=0

  # The command to suggest re-running: this script, or the script that sourced it.
  local rerun="$0"
  [ "${BASH_SOURCE[0]}" = "$0" ] && [ "$#" -gt 0 ] && rerun="$0 $*"

  local is_root=0 has_apt=0
  [ "$(id -u)" = "0" ] && [ -z "${JANUS_CALL_ASSUME_NONROOT:-}" ] && is_root=1
  command -v apt-get >/dev/null 2>&1 && [ -z "${JANUS_CALL_ASSUME_NO_APT:-}" ] && has_apt=1

  # --- Node.js -----------------------------------------------------------------------------------
  if ! command -v node >/dev/null 2>&1; then
    echo "ensure-env: Node.js >= $node_min is required and was not found. Install it from https://nodejs.org (or nvm, fnm, NodeSource)." >&2
    return 1
  fi
  if ! node -e '
    const [a, b] = process.argv[1].split(".").map(Number);
    const [x, y] = process.versions.node.split(".").map(Number);
    process.exit(x > a || (x === a && y >= b) ? 0 : 1);' "$node_min"; then
    echo "ensure-env: Node.js >= $node_min is required, found $(node --version). Upgrade Node.js and run again." >&2
    return 1
  fi

  # --- System packages (before pnpm: nothing else needs the network after this) -------------------
  local missing=() pkg
  if [ "$need_janus" = 1 ] && ! command -v janus >/dev/null 2>&1; then missing+=(janus); fi
  if [ "$need_chromium" = 1 ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
  if [ "$need_netns" = 1 ] && ! command -v ip >/dev/null 2>&1; then missing+=(iproute2); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$is_root" = 1 ] && [ "$has_apt" = 1 ]; then
      echo "ensure-env: installing ${missing[*]} with apt-get" >&2
      if ! _jc_quiet env DEBIAN_FRONTEND=noninteractive apt-get update ||
        ! _jc_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
        echo "ensure-env: apt-get failed to install: ${missing[*]}" >&2
        return 1
      fi
      hash -r
      for pkg in "${missing[@]}"; do
        case "$pkg" in janus) want=janus ;; chromium) want=chromium ;; iproute2) want=ip ;; esac
        if ! command -v "$want" >/dev/null 2>&1; then
          echo "ensure-env: apt-get installed $pkg but '$want' is still not on PATH ($PATH)" >&2
          return 1
        fi
      done
    elif [ "$has_apt" = 1 ]; then
      echo "ensure-env: missing system packages: ${missing[*]}. Install them, then run again:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      return 1
    else
      echo "ensure-env: missing: ${missing[*]}, and this is not a Debian/Ubuntu system (no apt-get)." >&2
      for pkg in "${missing[@]}"; do
        case "$pkg" in
          janus) echo "  janus: install the Janus WebRTC Server >= 1.1 with the videocall plugin and the HTTP transport (your distribution's 'janus' package, or build https://github.com/meetecho/janus-gateway), so that 'janus' is on PATH." >&2 ;;
          chromium) echo "  chromium: install Chromium so that 'chromium' is on PATH." >&2 ;;
          iproute2) echo "  iproute2: the 'ip' command (Linux only). On a host with a real network interface, set JANUS_CALL_NETNS=0 instead." >&2 ;;
        esac
      done
      return 1
    fi
  fi
  if [ "$need_netns" = 1 ] && [ "$is_root" != 1 ]; then
    echo "ensure-env: Janus runs in a network namespace here, which needs root. Either run as root:" >&2
    echo "  sudo env \"PATH=\$PATH\" bash $rerun" >&2
    echo "or, on a host with a real (non-loopback) network interface, run without the namespace:" >&2
    echo "  JANUS_CALL_NETNS=0 bash $rerun" >&2
    return 1
  fi

  # --- pnpm ----------------------------------------------------------------------------------------
  local have=""
  if command -v pnpm >/dev/null 2>&1; then have="$(pnpm --version 2>/dev/null)" || have=""; fi
  if [ "$have" != "$pnpm_version" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "ensure-env: pnpm $pnpm_version is required (found: ${have:-none}) and npm is missing to install it." >&2
      return 1
    fi
    local prefix
    prefix="$(npm prefix -g 2>/dev/null)" || prefix=""
    if [ -z "$prefix" ] || [ -n "${JANUS_CALL_ASSUME_NONROOT:-}" ] || [ ! -w "$prefix" ] ||
      { [ -e "$prefix/lib/node_modules" ] && [ ! -w "$prefix/lib/node_modules" ]; }; then
      echo "ensure-env: pnpm $pnpm_version is required (found: ${have:-none}). Install it, then run again:" >&2
      echo "  sudo npm install -g pnpm@$pnpm_version" >&2
      return 1
    fi
    echo "ensure-env: installing pnpm $pnpm_version with npm (found: ${have:-none})" >&2
    if ! _jc_quiet npm install -g --no-fund --no-audit --loglevel=error "pnpm@$pnpm_version"; then
      echo "ensure-env: 'npm install -g pnpm@$pnpm_version' failed" >&2
      return 1
    fi
    # npm's global bin may come after another pnpm on PATH, or not be on PATH at all.
    export PATH="$prefix/bin:$PATH"
    hash -r
    have="$(pnpm --version 2>/dev/null)" || have=""
    if [ "$have" != "$pnpm_version" ]; then
      echo "ensure-env: installed pnpm $pnpm_version into $prefix/bin but 'pnpm --version' says '${have:-nothing}'" >&2
      return 1
    fi
  fi

  # --- node_modules ------------------------------------------------------------------------------
  # The stamp holds a hash of the lockfile that the last successful install used.
  local stamp="$root/node_modules/.janus-call-lock.sha256" hash
  hash="$(node -e 'process.stdout.write(require("crypto").createHash("sha256").update(require("fs").readFileSync(process.argv[1])).digest("hex"))' "$root/pnpm-lock.yaml")" || return 1
  if [ ! -f "$stamp" ] && [ -f "$root/node_modules/.pnpm/lock.yaml" ] && cmp -s "$root/pnpm-lock.yaml" "$root/node_modules/.pnpm/lock.yaml"; then
    # Installed before this stamp existed, from the same lockfile: adopt it.
    printf '%s\n' "$hash" >"$stamp"
  fi
  if [ ! -d "$root/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
    echo "ensure-env: installing dependencies (pnpm install --frozen-lockfile)" >&2
    # confirm-modules-purge=false: without a terminal pnpm would abort instead of asking to rebuild node_modules.
    if ! (cd "$root" && _jc_quiet pnpm install --frozen-lockfile --config.confirm-modules-purge=false --reporter=append-only); then
      echo "ensure-env: 'pnpm install --frozen-lockfile' failed (is pnpm-lock.yaml up to date with the package.json files?)" >&2
      return 1
    fi
    printf '%s\n' "$hash" >"$stamp"
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _jc_ensure_env "$@"
  exit $?
else
  _jc_ensure_env "$@"
fi
