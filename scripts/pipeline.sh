#!/usr/bin/env bash
# The Cognito delivery pipeline for any CI system (GitLab, Jenkins, Buildkite...): the same steps as
# .github/workflows/cognito.yml, as one script. Run `scripts/pipeline.sh --help` for the commands.
#
# Saved plans (*.tfplan) hold the stack's prior state, which includes Cognito client secrets. Keep them
# only as short-lived, access-controlled artifacts (expire within a day, readable by the deploy job only)
# and never commit them: PIPELINE_WORKDIR (default .pipeline/) belongs in .gitignore.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/pipeline.sh COMMAND [ARGS]

Commands:
  synth [--config FILE] [--env NAME]...
                       Synthesize the stacks (npm run synth's command) into $CDKTF_OUTDIR.
  test                 Type-check and run the test suite (npm test).
  stacks [--json]      Print the synthesized stack names, one a line (--json: as a JSON array). The
                       bootstrap stacks (the pipeline's roles) are not among them: an administrator
                       applies those once (PIPELINE.md).
  role STACK plan|deploy
                       Print the ARN of the stack's plan or deploy role (configurations with bootstrap).
  plan STACK [--offline] [--read-only]
                       terraform init, validate and plan STACK into a saved plan file, plus a
                       plain-text rendering of it for review and its digest (STACK.tfplan.sha256).
                       --read-only takes no state lock (the plan role may write nothing, not even
                       the lock file). --offline plans against a copy that needs no AWS access
                       (fake credentials, local provider mirror, no backend, no refresh); an offline
                       plan cannot be applied.
  apply STACK [--reviewed DIGEST_FILE]
                       Apply exactly the plan saved by `plan STACK`; refuses when there is none.
                       --reviewed: refuse unless that plan is the one reviewed (same digest).

Environment:
  ALLOW_USER_POOL_DELETION
                       plan and apply stop when a user pool would be deleted or replaced (every user
                       lost) unless this names the stack, e.g. ALLOW_USER_POOL_DELETION=dev.
  CDKTF_OUTDIR         Synthesized output (default: cdktf.out in the repository).
  PIPELINE_WORKDIR     Working folders and plan files (default: .pipeline in the repository).
  TF_PLUGIN_CACHE_DIR  Optional; terraform reuses downloaded providers from there.
Relative paths (these and --config) are taken from the directory you run the script in.

Exit codes: 0 done, 1 a problem (configuration, terraform, the plan guard), 2 usage.
Run `npm ci` first: every command but stacks uses the installed packages.
Plan files contain sensitive values: store them as short-lived, access-controlled artifacts.
EOF
}

die() {
  printf 'pipeline.sh: %s\n' "$*" >&2
  exit 1
}

usage_error() {
  printf "pipeline.sh: %s\nRun 'scripts/pipeline.sh --help' for the commands.\n" "$*" >&2
  exit 2
}

# Paths given by the caller are relative to where they called from, not to the repository root, into
# which the script changes before running a command.
CALLER_DIR=$PWD
absolute() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$CALLER_DIR" "$1" ;;
  esac
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUTDIR=$(absolute "${CDKTF_OUTDIR:-$ROOT/cdktf.out}")
WORKDIR=$(absolute "${PIPELINE_WORKDIR:-$ROOT/.pipeline}")
TSX="$ROOT/node_modules/.bin/tsx"
# Shorter terraform messages that do not suggest interactive follow-up commands.
export TF_IN_AUTOMATION=1
# The S3 state lock is held by a plan as well as by an apply: wait for another run rather than fail.
LOCK_TIMEOUT=-lock-timeout=5m

require_packages() {
  [ -x "$TSX" ] || die "node_modules is missing in $ROOT: run 'npm ci' there first."
}

require_terraform() {
  command -v terraform >/dev/null 2>&1 ||
    die "terraform is not on PATH: install Terraform 1.11 (https://developer.hashicorp.com/terraform/install)."
}

# Stack names are lowercase letters, digits and hyphens (the configuration schema's rule); checking it
# here also keeps a name from reaching outside the working folders.
require_stack_name() {
  [[ $1 =~ ^[a-z0-9][a-z0-9-]*$ ]] ||
    die "'$1' is not a stack name (lowercase letters, digits and hyphens): see 'scripts/pipeline.sh stacks'."
}

require_manifest() {
  [ -f "$OUTDIR/manifest.json" ] ||
    die "no synthesized stacks: $OUTDIR/manifest.json is missing. Run 'scripts/pipeline.sh synth' first."
}

# `manifest names|json` prints every stack name but the bootstrap stacks; `manifest dir STACK` prints the
# stack's folder and `manifest plan|deploy STACK` its role's ARN, or they exit 3 when there is no such
# stack (4: no such role). node rather than jq: node is always there for the synth, jq often is not.
manifest() {
  node -e '
    const path = require("path");
    const [file, mode, stack] = process.argv.slice(1);
    const fs = require("fs");
    const stacks = JSON.parse(fs.readFileSync(file, "utf8")).stacks ?? {};
    // The pipeline metadata synth keeps in each stack (a "//" comment, which Terraform ignores).
    const pipeline = (name) => {
      const config = path.join(path.dirname(file), stacks[name].workingDirectory, "cdk.tf.json");
      return (JSON.parse(fs.readFileSync(config, "utf8"))["//"] ?? {}).pipeline ?? {};
    };
    const names = Object.keys(stacks).filter((name) => pipeline(name).kind !== "bootstrap").sort();
    if (mode === "names") names.forEach((name) => console.log(name));
    else if (mode === "json") console.log(JSON.stringify(names));
    else if (!stacks[stack]) process.exitCode = 3;
    else if (mode === "dir") console.log(path.join(path.dirname(file), stacks[stack].workingDirectory));
    else if (pipeline(stack)[mode + "RoleArn"]) console.log(pipeline(stack)[mode + "RoleArn"]);
    else process.exitCode = 4;
  ' "$OUTDIR/manifest.json" "$@"
}

stack_dir() {
  local stack=$1 dir status=0
  require_manifest
  dir=$(manifest dir "$stack") || status=$?
  case $status in
    0) printf '%s\n' "$dir" ;;
    3) die "unknown stack '$stack': $OUTDIR holds $(manifest json). Pick one of those, or synthesize it." ;;
    *) die "cannot read $OUTDIR/manifest.json: synthesize again." ;;
  esac
}

