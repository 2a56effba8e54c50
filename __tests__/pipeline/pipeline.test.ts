import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runTerraform } from '../../src/terraform/offline';
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
    for (const args of [['init', '-input=false'], ['plan', '-input=false', '-out=demo.tfplan']]) {
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

  it('pins every action to at least a major version', () => {
    for (const j of Object.values(workflow.jobs)) {
      for (const step of j.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
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

  it('plans every stack with OIDC credentials and keeps the plan briefly', () => {
    const plan = job('plan');
    expect(uses(plan, 'aws-actions/configure-aws-credentials')[0].with?.['role-to-assume']).toBe('${{ vars.PLAN_ROLE_ARN }}');
    expect(runs(plan)).toContain('scripts/pipeline.sh plan "$STACK"');
    const upload = uses(plan, 'actions/upload-artifact')[0];
    expect(upload.with).toMatchObject({ name: 'plan-${{ matrix.stack }}', 'retention-days': 1, 'include-hidden-files': true });
    expect(upload.if).toBe("github.event_name == 'push'");
  });

  it('applies only on main, behind the stack environment, one apply per stack at a time', () => {
    const apply = job('apply');
    expect(apply.if).toContain("github.event_name == 'push'");
    expect(apply.if).toContain("github.ref == 'refs/heads/main'");
    expect(apply.environment).toBe('${{ matrix.stack }}');
    expect(apply.needs).toEqual(expect.arrayContaining(['plan']));
    expect(apply.concurrency).toEqual({ group: 'cognito-apply-${{ matrix.stack }}', 'cancel-in-progress': false });
    expect(uses(apply, 'actions/download-artifact')[0].with).toMatchObject({
      name: 'plan-${{ matrix.stack }}',
      path: '.pipeline/stacks/${{ matrix.stack }}',
    });
    expect(runs(apply)).toContain('scripts/pipeline.sh apply "$STACK"');
    expect(runs(apply)).not.toContain('auto-approve');
  });
});
