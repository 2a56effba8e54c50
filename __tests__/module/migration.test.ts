import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { MODULE_DIR } from '../../src/module/build-module';
import { terraformState, StateResource } from '../support/state';
import { terraformIt } from '../support/terraform';
import { addProvider, copyModule, initValidatePlan } from './module-support';

/**
 * The migration guide from lgallard/terraform-aws-cognito-user-pool 5.x (modules/cognito-user-pool/MIGRATION.md),
 * checked the way a user would run it: a state holding lgallard's addresses, the guide's calling configuration
 * (its moved blocks included) with this module taken from a Git repository, as users take it, and a plan.
 */

const GUIDE = join(MODULE_DIR, 'MIGRATION.md');
const guide = readFileSync(GUIDE, 'utf8');

/** The fenced HCL block that follows `<!-- marker -->` in the guide. */
function guideBlock(marker: string): string {
  const match = guide.match(new RegExp(`<!-- ${marker} -->\\s*\`\`\`hcl\\n([\\s\\S]*?)\`\`\``));
  if (!match) throw new Error(`${GUIDE} has no \`\`\`hcl block after <!-- ${marker} -->`);
  return match[1];
}

/** The inputs of lgallard/terraform-aws-cognito-user-pool 5.1.2 (variables.tf), by name: each needs a row in the guide. */
const LGALLARD_INPUTS = [
  'enabled',
  'user_pool_name',
  'user_pool_tier',
  'email_verification_message',
  'email_verification_subject',
  'username_configuration',
  'admin_create_user_config',
  'admin_create_user_config_allow_admin_create_user_only',
  'temporary_password_validity_days',
  'admin_create_user_config_email_message',
  'admin_create_user_config_email_subject',
  'admin_create_user_config_sms_message',
  'alias_attributes',
  'username_attributes',
  'deletion_protection',
  'auto_verified_attributes',
  'sms_configuration',
  'sms_configuration_external_id',
  'sms_configuration_sns_caller_arn',
  'device_configuration',
  'device_configuration_challenge_required_on_new_device',
  'device_configuration_device_only_remembered_on_user_prompt',
  'email_configuration',
  'email_configuration_configuration_set',
  'email_configuration_reply_to_email_address',
  'email_configuration_source_arn',
  'email_configuration_email_sending_account',
  'email_configuration_from_email_address',
  'email_mfa_configuration',
  'lambda_config',
  'lambda_config_create_auth_challenge',
  'lambda_config_custom_message',
  'lambda_config_define_auth_challenge',
  'lambda_config_post_authentication',
  'lambda_config_post_confirmation',
  'lambda_config_pre_authentication',
  'lambda_config_pre_sign_up',
  'lambda_config_pre_token_generation',
  'lambda_config_pre_token_generation_config',
  'lambda_config_user_migration',
  'lambda_config_verify_auth_challenge_response',
  'lambda_config_kms_key_id',
  'lambda_config_custom_email_sender',
  'lambda_config_custom_sms_sender',
  'mfa_configuration',
  'software_token_mfa_configuration',
  'software_token_mfa_configuration_enabled',
  'password_policy',
  'password_policy_minimum_length',
  'password_policy_require_lowercase',
  'password_policy_require_numbers',
  'password_policy_require_symbols',
  'password_policy_require_uppercase',
  'password_policy_temporary_password_validity_days',
  'password_policy_password_history_size',
  'schemas',
  'string_schemas',
  'number_schemas',
  'ignore_schema_changes',
  'sms_authentication_message',
  'sms_verification_message',
  'tags',
  'user_attribute_update_settings',
  'user_pool_add_ons',
  'user_pool_add_ons_advanced_security_mode',
  'user_pool_add_ons_advanced_security_additional_flows',
  'log_delivery_configuration',
  'verification_message_template',
  'verification_message_template_default_email_option',
  'verification_message_template_email_message_by_link',
  'verification_message_template_email_subject_by_link',
  'verification_message_template_sms_message',
  'verification_message_template_email_message',
  'verification_message_template_email_subject',
  'domain',
  'domain_certificate_arn',
  'domain_managed_login_version',
  'default_ui_customization_image_file',
  'default_ui_customization_css',
  'clients',
  'client_allowed_oauth_flows',
  'client_allowed_oauth_flows_user_pool_client',
  'client_allowed_oauth_scopes',
  'client_auth_session_validity',
  'client_callback_urls',
  'client_default_redirect_uri',
  'client_enable_token_revocation',
  'client_explicit_auth_flows',
  'client_generate_secret',
  'client_logout_urls',
  'client_name',
  'client_read_attributes',
  'client_prevent_user_existence_errors',
  'client_supported_identity_providers',
  'client_write_attributes',
  'client_access_token_validity',
  'client_id_token_validity',
  'client_refresh_token_validity',
  'client_token_validity_units',
  'client_refresh_token_rotation',
  'user_groups',
  'user_group_name',
  'user_group_description',
  'user_group_precedence',
  'user_group_role_arn',
  'resource_servers',
  'resource_server_name',
  'resource_server_identifier',
  'resource_server_scope_name',
  'resource_server_scope_description',
  'recovery_mechanisms',
  'identity_providers',
  'enable_propagate_additional_user_context_data',
  'sign_in_policy',
  'sign_in_policy_allowed_first_auth_factors',
  'web_authn_configuration',
  'managed_login_branding_enabled',
  'managed_login_branding',
];

