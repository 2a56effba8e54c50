import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  checkClient,
  checkDomain,
  checkResourceServer,
  checkUserPool,
  CLIENT_RULES,
  RISK_CONFIGURATION_RULES,
  TRIGGER_RULES,
  USER_POOL_RULES,
} from '../../src';
import { ref, Token } from '../../src/engine';
import {
  AWS_PROVIDER_VERSION,
  generateModule,
  MODULE_DIR,
  moduleClientSettings,
  moduleConfig,
  modulePoolSettings,
} from '../../src/module/build-module';
import { REQUIRED_VERSION } from '../../src/module/module-stack';
import { MODULE_INPUTS } from '../../src/module/inputs';
import { BUILT_IN_DIR, builtInPackages } from '../../src/module/triggers-module';
import { MODULE_VALIDATIONS } from '../../src/module/validations';
import { checkGroup } from '../../src/user-pool/user-pool-group';

const generated = generateModule();
const config = moduleConfig();

describe('the committed module is what the generator writes now', () => {
  test.each(Object.keys(generated))('%s', (file) => {
    // On failure: run `npx tsx scripts/build-modules.ts` and commit the result.
    expect(readFileSync(join(MODULE_DIR, file), 'utf8')).toEqual(generated[file]);
  });

  test.each(Object.keys(builtInPackages()))('%s (the ready-made handler, packaged as the library packages it)', (file) => {
    // On failure: run `npm run build:modules` and commit the result.
    expect(readFileSync(join(MODULE_DIR, file)).equals(builtInPackages()[file]!)).toBe(true);
  });

  test('the module folder holds the generated files, the examples and the hand-written migration from lgallard, nothing else', () => {
    const handWritten = ['MIGRATION.md', 'migrations.tf'];
    expect(readdirSync(MODULE_DIR).sort()).toEqual([...Object.keys(generated), ...handWritten, 'examples', BUILT_IN_DIR].sort());
    expect(readdirSync(join(MODULE_DIR, BUILT_IN_DIR)).map((f) => `${BUILT_IN_DIR}/${f}`)).toEqual(Object.keys(builtInPackages()).sort());
  });
});

