import { z } from 'zod';
import { CLASSIC_BRANDING, CLIENT_THREAT_PROTECTION, MANAGED_LOGIN_BRANDING } from './federation-settings';
import { custom, Declarations, flag, listOf, object, oneOf, required, text, whole } from './setting';
import { AuthFlow, ClientPreset, LEGACY_AUTH_FLOWS, OAuthFlow, UserPoolClientProps } from '../client/client-props';
import { CLIENT_DEFAULTS } from '../client/presets';
import { ManagedLoginVersion, UserPoolDomainProps } from '../client/user-pool-domain';
import { Duration } from '../core/duration';
import { ref, Token } from '../engine';
import { UserPoolGroupProps } from '../user-pool/user-pool-group';

/**
 * Every setting of an app client, of the domain, of a resource server and of a group, declared once
 * (see `setting.ts`). `satisfies` holds each table to the construct's props.
 */

const PRESET_DEFAULT = "the preset's";
/** In the module, the preset fills in a setting left null (see `local.client_presets`). */
const FROM_PRESET = { moduleDefault: null } as const;

/** `15m`, `1h`, `30d`, `3600s`. */
export const DURATION_PATTERN = /^([1-9][0-9]*)(s|m|h|d)$/;
const UNITS = { s: Duration.seconds, m: Duration.minutes, h: Duration.hours, d: Duration.days } as const;

/** `15m` -> 15 minutes (the schema has checked the form). */
export function duration(value: string): Duration {
  const match = DURATION_PATTERN.exec(value)!;
  return UNITS[match[2] as keyof typeof UNITS](Number(match[1]));
}

/** A length of time: a whole number and a unit. */
function lifetime(description: string, moduleAt: string) {
  return custom<Duration, string>({
    description: `${description} A whole number and a unit: s, m, h or d (e.g. "15m", "30d").`,
    schema: z.string().regex(DURATION_PATTERN, 'must be a whole number and a unit: s, m, h or d (e.g. "15m", "30d")'),
    toProp: duration,
    default: { text: PRESET_DEFAULT },
    // The module counts every lifetime in minutes: one unit covers 5 minutes to 3650 days.
    moduleAt,
    module: 'number',
    moduleDescription: `${description} In minutes.`,
    fromTerraform: (e) => Duration.minutes(Token.asNumber(ref(e))),
  });
}

/** Every client setting. */
/** The `ALLOW_*` flows and the legacy values the library and the module accept too (with a warning). */
const AUTH_FLOWS_WITH_LEGACY: Readonly<Record<string, string>> = { ...AuthFlow, ...Object.fromEntries(LEGACY_AUTH_FLOWS.map((f) => [f, f])) };

