import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { stringify } from 'yaml';
import { synthesizeConfig } from '../../src/app/synthesize';
import { ValidationError } from '../../src/core/problem';
import { resources } from '../support/stack';
import { terraformIt } from '../support/terraform';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-try-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeConfig(name: string, config: object): string {
  const file = join(work, name);
  writeFileSync(file, stringify(config));
  return file;
}

/** Runs `npm run plan -- ARGS` from the repository, writing only into the test's folder. */
function plan(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const { CDKTF_OUTDIR: _o, PIPELINE_WORKDIR: _w, ...env } = process.env;
  const run = spawnSync('npm', ['run', '--silent', 'plan', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, CDKTF_OUTDIR: join(work, 'plan-out'), PIPELINE_WORKDIR: join(work, 'plan-work') },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const ENV = { name: 'dev', accountId: '111111111111', region: 'eu-west-1' };

describe('without a backend: local state, and a warning that says what it means for a team', () => {
  test('the stack keeps its state beside the output folder, never inside it (a synth replaces it)', () => {
    const file = writeConfig('local.yaml', { environments: [ENV] });
    const [dev] = synthesizeConfig({ configFile: file, outdir: join(work, 'local') });
    const config = JSON.parse(readFileSync(join(work, 'local/stacks/dev/cdk.tf.json'), 'utf8'));
    expect(config.terraform.backend).toEqual({ local: { path: '../../../terraform.dev.tfstate' } });
    expect(resolve(work, 'local/stacks/dev', config.terraform.backend.local.path)).toBe(join(work, 'terraform.dev.tfstate'));
    expect(dev!.warnings).toEqual([
      expect.stringMatching(/^\[dev\] No backend is configured: .*terraform\.dev\.tfstate.*on this machine only.*team.*locks.*Set backend/),
    ]);
  });

  test('with a backend there is no warning and no local state', () => {
    const file = writeConfig('s3.yaml', { backend: { bucket: 'state', region: 'eu-west-1' }, environments: [ENV] });
    const [dev] = synthesizeConfig({ configFile: file, outdir: join(work, 's3') });
    expect(dev!.warnings).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(join(work, 's3/stacks/dev/cdk.tf.json'), 'utf8')).terraform.backend)).toEqual(['s3']);
  });
});

describe('npm run plan', () => {
  test('--help lists the options and exits 0', () => {
    const run = plan(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: npm run plan -- STACK \[--offline\] \[--config FILE\]/);
    for (const option of ['--offline', '--config FILE', '--help']) expect(run.stdout).toContain(option);
    expect(run.stdout).toMatch(/Exit codes: 0 .*1 .*2 usage/);
  });

  test.each([
    [[], /name the stack to plan/],
    [['dev', '--colour'], /unknown option '--colour'/],
    [['dev', 'prod'], /one stack at a time/],
    [['dev', '--config'], /--config needs a file/],
  ])('bad usage %j exits 2 and says why', (args, message) => {
    const run = plan(args);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  });

  test('a stack the configuration does not have is a usage error: exit 2, with the problem', () => {
    const run = plan(['nope', '--offline', '--config', 'config/try-out.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--env nope: is not an environment of the configuration/);
  });

  terraformIt('the README quick start plans the try-out configuration offline, through the plan guard, and prints the summary', () => {
    const run = plan(['try', '--offline', '--config', 'config/try-out.yaml']);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stderr).toMatch(/No backend is configured/);
    expect(run.stderr).toMatch(/plan guard: try: no user pool is deleted, replaced or dropped from the state/);
    expect(run.stdout).toMatch(/\ntry: Plan: 3 to add, 0 to change, 0 to destroy\.\n$/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run plan -- try --offline --config config/try-out.yaml');
  });
});

describe('an environment may add its children to an existing pool', () => {
  const existing = { userPoolId: 'eu-west-1_AbCdEf123', domainBaseUrl: 'https://acme.auth.eu-west-1.amazoncognito.com' };

  test('no pool is created; clients, groups and resource servers name the existing pool; pool settings of the defaults do not apply', () => {
    const file = writeConfig('existing.yaml', {
      defaults: {
        pool: {
          mfa: 'OPTIONAL',
          featurePlan: 'ESSENTIALS',
          resourceServers: { api: { identifier: 'https://api.example.com', scopes: { read: 'Read' } } },
        },
      },
      environments: [
        {
          ...ENV,
          existingPool: existing,
          pool: {
            clients: { web: { preset: 'spa', callbackUrls: ['https://app.example.com/cb'] }, worker: { preset: 'machine', scopes: ['api/read'] } },
            groups: { admins: {} },
          },
        },
      ],
    });
    synthesizeConfig({ configFile: file, outdir: join(work, 'existing') });
    const config = JSON.parse(readFileSync(join(work, 'existing/stacks/dev/cdk.tf.json'), 'utf8'));
    expect(resources(config, 'aws_cognito_user_pool')).toEqual({});
    const children = ['aws_cognito_user_pool_client', 'aws_cognito_user_group', 'aws_cognito_resource_server'].flatMap((type) =>
      Object.values(resources(config, type)),
    );
    expect(children).toHaveLength(4);
    for (const child of children) expect((child as { user_pool_id: string }).user_pool_id).toBe(existing.userPoolId);
  });

  test('a setting of the pool itself, or a wrong pool id, is reported at its path with a fix', () => {
    const file = writeConfig('existing-bad.yaml', {
      environments: [{ ...ENV, existingPool: { userPoolId: 'us-east-1_Abc' }, pool: { mfa: 'OFF', clients: { app: {} } } }],
    });
    let error: unknown;
    try {
      synthesizeConfig({ configFile: file, outdir: join(work, 'existing-bad') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/environments\[0\]\.pool\.mfa: configures the pool itself, which exists already .*Fix: remove it/);
    expect(message).not.toMatch(/userPoolId/); // a round runs only when the one before found nothing

    const second = writeConfig('existing-region.yaml', {
      environments: [{ ...ENV, existingPool: { userPoolId: 'us-east-1_Abc' }, pool: { clients: { app: {} } } }],
    });
    expect(() => synthesizeConfig({ configFile: second, outdir: join(work, 'existing-region') })).toThrow(
      /environments\[0\]\.existingPool\.userPoolId: the pool must be in the stack's region/,
    );
  });
});