cmd_synth() {
  local args=(main.ts --out "$OUTDIR")
  while [ $# -gt 0 ]; do
    case $1 in
      --config | --env)
        [ $# -ge 2 ] || usage_error "$1 needs a value."
        if [ "$1" = --config ]; then args+=(--config "$(absolute "$2")"); else args+=(--env "$2"); fi
        shift 2
        ;;
      *) usage_error "synth: unknown argument '$1' (set CDKTF_OUTDIR to choose the output folder)." ;;
    esac
  done
  require_packages
  # Compiled, as npm run synth runs it (scripts/run.js: an esbuild bundle with V8's code cache).
  node "$ROOT/scripts/run.js" "${args[@]}"
}

cmd_test() {
  [ $# -eq 0 ] || usage_error "test takes no arguments."
  require_packages
  npm test
}

cmd_stacks() {
  local mode
  case "$*" in
    '') mode=names ;;
    --json) mode=json ;;
    *) usage_error "stacks: unknown argument '$*'." ;;
  esac
  require_manifest
  manifest "$mode"
}

cmd_role() {
  [ $# -eq 2 ] || usage_error "role needs a stack and plan or deploy: scripts/pipeline.sh role STACK plan|deploy."
  local stack=$1 kind=$2 status=0
  require_stack_name "$stack"
  case $kind in plan | deploy) ;; *) usage_error "role: '$kind' is neither plan nor deploy." ;; esac
  require_manifest
  manifest "$kind" "$stack" || status=$?
  case $status in
    0) ;;
    3) die "unknown stack '$stack': $OUTDIR holds $(manifest json)." ;;
    *) die "stack '$stack' names no $kind role: set bootstrap in the configuration (PIPELINE.md), synthesize, and apply the bootstrap stacks." ;;
  esac
}

