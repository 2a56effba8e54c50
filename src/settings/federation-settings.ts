import { z } from 'zod';
import { custom, flag, listOf, mapOf, object, oneOf, required, text, AnySetting, Setting } from './setting';
import { BrandingAssetCategory, BrandingColorMode, ManagedLoginBrandingOptions } from '../client/managed-login-branding';
import { IdentityProviderType, PROVIDER_SETTINGS, ProviderSetting } from '../client/identity-provider-kinds';
import { AccountTakeoverAction, CompromisedCredentialsAction, CompromisedCredentialsEvent } from '../user-pool/risk-responses';
import { profileDefaults, SecurityProfile } from '../user-pool/security-profile';
import { terraformName } from '../core/conditional';

/**
 * The declarations of federation, branding and threat responses (issue 13): identity providers, the
 * classic and managed login branding, the risk configuration, and the security profile. Pool and
 * client tables (`pool-settings.ts`, `client-settings.ts`) take them from here.
 */

/** Why these settings have no input of the same name in the module: it has its own, shaped for Terraform. */
const MODULE_IDPS = 'the module takes identity_providers, with the secrets in the sensitive identity_provider_secrets input';
const MODULE_BRANDING = 'the module takes classic_branding (the pool) and client_classic_branding (by client key), with CSS text and a Base64 logo';
/** The companion module takes it: this module keeps accepting provider 5.100, which has no such resource. */
const NO_V2_BRANDING =
  'give each client its style with the companion module modules/cognito-managed-login-branding (hashicorp/aws >= 6.13), ' +
  'which keeps this module usable with hashicorp/aws 5.100, a version without aws_cognito_managed_login_branding';

const response = object(
  {
    action: required(oneOf(AccountTakeoverAction, 'What happens to the sign-in.')),
    notify: flag('Whether the user gets an email about it (needs notifications with an SES sender).', { default: false }),
  },
  'The response to one risk level.',
  { defaultText: "AWS's default for the level" },
);

const email = object(
  {
    subject: required(text('Subject, 1 to 140 characters.')),
    htmlBody: required(text('HTML body, 6 to 20000 characters.')),
    textBody: required(text('Plain-text body, 6 to 20000 characters.')),
  },
  'One notification email.',
  { defaultText: "AWS's default message" },
);

/** The module input that groups the pool's responses. */
export const POOL_RESPONSES_INPUT = 'threat_protection';

/** The responses of threat protection: the pool's (under `threatProtection`) or one client's. */
export const RISK_RESPONSE_SETTINGS = {
  compromisedCredentials: object(
    {
      action: required(oneOf(CompromisedCredentialsAction, 'What happens when leaked credentials are used.')),
      events: listOf(oneOf(CompromisedCredentialsEvent, 'A request checked.'), 'The requests checked.', { defaultText: 'all three' }),
    },
    'Responses to leaked credentials.',
    { defaultText: "AWS's default" },
  ),
  accountTakeover: object(
    {
      low: response,
      medium: response,
      high: response,
      notifications: object(
        {
          sourceArn: text('The SES identity that sends them.', { defaultText: "the pool's SES identity" }),
          from: text('The sender address.', { defaultText: "the pool's SES sender" }),
          replyTo: text('Where replies go.', { defaultText: "the pool's reply-to address" }),
          blockEmail: email,
          mfaEmail: email,
          noActionEmail: email,
        },
        'The emails sent when a response has notify; AWS sends them through Amazon SES only.',
        { defaultText: 'none' },
      ),
    },
    'Responses to account-takeover risks by level (low, medium, high), with notification emails.',
    { defaultText: "AWS's default" },
  ),
  ipRanges: object(
    {
      alwaysAllow: listOf(text('A CIDR range.'), 'Ranges never assessed for risk, at most 200.'),
      alwaysBlock: listOf(text('A CIDR range.'), 'Ranges always blocked, at most 200.'),
    },
    'IP ranges always allowed or always blocked.',
    { defaultText: 'none' },
  ),
};

