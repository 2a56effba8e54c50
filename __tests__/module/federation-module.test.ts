import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AWS_ADDED_DETAILS, IdentityProviderType } from '../../src';
import { moduleConfig, MODULE_DIR } from '../../src/module/build-module';
import { addProvider, copyModule, mustRun, planErrors } from './module-support';
import { terraformIt } from '../support/terraform';

/** Identity providers, classic branding and risk responses through the Terraform module. */

const TEST_SECRET = 'module-idp-secret-5e2a';
const config = moduleConfig();

describe('the module takes identity providers, branding and responses', () => {
  test("inputs: identity_providers (each kind's settings), identity_provider_secrets (sensitive), classic_branding, client_classic_branding, threat_protection", () => {
    expect(Object.keys(config.variable)).toEqual(
      expect.arrayContaining(['identity_providers', 'identity_provider_secrets', 'classic_branding', 'client_classic_branding', 'threat_protection']),
    );
    // The configuration file's shape, for the pool and for each client.
    for (const type of [config.variable.threat_protection.type, config.variable.clients.type])
      for (const field of [
        'compromised_credentials = optional(object(',
        'account_takeover = optional(object(',
        'notifications = optional(object(',
        'ip_ranges = optional(object(',
      ])
        expect(type).toContain(field);
    expect(config.variable.identity_provider_secrets).toMatchObject({ sensitive: true, type: 'map(string)' });
    for (const field of [
      'client_id',
      'scopes',
      'api_version',
      'team_id',
      'key_id',
      'issuer_url',
      'attributes_request_method',
      'authorize_url',
      'token_url',
      'user_info_url',
      'jwks_uri',
      'metadata_url',
      'metadata_file',
      'idp_sign_out',
      'idp_initiated',
      'request_signing_algorithm',
      'encrypted_responses',
    ]) {
      expect(config.variable.identity_providers.type).toContain(`${field} = optional(`);
    }
    // No secret field in the providers' own input: secrets have theirs, which is sensitive.
    expect(config.variable.identity_providers.type).not.toMatch(/client_secret|private_key/);
  });

  test('each group of providers ignores exactly the keys AWS adds for its kinds', () => {
    const providers = config.resource.aws_cognito_identity_provider;
    expect(Object.keys(providers)).toEqual(['social', 'oidc', 'oidc_endpoints', 'saml']);
    expect(providers.saml.lifecycle.ignore_changes).toEqual(AWS_ADDED_DETAILS[IdentityProviderType.SAML].map((d) => `provider_details["${d}"]`));
    expect(providers.oidc.lifecycle.ignore_changes).toEqual(AWS_ADDED_DETAILS[IdentityProviderType.OIDC].map((d) => `provider_details["${d}"]`));
    expect(providers.oidc_endpoints.lifecycle.ignore_changes).toEqual(['provider_details["attributes_url_add_attributes"]']);
  });

  test('the committed module has them', () => {
    expect(readFileSync(join(MODULE_DIR, 'main.tf'), 'utf8')).toContain('resource "aws_cognito_identity_provider" "social"');
    expect(readFileSync(join(MODULE_DIR, 'variables.tf'), 'utf8')).toContain('variable "identity_provider_secrets"');
  });
});

/** A configuration calling the module with every kind of provider, branding and responses. */
function caller(): string {
  const module = copyModule();
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-module-fed-'));
  writeFileSync(
    join(dir, 'main.tf'),
    `variable "idp_secrets" {
  type      = map(string)
  sensitive = true
}

module "pool" {
  source                 = "${module}"
  name                   = "federated"
  feature_plan           = "PLUS"
  threat_protection_mode = "ENFORCED"
  domain                 = { prefix = "acme-fed-111122223333" }
  identity_providers = {
    google = { type = "Google", client_id = "1234.apps.googleusercontent.com", attribute_mapping = { email = "email" } }
    apple  = { type = "SignInWithApple", client_id = "com.example.web", team_id = "TEAM123", key_id = "KEY123" }
    corp   = { type = "OIDC", provider_name = "CorpSSO", client_id = "cognito", issuer_url = "https://login.example.com", idp_identifiers = ["example.com"] }
    legacy = {
      type = "OIDC", client_id = "cognito", issuer_url = "https://legacy.example.com",
      authorize_url = "https://legacy.example.com/auth", token_url = "https://legacy.example.com/token",
      user_info_url = "https://legacy.example.com/userinfo", jwks_uri = "https://legacy.example.com/jwks"
    }
    acme = { type = "SAML", metadata_url = "https://idp.example.com/metadata.xml", idp_initiated = true, request_signing_algorithm = "rsa-sha256" }
  }
  identity_provider_secrets = var.idp_secrets
  clients = {
    web = { preset = "spa", callback_urls = ["https://app.example.com/cb"], identity_providers = ["COGNITO", "google", "corp", "acme"] }
    api = {
      preset = "web", callback_urls = ["https://api.example.com/cb"],
      threat_protection = { compromised_credentials = { action = "NO_ACTION", events = ["SIGN_IN"] }, ip_ranges = { always_block = ["192.0.2.0/24"] } }
    }
  }
  classic_branding        = { css = ".banner-customizable { padding: 4px }" }
  client_classic_branding = { web = { css = ".submitButton-customizable { color: #ffffff }" } }
  threat_protection = {
    compromised_credentials = { action = "BLOCK" }
    account_takeover = {
      high          = { action = "BLOCK", notify = true }
      medium        = { action = "MFA_IF_CONFIGURED" }
      notifications = { source_arn = "arn:aws:ses:eu-west-1:111122223333:identity/example.com" }
    }
    ip_ranges = { always_allow = ["10.0.0.0/8"] }
  }
}
`,
  );
  addProvider(dir);
  return dir;
}

