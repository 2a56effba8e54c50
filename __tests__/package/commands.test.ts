import { spawnSync } from 'child_process';
import { join, resolve } from 'path';

/**
 * Every command of the project answers --help with its usage (exit 0) and refuses an unknown option
 * (exit 2), without doing any work: the exit codes are 0 done, 1 problems found, 2 usage, everywhere.
 */
const ROOT = resolve(__dirname, '../..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');

const COMMANDS: { readonly name: string; readonly argv: readonly string[]; readonly usage: RegExp }[] = [
  { name: 'npm run synth (main.ts)', argv: [tsx, 'main.ts'], usage: /--config/ },
  { name: 'npm run plan', argv: ['scripts/plan.sh'], usage: /--offline/ },
  { name: 'scripts/pipeline.sh', argv: ['scripts/pipeline.sh'], usage: /plan STACK \[--offline\]/ },
  { name: 'npm run build', argv: [tsx, 'scripts/build-package.ts'], usage: /Usage: npm run build\n/ },
  { name: 'npm run build:schema', argv: [tsx, 'scripts/generate-config-schema.ts'], usage: /Usage: npm run build:schema/ },
  { name: 'npm run build:modules', argv: [tsx, 'scripts/build-modules.ts'], usage: /Usage: npm run build:modules/ },
  { name: 'npm run bench', argv: [tsx, 'scripts/bench.ts'], usage: /BENCH_RUNS/ },
  { name: 'extract-hcl-schema', argv: [tsx, 'scripts/extract-hcl-schema.ts'], usage: /block-schema\.json/ },
  { name: 'check-release', argv: [tsx, 'scripts/release/check-release.ts'], usage: /--notes FILE/ },
  { name: 'plan guard', argv: [tsx, 'src/terraform/plan-guard-cli.ts'], usage: /ALLOW_USER_POOL_DELETION/ },
  { name: 'offline copy', argv: [tsx, 'src/terraform/offline-cli.ts'], usage: /STACK_CDK_TF_JSON OUTPUT_DIR/ },
];

function run(argv: readonly string[]) {
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, CDKTF_OUTDIR: join(ROOT, '.tmp', 'never-written') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('every command', () => {
  test.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: --help prints the usage and exits 0',
    (_name, command) => {
      const help = run([...command.argv, '--help']);
      expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(command.usage);
      expect(help.stdout).toMatch(/exit/i);
    },
    60_000,
  );

  test.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: an unknown option exits 2',
    (_name, command) => {
      const bad = run([...command.argv, '--no-such-option']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).not.toBe('');
    },
    60_000,
  );
});
