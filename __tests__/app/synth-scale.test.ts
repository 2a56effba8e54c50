import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse, stringify } from 'yaml';
import { CognitoStack } from '../../src/app/cognito-stack';
import { MARKER } from '../../src/app/output-dir';
import { ProgressLine } from '../../src/app/progress';
import { synthesizeConfig } from '../../src/app/synthesize';
import { renderHclText } from '../../src/hcl/render-hcl';
import { ValidationError } from '../../src/core/problem';
import { TerraformStack } from '../../src/engine';

// The real renderer, which one test makes fail in this process (not in the worker processes).
jest.mock('../../src/hcl/render-hcl', () => {
  const actual = jest.requireActual('../../src/hcl/render-hcl');
  return { ...actual, renderHclText: jest.fn(actual.renderHclText) };
});

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-scale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The shipped configuration's three environments, each twice more under other names and accounts:
 * triggers (assets), groups, every preset, identity providers, branding files, a custom domain and a secret
 * hand-off in nine stacks.
 */
function nineEnvironments(): string {
  const config = parse(readFileSync('config/default.yaml', 'utf8'));
  const copies = [0, 1, 2].flatMap((copy) =>
    config.environments.map((env: { name: string; accountId: string; pool?: { domain?: { prefix?: string } } }) => ({
      ...env,
      name: copy ? `${env.name}-${copy}` : env.name,
      pool: env.pool?.domain?.prefix ? { ...env.pool, domain: { prefix: `${env.pool.domain.prefix}-${copy}` } } : env.pool,
    })),
  );
  const file = join(work, 'nine.yaml');
  writeFileSync(file, stringify({ ...config, environments: copies }));
  // Files the configuration names are relative to it.
  cpSync('config/branding', join(work, 'branding'), { recursive: true });
  return file;
}

/** Every file under a folder, by relative path, with its content. */
function tree(dir: string, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
      const path = join(prefix, entry.name);
      return entry.isDirectory() ? Object.entries(tree(dir, path)) : [[path, readFileSync(join(dir, path)).toString('base64')]];
    }),
  );
}

