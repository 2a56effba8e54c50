#!/usr/bin/env bash
# Synthesizes one stack of a configuration and plans it, with the plan guard, through scripts/pipeline.sh:
# the same steps as the pipeline, as one command for trying things out (`npm run plan -- dev --offline`).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: npm run plan -- STACK [--offline] [--config FILE]
       scripts/plan.sh STACK [--offline] [--config FILE]

Synthesizes STACK from the configuration, then runs terraform init, validate and plan on it, stops if the
plan would delete or replace a user pool (the plan guard), and prints the plan summary.

Options:
  --offline        Plan without AWS: fake credentials, the provider from the local mirror, no backend,
                   no refresh. The plan shows what would be created; it cannot be applied.
  --config FILE    The configuration (default: config/default.yaml).
  -h, --help       This help.

Without --offline, terraform needs credentials for the stack's account and state backend.
Exit codes: 0 planned, 1 a problem (configuration, terraform, or the plan guard stopped the plan), 2 usage.
Environment: CDKTF_OUTDIR, PIPELINE_WORKDIR, ALLOW_USER_POOL_DELETION (see scripts/pipeline.sh --help).
USAGE
}

usage_error() {
  printf "plan: %s\nRun 'npm run plan -- --help' for the options.\n" "$*" >&2
  exit 2
}

stack='' offline='' config=()
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --offline) offline=--offline ;;
    --config)
      [ $# -ge 2 ] || usage_error "--config needs a file."
      config=(--config "$2")
      shift
      ;;
    -*) usage_error "unknown option '$1'." ;;
    *)
      [ -z "$stack" ] || usage_error "one stack at a time: got '$stack' and '$1'."
      stack=$1
      ;;
  esac
  shift
done
[ -n "$stack" ] || usage_error "name the stack to plan, e.g. 'npm run plan -- dev --offline'."

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PIPELINE="$ROOT/scripts/pipeline.sh"
# pipeline.sh exits 2 for usage and 1 for problems, as this command does.
"$PIPELINE" synth "${config[@]}" --env "$stack"
"$PIPELINE" plan "$stack" $offline

workdir=${PIPELINE_WORKDIR:-$ROOT/.pipeline}
case $workdir in /*) ;; *) workdir="$PWD/$workdir" ;; esac
review="$workdir/$([ -n "$offline" ] && echo offline || echo stacks)/$stack/$stack.tfplan.txt"
summary=$(grep -E '^(Plan:|No changes\.)' "$review" || true)
printf '\n%s: %s\n' "$stack" "${summary:-see $review}"
