import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createHash } from 'crypto';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import { runTerraform } from '../../src/terraform/offline';
import { stacksOf } from '../support/config-check';
import { terraformIt } from '../support/terraform';
import { loadWorkflow, ROOT, runPipeline, tempDir, Workflow, WorkflowJob, WorkflowStep } from './run-pipeline';

const DEFAULT_STACKS = ['dev', 'prod', 'staging'];

describe('pipeline.sh: usage and errors', () => {
  // Output and working folders that do not exist: nothing here may touch the repository's own.
  let temp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => runPipeline(args, { cwd: temp.dir, env });

  beforeEach(() => {
    temp = tempDir();
    env = { CDKTF_OUTDIR: join(temp.dir, 'out'), PIPELINE_WORKDIR: join(temp.dir, 'work') };
  });
  afterEach(() => temp.remove());

  it('prints the usage on --help, and to stderr with a failure when no command is given', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    for (const command of ['synth', 'test', 'stacks [--json]', 'plan STACK [--offline]', 'apply STACK']) {
      expect(help.stdout).toContain(command);
    }
    expect(help.stdout).toContain('Plan files contain sensitive values');

    const none = run();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: scripts/pipeline.sh COMMAND');
  });

  it.each([
    [['deploy'], "unknown command 'deploy'"],
    [['plan'], 'plan needs a stack'],
    [['plan', 'dev', 'prod'], "plan takes one stack, got 'dev' and 'prod'"],
    [['plan', 'dev', '--refresh'], "plan: unknown option '--refresh'"],
    [['apply'], 'apply needs a stack'],
    [['apply', 'dev', '--offline'], 'there is no offline apply'],
    [['synth', '--out', 'x'], 'set CDKTF_OUTDIR to choose the output folder'],
    [['synth', '--config'], '--config needs a value'],
    [['stacks', '--yaml'], "stacks: unknown argument '--yaml'"],
    [['role', 'dev'], 'role needs a stack and plan or deploy'],
    [['apply', 'dev', '--reviewed'], '--reviewed needs the digest file of the reviewed plan'],
  ])('rejects %j as a usage error', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Run 'scripts/pipeline.sh --help'");
  });

  it('refuses a stack name that could leave the working folder', () => {
    const result = run('apply', '../dev');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("'../dev' is not a stack name");
  });

  it('refuses to apply without a saved plan, naming where it looked and what to run', () => {
    const result = run('apply', 'dev');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no saved plan for 'dev' at ${join(temp.dir, 'work', 'stacks', 'dev', 'dev.tfplan')}`);
    expect(result.stderr).toContain("run 'scripts/pipeline.sh plan dev' first");
  });

  it('refuses a plan without the folder it was made in', () => {
    const dir = join(temp.dir, 'work', 'stacks', 'dev');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'dev.tfplan'), '');
    const result = run('apply', 'dev');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${dir} is incomplete`);
    expect(result.stderr).toContain('hidden files included');
  });

  terraformIt('applies exactly the saved plan, once', () => {
    // terraform_data needs no provider and no AWS: a stand-in for a stack whose plan was restored.
    const dir = join(temp.dir, 'work', 'stacks', 'demo');
    const configure = (input: string) =>
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: { marker: { input } } } }));
    mkdirSync(dir, { recursive: true });
    configure('planned');
    for (const args of [
      ['init', '-input=false'],
      ['plan', '-input=false', '-out=demo.tfplan'],
    ]) {
      expect(runTerraform(dir, args)).toMatchObject({ code: 0 });
    }
    // Without providers terraform writes no lock file; the pipeline wants one beside every plan.
    writeFileSync(join(dir, '.terraform.lock.hcl'), '');
    configure('changed after the plan');

    expect(run('apply', 'demo')).toMatchObject({ code: 0 });
    const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
    expect(state).toContain('"planned"');
    expect(state).not.toContain('changed after the plan');
    expect(existsSync(join(dir, 'demo.tfplan'))).toBe(false);

    const again = run('apply', 'demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("no saved plan for 'demo'");
  });

  terraformIt('applies with --reviewed only the plan that was reviewed: another digest refuses and applies nothing', () => {
    const dir = join(temp.dir, 'work', 'stacks', 'demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: { marker: { input: 'planned' } } } }));
    for (const args of [
      ['init', '-input=false'],
      ['plan', '-input=false', '-out=demo.tfplan'],
    ])
      expect(runTerraform(dir, args)).toMatchObject({ code: 0 });
    writeFileSync(join(dir, '.terraform.lock.hcl'), '');
    const show = JSON.parse(runTerraform(dir, ['show', '-json', 'demo.tfplan']).stdout);
    const digest = createHash('sha256')
      .update(JSON.stringify({ resource_changes: show.resource_changes ?? [], output_changes: show.output_changes ?? {} }))
      .digest('hex');
    writeFileSync(join(temp.dir, 'other.sha256'), `${'0'.repeat(64)}\n`);
    writeFileSync(join(temp.dir, 'reviewed.sha256'), `${digest}\n`);

    const refused = run('apply', 'demo', '--reviewed', 'other.sha256');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`the plan for 'demo' differs from the reviewed one (digest ${digest}, reviewed ${'0'.repeat(64)})`);
    expect(existsSync(join(dir, 'terraform.tfstate'))).toBe(false);

    expect(run('apply', 'demo', '--reviewed', 'reviewed.sha256')).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).toContain('"planned"');
  });

  it('asks for a synth when there is nothing synthesized', () => {
    for (const args of [['stacks'], ['plan', 'dev']]) {
      const result = run(...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${join(temp.dir, 'out', 'manifest.json')} is missing`);
      expect(result.stderr).toContain("Run 'scripts/pipeline.sh synth' first");
    }
  });
});

describe('pipeline.sh: the default configuration, synthesized', () => {
  let temp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => runPipeline(args, { cwd: temp.dir, env });

  beforeAll(() => {
    temp = tempDir();
    // Relative paths, taken from where the script is run (the temporary folder), not the repository root.
    env = { CDKTF_OUTDIR: 'out', PIPELINE_WORKDIR: 'work' };
    // A path that exists only relative to the caller's folder: resolved against the repository it would fail.
    mkdirSync(join(temp.dir, 'conf'));
    copyFileSync(join(ROOT, 'config/default.yaml'), join(temp.dir, 'conf', 'default.yaml'));
    // Its branding files are relative to it, and go along.
    cpSync(join(ROOT, 'config/branding'), join(temp.dir, 'conf', 'branding'), { recursive: true });
    const synth = run('synth', '--config', join('conf', 'default.yaml'));
    expect(synth).toMatchObject({ code: 0 });
  });
  afterAll(() => temp.remove());

  it('synthesizes into CDKTF_OUTDIR', () => {
    for (const stack of DEFAULT_STACKS) expect(existsSync(join(temp.dir, 'out', 'stacks', stack, 'cdk.tf.json'))).toBe(true);
  });

  it('lists the stacks, one a line or as JSON', () => {
    expect(run('stacks')).toEqual({ code: 0, stdout: `${DEFAULT_STACKS.join('\n')}\n`, stderr: '' });
    const json = run('stacks', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(DEFAULT_STACKS);
  });

  it("leaves the bootstrap stacks out of the list, and names each stack's plan and deploy roles", () => {
    expect(existsSync(join(temp.dir, 'out', 'stacks', 'bootstrap-111111111111', 'cdk.tf.json'))).toBe(true);
    expect(run('role', 'prod', 'plan')).toEqual({ code: 0, stdout: 'arn:aws:iam::222222222222:role/cdktf-cognito-plan\n', stderr: '' });
    expect(run('role', 'dev', 'deploy')).toEqual({ code: 0, stdout: 'arn:aws:iam::111111111111:role/cdktf-cognito-deploy\n', stderr: '' });
    expect(run('role', 'bootstrap-111111111111', 'deploy')).toMatchObject({ code: 1, stderr: expect.stringContaining('names no deploy role') });
    expect(run('role', 'dev', 'admin')).toMatchObject({ code: 2, stderr: expect.stringContaining("'admin' is neither plan nor deploy") });
  });

  it('names the synthesized stacks when asked to plan another', () => {
    const result = run('plan', 'qa', '--offline');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unknown stack 'qa'");
    expect(result.stderr).toContain(JSON.stringify(DEFAULT_STACKS));
  });

  terraformIt('plans a stack offline into a saved plan and a review text, which apply will not take', () => {
    const result = run('plan', 'dev', '--offline');
    expect(result).toMatchObject({ code: 0 });

    const dir = join(temp.dir, 'work', 'offline', 'dev');
    expect(result.stdout).toContain(`Plan for dev: ${join(dir, 'dev.tfplan')}`);
    expect(existsSync(join(dir, 'dev.tfplan'))).toBe(true);
    expect(readFileSync(join(dir, 'dev.tfplan.txt'), 'utf8')).toContain('aws_cognito_user_pool.');
    expect(readFileSync(join(dir, 'dev.tfplan.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);

    // The working copy is the offline one: no remote state, no role to assume, no account guard.
    const config = JSON.parse(readFileSync(join(dir, 'main.tf.json'), 'utf8'));
    expect(config.terraform.backend).toBeUndefined();
    expect(config.provider.aws[0]).not.toHaveProperty('assume_role');
    expect(config.provider.aws[0]).not.toHaveProperty('allowed_account_ids');

    // A plan made with fake credentials is never where apply looks.
    const apply = run('apply', 'dev');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("no saved plan for 'dev'");
  });
});

describe('the GitHub Actions workflow', () => {
  const workflow: Workflow = loadWorkflow();
  const job = (name: string): WorkflowJob => {
    expect(workflow.jobs).toHaveProperty(name);
    return workflow.jobs[name];
  };
  const uses = (j: WorkflowJob, action: string): WorkflowStep[] => j.steps.filter((s) => s.uses?.startsWith(`${action}@`));
  const runs = (j: WorkflowJob): string => j.steps.map((s) => s.run ?? '').join('\n');

  it('runs on pull requests and on pushes to main', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('grants nothing by default and only the plan and apply jobs an OIDC token', () => {
    expect(workflow.permissions).toEqual({});
    for (const [name, j] of Object.entries(workflow.jobs)) {
      expect(j.permissions).toBeDefined();
      const expected = ['plan', 'apply'].includes(name) ? { 'id-token': 'write', contents: 'read' } : { contents: 'read' };
      expect([name, j.permissions]).toEqual([name, expected]);
    }
  });

  it('pins every action to a full commit SHA, with its tag in a comment', () => {
    const text = readFileSync(join(ROOT, '.github/workflows/cognito.yml'), 'utf8');
    const lines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(15);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    for (const j of Object.values(workflow.jobs)) {
      for (const step of j.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
    // One SHA per action: two different pins of one action would be a half-done update.
    const pins = new Map<string, Set<string>>();
    for (const line of lines) {
      const [, action, sha] = /uses: ([^@]+)@(\w+)/.exec(line)!;
      pins.set(action, (pins.get(action) ?? new Set()).add(sha));
    }
    for (const [action, shas] of pins) expect([action, shas.size]).toEqual([action, 1]);
  });

  it('installs without install scripts in the jobs that hold cloud credentials', () => {
    for (const [name, j] of Object.entries(workflow.jobs).filter(([, j]) => j.permissions?.['id-token'] === 'write')) {
      const installs = j.steps.map((s) => s.run ?? '').filter((r) => /\bnpm (ci|install|i)\b/.test(r));
      expect([name, installs.length]).toEqual([name, 1]);
      for (const install of installs) expect([name, install]).toEqual([name, expect.stringContaining('npm ci --ignore-scripts')]);
    }
  });

  it('maps every identity-provider secret the stacks declare, and gives a pull request only a placeholder', () => {
    const stacks = stacksOf(parseYaml(readFileSync(join(ROOT, 'config/default.yaml'), 'utf8')), join(ROOT, 'config'));
    const secrets = [...new Set(Object.values(stacks).flatMap((s) => Object.keys(s.json.variable ?? {}).filter((v) => v.startsWith('idp_'))))];
    expect(secrets.length).toBeGreaterThan(0);
    for (const name of ['plan', 'apply']) {
      const env = job(name).env ?? {};
      for (const secret of secrets) expect([name, secret, env[`TF_VAR_${secret}`]]).toEqual([name, secret, expect.stringContaining('secrets.')]);
    }
    // The plan job also runs for pull requests, whose code is the branch's own: the secret only on a push.
    for (const secret of secrets)
      expect(job('plan').env?.[`TF_VAR_${secret}`]).toMatch(/^\$\{\{ github\.event_name == 'push' && secrets\.\w+ \|\| '[\w-]+' \}\}$/);
  });

  it('has Dependabot update the npm packages and the pinned actions', () => {
    const dependabot = parseYaml(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8'));
    expect(dependabot.version).toBe(2);
    expect(dependabot.updates.map((u: { 'package-ecosystem': string; directory: string }) => [u['package-ecosystem'], u.directory])).toEqual([
      ['npm', '/'],
      ['github-actions', '/'],
    ]);
  });

  it('tests with Node 20, the npm cache and terraform 1.11, then synthesizes and keeps the output', () => {
    const test = job('test');
    expect(uses(test, 'actions/setup-node')[0].with).toMatchObject({ 'node-version': 20, cache: 'npm' });
    expect(uses(test, 'hashicorp/setup-terraform')[0].with).toMatchObject({ terraform_version: '1.11.x' });
    const commands = runs(test);
    expect(commands).toContain('npm ci');
    expect(commands).toContain('scripts/pipeline.sh test');
    expect(commands.indexOf('scripts/pipeline.sh synth')).toBeGreaterThan(commands.indexOf('scripts/pipeline.sh test'));
    expect(uses(test, 'actions/upload-artifact')[0].with).toMatchObject({ name: 'cdktf.out', path: 'cdktf.out' });
  });

  it('computes the stack matrix from the synthesized manifest', () => {
    const stacks = job('stacks');
    expect(stacks.needs).toBe('test');
    expect(stacks.outputs).toEqual({ stacks: '${{ steps.list.outputs.stacks }}' });
    expect(stacks.steps.find((s) => s.id === 'list')?.run).toContain('scripts/pipeline.sh stacks --json');
    for (const name of ['plan', 'apply']) {
      expect(job(name).strategy?.matrix).toEqual({ stack: '${{ fromJSON(needs.stacks.outputs.stacks) }}' });
    }
  });

  it('plans every stack read-only with its plan role, and keeps only what was reviewed: never the plan, which holds secrets', () => {
    const plan = job('plan');
    expect(plan.steps.find((s) => s.id === 'role')?.run).toContain('scripts/pipeline.sh role "$STACK" plan');
    expect(uses(plan, 'aws-actions/configure-aws-credentials')[0].with?.['role-to-assume']).toBe('${{ steps.role.outputs.arn }}');
    expect(runs(plan)).toContain('scripts/pipeline.sh plan "$STACK" --read-only');
    const uploads = uses(plan, 'actions/upload-artifact');
    expect(uploads).toHaveLength(1);
    expect(uploads[0].with).toMatchObject({ name: 'reviewed-${{ matrix.stack }}', 'retention-days': 1 });
    const paths = String(uploads[0].with?.path).trim().split('\n');
    expect(paths).toEqual([
      '.pipeline/stacks/${{ matrix.stack }}/${{ matrix.stack }}.tfplan.txt',
      '.pipeline/stacks/${{ matrix.stack }}/${{ matrix.stack }}.tfplan.sha256',
    ]);
    expect(uploads[0].with).not.toHaveProperty('include-hidden-files');
    expect(uploads[0].if).toBe("github.event_name == 'push'");
  });

  it('applies only on main, behind the stack environment, one apply per stack at a time', () => {
    const apply = job('apply');
    expect(apply.if).toContain("github.event_name == 'push'");
    expect(apply.if).toContain("github.ref == 'refs/heads/main'");
    expect(apply.environment).toBe('${{ matrix.stack }}');
    expect(apply.needs).toEqual(expect.arrayContaining(['plan']));
    expect(apply.concurrency).toEqual({ group: 'cognito-apply-${{ matrix.stack }}', 'cancel-in-progress': false });
    expect(uses(apply, 'actions/download-artifact').map((s) => s.with?.name)).toEqual(['cdktf.out', 'reviewed-${{ matrix.stack }}']);
    expect(apply.steps.find((s) => s.id === 'role')?.run).toContain('scripts/pipeline.sh role "$STACK" deploy');
    expect(uses(apply, 'aws-actions/configure-aws-credentials')[0].with?.['role-to-assume']).toBe('${{ steps.role.outputs.arn }}');
    // The plan is made again here, with the lock, and applied only when it is the one reviewed.
    const commands = runs(apply);
    expect(commands.indexOf('scripts/pipeline.sh plan "$STACK"\n')).toBeGreaterThanOrEqual(0);
    expect(commands).toContain('scripts/pipeline.sh apply "$STACK" --reviewed "reviewed/$STACK.tfplan.sha256"');
    expect(commands.indexOf('scripts/pipeline.sh apply')).toBeGreaterThan(commands.indexOf('scripts/pipeline.sh plan'));
    expect(commands).not.toContain('auto-approve');
  });
});