# Copies the stack's synthesized files into a fresh working folder: terraform writes .terraform/, lock
# files and plans there, never into the synthesized output, which the next synth replaces whole.
fresh_working_copy() {
  local from=$1 to=$2
  # Plans hold secrets: a working root this script creates is readable by its owner only.
  if [ ! -d "$WORKDIR" ]; then (umask 077 && mkdir -p "$WORKDIR"); fi
  rm -rf "$to"
  mkdir -p "$to"
  # Lambda code is referenced as assets/... relative to the working folder, at plan and at apply.
  if [ -d "$from/assets" ]; then cp -R "$from/assets" "$to/"; fi
}

cmd_plan() {
  local stack='' offline=false lock=true
  while [ $# -gt 0 ]; do
    case $1 in
      --offline) offline=true ;;
      --read-only) lock=false ;;
      -*) usage_error "plan: unknown option '$1'." ;;
      *)
        [ -z "$stack" ] || usage_error "plan takes one stack, got '$stack' and '$1'."
        stack=$1
        ;;
    esac
    shift
  done
  [ -n "$stack" ] || usage_error "plan needs a stack: scripts/pipeline.sh plan STACK [--offline]."
  require_stack_name "$stack"
  require_terraform
  local synthesized dir
  synthesized=$(stack_dir "$stack")

  local plan_args=(plan -input=false -out="$stack.tfplan")
  if $offline; then
    require_packages
    # A separate folder, so `apply` can never pick up a plan made with fake credentials.
    dir="$WORKDIR/offline/$stack"
    fresh_working_copy "$synthesized" "$dir"
    TF_CLI_CONFIG_FILE=$("$TSX" "$ROOT/src/terraform/offline-cli.ts" "$synthesized/cdk.tf.json" "$dir")
    export TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1 AWS_EC2_METADATA_DISABLED=true
    # Refreshing would read the real resources, which needs the credentials the offline copy has not.
    plan_args+=(-refresh=false)
  else
    dir="$WORKDIR/stacks/$stack"
    fresh_working_copy "$synthesized" "$dir"
    cp "$synthesized/cdk.tf.json" "$dir/"
    if $lock; then plan_args+=("$LOCK_TIMEOUT"); else plan_args+=(-lock=false); fi
  fi

  terraform -chdir="$dir" init -input=false
  terraform -chdir="$dir" validate
  terraform -chdir="$dir" "${plan_args[@]}"
  # `show` masks sensitive values, so the text is safe to attach to a review; the binary plan is not.
  terraform -chdir="$dir" show -no-color "$stack.tfplan" >"$dir/$stack.tfplan.txt"
  guard_plan "$dir" "$stack"
  plan_digest "$dir" "$stack" >"$dir/$stack.tfplan.sha256"

  printf '\nPlan for %s: %s\nReview text: %s\n' "$stack" "$dir/$stack.tfplan" "$dir/$stack.tfplan.txt"
  if $offline; then
    echo "Offline plan (fake credentials, no state): for checking only, it cannot be applied."
  else
    echo "The plan file contains sensitive values: keep it as a short-lived, access-controlled artifact."
    echo "To apply it, keep the whole folder $dir (including .terraform.lock.hcl) and run: scripts/pipeline.sh apply $stack"
  fi
}

