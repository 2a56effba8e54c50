/**
 * The settings of each kind of identity provider, declared once: the library's typed options
 * ({@link IdentityProviderDetails}), the configuration file's `identityProviders`, and the Terraform
 * module's `identity_providers` input are all read from this table, and so are the rules that check
 * them. Keys and values follow the API reference of `CreateIdentityProvider.ProviderDetails`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html).
 */

/** The kinds of identity provider Cognito federates with (`provider_type`). */
export enum IdentityProviderType {
  SAML = 'SAML',
  OIDC = 'OIDC',
  GOOGLE = 'Google',
  FACEBOOK = 'Facebook',
  LOGIN_WITH_AMAZON = 'LoginWithAmazon',
  SIGN_IN_WITH_APPLE = 'SignInWithApple',
}

/** How a setting's value becomes its `ProviderDetails` string. */
export type DetailForm =
  /** A string, passed as it is. */
  | { readonly kind: 'text' }
  /** A list, joined with the separator the provider expects (Facebook: `, `; the others: a space). */
  | { readonly kind: 'list'; readonly separator: string }
  /** A boolean, passed as `"true"` or `"false"`. */
  | { readonly kind: 'flag' };

/** One setting of one kind of provider. */
export interface ProviderSetting {
  /** Its name in the library and the configuration file (camelCase); the module uses it in snake_case. */
  readonly name: string;
  /** The `ProviderDetails` key it sets. */
  readonly detail: string;
  readonly form: DetailForm;
  /** Whether the provider needs it. */
  readonly required?: boolean;
  /**
   * A credential: never written in source or configuration, only passed as a sensitive reference
   * (a sensitive Terraform variable), so it stays out of plans, HCL files and logs.
   */
  readonly secret?: boolean;
  /** What is sent when it is not given. */
  readonly default?: string | readonly string[];
  /** The only values AWS accepts. */
  readonly values?: readonly string[];
  /** One line for the README and the module's variable description. */
  readonly description: string;
}

const text: DetailForm = { kind: 'text' };
const flag: DetailForm = { kind: 'flag' };
const spaced: DetailForm = { kind: 'list', separator: ' ' };

const clientId = (description: string): ProviderSetting => ({ name: 'clientId', detail: 'client_id', form: text, required: true, description });
const clientSecret: ProviderSetting = {
  name: 'clientSecret',
  detail: 'client_secret',
  form: text,
  required: true,
  secret: true,
  description: 'The client secret the provider issued.',
};
const scopes = (defaults: readonly string[], form: DetailForm = spaced): ProviderSetting => ({
  name: 'scopes',
  detail: 'authorize_scopes',
  form,
  default: defaults,
  description: `Scopes asked for at sign-in (default ${defaults.join(', ')}).`,
});

/** The OIDC endpoints that may be given instead of being discovered from the issuer. */
export const OIDC_ENDPOINTS: readonly ProviderSetting[] = [
  {
    name: 'authorizeUrl',
    detail: 'authorize_url',
    form: text,
    description: 'The authorization endpoint, when the issuer has no discovery document.',
  },
  { name: 'tokenUrl', detail: 'token_url', form: text, description: 'The token endpoint, when the issuer has no discovery document.' },
  { name: 'userInfoUrl', detail: 'attributes_url', form: text, description: 'The user info endpoint, when the issuer has no discovery document.' },
  { name: 'jwksUri', detail: 'jwks_uri', form: text, description: 'The JSON Web Key Set, when the issuer has no discovery document.' },
];

