/**
 * Pre sign-up trigger: users may sign up only with an email address in an allowed domain.
 *
 * Environment (read once, when the module loads):
 * - `ALLOWED_EMAIL_DOMAINS` (required): comma-separated email domains, e.g. `example.com,*.example.org`.
 *   - `example.com` allows addresses at exactly that domain.
 *   - `*.example.org` allows addresses at any subdomain of it (`eu.example.org`, `a.b.example.org`) but not at
 *     `example.org` itself: list both entries to allow both.
 *   - Entries are case-insensitive; blanks around them and one trailing dot are ignored. A `*` is allowed only as a
 *     leading `*.`; a lone top-level domain (`com`, `*.com`) is refused, since it would allow nearly anyone.
 *     Internationalised domains are written, and must be used, in their ASCII form (`xn--…`).
 *
 * Behaviour, the same for `PreSignUp_SignUp`, `PreSignUp_AdminCreateUser` and `PreSignUp_ExternalProvider`:
 * - The `email` attribute is trimmed and must hold exactly one `@`, something before it, no blanks, and a host name
 *   after it. Its domain, lower-cased and without a trailing dot, must equal an allowed domain or end in `.` plus a
 *   `*.` entry's domain. Whole labels are compared, so `evilexample.com` and `example.com.evil.io` never match
 *   `example.com`.
 * - A user without an email is rejected. This includes federated users whose identity provider maps no email: there
 *   is nothing to check, and an allowlist that lets unknown addresses in is not an allowlist.
 * - Administrators are held to the same rule, so an invitation sent to a wrong address fails at once.
 * - For federated users the address is the one the identity provider asserts: the allowlist is only as strong as
 *   that provider's own checks.
 * - A rejection throws. Cognito then refuses the sign-up and shows the user `PreSignUp failed with error <message>`;
 *   the message says why, never which domains are allowed.
 * - An accepted user is never confirmed or verified by this function (see {@link accept}).
 *
 * A broken configuration doesn't stop the module from loading: each invocation then logs the problems and rejects
 * the sign-up with a generic message, because the detailed one quotes the allowlist and Cognito would show it.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { ConfigurationError, configurationProblem, failClosed } from './configuration-error';

export { ConfigurationError };

/** The environment variable listing the allowed email domains. */
export const ALLOWED_EMAIL_DOMAINS = 'ALLOWED_EMAIL_DOMAINS';

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A pre sign-up handler: resolves to the event to return to Cognito, or rejects to refuse the sign-up. */
export type PreSignUpHandler = (event: PreSignUpTriggerEvent) => Promise<PreSignUpTriggerEvent>;

/** The allowed email domains, normalised: lower case, no trailing dot. */
export interface EmailDomainAllowlist {
  /** Domains whose addresses are allowed. */
  readonly domains: ReadonlySet<string>;
  /** Domains whose subdomains' addresses are allowed (the `*.` entries, without the `*.`). */
  readonly subdomainsOf: readonly string[];
}

/** Why a sign-up is refused. */
export type RejectionReason = 'missing-email' | 'invalid-email' | 'domain-not-allowed';

/** The outcome of checking an email address against the allowlist. */
export type SignUpDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: RejectionReason };

/**
 * What the user is shown for each rejection, after `PreSignUp failed with error `. None names a domain: telling
 * strangers which domains get in would help them find one they can register at.
 */
export const REJECTION_MESSAGES: Readonly<Record<RejectionReason, string>> = {
  'missing-email': 'An email address is required to sign up',
  'invalid-email': 'The email address is not valid',
  'domain-not-allowed': 'Sign-up is not allowed with this email address',
};

/** What the user is shown while the configuration is broken; the details go to the function's log. */
export const UNAVAILABLE_MESSAGE = 'Sign-up is temporarily unavailable';

const SUPPORTED_TRIGGER_SOURCES: ReadonlySet<string> = new Set<PreSignUpTriggerEvent['triggerSource']>([
  'PreSignUp_SignUp',
  'PreSignUp_AdminCreateUser',
  'PreSignUp_ExternalProvider',
]);

/**
 * One DNS label: letters, digits and inner hyphens, 1 to 63 characters. The `i` flag without `u` matches ASCII
 * letters only, which matters: `toLowerCase` turns some non-ASCII letters into ASCII ones (the Kelvin sign `K`
 * becomes `k`), so names are checked before they are lower-cased, never after.
 */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Blanks and control characters, which no deliverable address (outside quoted forms) contains. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const BLANK_OR_CONTROL = /[\s\x00-\x1f\x7f]/;

const ENTRY_FIX = 'write "example.com" to allow that domain, or "*.example.com" to allow its subdomains; no "@", blanks or other wildcards';

/**
 * A domain in canonical form (lower case, one trailing dot removed), or `undefined` when it isn't an ASCII host name.
 * @param domain the domain as written
 */
export function normalizeDomain(domain: string): string | undefined {
  const name = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  const valid = name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
  return valid ? name.toLowerCase() : undefined;
}

/**
 * Parses `ALLOWED_EMAIL_DOMAINS`.
 * @param value the variable's value
 * @throws ConfigurationError listing every bad entry
 */
