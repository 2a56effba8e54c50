import { AuthFlow, ClientPreset, LEGACY_AUTH_FLOWS, OAuthFlow, UserPoolClientProps } from './client-props';
import { OAuthScope } from './oauth-scope';
import { Duration } from '../core/duration';
import { definedOnly } from '../core/defined';
import { isKnown } from '../core/problem';
import { STANDARD_ATTRIBUTES } from '../user-pool/attributes';

const USER_SCOPES = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

/**
 * What a public client (no secret: anyone can use it with a user's own tokens) may write: the standard
 * profile attributes only. Without a list Cognito lets it write every attribute, custom ones included, so a
 * user who signed themselves up could set e.g. an immutable `custom:tenant` to any tenant.
 */
export const PUBLIC_CLIENT_WRITE_ATTRIBUTES: readonly string[] = Object.values(STANDARD_ATTRIBUTES).map((a) => a.name);

/**
 * What each preset sets. A user-facing preset never has a password flow; a public one never a secret.
 * The README's presets table is written from this.
 */
export const PRESETS: { readonly [P in ClientPreset]: Partial<UserPoolClientProps> } = {
  [ClientPreset.SPA]: {
    generateSecret: false, // a browser cannot keep a secret; PKCE protects the code instead
    oAuthFlows: [OAuthFlow.AUTHORIZATION_CODE],
    scopes: USER_SCOPES,
    authFlows: [AuthFlow.USER_SRP, AuthFlow.REFRESH_TOKEN],
    identityProviders: ['COGNITO'],
    writeAttributes: PUBLIC_CLIENT_WRITE_ATTRIBUTES,
    // Tokens in a browser are the easiest to steal: keep them short.
    tokenValidity: { accessToken: Duration.minutes(15), idToken: Duration.minutes(15), refreshToken: Duration.hours(12) },
  },
  [ClientPreset.WEB]: {
    generateSecret: true,
    oAuthFlows: [OAuthFlow.AUTHORIZATION_CODE],
    scopes: USER_SCOPES,
    authFlows: [AuthFlow.USER_SRP, AuthFlow.REFRESH_TOKEN],
    identityProviders: ['COGNITO'],
    tokenValidity: { accessToken: Duration.minutes(60), idToken: Duration.minutes(60), refreshToken: Duration.days(30) },
  },
  [ClientPreset.NATIVE]: {
    generateSecret: false, // an app binary cannot keep a secret either
    oAuthFlows: [OAuthFlow.AUTHORIZATION_CODE],
    scopes: USER_SCOPES,
    authFlows: [AuthFlow.USER_SRP, AuthFlow.REFRESH_TOKEN],
    identityProviders: ['COGNITO'],
    writeAttributes: PUBLIC_CLIENT_WRITE_ATTRIBUTES,
    tokenValidity: { accessToken: Duration.minutes(60), idToken: Duration.minutes(60), refreshToken: Duration.days(30) },
  },
  [ClientPreset.MACHINE]: {
    generateSecret: true,
    oAuthFlows: [OAuthFlow.CLIENT_CREDENTIALS],
    // No user signs in: only the refresh flow, which the API cannot do without.
    authFlows: [AuthFlow.REFRESH_TOKEN],
    identityProviders: [],
    tokenValidity: { accessToken: Duration.minutes(60), idToken: Duration.minutes(60), refreshToken: Duration.days(1) },
  },
};

/** Settings without a preset. */
export const CLIENT_DEFAULTS: Partial<UserPoolClientProps> = {
  generateSecret: false,
  oAuthFlows: [],
  scopes: [],
  authFlows: [AuthFlow.USER_SRP, AuthFlow.REFRESH_TOKEN],
  identityProviders: ['COGNITO'],
  tokenValidity: { accessToken: Duration.minutes(60), idToken: Duration.minutes(60), refreshToken: Duration.days(30) },
  authSessionValidityMinutes: 3,
  enableTokenRevocation: true,
  preventUserExistenceErrors: true,
  propagateAdditionalUserContextData: false,
};

/** The client's settings: defaults, then the preset, then what the user set (a key set to `undefined` is not set). */
export function resolveClientProps(props: UserPoolClientProps): UserPoolClientProps {
  const preset = props.preset ? PRESETS[props.preset] : {};
  const defined = definedOnly(props);
  const merged: UserPoolClientProps = {
    ...CLIENT_DEFAULTS,
    ...preset,
    ...defined,
    tokenValidity: { ...CLIENT_DEFAULTS.tokenValidity, ...preset.tokenValidity, ...definedOnly(props.tokenValidity ?? {}) },
  };
  const authFlows = withRefreshFlow(merged.authFlows, merged.refreshTokenRotation !== undefined, defined.authFlows !== undefined);
  return authFlows === undefined ? merged : { ...merged, authFlows };
}

/**
 * `ALLOW_REFRESH_TOKEN_AUTH` where AWS needs it: always in a list of `ALLOW_*` flows ("REFRESH_TOKEN_AUTH
 * should always be allowed"), except with refresh-token rotation, which replaces it and where AWS refuses it
 * (reference: cognito-facts §2). With rotation, the flow is dropped from defaults and presets; a user who
 * lists it explicitly gets the `refreshTokenFlow` rule's message instead. Legacy flows and tokens are left as given.
 */
function withRefreshFlow(
  flows: readonly (AuthFlow | string)[] | undefined,
  rotation: boolean,
  explicit: boolean,
): readonly (AuthFlow | string)[] | undefined {
  if (flows === undefined || !isKnown(flows) || flows.some((f) => !isKnown(f) || LEGACY_AUTH_FLOWS.includes(f))) return flows;
  if (rotation) return explicit ? flows : flows.filter((f) => f !== AuthFlow.REFRESH_TOKEN);
  return flows.includes(AuthFlow.REFRESH_TOKEN) ? flows : [...flows, AuthFlow.REFRESH_TOKEN];
}

/**
 * The custom attributes a public client (no secret) could write: those listed in `writeAttributes`, or every
 * one when it sets none (Cognito's default). Its users can change these about themselves, so an attribute
 * that authorizes (a tenant, a role) must not be among them.
 */
export function customAttributesWritableByPublicClient(client: UserPoolClientProps, customAttributes: readonly string[]): string[] {
  if (client.generateSecret !== false || !isKnown(client.writeAttributes ?? [])) return [];
  const custom = customAttributes.map((name) => `custom:${name}`);
  if (client.writeAttributes === undefined || client.writeAttributes.length === 0) return custom;
  return client.writeAttributes.filter((a) => isKnown(a) && a.startsWith('custom:'));
}