/**
 * The pool's responses: in the file beside the modes under `threatProtection`; in the module grouped in
 * the `threat_protection` input (the modes keep their inputs, `threat_protection_mode` and
 * `threat_protection_custom_auth_mode`), the same shape as a client's `threat_protection`.
 */
export const POOL_RISK_RESPONSE_SETTINGS = Object.fromEntries(
  Object.entries(RISK_RESPONSE_SETTINGS).map(([key, s]) => [key, { ...s, moduleAt: `${POOL_RESPONSES_INPUT}.${terraformName(key)}` }]),
) as typeof RISK_RESPONSE_SETTINGS;

/** A client's threat protection: responses that replace the pool's for it. */
export const CLIENT_THREAT_PROTECTION = object(
  RISK_RESPONSE_SETTINGS,
  "Threat protection responses for this client only, replacing the pool's for it (needs PLUS and threat protection on).",
  { defaultText: "the pool's responses" },
);

/**
 * The strict security profile. In the module, the inputs it sets default to null and take their value in
 * force from {@link profiled}: Terraform cannot tell an input left out from one given its default value.
 */
export const SECURITY_PROFILE = oneOf(
  SecurityProfile,
  "Settings in one line: `strict` sets what AWS Security Hub's Cognito controls ask for (PLUS, threat protection ENFORCED for standard and custom auth with responses, MFA required); settings given that fall short of a control are errors.",
  { defaultText: 'none' },
);

/** In the module: whether the strict profile is chosen (its input is null when none is). */
export const STRICT_IN_MODULE = `var.security_profile == ${JSON.stringify(SecurityProfile.STRICT)}`;

/** What the strict profile sets when a setting is left out: the library's own `profileDefaults`. */
export const STRICT_DEFAULTS = profileDefaults({ userPoolName: 'strict', securityProfile: SecurityProfile.STRICT });

/**
 * A module input in force: as given, else the strict profile's value when the profile is chosen, else
 * the library's default (`undefined`: unset), as `resolveUserPoolProps` applies them.
 */
export function profiled(expression: string, strict: unknown, otherwise: unknown): string {
  const literal = (v: unknown) => (v === undefined ? 'null' : JSON.stringify(v));
  return `(${expression} != null ? ${expression} : (${STRICT_IN_MODULE} ? ${literal(strict)} : ${literal(otherwise)}))`;
}

/** The module's description of an input the profile sets: the setting's, with both defaults. */
export function profiledDescription(description: string, otherwise: unknown, strict: unknown): string {
  const shown = (v: unknown) => (v === undefined ? 'unset' : `\`${String(v)}\``);
  return `${description} Null: ${shown(otherwise)}, or ${shown(strict)} with security_profile \`strict\`.`;
}

/** Classic hosted UI branding, for the pool (every client without its own) or one client. */
export const CLASSIC_BRANDING = object(
  {
    css: text("CSS for the sign-in pages: only the classic hosted UI's `*-customizable` classes (see the README)."),
    cssFile: text('A CSS file, relative to the configuration file (instead of css).'),
    logoFile: text('A PNG or JPEG logo of at most 100 KB, relative to the configuration file.'),
  },
  'Branding of the classic hosted UI (managed login version 1): CSS and a logo. Needs a domain with managedLoginVersion 1.',
  { defaultText: "AWS's look", notInModule: MODULE_BRANDING },
);

/** One image of a managed login style, as the file and the branding module spell it. */
export const BRANDING_ASSET_SCHEMA = z.strictObject({
  category: z
    .enum(Object.values(BrandingAssetCategory) as [BrandingAssetCategory])
    .describe('Where the image goes (PAGE_HEADER_LOGO, FORM_LOGO, PAGE_BACKGROUND, ...).'),
  colorMode: z.enum(Object.values(BrandingColorMode) as [BrandingColorMode]).describe('LIGHT, DARK or DYNAMIC (both).'),
  file: z.string().describe('The image file, relative to the configuration file.'),
});

