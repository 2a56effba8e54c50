import { OAuthScope } from './oauth-scope';
import { Duration } from '../core/duration';
import type { ITerraformDependable } from '../engine';
import type { ClientAttributeName } from './client-attributes';
import type { RiskConfigurationOptions } from '../user-pool/risk-responses';
import type { ClassicBranding } from './ui-customization';
import type { ManagedLoginBrandingOptions } from './managed-login-branding';

/** The OAuth 2.0 grant types a client may use. */
export enum OAuthFlow {
  /** Authorization code (with PKCE for public clients). */
  AUTHORIZATION_CODE = 'code',
  /** Implicit: tokens in the redirect URL. Discouraged; only when asked for. */
  IMPLICIT = 'implicit',
  /** Client credentials: machine-to-machine, with a secret, resource-server scopes only. */
  CLIENT_CREDENTIALS = 'client_credentials',
}

/** The authentication flows a client may call directly (`explicit_auth_flows`). */
export enum AuthFlow {
  /** Secure Remote Password: the password never leaves the client. */
  USER_SRP = 'ALLOW_USER_SRP_AUTH',
  /** Refresh tokens. */
  REFRESH_TOKEN = 'ALLOW_REFRESH_TOKEN_AUTH',
  /** The password sent to Cognito (over TLS). Needed for user migration triggers. */
  USER_PASSWORD = 'ALLOW_USER_PASSWORD_AUTH',
  /** Server-side admin authentication with the password. */
  ADMIN_USER_PASSWORD = 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  /** Lambda-driven custom challenges. */
  CUSTOM = 'ALLOW_CUSTOM_AUTH',
  /** Choice-based sign-in (passwordless, passkeys). Needs ESSENTIALS or PLUS. */
  USER_AUTH = 'ALLOW_USER_AUTH',
}

/** The legacy explicit auth flow values, which AWS does not let you mix with `ALLOW_*` ones. */
export const LEGACY_AUTH_FLOWS: readonly string[] = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];

/** A starting point for a client: every setting it makes can be overridden. */
export enum ClientPreset {
  /** Single-page app: public (no secret), code flow, SRP and refresh, short tokens. */
  SPA = 'spa',
  /** Server-side web app: confidential (secret), code flow. */
  WEB = 'web',
  /** Mobile or desktop app: public, code flow, custom-scheme callbacks. */
  NATIVE = 'native',
  /** Machine-to-machine: secret, client credentials only, resource-server scopes only. */
  MACHINE = 'machine',
}

/** Token lifetimes. Access and ID: 5 minutes to 24 hours; refresh: 60 minutes to 3650 days. */
export interface TokenValidity {
  readonly accessToken?: Duration;
  readonly idToken?: Duration;
  readonly refreshToken?: Duration;
}

/** Where to share a machine client's credentials with other accounts, through Secrets Manager. */
export interface SecretHandOff {
  /**
   * The principals that may read the secret: 12-digit account ids or IAM role/user ARNs, in any account.
   * Nothing else is granted.
   */
  readonly readers: readonly string[];
  /**
   * The secret's name.
   * @default "cognito/<pool name>/<client name>"
   */
  readonly secretName?: string;
}

