import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse, stringify } from 'yaml';
import { terraformIt } from '../support/terraform';

/**
 * The real cdktf CLI, pinned (tools/cdktf-cli: its own package.json and lockfile, so `npm ci` of the
 * project stays fast). .ci/run installs it; a checkout without it gets it installed here, loudly.
 */
const TOOL = resolve('tools/cdktf-cli');
const CDKTF = join(TOOL, 'node_modules', '.bin', 'cdktf');
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  if (existsSync(CDKTF)) return;
  process.stderr.write(`\n!!! ${CDKTF} is missing: installing cdktf-cli from tools/cdktf-cli/package-lock.json (npm ci, about a minute) !!!\n\n`);
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: TOOL, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm ci in ${TOOL} failed:\n${install.stderr}`);
}, 600000);

/** Runs the CLI from the project folder, so that it reads the project's cdktf.json; never asks the network. */
function cdktf(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(CDKTF, args, {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 300000,
    env: { ...process.env, CI: '1', CHECKPOINT_DISABLE: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The default configuration's stacks: the pipeline's bootstrap stacks (one per account) and the environments. */
const ALL = ['bootstrap-111111111111', 'bootstrap-222222222222', 'dev', 'prod', 'staging'];
const withoutStaging = ALL.filter((name) => name !== 'staging');
const stacksIn = (out: string) => readdirSync(join(out, 'stacks')).sort();
const manifestStacks = (out: string) => Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks).sort();

test('the pinned version, 0.21.0', () => {
  expect(cdktf(['--version']).output).toMatch(/^0\.21\.0$/m);
});

test("cdktf synth and cdktf list with cdktf.json's app: every stack of the default configuration", () => {
  const out = join(work, 'default');
  const synth = cdktf(['synth', '--output', out]);
  expect(synth.output).toMatch(/Generated Terraform code for the stacks: bootstrap-111111111111,\s+bootstrap-222222222222,\s+dev,\s+prod,\s+staging/);
  expect(synth.code).toBe(0);
  expect(stacksIn(out)).toEqual(ALL);
  expect(readdirSync(join(out, 'hcl')).sort()).toEqual(ALL);
  const list = cdktf(['list', '--output', out]);
  expect(list.code).toBe(0);
  expect(list.output).toMatch(/^Stack name\s+Path$/m);
  for (const name of ['dev', 'prod', 'staging']) expect(list.output).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
}, 300000);

test('cdktf synth again after an environment is removed, and with --env: the set of stacks shrinks, no ENOENT', () => {
  const out = join(work, 'shrinking');
  const config = join(work, 'shrinking.yaml');
  const document = parse(readFileSync('config/default.yaml', 'utf8'));
  writeFileSync(config, stringify(document));
  cpSync('config/branding', join(work, 'branding'), { recursive: true }); // relative to the configuration
  const app = `npx tsx main.ts --config ${config}`;
  expect(cdktf(['synth', '--output', out, '--app', app]).code).toBe(0);
  expect(stacksIn(out)).toEqual(ALL);
  // Terraform's files in a stack folder that stays survive the synth.
  writeFileSync(join(out, 'stacks', 'prod', 'terraform.tfstate'), '{"version": 4}');

  document.environments = document.environments.filter((e: { name: string }) => e.name !== 'staging');
  writeFileSync(config, stringify(document));
  const removed = cdktf(['synth', '--output', out, '--app', app]);
  expect(removed.output).not.toMatch(/ENOENT|Error/);
  expect(removed.code).toBe(0);
  expect([stacksIn(out), manifestStacks(out), readdirSync(join(out, 'hcl')).sort()]).toEqual([withoutStaging, withoutStaging, withoutStaging]);
  expect(readFileSync(join(out, 'stacks', 'prod', 'terraform.tfstate'), 'utf8')).toBe('{"version": 4}');

  const one = cdktf(['synth', '--output', out, '--app', `${app} --env prod`]);
  expect(one.output).not.toMatch(/ENOENT|Error/);
  expect(one.code).toBe(0);
  expect([stacksIn(out), manifestStacks(out)]).toEqual([
    ['bootstrap-222222222222', 'prod'],
    ['bootstrap-222222222222', 'prod'],
  ]);
}, 300000);

test('a synth that fails under the CLI leaves the previous output as it was', () => {
  const out = join(work, 'failing');
  expect(cdktf(['synth', '--output', out, '--app', 'npx tsx main.ts --env dev']).code).toBe(0);
  const before = readFileSync(join(out, 'stacks', 'dev', 'cdk.tf.json'), 'utf8');
  const failed = cdktf(['synth', '--output', out, '--app', 'npx tsx main.ts --env nope']);
  expect(failed.output).toMatch(/--env nope: is not an environment of the configuration/);
  expect(failed.code).not.toBe(0);
  expect(readFileSync(join(out, 'stacks', 'dev', 'cdk.tf.json'), 'utf8')).toBe(before);
}, 300000);

test('cdktf synth --hcl is refused with the reason (the app writes HCL itself), and writes nothing', () => {
  const out = join(work, 'hcl');
  const run = cdktf(['synth', '--hcl', '--output', out, '--app', 'npx tsx main.ts --env dev']);
  expect(run.output).toMatch(/SYNTH_HCL_OUTPUT \(cdktf synth --hcl\): is not supported; received "true"\. Fix: run cdktf synth without --hcl/);
  expect(run.code).not.toBe(0);
  expect(existsSync(out)).toBe(false);
}, 300000);

terraformIt(
  'cdktf diff in the try-out mode plans offline: no AWS, the provider from the local mirror',
  () => {
    const out = join(work, 'diff');
    const app = 'npx tsx main.ts --config config/try-out.yaml --offline';
    // The first synth writes offline.tfrc, which terraform then reads for every command of the diff.
    expect(cdktf(['synth', '--output', out, '--app', app]).code).toBe(0);
    const diff = cdktf(['diff', 'try', '--output', out, '--app', app, '--skip-provider-lock'], { TF_CLI_CONFIG_FILE: join(out, 'offline.tfrc') });
    expect(diff.output).toMatch(/Plan: 3 to add, 0 to change, 0 to destroy/);
    expect(diff.output).not.toMatch(/Unable to open CLI configuration|Error/);
    expect(diff.code).toBe(0);
    const stack = JSON.parse(readFileSync(join(out, 'stacks', 'try', 'cdk.tf.json'), 'utf8'));
    expect(stack.terraform.backend).toBeUndefined();
    expect(stack.provider.aws[0]).toMatchObject({ skip_credentials_validation: true, skip_requesting_account_id: true });
    // terraform init's files stay in the stack folder across synths: a second diff reuses them.
    expect(existsSync(join(out, 'stacks', 'try', '.terraform.lock.hcl'))).toBe(true);
    expect(
      cdktf(['diff', 'try', '--output', out, '--app', app, '--skip-provider-lock'], { TF_CLI_CONFIG_FILE: join(out, 'offline.tfrc') }).code,
    ).toBe(0);
    expect(existsSync(join(out, 'stacks', 'try', '.terraform.lock.hcl'))).toBe(true);
  },
  300000,
);
