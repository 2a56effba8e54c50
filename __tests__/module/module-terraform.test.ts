import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { UserPool, UserPoolClient } from '../../src';
import { ClientPreset } from '../../src/client/client-props';
import { MODULE_DIR } from '../../src/module/build-module';
import { MODULE_VALIDATIONS, ModuleValidation } from '../../src/module/validations';
import { checkOffline, runTerraform } from '../../src/terraform/offline';
import { synth, testStack } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { addProvider, batch, copyModule, initValidatePlan, mustRun, overrideProvider, planErrors } from './module-support';

const EXAMPLES = readdirSync(join(MODULE_DIR, 'examples'));
const VALIDATIONS: ModuleValidation[] = Object.values(MODULE_VALIDATIONS).flatMap((m) => ('validations' in m ? [...m.validations] : []));

/** Whether a validation reads anything but its own variable (another variable, a local). */
const readsOthers = (v: ModuleValidation) =>
  [...v.condition.matchAll(/\b(var|local)\.(\w+)/g)].some(([, kind, name]) => kind === 'local' || name !== v.variable);

/**
 * Which validations may share a plan. Terraform skips the validations that read other objects when
 * their own variable, or an object they read, already failed a validation: so those of one variable
 * are planned apart from everything else, and its self-contained ones apart from them.
 */
function planGroup(v: ModuleValidation): string {
  const crossVariable = VALIDATIONS.some((other) => other.variable === v.variable && readsOthers(other));
  if (!crossVariable) return 'self-contained variables';
  return `${v.variable}: ${readsOthers(v) ? 'reading other objects' : 'self-contained'}`;
}

/** A planned resource's values, by address. */
function planned(plan: any, address: string): any {
  const change = plan.resource_changes.find((c: any) => c.address === address);
  if (!change) throw new Error(`${address} is not in the plan: ${plan.resource_changes.map((c: any) => c.address).join(', ')}`);
  return change.change.after;
}

/** Planned values minus those the two sides name differently (the pool's name, the client's pool reference). */
const comparable = (values: any) => {
  const { name: _name, user_pool_id: _pool, tags: _tags, tags_all: _tagsAll, ...rest } = values;
  return rest;
};

describe('the generated module, through the real terraform', () => {
  terraformIt('terraform fmt -check -recursive finds nothing to change in modules/', () => {
    // Run from a scratch folder: terraform writes its CLI configuration where it runs.
    const run = runTerraform(mkdtempSync(join(tmpdir(), 'cdktf-cognito-fmt-')), ['fmt', '-check', '-recursive', '-no-color', resolve('modules')]);
    expect({ code: run.code, files: run.stdout }).toEqual({ code: 0, files: '' });
  });

  terraformIt('with only a name, the module plans the same pool and SPA client as the library does with its defaults', () => {
    const dir = copyModule();
    addProvider(dir);
    writeFileSync(
      join(dir, 'test.tfvars.json'),
      JSON.stringify({
        name: 'same-defaults',
        domain: { prefix: 'same-defaults-auth' },
        clients: { web: { preset: 'spa', callback_urls: ['https://app.example.com/callback'] } },
      }),
    );
    const module = initValidatePlan(dir, 'test.tfvars.json');
    expect(planned(module, 'aws_cognito_user_pool.this').deletion_protection).toBe('ACTIVE');

    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'same-defaults' });
    pool.addDomain('domain', { prefix: 'same-defaults-auth' });
    new UserPoolClient(stack, 'web', { userPool: pool, preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/callback'] });
    const library = checkOffline(synth(stack)).plan;
    const address = (type: string) => library.resource_changes.find((c: any) => c.type === type).address;

    expect(comparable(planned(module, 'aws_cognito_user_pool.this'))).toEqual(comparable(planned(library, address('aws_cognito_user_pool'))));
    // The module counts token lifetimes in minutes; the library keeps each preset's own unit.
    const client = (values: any) => {
      const { access_token_validity: _a, id_token_validity: _i, refresh_token_validity: _r, token_validity_units: _u, ...rest } = comparable(values);
      return rest;
    };
    expect(client(planned(module, 'aws_cognito_user_pool_client.this["web"]'))).toEqual(
      client(planned(library, address('aws_cognito_user_pool_client'))),
    );
  });

  for (const example of EXAMPLES) {
    terraformIt(`examples/${example}: init, validate and an offline plan that creates everything at stable addresses`, () => {
      const dir = join(copyModule(), 'examples', example);
      overrideProvider(dir);
      const plan = initValidatePlan(dir);
      const changes = plan.resource_changes;
      expect(changes.length).toBeGreaterThan(1);
      expect(changes.every((c: any) => c.change.actions.join() === 'create')).toBe(true);
      expect(changes.map((c: any) => c.address)).toContain('module.auth.aws_cognito_user_pool.this');
      // Trigger functions' extra policies stand beside their basic one (`aws_iam_role_policy.this`); clients' own threat
      // protection responses are keyed like the clients, beside the pool's (`this`); hand-off keys beside the sender key.
      const beside = (c: any) =>
        (c.type === 'aws_iam_role_policy' && ['pool_actions', 'decrypt_codes'].includes(c.name)) ||
        (c.type === 'aws_cognito_risk_configuration' && c.name === 'clients') ||
        (c.type === 'aws_kms_key' && c.name === 'hand_off');
      expect(changes.filter((c: any) => c.name !== 'this' && !beside(c)).map((c: any) => c.address)).toEqual([]);
    });
  }

  terraformIt(`every validation rejects its bad value with its message (${VALIDATIONS.length} validations, batched)`, () => {
    const dir = copyModule();
    addProvider(dir);
    mustRun(dir, ['init', '-backend=false', '-no-color']);
    const partitions = new Map<string, ModuleValidation[]>();
    for (const v of VALIDATIONS) partitions.set(planGroup(v), [...(partitions.get(planGroup(v)) ?? []), v]);
    const groups = [...partitions.values()].flatMap((items) => batch(items, { name: 'validation-test' }));
    expect(groups.length).toBeLessThan(VALIDATIONS.length / 2);
    const missing = groups.flatMap((group, i) => {
      const file = `bad-${i}.tfvars.json`;
      writeFileSync(join(dir, file), JSON.stringify(group.values));
      const errors = planErrors(dir, file);
      return group.items.flatMap((v) => {
        const entry = typeof v.bad[v.variable] === 'object' && v.message.includes('${join') ? Object.keys(v.bad[v.variable] as object)[0] : '';
        const found = errors.some((e) => e.includes(v.expect) && e.includes(entry));
        return found ? [] : [{ variable: v.variable, expect: v.expect, entry, values: group.values, errors }];
      });
    });
    expect(missing).toEqual([]);
  });

  terraformIt('the module on its own, MFA off on the LITE plan: init, validate and a plan without the MFA blocks', () => {
    const dir = copyModule();
    addProvider(dir);
    writeFileSync(
      join(dir, 'valid.tfvars.json'),
      JSON.stringify({ name: 'all-valid', feature_plan: 'LITE', mfa: { mode: 'OFF' }, groups: { readers: {} } }),
    );
    const plan = initValidatePlan(dir, 'valid.tfvars.json');
    const pool = planned(plan, 'aws_cognito_user_pool.this');
    expect(pool.mfa_configuration).toBe('OFF');
    expect(pool.software_token_mfa_configuration).toEqual([]);
    expect(planned(plan, 'aws_cognito_user_group.this["readers"]').name).toBe('readers');
  });
});
