import { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { CognitoUserPoolUiCustomization } from '@cdktf/provider-aws/lib/cognito-user-pool-ui-customization';
import { Attribute, optional, required, TfType, typeExpression } from './hcl-type';
import { entryCheck } from './validations';
import { hasFixedName, IdentityProviderType, OIDC_ENDPOINTS, PROVIDER_SETTINGS, ProviderSetting } from '../client/identity-provider-kinds';
import { AWS_ADDED_DETAILS } from '../client/identity-provider';
import { terraformName } from '../core/conditional';
import { defined } from '../core/defined';
import { ref, TerraformIterator, TerraformLocal, TerraformStack, TerraformVariable, Token } from '../engine';

/**
 * Identity providers and classic branding in the Terraform module, read from the same declarations as
 * the library and the configuration file (`PROVIDER_SETTINGS`). Secrets come from one sensitive input, `identity_provider_secrets`, by key.
 */

const object = (attributes: Record<string, Attribute>): TfType => ({ object: attributes });
const quoted = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
const KINDS = Object.values(IdentityProviderType);

/** Every non-secret setting name of every kind, each once, in the table's order. */
function providerFields(): Map<string, ProviderSetting> {
  const fields = new Map<string, ProviderSetting>();
  for (const settings of Object.values(PROVIDER_SETTINGS)) for (const s of settings) if (!s.secret && !fields.has(s.name)) fields.set(s.name, s);
  return fields;
}

/** The Terraform type of a setting's value. */
function fieldType(s: ProviderSetting): TfType {
  return s.form.kind === 'list' ? { list: 'string' } : s.form.kind === 'flag' ? 'bool' : 'string';
}

/** The `identity_providers` input's type: the kind, every kind's settings (optional), mapping and identifiers. */
export function identityProviderType(): TfType {
  return {
    map: object({
      type: required('string', `The kind: ${KINDS.join(', ')}.`),
      provider_name: optional(
        'string',
        null,
        'The name clients see; social providers are always named by their type (default: the type, or the key for OIDC and SAML).',
      ),
      ...Object.fromEntries([...providerFields()].map(([name, s]) => [terraformName(name), optional(fieldType(s), null, s.description)])),
      attribute_mapping: optional({ map: 'string' }, {}, "Pool attribute (email, given_name, custom:<name>) to the provider's attribute."),
      idp_identifiers: optional({ list: 'string' }, [], 'Identifiers (such as email domains) that route users to this provider, at most 50.'),
    }),
  };
}

/** The kinds that have a `ProviderDetails` key. */
const kindsWith = (detail: string) => KINDS.filter((k) => PROVIDER_SETTINGS[k].some((s) => s.detail === detail));

/** The expression of one `ProviderDetails` key on `each.value`, null for kinds without it. */
function detailExpression(detail: string): string {
  const setting = PROVIDER_SETTINGS[kindsWith(detail)[0]!].find((s) => s.detail === detail)!;
  const value = `p.${terraformName(setting.name)}`;
  let expression: string;
  if (setting.form.kind === 'list') {
    const defaults = Object.fromEntries(
      kindsWith(detail).map((k) => {
        const s = PROVIDER_SETTINGS[k].find((x) => x.detail === detail)!;
        return [k, (s.default as readonly string[]).join(s.form.kind === 'list' ? s.form.separator : ' ')];
      }),
    );
    const separators = Object.fromEntries(
      kindsWith(detail).map((k) => [k, (PROVIDER_SETTINGS[k].find((x) => x.detail === detail)!.form as { separator: string }).separator]),
    );
    expression = `${value} == null ? lookup(${hclMap(defaults)}, p.type) : join(lookup(${hclMap(separators)}, p.type), ${value})`;
  } else if (setting.form.kind === 'flag') {
    expression = `${value} == null ? null : tostring(${value})`;
  } else {
    expression = setting.default !== undefined ? `coalesce(${value}, ${JSON.stringify(setting.default)})` : value;
  }
  return `contains(${quoted(kindsWith(detail))}, p.type) ? (${expression}) : null`;
}

function hclMap(values: Record<string, string>): string {
  return `{ ${Object.entries(values)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ')} }`;
}

/**
 * Each provider's `provider_details` by key (`p` the provider, `k` its key): the settings given, nulls
 * left out, and the kind's secret from `identity_provider_secrets`.
 */
function providerDetailsExpression(): string {
  const details = [...new Set(Object.values(PROVIDER_SETTINGS).flatMap((settings) => settings.filter((s) => !s.secret).map((s) => s.detail)))];
  const plain = `{ for name, v in { ${details.map((d) => `${JSON.stringify(d)} = ${detailExpression(d)}`).join(', ')} } : name => v if v != null }`;
  const secrets = [...new Set(Object.values(PROVIDER_SETTINGS).flatMap((settings) => settings.filter((s) => s.secret).map((s) => s.detail)))];
  const merged = secrets.map(
    (d) => `contains(${quoted(kindsWith(d))}, p.type) ? tomap({ ${JSON.stringify(d)} = var.identity_provider_secrets[k] }) : tomap({})`,
  );
  return `{ for k, p in var.identity_providers : k => merge(${plain}, ${merged.join(', ')}) }`;
}

/**
 * The provider resources, grouped so that each can ignore the `provider_details` keys AWS adds for its
 * kinds (`lifecycle.ignore_changes` must be static): social providers, OIDC with discovery, OIDC with
 * explicit endpoints (all four), SAML. Moving a provider between groups re-creates it.
 */
const GROUPS: readonly { readonly id: string; readonly condition: string; readonly ignored: readonly string[] }[] = [
  {
    id: 'social',
    condition: `contains(${quoted(KINDS.filter(hasFixedName))}, p.type)`,
    ignored: [...new Set(KINDS.filter(hasFixedName).flatMap((k) => AWS_ADDED_DETAILS[k]))].sort(),
  },
  { id: 'oidc', condition: 'p.type == "OIDC" && p.authorize_url == null', ignored: AWS_ADDED_DETAILS[IdentityProviderType.OIDC] },
  {
    id: 'oidc_endpoints',
    condition: 'p.type == "OIDC" && p.authorize_url != null',
    ignored: AWS_ADDED_DETAILS[IdentityProviderType.OIDC].filter((d) => !OIDC_ENDPOINTS.some((e) => e.detail === d)),
  },
  { id: 'saml', condition: 'p.type == "SAML"', ignored: AWS_ADDED_DETAILS[IdentityProviderType.SAML] },
];

/** What the federation part of the module gives the rest of it. */
export interface ModuleFederation {
  /** The identity provider resources, which clients depend on. */
  readonly providers: readonly CognitoIdentityProvider[];
  /** `supported_identity_providers` of a client: keys of identity_providers become provider names. */
  readonly clientProviders: string;
}

/** Adds the inputs, locals and resources of identity providers and classic branding. */
export function addFederation(stack: TerraformStack, pool: CognitoUserPool, domain: CognitoUserPoolDomain): ModuleFederation {
  const variable = (
    name: string,
    type: TfType,
    description: string,
    defaultValue: unknown,
    validation: { condition: string; errorMessage: string }[] = [],
    sensitive = false,
  ) => {
    const v = new TerraformVariable(
      stack,
      `var-${name}`,
      defined({
        type: typeExpression(type),
        description,
        sensitive: sensitive || undefined,
        validation: validation.length > 0 ? validation : undefined,
      }),
    );
    v.overrideLogicalId(name);
    v.addOverride('default', defaultValue);
    return v;
  };

  // Each names the providers that fail it, as the other inputs' validations do.
  const eachProvider = (condition: string, message: string) => {
    const check = entryCheck('var.identity_providers', 'p', 'Identity providers', condition, message);
    return { condition: `\${${check.condition}}`, errorMessage: check.message };
  };
  const endpoints = OIDC_ENDPOINTS.map((e) => `p.${terraformName(e.name)}`).join(', ');
  const requiredChecks = KINDS.flatMap((kind) =>
    PROVIDER_SETTINGS[kind]
      .filter((s) => s.required && !s.secret)
      .map((s) => `(p.type != ${JSON.stringify(kind)} || p.${terraformName(s.name)} != null)`),
  );
  variable(
    'identity_providers',
    identityProviderType(),
    'Federated identity providers by key; clients name them by key in identity_providers. Secrets go in identity_provider_secrets.',
    {},
    [
      eachProvider(`contains(${quoted(KINDS)}, p.type)`, `type must be one of ${KINDS.join(', ')}.`),
      eachProvider(
        requiredChecks.join(' && '),
        'a setting its kind requires is missing (client_id; team_id and key_id for SignInWithApple; issuer_url for OIDC).',
      ),
      eachProvider(
        'p.type != "SAML" || ((p.metadata_url == null) != (p.metadata_file == null))',
        'a SAML provider needs exactly one of metadata_url or metadata_file.',
      ),
      eachProvider(
        `p.type != "OIDC" || length(compact([${endpoints}])) == 0 || length(compact([${endpoints}])) == ${OIDC_ENDPOINTS.length}`,
        'an OIDC provider takes either none of authorize_url, token_url, user_info_url and jwks_uri (discovery from issuer_url) or all four.',
      ),
    ],
  );
  variable(
    'identity_provider_secrets',
    { map: 'string' },
    'The secret of each identity provider, by key: its client secret (Google, Facebook, LoginWithAmazon, OIDC) or private key (SignInWithApple). Pass it from a secret store or TF_VAR_identity_provider_secrets, never from code.',
    {},
    [],
    true,
  );
  // Social providers are named by their type; OIDC and SAML by their key unless named.
  new TerraformLocal(
    stack,
    'local-identity_provider_names',
    `\${{ for k, p in var.identity_providers : k => coalesce(p.provider_name, contains(${quoted(KINDS.filter(hasFixedName))}, p.type) ? p.type : k) }}`,
  ).overrideLogicalId('identity_provider_names');

  new TerraformLocal(stack, 'local-identity_provider_details', `\${${providerDetailsExpression()}}`).overrideLogicalId('identity_provider_details');
  const providers = GROUPS.map((group) => {
    const provider = new CognitoIdentityProvider(stack, `identity-provider-${group.id}`, {
      userPoolId: pool.id,
      providerName: Token.asString(ref('local.identity_provider_names[each.key]')),
      providerType: Token.asString(ref('each.value.type')),
      providerDetails: Token.asStringMap(ref('local.identity_provider_details[each.key]')),
      attributeMapping: Token.asStringMap(ref('length(each.value.attribute_mapping) > 0 ? each.value.attribute_mapping : null')),
      idpIdentifiers: Token.asList(ref('length(each.value.idp_identifiers) > 0 ? each.value.idp_identifiers : null')),
      forEach: TerraformIterator.fromMap(Token.asAnyMap(ref(`{ for k, p in var.identity_providers : k => p if ${group.condition} }`))),
      lifecycle: { ignoreChanges: group.ignored.map((d) => `provider_details["${d}"]`) },
    });
    provider.overrideLogicalId(group.id);
    return provider;
  });

  const branding = object({
    css: optional('string', null, 'CSS for the classic hosted UI: only its *-customizable classes.'),
    image_file: optional('string', null, 'The logo, Base64 (filebase64("logo.png")): PNG or JPEG, at most 100 KB.'),
  });
  variable(
    'classic_branding',
    branding,
    'Classic hosted UI branding (managed login version 1) for every client without its own. Needs a domain.',
    null,
  );
  variable('client_classic_branding', { map: branding }, 'Classic hosted UI branding of single clients, by client key.', {});
  const ui = (id: string, forEach: string, clientId: string | undefined, css: string, image: string) => {
    const r = new CognitoUserPoolUiCustomization(stack, `classic-branding-${id}`, {
      userPoolId: pool.id,
      ...defined({ clientId }),
      css: Token.asString(ref(css)),
      imageFile: Token.asString(ref(image)),
      forEach: TerraformIterator.fromMap(Token.asAnyMap(ref(forEach))),
      // AWS takes branding only once the pool has a domain.
      dependsOn: [domain],
    });
    r.overrideLogicalId(id);
    return r;
  };
  ui('pool', 'var.classic_branding == null ? {} : { pool = var.classic_branding }', undefined, 'each.value.css', 'each.value.image_file');

  return {
    providers,
    clientProviders:
      'length(each.value.identity_providers) > 0 ? [for p in each.value.identity_providers : lookup(local.identity_provider_names, p, p)] : null',
  };
}

/** Per-client classic branding: after the clients exist, keyed like them. */
export function addClientBranding(stack: TerraformStack, pool: CognitoUserPool, domain: CognitoUserPoolDomain, clients: CognitoUserPoolClient): void {
  const r = new CognitoUserPoolUiCustomization(stack, 'classic-branding-clients', {
    userPoolId: pool.id,
    clientId: Token.asString(ref('aws_cognito_user_pool_client.this[each.key].id')),
    css: Token.asString(ref('each.value.css')),
    imageFile: Token.asString(ref('each.value.image_file')),
    forEach: TerraformIterator.fromMap(Token.asAnyMap(ref('var.client_classic_branding'))),
    dependsOn: [domain, clients],
  });
  r.overrideLogicalId('clients');
}