const POOL_ID = 'eu-west-1_AbCdEf123';
const POOL_ARN = `arn:aws:cognito-idp:eu-west-1:111122223333:userpool/${POOL_ID}`;
const LGALLARD = 'module.cognito';

/** What lgallard's module 5.x left in the state for the configuration the guide's example started from. */
function lgallardState(
  poolResource: 'pool' | 'pool_with_schema_ignore',
  usernameConfiguration: unknown[] = [{ case_sensitive: false }],
  schema: unknown[] = [],
): object {
  const inModule = (type: string, name: string, indexKey: number | string | undefined, attributes: Record<string, unknown>): StateResource => ({
    module: LGALLARD,
    type,
    name,
    indexKey,
    attributes,
  });
  const client = (id: string, attributes: Record<string, unknown>) => ({
    id,
    user_pool_id: POOL_ID,
    token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }],
    ...attributes,
  });
  return terraformState([
    inModule('aws_cognito_user_pool', poolResource, 0, {
      id: POOL_ID,
      arn: POOL_ARN,
      name: 'acme-prod',
      endpoint: `cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`,
      username_attributes: ['email'],
      auto_verified_attributes: ['email'],
      username_configuration: usernameConfiguration,
      schema,
      mfa_configuration: 'OPTIONAL',
      software_token_mfa_configuration: [{ enabled: true }],
      deletion_protection: 'ACTIVE',
      user_pool_tier: 'ESSENTIALS',
      tags: { team: 'identity' },
      tags_all: { team: 'identity' },
    }),
    inModule('aws_cognito_user_pool_domain', 'domain', 0, {
      id: 'acme-prod-auth',
      domain: 'acme-prod-auth',
      user_pool_id: POOL_ID,
      managed_login_version: 1,
    }),
    inModule('aws_cognito_resource_server', 'resource', 0, {
      id: `${POOL_ID}|https://orders.example.com`,
      identifier: 'https://orders.example.com',
      name: 'orders',
      user_pool_id: POOL_ID,
      scope: [{ scope_name: 'read', scope_description: 'Read orders' }],
      scope_identifiers: ['https://orders.example.com/read'],
    }),
    inModule(
      'aws_cognito_user_pool_client',
      'client',
      'web_0',
      client('1example23456789webclient0', {
        name: 'web',
        generate_secret: false,
        allowed_oauth_flows: ['code'],
        allowed_oauth_flows_user_pool_client: true,
        allowed_oauth_scopes: ['openid', 'email', 'profile'],
        callback_urls: ['https://app.example.com/callback'],
        supported_identity_providers: ['COGNITO', 'Google'],
      }),
    ),
    inModule(
      'aws_cognito_user_pool_client',
      'client',
      'reporting_1',
      client('1example23456789reporting1', {
        name: 'reporting',
        generate_secret: true,
        client_secret: 'not-a-real-secret',
        allowed_oauth_flows: ['client_credentials'],
        allowed_oauth_flows_user_pool_client: true,
        allowed_oauth_scopes: ['https://orders.example.com/read'],
      }),
    ),
    ...['admins', 'support'].map((name) =>
      inModule('aws_cognito_user_group', 'main', name, { id: `${POOL_ID}/${name}`, name, user_pool_id: POOL_ID }),
    ),
    inModule('aws_cognito_identity_provider', 'identity_provider', 0, {
      id: `${POOL_ID}:Google`,
      user_pool_id: POOL_ID,
      provider_name: 'Google',
      provider_type: 'Google',
      provider_details: {
        client_id: '123456789012-example.apps.googleusercontent.com',
        client_secret: 'google-secret',
        authorize_scopes: 'openid email profile',
      },
      attribute_mapping: { email: 'email', username: 'sub' },
    }),
  ]);
}