# Stops when the plan deletes or replaces a user pool (every user lost), unless ALLOW_USER_POOL_DELETION
# names this stack. The JSON plan holds secrets: it goes through a pipe, never to a file.
guard_plan() {
  local dir=$1 stack=$2
  require_packages
  terraform -chdir="$dir" show -json "$stack.tfplan" | "$TSX" "$ROOT/src/terraform/plan-guard-cli.ts" "$stack" ||
    die "the plan guard stopped '$stack' (see above)."
}

# The digest of what a plan changes (its resource and output changes, sensitive values included), so a
# plan made again can be compared with the reviewed one without the plan, which holds secrets, leaving
# the job. Read through a pipe, like the guard.
plan_digest() {
  local dir=$1 stack=$2
  terraform -chdir="$dir" show -json "$stack.tfplan" | node -e '
    const plan = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const changes = { resource_changes: plan.resource_changes ?? [], output_changes: plan.output_changes ?? {} };
    console.log(require("crypto").createHash("sha256").update(JSON.stringify(changes)).digest("hex"));
  '
}

cmd_apply() {
  local stack='' reviewed=''
  while [ $# -gt 0 ]; do
    case $1 in
      --reviewed)
        [ $# -ge 2 ] || usage_error "--reviewed needs the digest file of the reviewed plan."
        reviewed=$(absolute "$2")
        shift
        ;;
      --offline) usage_error "apply takes only a stack (there is no offline apply: an offline plan uses fake credentials)." ;;
      -*) usage_error "apply: unknown option '$1'." ;;
      *)
        [ -z "$stack" ] || usage_error "apply takes one stack, got '$stack' and '$1'."
        stack=$1
        ;;
    esac
    shift
  done
  [ -n "$stack" ] || usage_error "apply needs a stack: scripts/pipeline.sh apply STACK."
  require_stack_name "$stack"
  local dir="$WORKDIR/stacks/$stack"
  local plan="$dir/$stack.tfplan"
  [ -f "$plan" ] ||
    die "no saved plan for '$stack' at $plan: run 'scripts/pipeline.sh plan $stack' first (in CI, restore the plan artifact into $dir)."
  if [ ! -f "$dir/cdk.tf.json" ] || [ ! -f "$dir/.terraform.lock.hcl" ]; then
    die "$dir is incomplete (cdk.tf.json and .terraform.lock.hcl belong beside the plan): restore the whole plan folder, hidden files included."
  fi
  require_terraform

  # readonly: install exactly the providers the plan was made with, or fail.
  terraform -chdir="$dir" init -input=false -lockfile=readonly
  # Again before applying: the plan may have been restored from elsewhere.
  guard_plan "$dir" "$stack"
  if [ -n "$reviewed" ]; then
    [ -f "$reviewed" ] || die "no reviewed plan digest at $reviewed: download the plan job's review artifact."
    local made expected
    made=$(plan_digest "$dir" "$stack")
    expected=$(tr -d '[:space:]' <"$reviewed")
    [ "$made" = "$expected" ] ||
      die "the plan for '$stack' differs from the reviewed one (digest $made, reviewed $expected): the configuration or the real resources changed since. Nothing was applied; review the new plan (run the workflow again)."
  fi
  # A saved plan applies without a prompt and only as planned; terraform rejects it if the state has
  # changed since. Sensitive outputs are shown masked.
  terraform -chdir="$dir" apply -input=false "$LOCK_TIMEOUT" "$stack.tfplan"
  # Applied plans cannot be applied again; do not leave secrets lying around.
  rm -f "$plan"
}

if [ $# -eq 0 ]; then
  usage >&2
  exit 2
fi
command=$1
shift
cd "$ROOT"
case $command in
  synth) cmd_synth "$@" ;;
  test) cmd_test "$@" ;;
  stacks) cmd_stacks "$@" ;;
  role) cmd_role "$@" ;;
  plan) cmd_plan "$@" ;;
  apply) cmd_apply "$@" ;;
  -h | --help | help) usage ;;
  *) usage_error "unknown command '$command'." ;;
esac
