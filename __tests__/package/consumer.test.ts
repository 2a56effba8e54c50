import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, resolve } from 'path';
import { checkOffline } from '../../src/terraform/offline';
import { terraformIt } from '../support/terraform';

/**
 * The package as a user gets it: packed with `npm pack`, installed from the tarball into a fresh project
 * (packages from the local npm cache when it has them), compiled by a consumer's strict tsconfig, run
 * with plain node, planned with real terraform.
 */
const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-consumer-'));
const project = join(work, 'project');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The version of a package this repository pins, so the consumer gets what the tests here ran with. */
const pinned = (name: string): string => `${name}@${pkg.devDependencies[name]}`;

let tarball = '';

beforeAll(() => {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT));
  tarball = join(work, packed[0].filename);
  cpSync(join(__dirname, 'consumer-app'), project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run(
    'npm',
    ['install', '--prefer-offline', tarball, ...['cdktf', 'constructs', '@cdktf/provider-aws', 'typescript', '@types/node'].map(pinned)],
    project,
  );
}, 300_000);

describe('the npm package', () => {
  test('npm pack ships only what a user needs: compiled code, declarations, README, LICENSE, CHANGELOG', () => {
    const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
    // Besides code and declarations, only data files that the compiled code loads (e.g. the region table).
    const data = files.filter((f) => f.startsWith('dist/') && !/\.(js|d\.ts)$/.test(f));
    const code = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    for (const file of data)
      expect({ file, loaded: file.endsWith('.json') && code.includes(`require("./${basename(file)}")`) }).toEqual({ file, loaded: true });
    for (const forbidden of [
      /__tests__/,
      /\.test\./,
      /^\.ci/,
      /^bench/,
      /^scripts/,
      /^config/,
      /^modules/,
      /^src\//,
      /\.map$/,
      /dist\/(app|hcl|module|terraform)\//,
    ]) {
      expect(files.filter((f) => forbidden.test(f))).toEqual([]);
    }
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/triggers/handlers/pre-sign-up-email-allowlist.js']));
  });

  test('package.json: public, semver, entry points that exist, peers for the engine and the provider', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.license).toBe('MPL-2.0');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@cdktf/provider-aws', 'cdktf', 'constructs']);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^Mozilla Public License Version 2\.0\n/);
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}] - `);
  });

  test("a consumer's strict tsconfig (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, no skipLibCheck) compiles against the package", () => {
    const tsconfig = JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8')).compilerOptions;
    expect(tsconfig).toMatchObject({
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      module: 'node16',
    });
    run(join(project, 'node_modules/.bin/tsc'), ['-p', '.'], project);
  }, 120_000);

  test('importing the package root is cheap: the provider root is never loaded', () => {
    const script =
      "const t = process.hrtime.bigint(); require('cdktf-cognito'); const ms = Number(process.hrtime.bigint() - t) / 1e6;" +
      "const loaded = Object.keys(require.cache).filter((k) => k.includes('@cdktf/provider-aws'));" +
      'console.log(JSON.stringify({ ms, loaded: loaded.length, root: loaded.some((k) => /provider-aws\\/lib\\/index\\.js$/.test(k)) }))';
    const measured = JSON.parse(execFileSync('node', ['-e', script], { cwd: project, encoding: 'utf8' }));
    expect(measured.root).toBe(false);
    expect(measured.loaded).toBeLessThan(40);
  });

  terraformIt('the compiled consumer app runs with plain node and its output plans with real terraform', () => {
    const out = run('node', ['dist/main.js'], project);
    expect(out).toContain('synthesized auth/pool and auth/shared');
    const stackDir = join(project, 'cdktf.out/stacks/auth');
    const config = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    const planDir = join(work, 'plan');
    cpSync(join(stackDir, 'assets'), join(planDir, 'assets'), { recursive: true });
    const { plan } = checkOffline(config, { dir: planDir });
    const created = (plan.resource_changes as { type: string; change: { actions: string[] } }[]).filter((c) => c.change.actions.includes('create'));
    expect(created.filter((c) => c.type === 'aws_cognito_user_pool')).toHaveLength(1);
    expect(created.filter((c) => c.type === 'aws_cognito_user_pool_client')).toHaveLength(4);
    expect(created.filter((c) => c.type === 'aws_lambda_function')).toHaveLength(1);
  });
});