describe('batches and worker processes write exactly what one engine App writes', () => {
  const config = nineEnvironments();
  const synth = (name: string, options: { batchSize?: number; workers?: number; hclThread?: boolean }) => {
    const outdir = join(work, name);
    const stacks = synthesizeConfig({ configFile: config, outdir, progress: false, ...options });
    return { stacks: stacks.map(({ name, warnings }) => ({ name, warnings })), files: tree(outdir) };
  };
  const single = synth('single', { batchSize: 100, workers: 1, hclThread: false });

  test("the reference run wrote nine stacks and the two accounts' bootstrap stacks, their HCL and one manifest", () => {
    expect(single.stacks.map((s) => s.name)).toEqual([
      'bootstrap-111111111111',
      'bootstrap-222222222222',
      'dev',
      'dev-1',
      'dev-2',
      'prod',
      'prod-1',
      'prod-2',
      'staging',
      'staging-1',
      'staging-2',
    ]);
    const names = Object.keys(single.files);
    expect(names.filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(11);
    expect(names.filter((f) => f.endsWith('main.tf'))).toHaveLength(11);
    expect(names.filter((f) => f.includes('assets'))).not.toHaveLength(0);
    expect(Object.keys(JSON.parse(Buffer.from(single.files['manifest.json'], 'base64').toString()).stacks)).toHaveLength(11);
  });

  test('batches of two environments, one process: byte for byte the same files', () => {
    expect(synth('batches', { batchSize: 2, workers: 1 })).toEqual(single);
  });

  test('the HCL written by a thread of its own, while the engine synthesizes the next batches: byte for byte the same files', () => {
    expect(synth('hcl-thread', { batchSize: 2, workers: 1, hclThread: true })).toEqual(single);
  });

  test("the engine's preparing pass, which environment stacks skip, would change nothing: byte for byte the same files", () => {
    // CognitoStack.prepareStack skips the pass that looks for references to other stacks; run it again.
    const enginePass = jest.spyOn(CognitoStack.prototype, 'prepareStack').mockImplementation(function (this: CognitoStack) {
      TerraformStack.prototype.prepareStack.call(this);
    });
    try {
      expect(synth('engine-prepare', { batchSize: 100, workers: 1 })).toEqual(single);
      expect(enginePass).toHaveBeenCalledTimes(9);
    } finally {
      enginePass.mockRestore();
    }
  });

  test('three worker processes, batches of two: byte for byte the same files, and no work folder left', () => {
    const parallel = synth('workers', { batchSize: 2, workers: 3 });
    expect(parallel).toEqual(single);
    expect(readdirSync(join(work, 'workers')).filter((f) => f.startsWith('.'))).toEqual([MARKER]);
  });
});

describe('every problem of every batch and worker is reported at once, in the file order', () => {
  const environments = Array.from({ length: 6 }, (_, i) => ({
    name: `env${i}`,
    accountId: String(111111111110 + i),
    pool: i === 1 || i === 4 ? { passwordPolicy: { minLength: i === 1 ? 5 : 3 } } : {},
  }));
  const file = join(work, 'bad.yaml');
  writeFileSync(file, stringify({ backend: { bucket: 'state', region: 'eu-west-1' }, defaults: { region: 'eu-west-1' }, environments }));

  test.each([
    ['in batches', { batchSize: 2, workers: 1 }],
    // The first environment's HCL is written by the thread before the second's problem is found.
    ['in batches of one, the HCL written by a thread', { batchSize: 1, workers: 1, hclThread: true }],
    ['in worker processes', { batchSize: 1, workers: 2 }],
  ])('%s, and the previous output stays as it was', (name, options) => {
    const outdir = join(work, `kept-${name.replace(/\W+/g, '-')}`);
    mkdirSync(join(outdir, 'stacks', 'old'), { recursive: true });
    writeFileSync(join(outdir, 'manifest.json'), '{"stacks":{"old":{}}}');
    const before = tree(outdir);
    let error: unknown;
    try {
      synthesizeConfig({ configFile: file, outdir, progress: false, ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      'environments[1].pool.passwordPolicy.minLength: must be a whole number from 6 to 99; received 5. Fix: use a whole number from 6 to 99',
      'environments[4].pool.passwordPolicy.minLength: must be a whole number from 6 to 99; received 3. Fix: use a whole number from 6 to 99',
    ]);
    expect(tree(outdir)).toEqual(before);
  });
});

describe('a mistake in the defaults is reported once, at defaults, however the environments are split', () => {
  const environments = Array.from({ length: 6 }, (_, i) => ({ name: `env${i}`, accountId: String(111111111110 + i) }));
  const file = join(work, 'bad-defaults.yaml');
  writeFileSync(
    file,
    stringify({
      backend: { bucket: 'state', region: 'eu-west-1' },
      defaults: { region: 'eu-west-1', pool: { passwordPolicy: { minLength: 4 } } },
      environments,
    }),
  );

  test.each([
    ['in batches', { batchSize: 2, workers: 1 }],
    ['in worker processes', { batchSize: 1, workers: 3 }],
  ])('%s', (_name, options) => {
    expect(() => synthesizeConfig({ configFile: file, outdir: join(work, `defaults-${options.workers}`), progress: false, ...options })).toThrow(
      expect.objectContaining({
        problems: ['defaults.pool.passwordPolicy.minLength: must be a whole number from 6 to 99; received 4. Fix: use a whole number from 6 to 99'],
      }),
    );
  });
});

describe('a failure while worker processes run leaves the previous output as it was, and no process behind', () => {
  const environments = Array.from({ length: 6 }, (_, i) => ({ name: `env${i}`, accountId: String(111111111110 + i) }));
  const file = join(work, 'six.yaml');
  writeFileSync(file, stringify({ backend: { bucket: 'state', region: 'eu-west-1' }, defaults: { region: 'eu-west-1' }, environments }));
  const previous = (name: string) => {
    const outdir = join(work, name);
    synthesizeConfig({ configFile: file, outdir, progress: false, workers: 1, environments: ['env0'] });
    return { outdir, before: tree(outdir) };
  };
  /** Work folders left in the output folder (staging, journal, lock), a while after the run. */
  const leftovers = async (outdir: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return readdirSync(outdir).filter((f) => f.startsWith('.') && f !== MARKER);
  };

  test('a worker process that dies: the run fails, saying so', async () => {
    const { outdir, before } = previous('worker-dies');
    const exit = join(work, 'exit-at-start.js');
    writeFileSync(exit, 'process.exit(3);\n');
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --require ${exit}`;
    try {
      expect(() => synthesizeConfig({ configFile: file, outdir, progress: false, workers: 2 })).toThrow(
        /a synth worker failed:\na synth worker stopped \(exit code 3\)/,
      );
    } finally {
      process.env.NODE_OPTIONS = nodeOptions;
      if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    }
    expect(tree(outdir)).toEqual(before);
    expect(await leftovers(outdir)).toEqual([]);
  });

  test('workers started before the configuration was read are stopped when it fails, or needs none', async () => {
    const { outdir, before } = previous('early-stopped');
    const broken = join(work, 'broken.yaml');
    writeFileSync(broken, 'environments: [\n');
    expect(() => synthesizeConfig({ configFile: broken, outdir, progress: false, workers: 2 })).toThrow(/broken\.yaml:\d+:\d+: is not valid YAML/);
    expect(tree(outdir)).toEqual(before);
    synthesizeConfig({ configFile: file, outdir, progress: false, workers: 2, environments: ['env3'] });
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(['env3']);
    expect(await leftovers(outdir)).toEqual([]);
    const children = spawnSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
    expect(children.split('\n').filter((line) => line.includes('workers-worker'))).toEqual([]);
  });

  test("the app's own share failing stops the workers before the staging folder goes", async () => {
    const { outdir, before } = previous('app-fails');
    jest.mocked(renderHclText).mockImplementationOnce(() => {
      throw new Error('renderer failed');
    });
    expect(() => synthesizeConfig({ configFile: file, outdir, progress: false, workers: 2, batchSize: 1 })).toThrow('renderer failed');
    expect(tree(outdir)).toEqual(before);
    // A worker still writing would make the staging folder again.
    expect(await leftovers(outdir)).toEqual([]);
  });
});

describe('the progress line', () => {
  /** A stream that records what is written, and a clock the test moves. */
  function harness(isTTY: boolean, setting: boolean | 'auto', stdoutIsTerminal = isTTY) {
    const written: string[] = [];
    let now = 0;
    const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const line = new ProgressLine(100, { setting, stream, stdoutIsTerminal, now: () => now });
    return { line, written, at: (ms: number) => (now = ms) };
  }

  test('on a terminal: nothing for two seconds, then one line rewritten in place and cleared at the end', () => {
    const { line, written, at } = harness(true, 'auto');
    line.add(10);
    at(1900);
    line.add(10);
    expect(written).toEqual([]);
    at(2100);
    line.add(30);
    at(2200);
    line.add(50);
    line.finish();
    expect(written).toEqual(['\rsynthesizing: 50/100 environments', '\rsynthesizing: 100/100 environments', '\r\x1b[K']);
  });

  test('a short run shows nothing, and clears nothing', () => {
    const { line, written } = harness(true, 'auto');
    line.add(100);
    line.finish();
    expect(written).toEqual([]);
  });

  test('quiet when standard output is not a terminal, unless asked', () => {
    const quiet = harness(true, 'auto', false);
    quiet.at(5000);
    quiet.line.add(100);
    quiet.line.finish();
    expect(quiet.written).toEqual([]);

    const asked = harness(false, true, false);
    asked.at(2000);
    asked.line.add(10);
    asked.at(2500);
    asked.line.add(10); // within a second of the last line: not printed
    asked.at(3100);
    asked.line.add(10);
    asked.at(3200);
    asked.line.add(70); // the last one always is
    asked.line.finish();
    expect(asked.written).toEqual([
      'synthesizing: 10/100 environments\n',
      'synthesizing: 30/100 environments\n',
      'synthesizing: 100/100 environments\n',
    ]);
  });

  test('never, when turned off', () => {
    const { line, written, at } = harness(true, false);
    at(10000);
    line.add(100);
    line.finish();
    expect(written).toEqual([]);
  });
});