terraformIt(
  'a caller with every kind of provider, branding and responses plans; the secrets are never printed',
  () => {
    const dir = caller();
    const env = { TF_VAR_idp_secrets: JSON.stringify({ google: TEST_SECRET, apple: TEST_SECRET, corp: TEST_SECRET, legacy: TEST_SECRET }) };
    mustRun(dir, ['init', '-backend=false', '-no-color']);
    mustRun(dir, ['validate', '-no-color']);
    const printed = mustRun(dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out', 'plan.bin'], env).stdout;
    const shown = mustRun(dir, ['show', '-no-color', 'plan.bin']).stdout;
    const plan = JSON.parse(mustRun(dir, ['show', '-json', 'plan.bin']).stdout);
    expect(printed + shown).not.toContain(TEST_SECRET);
    const after = (address: string) => plan.resource_changes.find((c: any) => c.address === address)?.change.after;
    expect(after('module.pool.aws_cognito_identity_provider.social["google"]')).toMatchObject({
      provider_name: 'Google',
      provider_type: 'Google',
      attribute_mapping: { email: 'email' },
    });
    expect(after('module.pool.aws_cognito_identity_provider.social["apple"]')).toMatchObject({ provider_name: 'SignInWithApple' });
    expect(after('module.pool.aws_cognito_identity_provider.oidc["corp"]')).toMatchObject({
      provider_name: 'CorpSSO',
      idp_identifiers: ['example.com'],
    });
    expect(after('module.pool.aws_cognito_identity_provider.oidc_endpoints["legacy"]')).toMatchObject({
      provider_name: 'legacy',
      provider_type: 'OIDC',
    });
    expect(after('module.pool.aws_cognito_identity_provider.saml["acme"]')).toMatchObject({
      provider_details: { MetadataURL: 'https://idp.example.com/metadata.xml', IDPInit: 'true', RequestSigningAlgorithm: 'rsa-sha256' },
    });
    expect(after('module.pool.aws_cognito_user_pool_client.this["web"]')).toMatchObject({
      supported_identity_providers: ['COGNITO', 'CorpSSO', 'Google', 'acme'],
    }); // a set: sorted;
    expect(after('module.pool.aws_cognito_user_pool_ui_customization.clients["web"]')).toMatchObject({
      css: '.submitButton-customizable { color: #ffffff }',
    });
    expect(after('module.pool.aws_cognito_user_pool_ui_customization.pool["pool"]')).toMatchObject({ css: '.banner-customizable { padding: 4px }' });
    expect(after('module.pool.aws_cognito_risk_configuration.this[0]')).toMatchObject({
      compromised_credentials_risk_configuration: [
        { actions: [{ event_action: 'BLOCK' }], event_filter: expect.arrayContaining(['SIGN_IN', 'SIGN_UP', 'PASSWORD_CHANGE']) },
      ],
      account_takeover_risk_configuration: [
        {
          actions: [
            { high_action: [{ event_action: 'BLOCK', notify: true }], medium_action: [{ event_action: 'MFA_IF_CONFIGURED', notify: false }] },
          ],
          notify_configuration: [{ source_arn: 'arn:aws:ses:eu-west-1:111122223333:identity/example.com' }],
        },
      ],
      risk_exception_configuration: [{ skipped_ip_range_list: ['10.0.0.0/8'] }],
    });
    // A client's own responses, replacing the pool's for it; a client without any has no risk configuration.
    expect(after('module.pool.aws_cognito_risk_configuration.clients["api"]')).toMatchObject({
      compromised_credentials_risk_configuration: [{ actions: [{ event_action: 'NO_ACTION' }], event_filter: ['SIGN_IN'] }],
      account_takeover_risk_configuration: [],
      risk_exception_configuration: [{ blocked_ip_range_list: ['192.0.2.0/24'] }],
    });
    expect(after('module.pool.aws_cognito_risk_configuration.clients["web"]')).toBeUndefined();
  },
  240_000,
);

terraformIt(
  "the inputs' validations reject what the library rejects, each with its message",
  () => {
    const module = copyModule();
    addProvider(module);
    const varFile = join(module, 'bad.tfvars.json');
    writeFileSync(
      varFile,
      JSON.stringify({
        name: 'bad',
        identity_providers: {
          saml: { type: 'SAML' },
          corp: { type: 'OIDC', client_id: 'c', issuer_url: 'https://login.example.com', token_url: 'https://login.example.com/token' },
          fb: { type: 'Facebook' },
          other: { type: 'Twitter', client_id: 'x' },
        },
        threat_protection: { compromised_credentials: { action: 'BLOCK' } },
      }),
    );
    mustRun(module, ['init', '-backend=false', '-no-color']);
    const errors = planErrors(module, varFile).join('\n');
    // Each names the providers that fail it.
    expect(errors).toContain('Identity providers other: type must be one of SAML, OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple.');
    expect(errors).toContain('Identity providers fb: a setting its kind requires is missing');
    expect(errors).toContain('Identity providers saml: a SAML provider needs exactly one of metadata_url or metadata_file.');
    expect(errors).toContain(
      'Identity providers corp: an OIDC provider takes either none of authorize_url, token_url, user_info_url and jwks_uri (discovery from issuer_url) or all four.',
    );
    expect(errors).toContain('Threat protection responses need threat protection on');
  },
  240_000,
);
