import { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider';
import { Construct } from 'constructs';
import { hasFixedName, IdentityProviderType, OIDC_ENDPOINTS, PROVIDER_SETTINGS, ProviderOptions, providerDetailsOf } from './identity-provider-kinds';
import { checkLength, checkMaxItems, checkOneOf, checkPattern, PRINTABLE } from '../core/checks';
import { formatProblem, isKnown, Problem } from '../core/problem';
import { defined } from '../core/defined';
import { STANDARD_ATTRIBUTES } from '../user-pool/attributes';
import type { IUserPool, KnownUserPoolSettings } from '../user-pool/i-user-pool';

/** Settings of a {@link UserPoolIdentityProvider} without its pool. */
export interface UserPoolIdentityProviderOptions {
  /**
   * The name clients list in `identityProviders`, 3 to 32 characters, not starting or ending with `_` or
   * a space. Changing it replaces the provider.
   */
  readonly providerName: string;
  /** The kind. Changing it replaces the provider. */
  readonly providerType: IdentityProviderType;
  /**
   * The provider's settings by the names of `PROVIDER_SETTINGS` (`clientId`, `clientSecret`, `scopes`,
   * `issuerUrl`, `metadataUrl`, `idpInitiated`, ...): defaults applied, lists joined as the provider
   * expects. A secret (`clientSecret`, `privateKey`) must be a sensitive reference, e.g.
   * `new TerraformVariable(stack, 'google_secret', { type: 'string', sensitive: true }).stringValue`:
   * a literal is a synth error, because it would be printed in plans and HCL files.
   * @default - none: give providerDetails
   */
  readonly settings?: ProviderOptions;
  /**
   * The provider's settings as the API names them (`client_id`, `authorize_scopes`, `oidc_issuer`,
   * `MetadataURL`, ...), for keys `settings` does not know; they win over `settings`. The same rule
   * holds for secrets (`client_secret`, `private_key`): sensitive references only.
   * @default - none
   */
  readonly providerDetails?: { readonly [key: string]: string };
  /**
   * User pool attribute to provider attribute, e.g. `{ email: 'email', username: 'sub' }`.
   * @default - none
   */
  readonly attributeMapping?: { readonly [attribute: string]: string };
  /**
   * Identifiers (such as email domains) that route users to this provider, at most 50.
   * @default - none
   */
  readonly idpIdentifiers?: readonly string[];
}

/** Settings of a {@link UserPoolIdentityProvider}. */
export interface UserPoolIdentityProviderProps extends UserPoolIdentityProviderOptions {
  /** The pool: created here or imported (`UserPool.fromUserPoolId`). */
  readonly userPool: IUserPool;
}

/** The `ProviderDetails` keys each kind of provider requires (SAML: MetadataURL or MetadataFile, checked apart). */
export const REQUIRED_DETAILS: { readonly [T in IdentityProviderType]: readonly string[] } = Object.fromEntries(
  Object.entries(PROVIDER_SETTINGS).map(([type, settings]) => [type, settings.filter((s) => s.required).map((s) => s.detail)]),
) as unknown as { readonly [T in IdentityProviderType]: readonly string[] };

/** The `ProviderDetails` keys that hold credentials. */
export const SECRET_DETAILS: readonly string[] = [
  ...new Set(Object.values(PROVIDER_SETTINGS).flatMap((settings) => settings.filter((s) => s.secret).map((s) => s.detail))),
];

/**
 * Keys AWS adds to `provider_details` by itself (OIDC discovery, the SAML signing certificate): unless
 * they are set in the configuration, Terraform would plan to remove them on every run
 * (lgallard/terraform-aws-cognito-user-pool#135), so they are ignored.
 */
export const AWS_ADDED_DETAILS: { readonly [T in IdentityProviderType]: readonly string[] } = {
  // The describe response of ProviderDetails (API reference) adds the binding URIs from the metadata.
  [IdentityProviderType.SAML]: ['ActiveEncryptionCertificate', 'SLORedirectBindingURI', 'SSORedirectBindingURI'],
  [IdentityProviderType.OIDC]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'jwks_uri', 'token_url'],
  [IdentityProviderType.GOOGLE]: [
    'attributes_url',
    'attributes_url_add_attributes',
    'authorize_url',
    'oidc_issuer',
    'token_request_method',
    'token_url',
  ],
  [IdentityProviderType.FACEBOOK]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'token_request_method', 'token_url'],
  [IdentityProviderType.LOGIN_WITH_AMAZON]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'token_request_method', 'token_url'],
  [IdentityProviderType.SIGN_IN_WITH_APPLE]: ['attributes_url_add_attributes', 'authorize_url', 'oidc_issuer', 'token_request_method', 'token_url'],
};

