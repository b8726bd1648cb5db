#!/usr/bin/env bash
# The project's test command: installs what is missing, then builds, type-checks, lints and runs every
# test suite. A failing step does not stop the later ones, so one run shows everything. The last line
# is `N passed, N failed[, N skipped]`; the exit code is non-zero if any step failed or no test ran.
#
#   bash scripts/test.sh
#
# Integration and browser e2e tests run a real Janus (and Debian's Chromium) inside a network namespace
# (root needed); on a host with a real network interface, JANUS_CALL_NETNS=0 runs them without it.
# Reports go to .test-results/.
# JANUS_CALL_STEP_TIMEOUT=SECONDS stops a hung step (default: 1200 when CI is set, none otherwise).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
export TURBO_TELEMETRY_DISABLED=1
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS" || exit 1

# On CI a hung step must not eat the whole time budget. Locally there is no limit, so Ctrl-C works as usual
# (timeout(1) puts the step in a process group of its own, away from the terminal's signals).
STEP_TIMEOUT="${JANUS_CALL_STEP_TIMEOUT:-}"
if [ -z "$STEP_TIMEOUT" ] && [ -n "${CI:-}" ] && [ "${CI}" != "false" ]; then STEP_TIMEOUT=1200; fi
limit() {
  if [ -n "$STEP_TIMEOUT" ] && [ "$STEP_TIMEOUT" != 0 ] && command -v timeout >/dev/null 2>&1; then
    timeout --kill-after=30 "$STEP_TIMEOUT" "$@"
  else
    "$@"
  fi
}

header() { printf '\n==> %s  (at %ss)\n' "$1" "$SECONDS"; }

# record NAME KIND EXIT START [REPORT]: one line of .test-results/steps.tsv, read by the summary.
record() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$((SECONDS - $4))" "${5:-}" >>"$RESULTS/steps.tsv"
  if [ "$3" = 0 ]; then
    printf '<== %s: ok (%ss)\n' "$1" "$((SECONDS - $4))"
  elif [ "$3" = 124 ] && [ -n "$STEP_TIMEOUT" ]; then
    printf '<== %s: FAILED, timed out after %ss\n' "$1" "$STEP_TIMEOUT"
  else
    printf '<== %s: FAILED with exit code %s (%ss)\n' "$1" "$3" "$((SECONDS - $4))"
  fi
}

finish() {
  if command -v node >/dev/null 2>&1; then
    node scripts/summarize-tests.mjs "$RESULTS"
    exit $?
  fi
  echo "0 passed, 0 failed"
  exit 1
}

# run_step NAME CMD...: a check that passes or fails by its exit code.
run_step() {
  local name="$1" start="$SECONDS" rc=0
  shift
  header "$name"
  limit "$@" || rc=$?
  record "$name" check "$rc" "$start"
}

# vitest_step NAME [--netns] VITEST_ARGS...: a vitest run that writes .test-results/NAME.json.
vitest_step() {
  local name="$1" start="$SECONDS" rc=0 prefix=()
  shift
  if [ "${1:-}" = "--netns" ]; then prefix=(bash tools/janus-harness/bin/in-netns.sh) && shift; fi
  header "$name"
  limit ${prefix[@]+"${prefix[@]}"} "$ROOT/node_modules/.bin/vitest" run --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$RESULTS/$name.json" "$@" || rc=$?
  record "$name" vitest "$rc" "$start" "$name.json"
}

# playwright_step NAME [--netns] PLAYWRIGHT_ARGS...: a Playwright run that writes .test-results/NAME.json.
playwright_step() {
  local name="$1" start="$SECONDS" rc=0 prefix=()
  shift
  if [ "${1:-}" = "--netns" ]; then prefix=(bash tools/janus-harness/bin/in-netns.sh) && shift; fi
  header "$name"
  limit ${prefix[@]+"${prefix[@]}"} env PLAYWRIGHT_JSON_OUTPUT_FILE="$RESULTS/$name.json" \
    "$ROOT/node_modules/.bin/playwright" test --reporter=list,json "$@" || rc=$?
  record "$name" playwright "$rc" "$start" "$name.json"
}

# Sourced, so that a freshly installed pnpm stays on PATH. Without it nothing else can run.
header "ensure-env"
start="$SECONDS"
if ! . scripts/ensure-env.sh janus chromium netns; then
  record ensure-env check 1 "$start"
  finish
fi
record ensure-env check 0 "$start"

# The steps. Adding one is one line.
run_step build pnpm build
run_step typecheck pnpm typecheck
run_step lint pnpm lint
run_step package-check pnpm turbo run publint --filter='./packages/*'
vitest_step unit --project unit --project unit-react --project unit-vue
vitest_step integration --netns --project integration
# Browser e2e: one suite (e2e/), run against each demo app; FRAMEWORK picks apps/demo-<name>.
FRAMEWORK=react vitest_step e2e-react --netns --project e2e
FRAMEWORK=vue vitest_step e2e-vue --netns --project e2e

finish
