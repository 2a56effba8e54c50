/**
 * The CDKTF app: one stack per AWS account and environment, as Terraform JSON (and HCL), in `cdktf.out/`.
 *
 *   npx tsx main.ts                                 # the shipped default configuration, every environment
 *   npx tsx main.ts --config my.yaml --env prod     # one environment of your configuration
 *   npx tsx main.ts --help                          # options and exit codes
 *
 * `cdktf synth` runs this file too (see cdktf.json). A failed run prints every problem, exits non-zero
 * and leaves the previous output untouched.
 */
import { parseArgs } from 'util';
import { synthesizeConfig } from './src/app/synthesize';
import { formatProblem, UsageError, ValidationError } from './src/core/problem';

/** The configuration used when none is given. */
export const DEFAULT_CONFIG = 'config/default.yaml';

/** Exit codes, the same for every command of the project. */
const EXIT = { done: 0, problems: 1, usage: 2 } as const;

const HELP = `usage: npm run synth -- [options]        (or: npx tsx main.ts [options], cdktf synth)

Synthesizes one Terraform stack per environment of the configuration, as Terraform JSON in
<out>/stacks/<env>/cdk.tf.json and as HCL in <out>/hcl/<env>/main.tf.

Options:
  -c, --config FILE   the configuration, YAML or JSON (default: ${DEFAULT_CONFIG})
  -e, --env NAME      only this environment; repeat for more (default: every environment)
  -o, --out DIR       the output folder (default: $CDKTF_OUTDIR, else cdktf.out). It must be new, empty,
                      or written by an earlier synth: any other existing folder or file is refused.
      --offline       stacks that plan without AWS, for trying things out: fake credentials, no backend,
                      the provider from the local mirror (Terraform reads <out>/offline.tfrc when
                      TF_CLI_CONFIG_FILE names it). They cannot be applied. See the README (cdktf CLI).
      --progress      show the progress line (environments done/total) even when the output is not a
                      terminal; on a terminal it shows by itself on runs longer than about two seconds
  -h, --help          print this help

Exit codes: 0 done; 1 problems found (every problem is printed, the previous output is kept);
2 usage (an unknown option or environment, an output folder that cannot be used).`;

function main(): void {
  const { values } = parseArguments();
  if (values.help) {
    console.log(HELP);
    return;
  }
  const { out, label } = outputFolder(values.out);
  refuseEngineHcl();
  const stacks = synthesizeConfig({
    configFile: values.config!,
    environments: values.env,
    outdir: out,
    outdirLabel: label,
    offline: values.offline,
    // The cdktf CLI removes the stack folders it no longer sees itself, and fails when one is already gone.
    orphans: underCdktfCli() ? 'leave' : 'remove',
    onNotice: (message) => console.error(`notice: ${message}`),
    progress: values.progress || 'auto',
  });
  for (const stack of stacks) {
    console.log(`${stack.name}: ${stack.dir} (HCL: ${stack.hclDir})`);
    for (const warning of stack.warnings) console.error(`  warning: ${warning}`);
  }
}

function parseArguments() {
  return parseArgs({
    options: {
      config: { type: 'string', short: 'c', default: DEFAULT_CONFIG },
      env: { type: 'string', short: 'e', multiple: true, default: [] },
      out: { type: 'string', short: 'o' },
      offline: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      progress: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

/** `--out`, else `CDKTF_OUTDIR` (set by the cdktf CLI), else cdktf.out; an empty value is refused, not taken for ".". */
function outputFolder(option: string | undefined): { out: string; label: string } {
  if (option !== undefined) return { out: option, label: '--out' };
  const fromEnvironment = process.env.CDKTF_OUTDIR;
  if (fromEnvironment === undefined) return { out: 'cdktf.out', label: '--out' };
  if (fromEnvironment.trim() === '') {
    throw new UsageError([
      formatProblem({
        path: 'CDKTF_OUTDIR',
        rule: 'is set but empty (it would mean the current folder)',
        received: fromEnvironment,
        fix: 'unset it, or set it to a folder of its own, e.g. cdktf.out',
      }),
    ]);
  }
  return { out: fromEnvironment, label: 'CDKTF_OUTDIR' };
}

/**
 * `cdktf synth --hcl` asks the engine (SYNTH_HCL_OUTPUT) to write cdk.tf instead of cdk.tf.json, which the
 * app's own HCL writer reads; the CLI would then format the JSON as HCL. The app writes HCL anyway.
 */
function refuseEngineHcl(): void {
  const value = process.env.SYNTH_HCL_OUTPUT;
  if (value === 'true' || value === '1') {
    const fix = 'run cdktf synth without --hcl: every synth also writes the stack as HCL, in <out>/hcl/<stack>/main.tf';
    throw new UsageError([formatProblem({ path: 'SYNTH_HCL_OUTPUT (cdktf synth --hcl)', rule: 'is not supported', received: value, fix })]);
  }
}

/** The cdktf CLI sets this for the apps it runs (cdktf-cli 0.21 `synth-stack.ts`); nothing else does. */
function underCdktfCli(): boolean {
  return process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
}

try {
  main();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\nRun with --help for the options.`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof ValidationError) {
    // Lists every problem, each with the setting, the rule, what was received and a fix.
    console.error(error.message);
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.problems;
  } else {
    // A bug, or a failure of the machine: show it whole.
    console.error((error as Error).stack ?? String(error));
    process.exitCode = EXIT.problems;
  }
}