export function parseAllowlist(value: string | undefined): EmailDomainAllowlist {
  if (value === undefined || value.trim() === '') {
    throw new ConfigurationError('pre sign-up email allowlist', [
      problemWith('must list at least one email domain', value, 'set it to comma-separated domains, e.g. "example.com,*.example.org"'),
    ]);
  }
  const domains = new Set<string>();
  const subdomainsOf: string[] = [];
  const problems: string[] = [];
  value.split(',').forEach((raw, index) => {
    const entry = raw.trim();
    const wildcard = entry.startsWith('*.');
    const domain = normalizeDomain(wildcard ? entry.slice(2) : entry);
    if (domain === undefined || !domain.includes('.')) problems.push(entryProblem(`entry ${index + 1}`, entry, domain));
    else if (wildcard) subdomainsOf.push(domain);
    else domains.add(domain);
  });
  if (problems.length > 0) throw new ConfigurationError('pre sign-up email allowlist', problems);
  return { domains, subdomainsOf };
}

/** The problem with an allowlist entry that is empty, not a domain (`domain` undefined) or a lone top-level domain. */
function entryProblem(name: string, entry: string, domain: string | undefined): string {
  if (entry === '') return problemWith(`${name} must not be empty`, entry, 'remove the extra comma');
  if (domain === undefined) {
    return problemWith(`${name} must be a domain name (dot-separated letters, digits and hyphens), alone or after "*."`, entry, ENTRY_FIX);
  }
  return problemWith(
    `${name} must not be a lone top-level domain, which would allow nearly any address`,
    entry,
    "list your organisation's own domains",
  );
}

/**
 * The normalised domain of an email address, or `undefined` when the address is malformed: not exactly one `@`,
 * nothing before it, blanks or control characters anywhere, or no host name after it.
 * @param address the address, already trimmed
 */
export function emailDomain(address: string): string | undefined {
  const [local, domain, ...rest] = address.split('@');
  if (domain === undefined || rest.length > 0 || local === '' || BLANK_OR_CONTROL.test(address)) return undefined;
  return normalizeDomain(domain);
}

/**
 * Whether a normalised domain is allowed: listed exactly, or a subdomain of a `*.` entry. Domains are whole labels
 * here, so the `.` prefix makes `endsWith` compare labels, not characters.
 */
export function isAllowedDomain(domain: string, allowlist: EmailDomainAllowlist): boolean {
  return allowlist.domains.has(domain) || allowlist.subdomainsOf.some((parent) => domain.endsWith(`.${parent}`));
}

/**
 * Decides whether a user with this `email` attribute may sign up.
 * @param email the `email` user attribute, as Cognito sends it (absent when the user has none)
 * @param allowlist the allowed domains
 */
export function decideSignUp(email: string | undefined, allowlist: EmailDomainAllowlist): SignUpDecision {
  const address = email?.trim() ?? '';
  if (address === '') return { allowed: false, reason: 'missing-email' };
  const domain = emailDomain(address);
  if (domain === undefined) return { allowed: false, reason: 'invalid-email' };
  return isAllowedDomain(domain, allowlist) ? { allowed: true } : { allowed: false, reason: 'domain-not-allowed' };
}

/**
 * A handler configured from `env`.
 * @throws ConfigurationError when `env` is invalid
 */
export function createHandler(env: Environment): PreSignUpHandler {
  const allowlist = parseAllowlist(env[ALLOWED_EMAIL_DOMAINS]);
  return async (event) => {
    // Any other source means the function is attached to the wrong trigger; failing shows it at once.
    if (!SUPPORTED_TRIGGER_SOURCES.has(event.triggerSource)) {
      throw new Error(`Unsupported trigger source "${event.triggerSource}": attach this function as a pre sign-up trigger`);
    }
    const decision = decideSignUp(event.request.userAttributes.email, allowlist);
    if (!decision.allowed) throw new Error(REJECTION_MESSAGES[decision.reason]);
    return accept(event);
  };
}

/**
 * A handler configured from `env` that never throws while being created: when `env` is invalid, every invocation
 * logs the problems and rejects with {@link UNAVAILABLE_MESSAGE}, so the sign-up fails closed without the user
 * seeing the configuration.
 */
export function createLambdaHandler(env: Environment): PreSignUpHandler {
  return failClosed(() => createHandler(env), UNAVAILABLE_MESSAGE);
}

/** The Lambda entry point, configured from `process.env` when the module loads. */
export const handler: PreSignUpHandler = createLambdaHandler(process.env);

/**
 * The event, accepted, with every auto-confirm and auto-verify flag false. An allowed domain only says where an
 * address claims to be: the code Cognito sends to it is what proves the user reads that mailbox. Auto-verifying
 * would let anyone sign up as `ceo@example.com` and be trusted as such; auto-confirming would skip that proof too.
 * The flags are set, not merely left alone, so this function can never be the one that confirms a user.
 */
function accept(event: PreSignUpTriggerEvent): PreSignUpTriggerEvent {
  return { ...event, response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false } };
}

/** A problem with the allowlist variable. */
function problemWith(rule: string, received: string | undefined, fix: string): string {
  return configurationProblem(ALLOWED_EMAIL_DOMAINS, rule, received, fix);
}
