import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { TriggerCode, TriggerOperation, UserPool } from '../../src';
import { synthesizeConfig } from '../../src/app/synthesize';
import { notPackaged } from '../../src/triggers/trigger-code';
import { onlyResource, synth, testStack } from '../support/stack';
import { readZip } from '../support/zip';

/**
 * What issue 12 found in the build: a planted asset deployed in place of the real code, handler paths
 * outside the project, and dotfiles and credentials zipped into the function. Each is reproduced here.
 */

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder (it has a package.json) with the given files. */
function project(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries({ 'package.json': '{}', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const HANDLER = 'export const handler = async (event: unknown) => ({ genuine: true, event });\n';

describe('the asset cache cannot be planted', () => {
  test('a zip planted under the old well-known name is never used: this run writes its own, in a private folder', () => {
    const root = project('planted', { 'handlers/pre.ts': HANDLER });
    const genuine = TriggerCode.fromFile('handlers/pre.ts', { baseDir: root }).package();
    // The attack: another user or an earlier job writes a zip of the same name where the cache used to be.
    const shared = join(tmpdir(), 'cdktf-cognito-assets');
    mkdirSync(shared, { recursive: true });
    const planted = join(shared, basename(genuine.zipPath));
    writeFileSync(planted, 'exports.handler = async () => ({ stolen: true });');
    let again: ReturnType<TriggerCode['package']> | undefined;
    jest.isolateModules(() => {
      // A fresh copy of the module: no packaging of this run to reuse, as in a new synth.
      const fresh = require('../../src/triggers/trigger-code') as typeof import('../../src/triggers/trigger-code');
      again = fresh.TriggerCode.fromFile('handlers/pre.ts', { baseDir: root }).package();
    });
    rmSync(planted, { force: true });
    expect(dirname(again!.zipPath)).not.toBe(shared);
    expect(again!.sourceCodeHash).toBe(genuine.sourceCodeHash);
    expect(readZip(readFileSync(again!.zipPath))['index.js']).toContain('genuine: true');
  });

  test('the folder is made by this run, mode 0700; the zip is 0600; the synthesized asset holds the genuine code', () => {
    const root = project('modes', { 'handlers/pre.ts': HANDLER });
    const packaged = TriggerCode.fromFile('handlers/pre.ts', { baseDir: root }).package();
    expect(statSync(dirname(packaged.zipPath)).mode & 0o777).toBe(0o700);
    expect(statSync(packaged.zipPath).mode & 0o777).toBe(0o600);
    expect(basename(dirname(packaged.zipPath))).toMatch(/^cdktf-cognito-assets-\w{6}$/);

    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'app' });
    pool.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromFile('handlers/pre.ts', { baseDir: root }));
    expect(onlyResource(synth(stack), 'aws_lambda_function').source_code_hash).toBe(packaged.sourceCodeHash);
  });
});

