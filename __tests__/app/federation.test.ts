import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse, stringify } from 'yaml';
import { synthesizeConfig } from '../../src/app/synthesize';
import { renderHcl } from '../../src/hcl/render-hcl';
import { mustRun, offlineCopy } from '../../src/terraform/offline';
import { configurationMeaning, scratchDir, validateDir } from '../hcl/hcl-support';
import { onlyResource, resources } from '../support/stack';
import { terraformIt } from '../support/terraform';

/**
 * Identity providers, branding and threat responses through the configuration file: the shipped
 * configuration, the problems a file can have, and the promise that an identity-provider secret never
 * shows in a plan, an HCL file or a log line.
 */

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-federation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a pipeline would pass as TF_VAR_...: must never be seen again. */
const TEST_SECRET = 'test-idp-secret-9b1f4e7c';

/** Everything printed while `run` runs (console and process streams). */
function captured<T>(run: () => T): { result: T; output: string } {
  const chunks: string[] = [];
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((c: any) => (chunks.push(String(c)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((c: any) => (chunks.push(String(c)), true)),
    ...(['log', 'info', 'warn', 'error'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void chunks.push(a.map(String).join(' '))),
    ),
  ];
  try {
    return { result: run(), output: chunks.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

const outdir = join(work, 'out');
const synthLog = captured(() => synthesizeConfig({ configFile: 'config/default.yaml', outdir })).output;
const json = (name: string) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
const hcl = (name: string) => readFileSync(join(outdir, 'hcl', name, 'main.tf'), 'utf8');

const base = parse(readFileSync('config/default.yaml', 'utf8'));
function synthWith(edit: (config: any) => void): string {
  const config = structuredClone(base);
  edit(config);
  const file = join(work, `config-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, stringify(config));
  try {
    synthesizeConfig({ configFile: file, outdir: join(work, 'bad-out') });
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
const dev = (config: any) => config.environments.find((e: any) => e.name === 'dev').pool;

describe('the shipped configuration', () => {
  test('dev: Google and an OIDC provider, their secrets sensitive variables without defaults, the spa client depending on both', () => {
    const config = json('dev');
    expect(config.variable).toMatchObject({
      idp_google_client_secret: { type: 'string', sensitive: true, nullable: false },
      idp_corp_client_secret: { type: 'string', sensitive: true, nullable: false },
    });
    expect(config.variable.idp_google_client_secret.default).toBeUndefined();
    const providers = Object.entries(resources(config, 'aws_cognito_identity_provider')) as [string, any][];
    const byName = Object.fromEntries(providers.map(([id, p]) => [p.provider_name, { id, ...p }]));
    expect(byName.Google).toMatchObject({
      provider_type: 'Google',
      provider_details: { client_secret: '${var.idp_google_client_secret}', authorize_scopes: 'openid email profile' },
    });
    expect(byName.CorpSSO).toMatchObject({
      provider_type: 'OIDC',
      provider_details: {
        client_secret: '${var.idp_corp_client_secret}',
        oidc_issuer: 'https://login.example.com',
        attributes_request_method: 'GET',
      },
      idp_identifiers: ['example.com'],
    });
    const spa = (Object.values(resources(config, 'aws_cognito_user_pool_client')) as any[]).find((c) => c.name === 'spa');
    expect(spa.supported_identity_providers).toEqual(['COGNITO', 'Google', 'CorpSSO']);
    expect([...spa.depends_on].sort()).toEqual(
      [`aws_cognito_identity_provider.${byName.CorpSSO.id}`, `aws_cognito_identity_provider.${byName.Google.id}`].sort(),
    );
  });

  test('dev: classic branding for the spa client, after the domain', () => {
    const config = json('dev');
    const branding = onlyResource(config, 'aws_cognito_user_pool_ui_customization');
    expect(branding.css).toBe(readFileSync('config/branding/sign-in.css', 'utf8'));
    expect(branding.image_file).toBe(readFileSync('config/branding/logo.png').toString('base64'));
    expect(branding.client_id).toMatch(/^\$\{aws_cognito_user_pool_client\.pool_spa_client_[0-9A-F]+\.id\}$/);
    expect(branding.depends_on).toEqual([`aws_cognito_user_pool_domain.${Object.keys(resources(config, 'aws_cognito_user_pool_domain'))[0]}`]);
  });

  test('prod: the strict profile, with its risk configuration', () => {
    const config = json('prod');
    expect(onlyResource(config, 'aws_cognito_user_pool')).toMatchObject({
      user_pool_tier: 'PLUS',
      mfa_configuration: 'ON',
      user_pool_add_ons: { advanced_security_mode: 'ENFORCED', advanced_security_additional_flows: { custom_auth_mode: 'ENFORCED' } },
    });
    expect(onlyResource(config, 'aws_cognito_risk_configuration')).toMatchObject({
      compromised_credentials_risk_configuration: { actions: { event_action: 'BLOCK' }, event_filter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'] },
      account_takeover_risk_configuration: {
        actions: {
          low_action: { event_action: 'NO_ACTION' },
          medium_action: { event_action: 'MFA_REQUIRED' },
          high_action: { event_action: 'BLOCK' },
        },
      },
      risk_exception_configuration: { skipped_ip_range_list: ['203.0.113.0/24'] },
    });
  });

  test('staging has none of them', () => {
    const config = json('staging');
    expect(config.variable ?? {}).not.toHaveProperty('idp_google_client_secret');
    for (const type of ['aws_cognito_identity_provider', 'aws_cognito_user_pool_ui_customization', 'aws_cognito_risk_configuration'])
      expect(resources(config, type)).toEqual({});
  });
});

describe('problems in the file', () => {
  test('a literal secret is refused with the variable that replaces it, and never echoed', () => {
    const message = synthWith((c) => (dev(c).identityProviders.google.clientSecret = TEST_SECRET));
    expect(message).toMatch(
      /environments\[0\]\.pool\.identityProviders\.google\.clientSecret: secrets never sit in the configuration file.*received "\(a literal value, not shown\)"\. Fix: remove it; the stack declares the sensitive variable idp_google_client_secret: set it in the pipeline as the environment variable TF_VAR_idp_google_client_secret/,
    );
    expect(message).not.toContain(TEST_SECRET);
  });

  test('a misspelt key of a provider is not echoed either', () => {
    const message = synthWith((c) => (dev(c).identityProviders.google.clientSecert = TEST_SECRET));
    expect(message).toMatch(/identityProviders\.google\.clientSecert: is not a known setting; received "\(not shown: it may be a secret\)"/);
    expect(message).not.toContain(TEST_SECRET);
  });

  test('a client naming an unknown provider, a setting another kind takes, and a key unfit for a variable name', () => {
    const message = synthWith((c) => {
      dev(c).clients.spa.identityProviders = ['COGNITO', 'gogle'];
      dev(c).identityProviders.google.issuerUrl = 'https://accounts.google.com';
      dev(c).identityProviders['corp-sso'] = dev(c).identityProviders.corp;
    });
    expect(message).toContain(
      'environments[0].pool.clients.spa.identityProviders[1]: names no identity provider of this pool; received "gogle". Fix: use COGNITO or one of the keys of identityProviders: google, corp',
    );
    expect(message).toMatch(
      /environments\[0\]\.pool\.identityProviders\.google\.issuerUrl: is not a setting of a Google provider; received "https:\/\/accounts\.google\.com"\. Fix: remove it; a Google provider takes clientId, scopes/,
    );
    expect(message).toMatch(
      /environments\[0\]\.pool\.identityProviders\.corp-sso: an identity provider key names its secret variables.*Fix: rename it, e\.g\. "corp_sso"/,
    );
  });

  test('library rules reach the file at its paths: attribute mapping, branding, risk responses', () => {
    const message = synthWith((c) => {
      dev(c).identityProviders.google.attributeMapping = { 'custom:tenant': 'hd', shoe: 'x' };
      dev(c).clients.spa.classicBranding = { css: 'body { margin: 0 }' };
      dev(c).threatProtection = { compromisedCredentials: { action: 'BLOCK' } };
    });
    expect(message).toContain(
      'environments[0].pool.identityProviders.google.attributeMapping.custom:tenant: maps to an attribute that cannot change',
    );
    expect(message).toContain('environments[0].pool.identityProviders.google.attributeMapping.shoe: is not an attribute of the pool');
    expect(message).toContain(
      'environments[0].pool.clients.spa.classicBranding.css: the classic hosted UI lets you style only its *-customizable classes',
    );
    expect(message).toContain('environments[0].pool.threatProtection.compromisedCredentials: threat protection responses need the PLUS feature plan');
  });

  test('the strict profile refuses what falls short of a control', () => {
    const message = synthWith((c) => (c.environments.find((e: any) => e.name === 'prod').pool.mfa = 'OPTIONAL'));
    expect(message).toContain(
      'environments[2].pool.mfa: the strict security profile (Security Hub Cognito.5) needs MFA REQUIRED; received "OPTIONAL"',
    );
  });
});

/** Every file under a folder, as text. */
function allText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? allText(path) : readFileSync(path).toString('latin1');
    })
    .join('\n');
}

describe('an identity-provider secret never shows', () => {
  test('not in the synthesized JSON, the HCL or the synth log (the secret is only a variable reference)', () => {
    const message = synthWith((c) => (dev(c).identityProviders.google.clientSecret = TEST_SECRET));
    expect(message).not.toContain(TEST_SECRET);
    expect(allText(outdir)).not.toContain(TEST_SECRET);
    expect(synthLog).not.toContain(TEST_SECRET);
  });

  terraformIt('dev plans offline with the secrets from TF_VAR_..., its HCL plans the same, and neither plan prints them', () => {
    const offline = offlineCopy(json('dev'));
    const env = { TF_VAR_idp_google_client_secret: TEST_SECRET, TF_VAR_idp_corp_client_secret: TEST_SECRET };
    const plans = [scratchDir({ 'main.tf.json': JSON.stringify(offline) }), scratchDir({ 'main.tf': renderHcl(offline) })].map((dir) => {
      writeFileSync(join(dir, 'offline.tfrc'), '');
      validateDir(dir);
      const printed = mustRun(dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out', 'plan.bin'], env).stdout;
      const shown = mustRun(dir, ['show', '-no-color', 'plan.bin']).stdout;
      const plan = JSON.parse(mustRun(dir, ['show', '-json', 'plan.bin']).stdout);
      return { printed, shown, plan };
    });
    const [fromJson, fromHcl] = plans;
    for (const p of plans) {
      expect(p.printed).toContain('aws_cognito_identity_provider');
      expect(p.printed).toContain('(sensitive value)');
      expect(p.printed + p.shown).not.toContain(TEST_SECRET);
      // The variable reached the plan (a value Terraform holds, marked sensitive), and so it is never printed.
      expect(p.plan.variables.idp_google_client_secret).toBeDefined();
    }
    expect(readFileSync(join(outdir, 'hcl', 'dev', 'main.tf'), 'utf8')).not.toContain(TEST_SECRET);
    expect(fromHcl.plan.resource_changes).toEqual(fromJson.plan.resource_changes);
    expect(fromHcl.plan.planned_values).toEqual(fromJson.plan.planned_values);
    expect(configurationMeaning(fromHcl.plan.configuration)).toEqual(configurationMeaning(fromJson.plan.configuration));
    expect(hcl('dev')).toContain('variable "idp_google_client_secret"');
  });
});
