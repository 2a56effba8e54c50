import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { loadWithEnv } from './load-with-env';
import {
  ConfigurationError,
  createHandler,
  createLambdaHandler,
  decideSignUp,
  EmailDomainAllowlist,
  parseAllowlist,
  REJECTION_MESSAGES,
  UNAVAILABLE_MESSAGE,
} from '../../../src/triggers/handlers/pre-sign-up-email-allowlist';

type TriggerSource = PreSignUpTriggerEvent['triggerSource'];

const TRIGGER_SOURCES: TriggerSource[] = ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'];

const ALLOWLIST = 'example.com,*.example.org';

/**
 * A pre sign-up event in the shape of the Cognito developer guide: the common trigger parameters, then the request
 * (user attributes, validation data, client metadata) and the response flags, all false as Cognito sends them.
 */
function preSignUpEvent(triggerSource: TriggerSource, userAttributes: Record<string, string>): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_EXAMPLE',
    // Federated users are named after their provider and their identifier there.
    userName: triggerSource === 'PreSignUp_ExternalProvider' ? 'Google_111122223333444455556' : 'janedoe',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
    triggerSource,
    request: { userAttributes, validationData: {}, clientMetadata: {} },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

/** The message of the error a configuration fails with. */
function configurationError(value: string | undefined): ConfigurationError {
  try {
    parseAllowlist(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('parseAllowlist', () => {
  it('reads exact and wildcard entries, trimmed, lower-cased and without trailing dots', () => {
    const allowlist = parseAllowlist(' Example.COM , *.Example.org. ,sub.example.net.');

    expect([...allowlist.domains]).toEqual(['example.com', 'sub.example.net']);
    expect(allowlist.subdomainsOf).toEqual(['example.org']);
  });

  it('refuses an unset or blank variable, naming it and saying how to fix it', () => {
    expect(configurationError(undefined).problems).toEqual([
      'ALLOWED_EMAIL_DOMAINS: must list at least one email domain; received nothing (not set). Fix: set it to comma-separated domains, e.g. "example.com,*.example.org".',
    ]);
    expect(configurationError('   ').problems).toEqual([
      'ALLOWED_EMAIL_DOMAINS: must list at least one email domain; received "   ". Fix: set it to comma-separated domains, e.g. "example.com,*.example.org".',
    ]);
  });

  it('refuses empty entries, from doubled or trailing commas', () => {
    expect(configurationError('example.com,,example.net').problems).toEqual([
      'ALLOWED_EMAIL_DOMAINS: entry 2 must not be empty; received "". Fix: remove the extra comma.',
    ]);
    expect(configurationError('example.com,').problems).toEqual([
      'ALLOWED_EMAIL_DOMAINS: entry 2 must not be empty; received "". Fix: remove the extra comma.',
    ]);
  });

  it.each([
    '@example.com',
    'exa mple.com',
    '*example.com',
    'a.*.example.com',
    '*',
    '*.',
    '-example.com',
    'example..com',
    'bücher.de',
    `${'a'.repeat(64)}.com`,
  ])('refuses %j, which is not a domain nor "*." and a domain', (entry) => {
    expect(configurationError(`example.net,${entry}`).problems).toEqual([
      `ALLOWED_EMAIL_DOMAINS: entry 2 must be a domain name (dot-separated letters, digits and hyphens), alone or after "*."; received ${JSON.stringify(entry)}. Fix: write "example.com" to allow that domain, or "*.example.com" to allow its subdomains; no "@", blanks or other wildcards.`,
    ]);
  });

  it.each(['com', '*.com', 'COM.'])('refuses the lone top-level domain %j', (entry) => {
    expect(configurationError(entry).problems).toEqual([
      `ALLOWED_EMAIL_DOMAINS: entry 1 must not be a lone top-level domain, which would allow nearly any address; received ${JSON.stringify(entry)}. Fix: list your organisation's own domains.`,
    ]);
  });

  it('reports every bad entry at once, under one heading', () => {
    const error = configurationError('example.com,,*.com,@example.org');

    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(
      /^Invalid configuration of the pre sign-up email allowlist trigger \(3 problems\):\n {2}- ALLOWED_EMAIL_DOMAINS: entry 2 /,
    );
    expect(error.message).toContain('entry 3 must not be a lone top-level domain');
    expect(error.message).toContain('entry 4 must be a domain name');
  });
});

describe('decideSignUp', () => {
  const allowlist: EmailDomainAllowlist = parseAllowlist(ALLOWLIST);
  const denied = (reason: string) => ({ allowed: false, reason });

  it.each(['jane@example.com', 'JANE@EXAMPLE.COM', 'Jane.Doe+news@Example.Com', '  jane@example.com  ', 'jane@example.com.'])(
    'allows %j at a listed domain, whatever the case, blanks around it or trailing dot',
    (email) => {
      expect(decideSignUp(email, allowlist)).toEqual({ allowed: true });
    },
  );

  it.each(['jane@eu.example.org', 'jane@a.b.example.org', 'jane@EU.Example.ORG.'])('allows %j at a subdomain of a "*." entry', (email) => {
    expect(decideSignUp(email, allowlist)).toEqual({ allowed: true });
  });

  it('denies the domain of a "*." entry itself, unless it is also listed', () => {
    expect(decideSignUp('jane@example.org', allowlist)).toEqual(denied('domain-not-allowed'));
    expect(decideSignUp('jane@example.org', parseAllowlist('example.org,*.example.org'))).toEqual({ allowed: true });
  });

  it('denies subdomains of an exact entry', () => {
    expect(decideSignUp('jane@eu.example.com', allowlist)).toEqual(denied('domain-not-allowed'));
  });

  it.each([
    'jane@evilexample.com',
    'jane@example.com.evil.io',
    'jane@example.co',
    'jane@example.com-evil.io',
    'jane@notexample.org',
    'jane@example.org.evil.io',
    'jane@xn--exmple-cua.com',
    'jane@other.net',
  ])('denies the look-alike or foreign address %j', (email) => {
    expect(decideSignUp(email, allowlist)).toEqual(denied('domain-not-allowed'));
  });

  it('denies non-ASCII letters that lower-case to ASCII ones (the Kelvin sign becomes "k")', () => {
    const kelvin = '\u212a';
    expect(kelvin.toLowerCase()).toBe('k');

    expect(decideSignUp(`jane@${kelvin}example.com`, parseAllowlist('kexample.com'))).toEqual(denied('invalid-email'));
  });

  it.each([undefined, '', '   '])('denies a missing email (%j)', (email) => {
    expect(decideSignUp(email, allowlist)).toEqual(denied('missing-email'));
  });

  it.each([
    'jane.example.com',
    'jane@doe@example.com',
    '"jane@doe"@example.com',
    '@example.com',
    'jane@',
    'jane doe@example.com',
    'jane@exa mple.com',
    'jane\u0000@example.com',
    'jane@[127.0.0.1]',
    'jane@example.com..',
    'jane@bücher.example.com',
  ])('denies the malformed address %j', (email) => {
    expect(decideSignUp(email, allowlist)).toEqual(denied('invalid-email'));
  });
});

describe('createHandler', () => {
  const handle = createHandler({ ALLOWED_EMAIL_DOMAINS: ALLOWLIST });

  it.each(TRIGGER_SOURCES)('accepts an allowed address for %s, leaving every auto-confirm and auto-verify flag false', async (source) => {
    const event = preSignUpEvent(source, { email: 'jane@example.com', email_verified: 'false' });

    const result = await handle(event);

    expect(result).toEqual(event);
    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it('never turns an auto-confirm or auto-verify flag on, even when the event arrives with one set', async () => {
    const event = preSignUpEvent('PreSignUp_SignUp', { email: 'jane@example.com' });
    const result = await handle({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true } });

    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it.each(TRIGGER_SOURCES)('rejects an address outside the allowlist for %s without naming the allowed domains', async (source) => {
    const rejection = handle(preSignUpEvent(source, { email: 'jane@evilexample.com' }));

    await expect(rejection).rejects.toThrow(new Error(REJECTION_MESSAGES['domain-not-allowed']));
    await expect(rejection).rejects.not.toThrow(/example\.(com|org)/);
  });

  it.each(TRIGGER_SOURCES)('rejects a user without an email for %s', async (source) => {
    await expect(handle(preSignUpEvent(source, { phone_number: '+12065550100' }))).rejects.toThrow(
      new Error('An email address is required to sign up'),
    );
  });

  it('rejects a federated user whose identity provider maps no email', async () => {
    const event = preSignUpEvent('PreSignUp_ExternalProvider', { name: 'Jane Doe', 'custom:department': 'sales' });

    await expect(handle(event)).rejects.toThrow(new Error(REJECTION_MESSAGES['missing-email']));
  });

  it('rejects a malformed address', async () => {
    await expect(handle(preSignUpEvent('PreSignUp_AdminCreateUser', { email: 'jane@doe@example.com' }))).rejects.toThrow(
      new Error('The email address is not valid'),
    );
  });

  it('fails for a trigger source other than pre sign-up, naming it', async () => {
    const event = { ...preSignUpEvent('PreSignUp_SignUp', { email: 'jane@example.com' }), triggerSource: 'PostConfirmation_ConfirmSignUp' };

    await expect(handle(event as unknown as PreSignUpTriggerEvent)).rejects.toThrow(
      'Unsupported trigger source "PostConfirmation_ConfirmSignUp": attach this function as a pre sign-up trigger',
    );
  });

  it('throws the configuration error when the environment is invalid', () => {
    expect(() => createHandler({})).toThrow(ConfigurationError);
    expect(() => createHandler({ ALLOWED_EMAIL_DOMAINS: '*.com' })).toThrow(/ALLOWED_EMAIL_DOMAINS: entry 1 must not be a lone top-level domain/);
  });
});

describe('createLambdaHandler', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('works like createHandler when the environment is valid', async () => {
    const handle = createLambdaHandler({ ALLOWED_EMAIL_DOMAINS: ALLOWLIST });

    await expect(handle(preSignUpEvent('PreSignUp_SignUp', { email: 'jane@eu.example.org' }))).resolves.toBeDefined();
    await expect(handle(preSignUpEvent('PreSignUp_SignUp', { email: 'jane@example.net' }))).rejects.toThrow(REJECTION_MESSAGES['domain-not-allowed']);
  });

  it('with an invalid environment, logs the problems and rejects every sign-up without showing the configuration', async () => {
    const handle = createLambdaHandler({ ALLOWED_EMAIL_DOMAINS: 'secret-partner.com,,' });

    const rejection = handle(preSignUpEvent('PreSignUp_SignUp', { email: 'jane@secret-partner.com' }));

    await expect(rejection).rejects.toThrow(new Error(UNAVAILABLE_MESSAGE));
    await expect(rejection).rejects.not.toThrow(/secret-partner/);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('ALLOWED_EMAIL_DOMAINS: entry 2 must not be empty'));
  });
});

describe('handler', () => {
  /** The module's `handler`, loaded afresh with `ALLOWED_EMAIL_DOMAINS` set to `value`. */
  function loadHandler(value: string | undefined): typeof import('../../../src/triggers/handlers/pre-sign-up-email-allowlist').handler {
    return loadWithEnv(() => require('../../../src/triggers/handlers/pre-sign-up-email-allowlist').handler, { ALLOWED_EMAIL_DOMAINS: value });
  }

  it('is configured from process.env when the module loads', async () => {
    const handle = loadHandler('example.com');

    await expect(handle(preSignUpEvent('PreSignUp_SignUp', { email: 'jane@example.com' }))).resolves.toBeDefined();
  });

  it('loads without ALLOWED_EMAIL_DOMAINS, then fails closed at each invocation', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const handle = loadHandler(undefined);

      await expect(handle(preSignUpEvent('PreSignUp_SignUp', { email: 'jane@example.com' }))).rejects.toThrow(UNAVAILABLE_MESSAGE);
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('ALLOWED_EMAIL_DOMAINS: must list at least one email domain'));
    } finally {
      consoleError.mockRestore();
    }
  });
});
