import { AuthFlow, ClientPreset, OAuthFlow, UserPoolClientProps } from './client-props';
import { OAuthScope } from './oauth-scope';
import { Duration } from '../core/duration';

const USER_SCOPES = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

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

/** The client's settings: defaults, then the preset, then what the user set. */
export function resolveClientProps(props: UserPoolClientProps): UserPoolClientProps {
  const preset = props.preset ? PRESETS[props.preset] : {};
  const defined = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
  return {
    ...CLIENT_DEFAULTS,
    ...preset,
    ...defined,
    tokenValidity: { ...CLIENT_DEFAULTS.tokenValidity, ...preset.tokenValidity, ...props.tokenValidity },
  };
}