/** The module as a Git repository, which Terraform installs as its own module package (as it does a registry module). */
function moduleInGit(): string {
  const dir = copyModule();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'module');
  return `git::file://${dir}`;
}

/** The guide's sign-in line, and the one its Blockers section gives for a pool made without `username_configuration`. */
const SIGN_IN = 'sign_in = { email = true, case_sensitive = false }';
const SIGN_IN_UNSET = 'sign_in = { email = true, leave_case_sensitivity_unset = true }';

/**
 * What lgallard 5.x's `schemas`/`string_schemas`/`number_schemas` left in the state for the guide's schema example
 * (as `terraform state show` lists it): a required email of AWS's bounds, a custom string and a custom number.
 */
const LGALLARD_SCHEMA = [
  schemaItem('email', 'String', { mutable: true, required: true }, { min_length: '0', max_length: '2048' }),
  schemaItem('tenant', 'String', { mutable: false, required: false }, { min_length: '1', max_length: '64' }),
  schemaItem('seats', 'Number', { mutable: true, required: false }, { min_value: '1', max_value: '500' }),
];

function schemaItem(name: string, type: 'String' | 'Number', flags: { mutable: boolean; required: boolean }, bounds: Record<string, string>) {
  return {
    name,
    attribute_data_type: type,
    developer_only_attribute: false,
    ...flags,
    string_attribute_constraints: type === 'String' ? [bounds] : [],
    number_attribute_constraints: type === 'Number' ? [bounds] : [],
  };
}

/** The guide's calling configuration (its sign-in line replaced by `signIn`), the module's source pointed at `source`, planned against `state`. */
function planMigration(source: string, state: object, signIn = SIGN_IN): any {
  const dir = join(copyModule(), '..', 'caller');
  mkdirSync(dir);
  const example = guideBlock('migration-example');
  expect(example).toContain(SIGN_IN);
  const withSource = example.replace(/^(\s*source\s*=\s*)"[^"]*".*$/m, `$1"${source}"`).replace(SIGN_IN, signIn);
  expect(withSource).not.toEqual(example);
  writeFileSync(join(dir, 'main.tf'), withSource);
  addProvider(dir);
  writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(state, null, 2));
  writeFileSync(join(dir, 'test.tfvars.json'), JSON.stringify({ google_client_secret: 'google-secret' }));
  return initValidatePlan(dir, 'test.tfvars.json');
}

/** Each planned change: its address, where it was before (when it moved) and its actions. */
const changesOf = (plan: any) =>
  plan.resource_changes.map((c: any) => ({ address: c.address, from: c.previous_address, actions: c.change.actions.join() }));