/** `ProviderNameTypeV2` of the API, anchored: no leading or trailing `_` or space, at least 3 characters. */
const PROVIDER_NAME = new RegExp(`^[^_\\p{Z}][${PRINTABLE}][^_\\p{Z}]+$`, 'u');
const IDP_IDENTIFIER = /^[\w\s+=.@-]+$/u;
const HTTPS_URL = /^https:\/\/[^\s/?#]+[^\s#]*$/;

/** What the provider's rules know about its pool. */
export interface IdentityProviderContext {
  /** What is known of the pool's attributes; the mapping is checked against what is known. */
  readonly pool?: Pick<KnownUserPoolSettings, 'customAttributes' | 'immutableAttributes'>;
}

/** A provider's settings without its pool: what its rules check. */
export type IdentityProviderSettings = UserPoolIdentityProviderOptions;

/** The `ProviderDetails` sent: typed settings first, raw `providerDetails` over them. */
export function resolveProviderDetails(props: IdentityProviderSettings): Record<string, string> {
  return { ...(props.settings ? providerDetailsOf(props.providerType, props.settings) : {}), ...props.providerDetails };
}

/** A rule of identity providers: a small pure function; tokens are skipped. */
export type IdentityProviderRule = (props: IdentityProviderSettings, details: Record<string, string>, ctx: IdentityProviderContext) => Problem[];

/** Where a `ProviderDetails` key is set: its typed setting's name when it came from `settings`. */
function pathOf(props: IdentityProviderSettings, detail: string): string {
  const setting = (PROVIDER_SETTINGS[props.providerType] ?? []).find((s) => s.detail === detail);
  return setting && props.settings?.[setting.name] !== undefined && props.providerDetails?.[detail] === undefined
    ? `settings.${setting.name}`
    : `providerDetails.${detail}`;
}

export const providerName: IdentityProviderRule = (props) => [
  ...checkLength('providerName', props.providerName, 1, 32),
  ...checkPattern(
    'providerName',
    props.providerName,
    PROVIDER_NAME,
    'must be 3 to 32 characters and not start or end with _ or a space',
    'use e.g. "Google" or "AcmeSAML"',
  ),
  ...(props.providerName === 'COGNITO'
    ? [{ path: 'providerName', rule: 'COGNITO is the name of the pool itself', received: props.providerName, fix: 'choose another name' }]
    : []),
  ...(isKnown(props.providerName) && hasFixedName(props.providerType) && props.providerName !== props.providerType
    ? [
        {
          path: 'providerName',
          rule: `a ${props.providerType} provider must be named ${props.providerType} (AWS names social providers by their type)`,
          received: props.providerName,
          fix: `set providerName to "${props.providerType}"`,
        },
      ]
    : []),
];

export const requiredDetails: IdentityProviderRule = (props, details) => {
  if (!isKnown(props.providerType) || !isKnown(details)) return checkOneOf('providerType', props.providerType, Object.values(IdentityProviderType));
  const missing = (REQUIRED_DETAILS[props.providerType] ?? []).filter((k) => !(k in details));
  const problems: Problem[] = [
    ...checkOneOf('providerType', props.providerType, Object.values(IdentityProviderType)),
    ...missing.map((key) => {
      const setting = PROVIDER_SETTINGS[props.providerType].find((s) => s.detail === key);
      return {
        path: setting ? `settings.${setting.name}` : `providerDetails.${key}`,
        rule: `a ${props.providerType} provider needs ${setting?.name ?? key}`,
        received: undefined,
        fix: `set settings.${setting?.name ?? key} (${key})`,
      };
    }),
  ];
  if (props.providerType === IdentityProviderType.SAML && 'MetadataURL' in details === 'MetadataFile' in details) {
    problems.push({
      path: 'settings.metadataUrl',
      rule: 'a SAML provider needs exactly one of metadataUrl (MetadataURL) or metadataFile (MetadataFile)',
      received: Object.keys(details),
      fix: "set settings.metadataUrl to your IdP's metadata URL, or settings.metadataFile to its metadata document",
    });
  }
  return problems;
};

export const detailValues: IdentityProviderRule = (props, details) =>
  (PROVIDER_SETTINGS[props.providerType] ?? []).flatMap((s) => {
    const value = details[s.detail];
    const problems: Problem[] = s.values ? checkOneOf(pathOf(props, s.detail), value, s.values) : [];
    const isUrl = s.detail === 'oidc_issuer' || OIDC_ENDPOINTS.includes(s) || s.detail === 'MetadataURL';
    if (isUrl)
      problems.push(
        ...checkPattern(pathOf(props, s.detail), value, HTTPS_URL, 'must be an https:// URL', 'use the https address your IdP publishes'),
      );
    return problems;
  });

/**
 * Secrets are sensitive references only. A literal would be written into the synthesized JSON, the HCL
 * file and the plan; its value is never repeated in the message either.
 */
export const literalSecrets: IdentityProviderRule = (props, details) =>
  SECRET_DETAILS.filter((key) => typeof details[key] === 'string' && isKnown(details[key])).map((key) => ({
    path: pathOf(props, key),
    rule: 'a secret must not be written in code or configuration: it would appear in plans, HCL files and logs',
    received: '(a literal value, not shown)',
    fix:
      'pass a sensitive Terraform variable instead (new TerraformVariable(stack, "...", { type: "string", sensitive: true }).stringValue); ' +
      'in the configuration file, remove the setting: the stack declares a sensitive variable for it, set in the pipeline as TF_VAR_<variable> (see PIPELINE.md)',
  }));

export const identifiers: IdentityProviderRule = (props) => [
  ...checkMaxItems('idpIdentifiers', props.idpIdentifiers, 50),
  ...(isKnown(props.idpIdentifiers) ? props.idpIdentifiers : []).flatMap((id, i) => [
    ...checkLength(`idpIdentifiers[${i}]`, id, 1, 40),
    ...checkPattern(
      `idpIdentifiers[${i}]`,
      id,
      IDP_IDENTIFIER,
      'may contain only letters, digits, spaces and + = . @ -',
      'use e.g. an email domain such as example.com',
    ),
  ]),
];

/** Attributes a mapping may set besides the standard ones: the username and the verified flags. */
const MAPPABLE_EXTRAS: readonly string[] = ['username', 'email_verified', 'phone_number_verified'];

/**
 * Mapping keys are attributes of the pool: a standard attribute by its Cognito name, or a declared
 * custom one (`custom:<name>`). Federated sign-in writes mapped attributes at every sign-in, so an
 * attribute the pool declares immutable cannot be mapped.
 */
export const attributeMapping: IdentityProviderRule = (props, _details, ctx) => {
  const mapping = props.attributeMapping;
  if (!isKnown(mapping)) return [];
  const standard = Object.entries(STANDARD_ATTRIBUTES).map(([key, spec]) => ({ key, name: spec.name }));
  const custom = ctx.pool?.customAttributes;
  const immutableOnes = ctx.pool?.immutableAttributes ?? [];
  return Object.keys(mapping).flatMap((key): Problem[] => {
    const path = `attributeMapping.${key}`;
    const length = checkLength(path, key, 1, 32);
    if (length.length > 0) return length;
    if (immutableOnes.includes(key)) return [immutable(path, key)];
    if (key.startsWith('custom:')) {
      const name = key.slice('custom:'.length);
      if (custom === undefined || custom.includes(name)) return [];
      const declared = custom.map((n) => `custom:${n}`);
      return [
        {
          path,
          rule: 'maps to a custom attribute the pool does not declare',
          received: key,
          fix:
            declared.length > 0 ? `use one of ${declared.join(', ')}, or declare ${name} in customAttributes` : `declare ${name} in customAttributes`,
        },
      ];
    }
    if (standard.some((s) => s.name === key) || MAPPABLE_EXTRAS.includes(key)) return [];
    const byTsName = standard.find((s) => s.key === key);
    return [
      {
        path,
        rule: 'is not an attribute of the pool',
        received: key,
        fix: byTsName ? `use the Cognito name "${byTsName.name}"` : 'use a standard attribute (email, given_name, ...) or custom:<declared name>',
      },
    ];
  });
};

function immutable(path: string, key: string): Problem {
  return {
    path,
    rule: 'maps to an attribute that cannot change, but federated sign-in updates mapped attributes at every sign-in',
    received: key,
    fix: 'remove the mapping, or make the attribute mutable in the pool (only possible before the pool exists)',
  };
}

/** Every identity provider rule, in the order their problems are reported. */
export const IDENTITY_PROVIDER_RULES: readonly IdentityProviderRule[] = [
  providerName,
  requiredDetails,
  detailValues,
  literalSecrets,
  identifiers,
  attributeMapping,
];

/** The provider's rules. Tokens are skipped. */
export function checkIdentityProvider(props: IdentityProviderSettings, ctx: IdentityProviderContext = {}): Problem[] {
  const details = resolveProviderDetails(props);
  return IDENTITY_PROVIDER_RULES.flatMap((rule) => rule(props, details, ctx));
}

/**
 * A federated identity provider of a pool (SAML, OIDC, social). Clients that list its name in
 * `identityProviders` depend on it, whichever is created first in the code.
 */
export class UserPoolIdentityProvider extends Construct {
  /** The name clients list. */
  public readonly providerName: string;
  /** The underlying `aws_cognito_identity_provider`. */
  public readonly resource: CognitoIdentityProvider;

  constructor(scope: Construct, id: string, props: UserPoolIdentityProviderProps) {
    super(scope, id);
    const { userPool, ...provider } = props;
    this.node.addValidation({ validate: () => checkIdentityProvider(provider, { pool: userPool.known }).map((p) => formatProblem(p)) });
    const details = resolveProviderDetails(provider);
    const ignored = (AWS_ADDED_DETAILS[provider.providerType] ?? []).filter((key) => !(key in details));
    this.resource = new CognitoIdentityProvider(
      this,
      'provider',
      defined({
        userPoolId: userPool.userPoolId,
        providerName: provider.providerName,
        providerType: provider.providerType,
        providerDetails: details,
        attributeMapping: provider.attributeMapping ? { ...provider.attributeMapping } : undefined,
        idpIdentifiers: provider.idpIdentifiers ? [...provider.idpIdentifiers] : undefined,
        lifecycle: ignored.length > 0 ? { ignoreChanges: ignored.map((key) => `provider_details["${key}"]`) } : undefined,
      }),
    );
    this.providerName = provider.providerName;
    userPool.registerIdentityProvider(this);
  }
}