/** Settings of a {@link UserPoolClient}. Without a preset, the secure AWS-compatible defaults apply. */
export interface UserPoolClientProps {
  /**
   * The starting point. Each setting given here overrides the preset's.
   * @default - no preset: a public client with no OAuth flows
   */
  readonly preset?: ClientPreset;
  /**
   * The client's name, 1 to 128 characters.
   * @default - the construct id
   */
  readonly clientName?: string;
  /**
   * Whether the client has a secret. Fixed at creation: changing it replaces the client (new id and secret).
   * @default - true for web and machine presets, else false
   */
  readonly generateSecret?: boolean;
  /**
   * OAuth 2.0 grant types.
   * @default - the preset's; none without a preset
   */
  readonly oAuthFlows?: readonly OAuthFlow[];
  /**
   * OAuth scopes, at most 50.
   * @default - openid, email, profile for user-facing presets; none otherwise
   */
  readonly scopes?: readonly OAuthScope[];
  /**
   * Where the authorization server may redirect after sign-in: HTTPS, `http://localhost`, or a custom
   * scheme (`myapp://callback`); no fragments; at most 100.
   * @default - none
   */
  readonly callbackUrls?: readonly string[];
  /**
   * Where it may redirect after sign-out; same rules as callbacks.
   * @default - none
   */
  readonly logoutUrls?: readonly string[];
  /**
   * The redirect used when a request names none; must be one of the callback URLs.
   * @default - none
   */
  readonly defaultRedirectUri?: string;
  /**
   * Flows the client may call directly.
   * @default - the preset's; [USER_SRP, REFRESH_TOKEN] without a preset
   */
  readonly authFlows?: readonly (AuthFlow | string)[];
  /**
   * Attributes the client can read: standard ones in either spelling (`givenName` or `given_name`), and the
   * pool's custom attributes by name (`tenant`; `custom:` is added). A name the pool does not have fails synth.
   * @default - all
   */
  readonly readAttributes?: readonly ClientAttributeName[];
  /**
   * Attributes the client can write, named as in `readAttributes`.
   * @default - all writable (the public presets: the standard attributes only)
   */
  readonly writeAttributes?: readonly ClientAttributeName[];
  /**
   * Identity providers users may sign in through (`COGNITO`, or the names of the pool's IdPs).
   * @default ["COGNITO"] for user-facing clients; none for machine clients
   */
  readonly identityProviders?: readonly string[];
  /**
   * Token lifetimes; all three units are always rendered.
   * @default - the preset's; 60 minutes, 60 minutes, 30 days without a preset
   */
  readonly tokenValidity?: TokenValidity;
  /**
   * Minutes a sign-in session (between challenges) stays valid, 3 to 15.
   * @default 3
   */
  readonly authSessionValidityMinutes?: number;
  /**
   * Whether refresh tokens can be revoked.
   * @default true
   */
  readonly enableTokenRevocation?: boolean;
  /**
   * Refresh-token rotation: each refresh returns a new refresh token and invalidates the old one after
   * the grace period (0 to 60 seconds).
   * @default - off
   */
  readonly refreshTokenRotation?: { readonly retryGracePeriodSeconds: number };
  /**
   * Whether sign-in errors hide that a user does not exist (no user enumeration).
   * @default true
   */
  readonly preventUserExistenceErrors?: boolean;
  /**
   * Pass the user's IP and device data to threat protection.
   * @default false
   */
  readonly propagateAdditionalUserContextData?: boolean;
  /**
   * Amazon Pinpoint analytics, by the project's ARN. Cognito then publishes with its service-linked role,
   * so no role is taken here: the provider refuses `role_arn` beside `application_arn`
   * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client#analytics_configuration).
   * @default - none
   */
  readonly analytics?: { readonly applicationArn: string; readonly userDataShared?: boolean };
  /**
   * Share a machine client's id, secret and token endpoint with other accounts through Secrets Manager,
   * encrypted with its own customer-managed KMS key.
   * @default - not shared
   */
  readonly secretHandOff?: SecretHandOff;
  /**
   * Threat protection responses for this client only, replacing the pool's for it (needs PLUS and
   * threat protection on in the pool).
   * @default - the pool's responses
   */
  readonly threatProtection?: RiskConfigurationOptions;
  /**
   * Branding of the classic hosted UI (managed login version 1) for this client only.
   * @default - the pool's classic branding, if any
   */
  readonly classicBranding?: ClassicBranding;
  /**
   * A managed login (version 2) style for this client. Needs hashicorp/aws 6.x.
   * @default - none: managed login shows no pages for a client without a style
   */
  readonly managedLoginBranding?: ManagedLoginBrandingOptions;
  /**
   * Resource servers and identity providers the client depends on, beyond those its scopes name.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}