describe('every library rule reaches the module', () => {
  const rules = [
    ...USER_POOL_RULES,
    ...CLIENT_RULES,
    ...TRIGGER_RULES,
    ...RISK_CONFIGURATION_RULES,
    checkDomain,
    checkResourceServer,
    checkGroup,
  ].map((rule) => rule.name);

  test('each rule is mapped to validations or listed with the reason it has none, and nothing else is in the table', () => {
    expect(
      Object.keys(MODULE_VALIDATIONS)
        .filter((key) => key !== 'moduleInputs')
        .sort(),
    ).toEqual([...rules].sort());
  });

  test('reasons are given, and every validation belongs to an input, with a bad value for it and a sentence', () => {
    const inputs = MODULE_INPUTS.map((i) => i.name);
    for (const [rule, mapping] of Object.entries(MODULE_VALIDATIONS)) {
      if ('notExpressible' in mapping) {
        expect({ rule, reason: mapping.notExpressible.length > 20 }).toEqual({ rule, reason: true });
        continue;
      }
      expect({ rule, count: mapping.validations.length > 0 }).toEqual({ rule, count: true });
      for (const v of mapping.validations) {
        expect({ rule, variable: inputs.includes(v.variable), bad: v.variable in v.bad, sentence: v.expect.endsWith('.') }).toEqual({
          rule,
          variable: true,
          bad: true,
          sentence: true,
        });
      }
    }
  });

  test("the README's count of validation blocks is the number variables.tf declares", () => {
    const declared = (generated['variables.tf']!.match(/^ {2}validation \{/gm) ?? []).length;
    expect(declared).toBeGreaterThan(100);
    expect(generated['README.md']).toContain(`${declared} validation blocks:`);
  });
});

describe('the same rules serve the module', () => {
  test('every setting the module passes to the library is a variable, which the library rules leave to the validations', () => {
    const env = { partition: 'aws' } as const;
    expect(checkUserPool(modulePoolSettings(), env)).toEqual([]);
    expect(checkClient(moduleClientSettings(), { featurePlan: Token.asString(ref('var.feature_plan')), hasDomain: false })).toEqual([]);
  });
});

describe('the module is a module', () => {
  test('no provider configuration and no backend; versions pinned in versions.tf', () => {
    expect(Object.keys(config)).not.toContain('provider');
    expect(config.terraform).toEqual({
      required_version: REQUIRED_VERSION,
      required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } },
    });
    expect(generated['versions.tf']).toContain('required_version = ">= 1.9"');
    expect(generated['versions.tf']).toContain('version = ">= 5.100, < 7.0"');
  });

  test('every resource has a stable address (this, keyed by name for maps); the pool cannot be destroyed by a plan', () => {
    // Identity providers are grouped by the keys AWS adds (ignore_changes is static); branding and threat protection
    // responses of the pool and of clients differ in for_each.
    const grouped: Record<string, string[]> = {
      aws_cognito_identity_provider: ['social', 'oidc', 'oidc_endpoints', 'saml'],
      aws_cognito_user_pool_ui_customization: ['pool', 'clients'],
      // A trigger function's basic policy, and those it gets beside it (the pool actions policy names the pool, which names the function).
      aws_iam_role_policy: ['this', 'pool_actions', 'decrypt_codes'],
      aws_cognito_risk_configuration: ['this', 'clients'],
      // The triggers' sender key, and the keys of clients' secret hand-offs.
      aws_kms_key: ['this', 'hand_off'],
    };
    for (const [type, byName] of Object.entries(config.resource))
      expect({ type, names: Object.keys(byName as object) }).toEqual({ type, names: grouped[type] ?? ['this'] });
    expect(config.resource.aws_cognito_user_pool.this.lifecycle).toEqual({ prevent_destroy: true });
    expect(config.resource.aws_cognito_user_pool_client.this.for_each).toBe('${local.clients}');
    expect(config.resource.aws_cognito_user_group.this.for_each).toBe('${var.groups}');
  });

  test('typed inputs: no any, every input and output described, secrets sensitive', () => {
    expect(generated['variables.tf']).not.toMatch(/\bany\b/);
    for (const [name, v] of Object.entries(config.variable as Record<string, any>))
      expect({ name, described: v.description.length > 10 }).toEqual({ name, described: true });
    for (const [name, o] of Object.entries(config.output as Record<string, any>))
      expect({ name, described: o.description.length > 10 }).toEqual({ name, described: true });
    expect(config.output.client_secrets.sensitive).toBe(true);
  });

  test('falsy defaults survive into the types and defaults', () => {
    const variables = generated['variables.tf'];
    expect(variables).toMatch(/case_sensitive\s+= optional\(bool, false\)/);
    // Sign-in flags are null unless given: given flags replace the default set whole, as in the configuration file.
    expect(variables).toMatch(/username\s+= optional\(bool\)\n/);
    expect(variables).toMatch(/password_history_size\s+= optional\(number, 0\)/);
    expect(variables).toMatch(/callback_urls\s+= optional\(list\(string\), \[\]\)/);
    expect(config.variable.self_sign_up_enabled.default).toBe(false);
    expect(config.variable.deletion_protection.default).toBe('ACTIVE');
    expect(config.variable.domain.default).toBeNull();
  });

  test('the README documents every input, attribute and output, and the presets', () => {
    const readme = generated['README.md'];
    for (const input of MODULE_INPUTS) expect(readme).toContain(`| \`${input.name}\` |`);
    expect(readme).toMatch(/\| `clients\[\*\]\.preset` \| [^|]+ \| `string` \| n\/a \| yes \|/);
    expect(readme).toMatch(/\| `sign_in\.case_sensitive` \| [^|]+ \| `bool` \| `false` \| no \|/);
    for (const section of ['Requirements', 'Providers', 'Resources', 'Inputs', 'Outputs']) expect(readme).toContain(`\n## ${section}\n`);
    for (const [type, byName] of Object.entries(config.resource as Record<string, object>))
      for (const name of Object.keys(byName)) expect(readme).toContain(`| [${type}.${name}](`);
    for (const output of Object.keys(config.output)) expect(readme).toContain(`| \`${output}\` |`);
    expect(readme).toMatch(/\| `refresh_token_validity_minutes` \| `720` \| `43200` \| `43200` \| `1440` \|/);
    expect(readme).toContain('`triggers.*.handler.file`: Terraform runs no bundler');
    expect(readme).not.toContain('`customSenderKmsKeyArn`:');
  });
});