/** Every kind's settings. */
export const PROVIDER_SETTINGS: { readonly [T in IdentityProviderType]: readonly ProviderSetting[] } = {
  [IdentityProviderType.GOOGLE]: [
    clientId('The OAuth client id from the Google Cloud console.'),
    clientSecret,
    scopes(['openid', 'email', 'profile']),
  ],
  [IdentityProviderType.FACEBOOK]: [
    clientId('The Facebook app id.'),
    clientSecret,
    scopes(['public_profile', 'email'], { kind: 'list', separator: ', ' }),
    { name: 'apiVersion', detail: 'api_version', form: text, description: "The Graph API version, e.g. v17.0 (default: AWS's)." },
  ],
  [IdentityProviderType.LOGIN_WITH_AMAZON]: [clientId('The Login with Amazon client id.'), clientSecret, scopes(['profile'])],
  [IdentityProviderType.SIGN_IN_WITH_APPLE]: [
    clientId('The Apple Services ID.'),
    { name: 'teamId', detail: 'team_id', form: text, required: true, description: 'The Apple developer team id.' },
    { name: 'keyId', detail: 'key_id', form: text, required: true, description: 'The id of the Sign in with Apple private key.' },
    { name: 'privateKey', detail: 'private_key', form: text, required: true, secret: true, description: 'The Sign in with Apple private key (PEM).' },
    scopes(['email', 'name']),
  ],
  [IdentityProviderType.OIDC]: [
    clientId('The client id the provider issued.'),
    clientSecret,
    {
      name: 'issuerUrl',
      detail: 'oidc_issuer',
      form: text,
      required: true,
      description: 'The issuer (https://...); its discovery document gives the endpoints.',
    },
    scopes(['openid', 'email', 'profile']),
    {
      name: 'attributesRequestMethod',
      detail: 'attributes_request_method',
      form: text,
      default: 'GET',
      values: ['GET', 'POST'],
      description: 'How user info is requested: GET or POST.',
    },
    ...OIDC_ENDPOINTS,
  ],
  [IdentityProviderType.SAML]: [
    { name: 'metadataUrl', detail: 'MetadataURL', form: text, description: "The IdP's metadata URL (or metadataFile)." },
    { name: 'metadataFile', detail: 'MetadataFile', form: text, description: "The IdP's metadata document (or metadataUrl)." },
    { name: 'idpSignOut', detail: 'IDPSignout', form: flag, description: 'Sign users out of the IdP too when they sign out.' },
    { name: 'idpInitiated', detail: 'IDPInit', form: flag, description: 'Accept sign-in started at the IdP (IdP-initiated SAML).' },
    {
      name: 'requestSigningAlgorithm',
      detail: 'RequestSigningAlgorithm',
      form: text,
      values: ['rsa-sha256'],
      description: 'Sign SAML requests with this algorithm (only rsa-sha256).',
    },
    { name: 'encryptedResponses', detail: 'EncryptedResponses', form: flag, description: 'Ask the IdP to encrypt its SAML assertions.' },
  ],
};

/** The secret settings of a kind (at most one per kind today). */
export function secretSettings(type: IdentityProviderType): readonly ProviderSetting[] {
  return (PROVIDER_SETTINGS[type] ?? []).filter((s) => s.secret);
}

/**
 * Social providers have a fixed provider name, which is their type (`Google`, `Facebook`, ...); only
 * SAML and OIDC providers are named freely.
 */
export function hasFixedName(type: IdentityProviderType): boolean {
  return type !== IdentityProviderType.SAML && type !== IdentityProviderType.OIDC;
}

/** Typed settings of one provider, by the names of {@link PROVIDER_SETTINGS}. */
export type ProviderOptions = { readonly [name: string]: string | boolean | readonly string[] | undefined };

/**
 * The `ProviderDetails` of typed settings: defaults applied, lists joined, flags as strings. Settings
 * not given and without a default are left out. Tokens (Terraform variables) pass through.
 */
export function providerDetailsOf(type: IdentityProviderType, options: ProviderOptions): Record<string, string> {
  const details: Record<string, string> = {};
  for (const setting of PROVIDER_SETTINGS[type] ?? []) {
    const value = options[setting.name] ?? setting.default;
    if (value === undefined) continue;
    details[setting.detail] = detailString(setting.form, value);
  }
  return details;
}

function detailString(form: DetailForm, value: string | boolean | readonly string[]): string {
  if (form.kind === 'list' && Array.isArray(value)) return value.join(form.separator);
  if (form.kind === 'flag') return String(value);
  return value as string;
}

/**
 * The name of the Terraform variable that holds a secret of the configuration file's provider `key`:
 * `idp_<key>_client_secret`, `idp_<key>_private_key`. The pipeline sets it as `TF_VAR_<name>`.
 */
export function providerSecretVariableName(key: string, setting: ProviderSetting): string {
  return `idp_${key}_${setting.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}
