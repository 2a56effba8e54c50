import { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider';
import { Construct } from 'constructs';
import { checkLength, checkMaxItems, checkOneOf, checkPattern, PRINTABLE } from '../core/checks';
import { formatProblem, isKnown, Problem } from '../core/problem';
import type { IUserPool } from '../user-pool/i-user-pool';
import { defined } from '../core/defined';

/** The kinds of identity provider Cognito federates with. */
export enum IdentityProviderType {
  SAML = 'SAML',
  OIDC = 'OIDC',
  GOOGLE = 'Google',
  FACEBOOK = 'Facebook',
  LOGIN_WITH_AMAZON = 'LoginWithAmazon',
  SIGN_IN_WITH_APPLE = 'SignInWithApple',
}

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
   * The provider's settings as the API names them (`client_id`, `authorize_scopes`, `oidc_issuer`,
   * `MetadataURL`, ...). A `client_secret` or `private_key` ends up in the Terraform state: pass it from a
   * sensitive variable, never from source.
   */
  readonly providerDetails: { readonly [key: string]: string };
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

/** The settings each kind of provider requires. */
export const REQUIRED_DETAILS: { readonly [T in IdentityProviderType]: readonly string[] } = {
  [IdentityProviderType.SAML]: [],
  [IdentityProviderType.OIDC]: ['client_id', 'authorize_scopes', 'oidc_issuer', 'attributes_request_method'],
  [IdentityProviderType.GOOGLE]: ['client_id', 'client_secret', 'authorize_scopes'],
  [IdentityProviderType.FACEBOOK]: ['client_id', 'client_secret', 'authorize_scopes'],
  [IdentityProviderType.LOGIN_WITH_AMAZON]: ['client_id', 'client_secret', 'authorize_scopes'],
  [IdentityProviderType.SIGN_IN_WITH_APPLE]: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
};

/**
 * Keys AWS adds to `provider_details` by itself (OIDC discovery, the SAML signing certificate): unless
 * they are set in the configuration, Terraform would plan to remove them on every run
 * (lgallard/terraform-aws-cognito-user-pool#135), so they are ignored.
 */
export const AWS_ADDED_DETAILS: { readonly [T in IdentityProviderType]: readonly string[] } = {
  [IdentityProviderType.SAML]: ['ActiveEncryptionCertificate'],
  [IdentityProviderType.OIDC]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'jwks_uri', 'token_url'],
  [IdentityProviderType.GOOGLE]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'oidc_issuer', 'token_request_method', 'token_url'],
  [IdentityProviderType.FACEBOOK]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'token_request_method', 'token_url'],
  [IdentityProviderType.LOGIN_WITH_AMAZON]: ['attributes_url', 'attributes_url_add_attributes', 'authorize_url', 'token_request_method', 'token_url'],
  [IdentityProviderType.SIGN_IN_WITH_APPLE]: ['attributes_url_add_attributes', 'authorize_url', 'oidc_issuer', 'token_request_method', 'token_url'],
};

/** `ProviderNameTypeV2` of the API, anchored: no leading or trailing `_` or space, at least 3 characters. */
const PROVIDER_NAME = new RegExp(`^[^_\\p{Z}][${PRINTABLE}][^_\\p{Z}]+$`, 'u');
const IDP_IDENTIFIER = /^[\w\s+=.@-]+$/u;

/** The provider's rules. Tokens are skipped. */
export function checkIdentityProvider(props: UserPoolIdentityProviderOptions): Problem[] {
  const details = props.providerDetails;
  const missing = isKnown(props.providerType) && isKnown(details) ? (REQUIRED_DETAILS[props.providerType] ?? []).filter((k) => !(k in details)) : [];
  const saml = props.providerType === IdentityProviderType.SAML && isKnown(details) && !('MetadataURL' in details) && !('MetadataFile' in details);
  return [
    ...checkLength('providerName', props.providerName, 1, 32),
    ...checkPattern('providerName', props.providerName, PROVIDER_NAME, 'must be 3 to 32 characters and not start or end with _ or a space', 'use e.g. "Google" or "AcmeSAML"'),
    ...(props.providerName === 'COGNITO' ? [{ path: 'providerName', rule: 'COGNITO is the name of the pool itself', received: props.providerName, fix: 'choose another name' }] : []),
    ...checkOneOf('providerType', props.providerType, Object.values(IdentityProviderType)),
    ...missing.map((key) => ({ path: `providerDetails.${key}`, rule: `a ${props.providerType} provider needs ${key}`, received: undefined, fix: `set providerDetails.${key}` })),
    ...(saml ? [{ path: 'providerDetails', rule: 'a SAML provider needs MetadataURL or MetadataFile', received: Object.keys(details), fix: 'set providerDetails.MetadataURL to your IdP\'s metadata URL' }] : []),
    ...checkMaxItems('idpIdentifiers', props.idpIdentifiers, 50),
    ...(props.idpIdentifiers ?? []).flatMap((id, i) => [...checkLength(`idpIdentifiers[${i}]`, id, 1, 40), ...checkPattern(`idpIdentifiers[${i}]`, id, IDP_IDENTIFIER, 'may contain only letters, digits, spaces and + = . @ -', 'use e.g. an email domain such as example.com')]),
    ...Object.keys(props.attributeMapping ?? {}).flatMap((key) => checkLength(`attributeMapping.${key}`, key, 1, 32)),
  ];
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
    this.node.addValidation({ validate: () => checkIdentityProvider(provider).map((p) => formatProblem(p)) });
    const ignored = (AWS_ADDED_DETAILS[provider.providerType] ?? []).filter((key) => !(key in provider.providerDetails));
    this.resource = new CognitoIdentityProvider(this, 'provider', defined({
      userPoolId: userPool.userPoolId,
      providerName: provider.providerName,
      providerType: provider.providerType,
      providerDetails: { ...provider.providerDetails },
      attributeMapping: provider.attributeMapping ? { ...provider.attributeMapping } : undefined,
      idpIdentifiers: provider.idpIdentifiers ? [...provider.idpIdentifiers] : undefined,
      lifecycle: ignored.length > 0 ? { ignoreChanges: ignored.map((key) => `provider_details["${key}"]`) } : undefined,
    }));
    this.providerName = provider.providerName;
    userPool.registerIdentityProvider(this);
  }
}