/** A client's managed login style in the file: also the inputs of modules/cognito-managed-login-branding. */
export const MANAGED_LOGIN_BRANDING_SCHEMA = z.strictObject({
  settingsFile: z
    .string()
    .optional()
    .describe("The style's settings: the JSON file the branding editor exports, relative to the configuration file."),
  assets: z.array(BRANDING_ASSET_SCHEMA).optional().describe('Images (ICO, JPEG, PNG, SVG or WEBP, at most 1,000,000 bytes each), at most 40.'),
});

/** Managed login (version 2) branding of one client. */
export const MANAGED_LOGIN_BRANDING = custom<
  ManagedLoginBrandingOptions,
  { settingsFile?: string; assets?: { category: BrandingAssetCategory; colorMode: BrandingColorMode; file: string }[] }
>({
  description:
    "A managed login (version 2) style for this client: AWS's default style (`{}`), or the branding editor's JSON and images. Needs hashicorp/aws 6.x and a domain with managedLoginVersion 2.",
  schema: MANAGED_LOGIN_BRANDING_SCHEMA,
  toProp: (v) => v,
  default: { text: 'none: managed login shows no pages for a client without a style' },
  module: { notInModule: NO_V2_BRANDING },
});

/** Every setting name of every kind, with the kinds that take it (secrets left out: they never sit in the file). */
export function providerFieldNames(): Map<string, { readonly setting: ProviderSetting; readonly kinds: IdentityProviderType[] }> {
  const fields = new Map<string, { setting: ProviderSetting; kinds: IdentityProviderType[] }>();
  for (const [kind, settings] of Object.entries(PROVIDER_SETTINGS) as [IdentityProviderType, readonly ProviderSetting[]][]) {
    for (const s of settings.filter((x) => !x.secret)) {
      const entry = fields.get(s.name) ?? { setting: s, kinds: [] };
      entry.kinds.push(kind);
      fields.set(s.name, entry);
    }
  }
  return fields;
}

function providerField({ setting, kinds }: { readonly setting: ProviderSetting; readonly kinds: readonly IdentityProviderType[] }): AnySetting {
  const description = `${kinds.length === Object.keys(PROVIDER_SETTINGS).length ? '' : `${kinds.join(', ')}: `}${setting.description}`;
  const o = setting.default === undefined ? {} : { default: setting.default };
  if (setting.form.kind === 'list') return listOf(text('A scope.'), description, o);
  if (setting.form.kind === 'flag') return flag(description, { defaultText: "AWS's default (false)" });
  return text(description, o);
}

/** One identity provider in the configuration file: its kind, its settings (no secrets), mapping and identifiers. */
export const IDENTITY_PROVIDER_FIELDS: Readonly<Record<string, AnySetting>> = {
  type: required(oneOf(IdentityProviderType, 'The kind of provider.')),
  providerName: text('The name users and clients see; social providers are always named by their type.', {
    defaultText: 'the type for social providers, the key for OIDC and SAML',
  }),
  ...Object.fromEntries([...providerFieldNames()].map(([name, field]) => [name, providerField(field)])),
  attributeMapping: mapOf(
    text("The provider's attribute (claim)."),
    "Pool attribute (`email`, `given_name`, `custom:<declared>`) to the provider's attribute.",
    { defaultText: 'none' },
  ),
  idpIdentifiers: listOf(text('An identifier.'), 'Identifiers (such as email domains) that route users to this provider, at most 50.', {
    defaultText: 'none',
  }),
};

/** The pool's identity providers by key; clients name them by key in `identityProviders`. */
export const IDENTITY_PROVIDERS: Setting<Record<string, Record<string, unknown>>, Record<string, Record<string, unknown>>> = mapOf(
  object(IDENTITY_PROVIDER_FIELDS, 'An identity provider.'),
  'Federated identity providers by key (letters, digits and _): Google, Facebook, LoginWithAmazon, SignInWithApple, OIDC, SAML. Clients list them by key. ' +
    'Secrets (clientSecret, privateKey) never sit in the file: each stack declares a sensitive variable `idp_<key>_client_secret` or `idp_<key>_private_key`, set in the pipeline as `TF_VAR_...`.',
  { defaultText: 'none', notInModule: MODULE_IDPS },
) as Setting<Record<string, Record<string, unknown>>, Record<string, Record<string, unknown>>>;
