import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { synthesizeConfig } from '../../src/app/synthesize';
import { terraformIt } from '../support/terraform';
import { addProvider, initValidatePlan } from '../module/module-support';
import * as library from '../../src';

/**
 * The README runs: every TypeScript block compiles (with a consumer's strict settings) and synthesizes,
 * every YAML block is a configuration that synthesizes, and every HCL block plans offline.
 */
const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = (language: string): string[] => [...readme.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]!);

// Inside the repository (ignored by git), so that the blocks' imports find its node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const work = mkdtempSync(join(ROOT, '.tmp', 'readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The package name points at this repository's sources. */
const SOURCES = join(ROOT, 'src');
const withSources = (code: string): string => code.replace(/from 'cdktf-cognito'/g, `from '${SOURCES}'`);

/**
 * A block without imports continues the library quick start: it gets a stack with a pool and a domain,
 * and every export of the library by name.
 */
const FRAGMENT_OUTDIR = 'fragment.out';
function fragment(code: string): string {
  const values = Object.keys(library).filter((name) => /^[A-Z]/.test(name));
  return [
    "import { App, TerraformStack } from 'cdktf';",
    "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
    `import { ${values.join(', ')} } from '${SOURCES}';`,
    `const app = new App({ outdir: '${FRAGMENT_OUTDIR}' });`,
    "const stack = new TerraformStack(app, 'docs');",
    "new AwsProvider(stack, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111122223333'] });",
    "AwsEnvironment.declare(stack, { accountId: '111122223333', region: 'eu-west-1' });",
    "const pool = new UserPool(stack, 'pool', { userPoolName: 'docs' });",
    "pool.addDomain('domain', { prefix: 'docs-111122223333' });",
    code,
    'app.synth();',
  ].join('\n');
}

const tsBlocks = blocks('ts');
const files = tsBlocks.map((code, i) => {
  const dir = join(work, `ts-${i}`);
  mkdirSync(dir, { recursive: true });
  // The files the blocks name as the reader's own: a handler to bundle and a built folder to zip.
  mkdirSync(join(dir, 'handlers'), { recursive: true });
  writeFileSync(join(dir, 'handlers/custom-message.ts'), 'export const handler = async (event: unknown) => event;\n');
  mkdirSync(join(dir, 'build/post-confirmation'), { recursive: true });
  writeFileSync(join(dir, 'build/post-confirmation/index.js'), 'exports.handler = async (event) => event;\n');
  const file = join(dir, 'block.ts');
  writeFileSync(file, code.includes('import ') ? withSources(code) : fragment(code));
  return file;
});

describe('README blocks run', () => {
  test('there are TypeScript, YAML and HCL blocks to check', () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks('yaml').length).toBeGreaterThanOrEqual(1);
    expect(blocks('hcl').length).toBeGreaterThanOrEqual(1);
  });

  test('every TypeScript block compiles under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess', () => {
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
        esModuleInterop: true,
        resolveJsonModule: true,
      },
      files,
    };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', work], { encoding: 'utf8' });
    expect(run.stdout.replaceAll(work, '<readme>')).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);

  test.each(tsBlocks.map((code, i) => [i, code.split('\n').find((l) => l.trim() !== '' && !l.startsWith('import')) ?? '', files[i]!]))(
    'TypeScript block %i synthesizes into a folder of its own (%s)',
    (_i, _first, file) => {
      const dir = join(file, '..');
      const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [file], { cwd: dir, encoding: 'utf8' });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      const outdir = /new App\(\{ outdir: '([^']+)' \}\)/.exec(readFileSync(file, 'utf8'))?.[1];
      expect(outdir).toBeDefined();
      expect(outdir).not.toBe('cdktf.out'); // the app's folder: a library example must not overwrite it
      const manifest = JSON.parse(readFileSync(join(dir, outdir!, 'manifest.json'), 'utf8'));
      for (const stack of Object.values(manifest.stacks) as { synthesizedStackPath: string }[]) {
        expect(existsSync(join(dir, outdir!, stack.synthesizedStackPath))).toBe(true);
      }
      expect(existsSync(join(dir, 'cdktf.out'))).toBe(false);
    },
    120_000,
  );

  test.each(blocks('yaml').map((code, i) => [i, code]))('YAML block %i is a configuration that synthesizes', (i, code) => {
    const file = join(work, `config-${i}.yaml`);
    writeFileSync(file, code);
    const stacks = synthesizeConfig({ configFile: file, outdir: join(work, `config-${i}.out`) });
    expect(stacks.length).toBeGreaterThan(0);
  });

  terraformIt("every HCL block plans offline (the module source is this repository's module, as the tag pins it)", () => {
    blocks('hcl').forEach((code, i) => {
      const dir = join(work, `hcl-${i}`);
      mkdirSync(dir, { recursive: true });
      const local = code.replace(
        /source\s*=\s*"git::https:\/\/github\.com\/[^"]+\/\/modules\/cognito-user-pool\?ref=v[^"]+"/,
        `source = "${join(ROOT, 'modules/cognito-user-pool')}"`,
      );
      expect(local).not.toBe(code);
      writeFileSync(join(dir, 'main.tf'), local);
      addProvider(dir);
      const plan = initValidatePlan(dir);
      expect((plan.resource_changes as { type: string }[]).map((c) => c.type)).toContain('aws_cognito_user_pool');
    });
  });
});