describe('handler paths stay inside the project', () => {
  const root = project('confined', { 'handlers/pre.ts': HANDLER, 'dist/pre/index.js': 'exports.handler = async (e) => e;' });
  const outside = project('elsewhere', { 'stolen.ts': HANDLER, 'built/index.js': 'exports.handler = async (e) => e;' });
  const fromFile = (path: string) => () => TriggerCode.fromFile(path, { baseDir: join(root, 'handlers') }).package();
  const fromDirectory = (path: string) => () => TriggerCode.fromDirectory(path, 'index.handler', {}, { baseDir: root }).package();

  test("relative to the given folder (the configuration's), inside the project: packaged", () => {
    expect(fromFile('pre.ts')().handler).toBe('index.handler');
    expect(fromFile('../dist/pre/index.js')().handler).toBe('index.handler');
    expect(fromDirectory('dist/pre')().handler).toBe('index.handler');
  });

  test.each([
    ['an absolute path elsewhere', join(outside, 'stolen.ts')],
    ['a ../.. path out of the project', '../../elsewhere/stolen.ts'],
  ])('a file: %s is refused, naming the project folder', (_name, path) => {
    expect(fromFile(path)).toThrow(
      new RegExp(
        `^Trigger code ${path.replace(/[.*/\\]/g, '\\$&')}: lies outside the project folder ${root}.*Fix: keep trigger code inside the project`,
      ),
    );
  });

  test('a folder outside the project, or a symbolic link that leads out of it, is refused', () => {
    expect(fromDirectory(join(outside, 'built'))).toThrow(/lies outside the project folder/);
    symlinkSync(join(outside, 'built'), join(root, 'linked'));
    symlinkSync(join(outside, 'stolen.ts'), join(root, 'handlers', 'linked.ts'));
    expect(fromDirectory('linked')).toThrow(/: lies outside the project folder .* \(resolved to .*elsewhere\/built\)/);
    expect(fromFile('linked.ts')).toThrow(/: lies outside the project folder .* \(resolved to .*elsewhere\/stolen\.ts\)/);
  });

  test('`file: ""` and `directory: ""` are refused rather than packaging the package\'s main or the whole folder', () => {
    expect(fromFile('')).toThrow(/^Trigger code "": is empty, which would package the project's own main file\. Fix: name the handler's file/);
    expect(fromDirectory('')).toThrow(/^Trigger code "": is empty, which would package the whole folder, node_modules and \.git included\. Fix: /);
    expect(fromDirectory('.')).toThrow(
      /^Trigger code \.: is the project folder itself, which would package node_modules, \.git and every local file/,
    );
    expect(fromFile('.')).toThrow(/^Trigger code \.: is a folder, not a file/);
  });

  test('in a configuration, paths are relative to its file; one outside the project fails the synth and writes nothing', () => {
    const app = project('app', {
      'handlers/pre.ts': HANDLER,
      'config/ok.yaml': config('../handlers/pre.ts'),
      'config/escape.yaml': config(join(outside, 'stolen.ts')),
    });
    const out = join(app, 'cdktf.out');
    // Run from another folder: the path is taken from the configuration's folder, not the working directory.
    const [dev] = synthesizeConfig({ configFile: join(app, 'config', 'ok.yaml'), outdir: out });
    const fn = JSON.parse(readFileSync(join(dev.dir, 'cdk.tf.json'), 'utf8')).resource.aws_lambda_function;
    expect(Object.values(fn).map((f: any) => f.description)).toEqual(['Cognito trigger (../handlers/pre.ts)']);
    const escape = join(work, 'escape.out');
    expect(() => synthesizeConfig({ configFile: join(app, 'config', 'escape.yaml'), outdir: escape })).toThrow(
      /environments\[0\]\.pool\.triggers\.preSignUp\.handler: lies outside the project folder .*stolen\.ts.*Fix: keep trigger code inside the project/,
    );
    expect(existsSync(escape)).toBe(false);
  });
});

describe('dotfiles and credentials are never packaged', () => {
  test.each([
    ['.env', true],
    ['.aws', true],
    ['.npmrc', true],
    ['.git', true],
    ['prod.env', true],
    ['terraform.tfstate', true],
    ['dev.tfplan', true],
    ['secrets.tfvars', true],
    ['server.key', true],
    ['cert.pem', true],
    ['id_ed25519', true],
    ['credentials', true],
    ['secrets.json', true],
    ['index.js', false],
    ['secret-rotation.js', false],
    ['package.json', false],
    ['node_modules', false],
  ])('%s: left out = %s', (name, out) => {
    expect(notPackaged(name) !== undefined).toBe(out);
  });

  test('a folder with .env, .aws/credentials and keys is zipped without them, and the synth warns what was left out', () => {
    const root = project('leaky', {
      'dist/index.js': 'exports.handler = async (e) => e;',
      'dist/lib/secret-rotation.js': 'module.exports = 1;',
      'dist/.env': 'API_KEY=sk-live',
      'dist/.aws/credentials': '[default]\naws_secret_access_key=x',
      'dist/keys/server.pem': '-----BEGIN PRIVATE KEY-----',
      'dist/terraform.tfstate': '{}',
    });
    const code = TriggerCode.fromDirectory('dist', 'index.handler', {}, { baseDir: root });
    const packaged = code.package();
    expect(Object.keys(readZip(readFileSync(packaged.zipPath)))).toEqual(['index.js', 'lib/secret-rotation.js']);
    expect(packaged.excluded).toEqual(['.aws/', '.env', 'keys/server.pem', 'terraform.tfstate']);

    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'app' });
    pool.addTrigger(TriggerOperation.PRE_SIGN_UP, code);
    synth(stack);
    const fn = pool.triggers.triggerFunctions[0];
    expect(fn.node.metadata.map((m) => m.data)).toEqual([
      `Left out of the package of dist (dotfiles and credential-looking files are never deployed): .aws/, .env, keys/server.pem, terraform.tfstate`,
    ]);
  });

  test('a credential-looking entry file is refused', () => {
    const root = project('entry', { 'handlers/.env.ts': HANDLER });
    chmodSync(join(root, 'handlers/.env.ts'), 0o644);
    expect(() => TriggerCode.fromFile('handlers/.env.ts', { baseDir: root }).package()).toThrow(
      /: is a dotfile .*Fix: point at the handler's source file/,
    );
  });
});

function config(file: string): string {
  return `environments:
  - name: dev
    accountId: "111111111111"
    region: eu-west-1
    pool:
      triggers:
        preSignUp:
          handler:
            file: ${JSON.stringify(file)}
`;
}