export const CLIENT_SETTINGS = {
  preset: oneOf(ClientPreset, "The starting point; each setting given overrides the preset's.", {
    defaultText: 'none: a public client without OAuth flows',
    moduleRequired: true,
  }),
  clientName: text("The client's name, 1 to 128 characters.", { defaultText: 'the key', module: 'name' }),
  generateSecret: flag('Whether the client has a secret. Fixed at creation: a change replaces the client.', { defaultText: PRESET_DEFAULT }),
  oAuthFlows: listOf(oneOf(OAuthFlow, 'An OAuth 2.0 grant type.'), 'OAuth 2.0 grant types.', { defaultText: PRESET_DEFAULT, module: 'oauth_flows' }),
  scopes: listOf(text('A scope.'), "OAuth scopes: standard ones, or `<resource server key>/<scope>` of this pool's resource servers; at most 50.", {
    defaultText: PRESET_DEFAULT,
  }),
  callbackUrls: listOf(text('A URL.'), 'Redirects after sign-in: HTTPS, `http://localhost` or a custom scheme; no fragment; at most 100.', {
    default: [],
  }),
  logoutUrls: listOf(text('A URL.'), 'Redirects after sign-out; same rules as callbackUrls.', { default: [] }),
  defaultRedirectUri: text('The redirect used when a request names none; one of the callback URLs.', { defaultText: 'none' }),
  authFlows: listOf(
    oneOf(AUTH_FLOWS_WITH_LEGACY, 'An authentication flow.'),
    'Flows the client may call directly. The legacy values (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) are accepted, alone, with a synth warning.',
    { defaultText: PRESET_DEFAULT },
  ),
  readAttributes: listOf(text('An attribute name.'), 'Attributes the client can read.', { defaultText: 'all', moduleDefault: [] }),
  writeAttributes: listOf(text('An attribute name.'), 'Attributes the client can write.', {
    defaultText: 'the public presets (`spa`, `native`): the standard profile attributes; otherwise all writable',
    ...FROM_PRESET,
  }),
  identityProviders: listOf(text('A provider name.'), "Identity providers users sign in through: `COGNITO`, or the names of the pool's providers.", {
    defaultText: PRESET_DEFAULT,
  }),
  tokenValidity: object(
    {
      accessToken: lifetime('Access token lifetime, 5 minutes to 24 hours.', 'access_token_validity_minutes'),
      idToken: lifetime('ID token lifetime, 5 minutes to 24 hours.', 'id_token_validity_minutes'),
      refreshToken: lifetime(
        'Refresh token lifetime, 60 minutes to 3650 days; at least the access and ID lifetimes.',
        'refresh_token_validity_minutes',
      ),
    },
    'Token lifetimes; all three units are always rendered.',
    { module: '.' },
  ),
  authSessionValidityMinutes: whole('Minutes a sign-in session (between challenges) stays valid, 3 to 15.', {
    default: CLIENT_DEFAULTS.authSessionValidityMinutes,
    ...FROM_PRESET,
  }),
  enableTokenRevocation: flag('Whether refresh tokens can be revoked.', { default: CLIENT_DEFAULTS.enableTokenRevocation, ...FROM_PRESET }),
  refreshTokenRotation: object(
    { retryGracePeriodSeconds: required(whole('Seconds the old refresh token still works, 0 to 60.')) },
    'Refresh-token rotation: each refresh returns a new refresh token and invalidates the old one after the grace period.',
    { defaultText: 'off' },
  ),
  preventUserExistenceErrors: flag('Whether sign-in errors hide that a user does not exist (no user enumeration).', {
    default: CLIENT_DEFAULTS.preventUserExistenceErrors,
    ...FROM_PRESET,
  }),
  propagateAdditionalUserContextData: flag("Pass the user's IP and device data to threat protection.", {
    default: CLIENT_DEFAULTS.propagateAdditionalUserContextData,
    ...FROM_PRESET,
  }),
  analytics: object(
    {
      applicationArn: required(text('The Amazon Pinpoint application ARN.')),
      userDataShared: flag('Whether user data is sent along.', { defaultText: 'not shared' }),
    },
    'Amazon Pinpoint analytics.',
    { defaultText: 'none' },
  ),
  secretHandOff: object(
    {
      readers: required(
        listOf(text('An account id or IAM role/user ARN.'), 'The principals that may read the secret: 12-digit account ids or IAM role/user ARNs.'),
      ),
      secretName: text("The secret's name.", { defaultText: 'cognito/<pool name>/<client name>' }),
    },
    "Share a machine client's id, secret and token endpoint with other accounts through Secrets Manager, encrypted with its own KMS key.",
    { defaultText: 'not shared' },
  ),
  threatProtection: CLIENT_THREAT_PROTECTION,
  classicBranding: CLASSIC_BRANDING,
  managedLoginBranding: MANAGED_LOGIN_BRANDING,
} satisfies Declarations<UserPoolClientProps, 'scopes' | 'dependsOn'>;

/** The domain's settings. */
export const DOMAIN_SETTINGS = {
  prefix: text('A Cognito prefix: `https://<prefix>.auth.<region>.amazoncognito.com`, unique per region across all AWS accounts.', {
    defaultText: 'none: set customDomain',
  }),
  customDomain: object(
    {
      domainName: required(text('The fully qualified name, e.g. `auth.example.com` (at most 63 characters).')),
      certificateArn: required(text('An issued ACM certificate for it, in us-east-1.')),
      hostedZoneId: text('A Route 53 hosted zone in which to create the alias records (A and AAAA).', { defaultText: 'no records' }),
    },
    'A domain of your own.',
    { defaultText: 'none: set prefix' },
  ),
  managedLoginVersion: custom<ManagedLoginVersion, ManagedLoginVersion>({
    description: '1: the classic hosted UI (every plan); 2: managed login (ESSENTIALS or PLUS).',
    schema: z.union([z.literal(ManagedLoginVersion.CLASSIC_HOSTED_UI), z.literal(ManagedLoginVersion.MANAGED_LOGIN)]),
    toProp: (v) => v,
    default: { value: ManagedLoginVersion.CLASSIC_HOSTED_UI },
    module: 'number',
  }),
} satisfies Declarations<UserPoolDomainProps, 'userPool'>;

/** A resource server's settings (its scopes are a map of name to description in the file). */
export const RESOURCE_SERVER_SETTINGS = {
  identifier: required(text('The identifier (usually the API URL): the prefix of its scopes.')),
  name: text('A readable name.', { defaultText: 'the identifier' }),
  scopes: custom<{ [name: string]: string }, { [name: string]: string }>({
    description: 'Scope name to description.',
    schema: z.record(z.string(), z.string()),
    toProp: (v) => v,
    default: { value: {} },
    module: { map: 'string' },
  }),
};

/** A group's settings (the name is the key). */
export const GROUP_SETTINGS = {
  description: text('What the group is for, at most 2048 characters.'),
  precedence: whole("Which group's role wins for users in several (lowest wins)."),
  roleArn: text('An IAM role for members (through identity pools).'),
} satisfies Declarations<UserPoolGroupProps, 'groupName'>;