describe('moving from lgallard/terraform-aws-cognito-user-pool 5.x (MIGRATION.md)', () => {
  test('the module carries the moves of lgallard objects with fixed addresses, and the guide and both READMEs say so', () => {
    const moves = readFileSync(join(MODULE_DIR, 'migrations.tf'), 'utf8');
    for (const [from, to] of [
      ['aws_cognito_user_pool.pool_with_schema_ignore[0]', 'aws_cognito_user_pool.pool[0]'],
      ['aws_cognito_user_pool.pool[0]', 'aws_cognito_user_pool.this'],
      ['aws_cognito_user_pool_domain.domain', 'aws_cognito_user_pool_domain.this'],
      ['aws_cognito_user_group.main', 'aws_cognito_user_group.this'],
    ]) {
      expect(moves).toMatch(new RegExp(`moved \\{\\s*from = ${from.replace(/[[\].]/g, '\\$&')}\\s*to\\s*= ${to.replace(/[[\].]/g, '\\$&')}\\s*\\}`));
    }
    expect(readFileSync('README.md', 'utf8')).toContain('modules/cognito-user-pool/MIGRATION.md');
    expect(readFileSync(join(MODULE_DIR, 'README.md'), 'utf8')).toContain('](MIGRATION.md)');
  });

  /** The plan's changes, checked: every lgallard object at this module's address, moved, and nothing created or destroyed. */
  function expectMovesAndUpdatesOnly(plan: any, poolResource: 'pool' | 'pool_with_schema_ignore'): void {
    const changes = changesOf(plan);
    const at = (address: string) => changes.find((c: any) => c.address === address) ?? { address, missing: true };
    // Every object lgallard made is still there, at this module's address, moved and never replaced.
    for (const [address, from] of [
      [`${LGALLARD}.aws_cognito_user_pool.this`, `${LGALLARD}.aws_cognito_user_pool.${poolResource}[0]`],
      [`${LGALLARD}.aws_cognito_user_pool_domain.this[0]`, `${LGALLARD}.aws_cognito_user_pool_domain.domain[0]`],
      [`${LGALLARD}.aws_cognito_user_pool_client.this["web"]`, `${LGALLARD}.aws_cognito_user_pool_client.client["web_0"]`],
      [`${LGALLARD}.aws_cognito_user_pool_client.this["reporting"]`, `${LGALLARD}.aws_cognito_user_pool_client.client["reporting_1"]`],
      [`${LGALLARD}.aws_cognito_resource_server.this["orders"]`, `${LGALLARD}.aws_cognito_resource_server.resource[0]`],
      [`${LGALLARD}.aws_cognito_user_group.this["admins"]`, `${LGALLARD}.aws_cognito_user_group.main["admins"]`],
      [`${LGALLARD}.aws_cognito_user_group.this["support"]`, `${LGALLARD}.aws_cognito_user_group.main["support"]`],
      [`${LGALLARD}.aws_cognito_identity_provider.social["google"]`, `${LGALLARD}.aws_cognito_identity_provider.identity_provider[0]`],
    ]) {
      expect(at(address)).toEqual({ address, from, actions: expect.stringMatching(/^(no-op|update)$/) });
    }
    // Nothing is created or destroyed: no address of the plan is new or gone.
    expect(changes.filter((c: any) => !['no-op', 'update'].includes(c.actions))).toEqual([]);
    // The settings that differ from lgallard's defaults are updated in place (the pool keeps its id and users).
    expect(at(`${LGALLARD}.aws_cognito_user_pool.this`).actions).toBe('update');
  }

  for (const poolResource of ['pool', 'pool_with_schema_ignore'] as const) {
    terraformIt(
      `lgallard's ${poolResource}[0], clients, domain, resource server, groups and identity provider: moves and in-place updates only`,
      () => expectMovesAndUpdatesOnly(planMigration(moduleInGit(), lgallardState(poolResource)), poolResource),
    );
  }

  terraformIt(
    "a pool made without username_configuration (lgallard's default) moves with sign_in.leave_case_sensitivity_unset: moves and in-place updates only",
    () => {
      const source = moduleInGit();
      const plan = planMigration(source, lgallardState('pool', []), SIGN_IN_UNSET);
      expectMovesAndUpdatesOnly(plan, 'pool');
      const pool = plan.resource_changes.find((c: any) => c.address === `${LGALLARD}.aws_cognito_user_pool.this`);
      expect(pool.change.after.username_configuration).toEqual([]);
      expect(guide).toContain(SIGN_IN_UNSET);

      // Without the setting, the module would add username_configuration, which replaces the pool: prevent_destroy stops the plan.
      let error: any;
      try {
        planMigration(source, lgallardState('pool', []));
      } catch (e) {
        error = e;
      }
      expect(error?.run?.stderr).toMatch(/Instance cannot be destroyed/);
      expect(error?.run?.stdout + error?.run?.stderr).toContain('module.cognito.aws_cognito_user_pool.this');
    },
  );

  terraformIt(
    'a pool with an attribute schema moves with the same attributes as inputs (no schema change), and dropping one plans an update, never a replacement',
    () => {
      const source = moduleInGit();
      const withSchema = `${SIGN_IN}\n\n${guideBlock('migration-schema').trim()}`;
      const pool = (plan: any) => plan.resource_changes.find((c: any) => c.address === `${LGALLARD}.aws_cognito_user_pool.this`).change;
      const sorted = (schema: any[]) => [...schema].sort((a, b) => a.name.localeCompare(b.name));

      const plan = planMigration(source, lgallardState('pool', undefined, LGALLARD_SCHEMA), withSchema);
      expectMovesAndUpdatesOnly(plan, 'pool');
      expect(sorted(pool(plan).after.schema)).toEqual(sorted(pool(plan).before.schema));

      // A schema item dropped from the inputs: the provider plans an in-place update (which AWS refuses at apply:
      // "cannot modify or remove schema items"), not a replacement; prevent_destroy would stop that anyway.
      const dropped = planMigration(source, lgallardState('pool', undefined, LGALLARD_SCHEMA), withSchema.replace(/^\s*seats\s*=.*$/m, ''));
      expect(pool(dropped).actions).toEqual(['update']);
      expect(
        pool(dropped)
          .after.schema.map((a: any) => a.name)
          .sort(),
      ).toEqual(['email', 'tenant']);
    },
  );

  test('the guide has a row for every lgallard input, and every input of this module it names exists', () => {
    const rows = [...guide.matchAll(/^\| `(\w+)` \| (.*?) \| .* \|$/gm)].map(([, input, ours]) => ({ input, ours }));
    expect(rows.map((r) => r.input).sort()).toEqual([...LGALLARD_INPUTS].sort());
    const variables = readFileSync(join(MODULE_DIR, 'variables.tf'), 'utf8');
    const block = (name: string) => variables.match(new RegExp(`^variable "${name}" \\{[\\s\\S]*?^\\}`, 'm'))?.[0];
    const unknown = rows.flatMap(({ input, ours }) => {
      if (ours === 'none') return [];
      const paths = [...ours.matchAll(/`([^`]+)`/g)].map(([, path]) => path);
      if (paths.length === 0) return [{ input, path: ours, problem: 'neither none nor an input' }];
      return paths.flatMap((path) => {
        const [variable, ...keys] = path.split('.');
        const text = block(variable);
        // Keys below the variable must appear in its type (`<key>` stands for a map key the user chooses).
        const missing = keys.filter((k) => !/^<\w+>$/.test(k) && !new RegExp(`\\b${k} += `).test(text ?? ''));
        return text && missing.length === 0 ? [] : [{ input, path, problem: text ? `no ${missing.join(', ')}` : 'no such variable' }];
      });
    });
    // On failure: an input was renamed or added; update its row in MIGRATION.md (and the example, if it uses it).
    expect(unknown).toEqual([]);
  });

  test('the example in the guide is the one the test plans, and its moves name real addresses of this module', () => {
    const example = guideBlock('migration-example');
    const targets = [...example.matchAll(/to\s*=\s*module\.cognito\.(\w+)\.(\w+)/g)].map(([, type, name]) => `resource "${type}" "${name}"`);
    expect(targets.length).toBeGreaterThanOrEqual(3);
    const main = readFileSync(join(MODULE_DIR, 'main.tf'), 'utf8');
    for (const target of targets) expect({ target, declared: main.includes(target) }).toEqual({ target, declared: true });
    expect(existsSync(join(MODULE_DIR, 'migrations.tf'))).toBe(true);
  });
});
