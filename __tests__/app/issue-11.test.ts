/**
 * Issue 11, each item with the exact input it names: rules AWS applies, values accepted then wrong,
 * settings refused or lost, crashes and unclear errors. Configuration-level cases go through the same
 * layers as `npm run synth` (shape, environments, constructs' rules, JSON and HCL), in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { readFileSync } from 'fs';
import { loadConfig } from '../../src/app/load-config';
import { ValidationError } from '../../src/core/problem';
import { checkDocument, problemsOf, stacksOf } from '../support/config-check';

const SHIPPED = parse(readFileSync('config/default.yaml', 'utf8'));
/** The shipped configuration's folder: the files it names (branding) are relative to it. */
const SHIPPED_DIR = resolve('config');
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-issue-11-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal configuration: one environment, whose pool is `pool`. */
function withPool(pool: object, env: object = {}): object {
  return {
    backend: { bucket: 'state-bucket', region: 'eu-west-1' },
    environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', pool, ...env }],
  };
}
const SPA = { preset: 'spa', callbackUrls: ['https://app.example.com/cb'] };
const DOMAIN = { prefix: 'example-dev-111111111111' };
const SES = { sender: 'ses', fromEmail: 'no-reply@example.com' };
const only = (stacks: ReturnType<typeof stacksOf>) => Object.values(stacks)[0]!;
const resourcesOf = (json: any, type: string): any[] => Object.values(json.resource?.[type] ?? {});

/** The problems loading a file gives. */
function fileProblems(name: string, text: string | Buffer): readonly string[] {
  const file = join(work, name);
  writeFileSync(file, text);
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('wrong today', () => {
  test('password history is allowed from ESSENTIALS, refused on LITE', () => {
    const pool = only(stacksOf(withPool({ featurePlan: 'ESSENTIALS', passwordPolicy: { passwordHistorySize: 5 } })));
    expect(resourcesOf(pool.json, 'aws_cognito_user_pool')[0].password_policy.password_history_size).toBe(5);
    expect(problemsOf(withPool({ featurePlan: 'LITE', passwordPolicy: { passwordHistorySize: 5 } }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.passwordPolicy\.passwordHistorySize: password history needs the ESSENTIALS or PLUS feature plan; received \{"passwordHistorySize":5,"featurePlan":"LITE"\}\. Fix: /,
      ),
    ]);
  });

  test('ALLOW_REFRESH_TOKEN_AUTH is added to flows that leave it out, and taken out of presets under rotation', () => {
    const stacks = stacksOf(
      withPool({
        domain: DOMAIN,
        clients: { a: { ...SPA, authFlows: ['ALLOW_USER_SRP_AUTH'] }, b: { ...SPA, refreshTokenRotation: { retryGracePeriodSeconds: 10 } } },
      }),
    );
    const [a, b] = resourcesOf(only(stacks).json, 'aws_cognito_user_pool_client');
    expect(a.explicit_auth_flows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(b.explicit_auth_flows).toEqual(['ALLOW_USER_SRP_AUTH']);
    expect(
      problemsOf(
        withPool({
          domain: DOMAIN,
          clients: {
            b: { ...SPA, authFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], refreshTokenRotation: { retryGracePeriodSeconds: 10 } },
          },
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.clients\.b\.authFlows: with refresh-token rotation, ALLOW_REFRESH_TOKEN_AUTH must be off/),
    ]);
  });

  test('a domain managed elsewhere lets OAuth clients through; no domain anywhere is still refused', () => {
    const stacks = stacksOf(withPool({ domainManagedElsewhere: true, clients: { web: SPA } }));
    expect(resourcesOf(only(stacks).json, 'aws_cognito_user_pool_domain')).toEqual([]);
    expect(Object.keys(only(stacks).json.output ?? {}).filter((k) => k.endsWith('sign_in_url'))).toEqual([]);
    expect(problemsOf(withPool({ clients: { web: SPA } }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.clients\.web\.oAuthFlows: OAuth flows need a user pool domain.*domainManagedElsewhere/),
    ]);
    expect(problemsOf(withPool({ domainManagedElsewhere: true, domain: DOMAIN }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.domainManagedElsewhere: a domain managed elsewhere and a domain created here exclude each other/,
      ),
    ]);
  });

  test("custom verification and invitation emails both need SES (API model); Cognito's sender gets AWS's texts", () => {
    const cognito = resourcesOf(only(stacksOf(withPool({}))).json, 'aws_cognito_user_pool')[0];
    expect(cognito.verification_message_template).toEqual({
      default_email_option: 'CONFIRM_WITH_CODE',
      sms_message: 'Your verification code is {####}',
    });
    expect(problemsOf(withPool({ userVerification: { emailSubject: 'Welcome' }, userInvitation: { emailSubject: 'Hi' } }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.userVerification: a custom verification email \(emailSubject\) needs the pool to send email through Amazon SES \(API reference, VerificationMessageTemplateType/,
      ),
      expect.stringMatching(
        /^environments\[0\]\.pool\.userInvitation: a custom invitation email needs the pool to send email through Amazon SES \(API reference, MessageTemplateType/,
      ),
    ]);
    const ses = resourcesOf(only(stacksOf(withPool({ email: SES, userVerification: { emailSubject: 'Welcome' } }))).json, 'aws_cognito_user_pool')[0];
    expect(ses.verification_message_template).toMatchObject({ email_subject: 'Welcome', email_message: 'Your verification code is {####}' });
  });

  test('SES From: names with @, comma or non-ASCII quoted or RFC 2047-encoded; IDN domains in punycode in From and the identity ARN', () => {
    const from = (fromName: string, extra: object = {}) =>
      resourcesOf(only(stacksOf(withPool({ email: { ...SES, fromName, ...extra } }))).json, 'aws_cognito_user_pool')[0].email_configuration;
    expect(from('Example Support').from_email_address).toBe('Example Support <no-reply@example.com>');
    expect(from('Support @ Example, Inc.').from_email_address).toBe('"Support @ Example, Inc." <no-reply@example.com>');
    expect(from('Say "hi"').from_email_address).toBe('"Say \\"hi\\"" <no-reply@example.com>');
    expect(from('Bücher GmbH').from_email_address).toBe(`=?UTF-8?B?${Buffer.from('Bücher GmbH').toString('base64')}?= <no-reply@example.com>`);
    const idn = from('Shop', { fromEmail: 'no-reply@bücher.example', sesVerifiedDomain: 'bücher.example' });
    expect(idn.from_email_address).toBe('Shop <no-reply@xn--bcher-kva.example>');
    expect(idn.source_arn).toBe('arn:aws:ses:eu-west-1:111111111111:identity/xn--bcher-kva.example');
    expect(problemsOf(withPool({ email: { ...SES, fromEmail: 'no-reply@other.example', sesVerifiedDomain: 'example.com' } }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.email\.fromEmail: must be an address of the verified domain example\.com \(SES refuses to send from any other\); received "no-reply@other\.example"/,
      ),
    ]);
    expect(problemsOf(withPool({ email: { ...SES, fromEmail: 'bücher@example.com' } }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.email\.fromEmail: the part before @ must be 7-bit ASCII/),
    ]);
  });

  test('propagateAdditionalUserContextData needs a client secret', () => {
    expect(problemsOf(withPool({ domain: DOMAIN, clients: { web: { ...SPA, propagateAdditionalUserContextData: true } } }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.clients\.web\.propagateAdditionalUserContextData: passing additional user context data needs a client secret/,
      ),
    ]);
  });

  test('a passkey relying-party id must be a host name', () => {
    expect(problemsOf(withPool({ passkeys: { relyingPartyId: 'https://auth.example.com/login' } }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.passkeys\.relyingPartyId: must be a host name/),
    ]);
  });

  test.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'vbscript:msgbox',
    'https://*.example.com/cb',
    'https://user:pass@app.example.com/cb',
  ])('callback URL %s is refused', (url) => {
    expect(problemsOf(withPool({ domain: DOMAIN, clients: { web: { ...SPA, callbackUrls: [url], logoutUrls: [url] } } }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.clients\.web\.callbackUrls\[0\]: must not /),
      expect.stringMatching(/^environments\[0\]\.pool\.clients\.web\.logoutUrls\[0\]: must not /),
    ]);
  });

  test('region eu-centrall-1 is refused with a did-you-mean, per partition', () => {
    expect(problemsOf(withPool({}, { region: 'eu-centrall-1' }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.region: must be an AWS region .*; received "eu-centrall-1"\. Fix: did you mean "eu-central-1"\?$/),
    ]);
    expect(problemsOf(withPool({}, { region: 'cn-north-1', deployRoleArn: 'arn:aws:iam::111111111111:role/deploy' }))).toEqual([
      'environments[0].deployRoleArn: must be in the partition of region cn-north-1 (aws-cn); received "arn:aws:iam::111111111111:role/deploy". Fix: use arn:aws-cn:iam::111111111111:role/...',
    ]);
  });
});

describe('accepted, and then wrong', () => {
  test('JSON with duplicate keys is refused at the key, with its line and column', () => {
    const text =
      '{"backend": {"bucket": "state-bucket", "region": "eu-west-1"}, "environments": [{"name": "dev", "accountId": "111111111111", "region": "eu-west-1",\n "pool": {"dangerouslyAllowDeletionOfAllUsers": false, "dangerouslyAllowDeletionOfAllUsers": true}}]}';
    expect(fileProblems('duplicate.json', text)).toEqual([
      'environments[0].pool.dangerouslyAllowDeletionOfAllUsers: is given twice (again at 2:56); JSON keeps only the last silently; received true. Fix: keep one of the two',
    ]);
  });

  test('__proto__ keys (client, tag, custom attribute, scope, trigger environment) are refused, never dropped', () => {
    const pool = {
      tags: { __proto__: 'x' },
      customAttributes: { __proto__: { type: 'String' } },
      clients: { __proto__: SPA },
      resourceServers: { api: { identifier: 'https://api.example.com', scopes: { __proto__: 'x' } } },
      triggers: { preSignUp: { handler: { functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:f' }, environment: { __proto__: 'x' } } },
    };
    const text = JSON.stringify(withPool({ ...pool, tags: {}, customAttributes: {}, clients: {} }))
      .replace('"tags":{}', '"tags":{"__proto__":"x"}')
      .replace('"customAttributes":{}', '"customAttributes":{"__proto__":{"type":"String"}}')
      .replace('"clients":{}', '"clients":{"__proto__":{"preset":"spa"}}')
      .replace('"scopes":{"__proto__":"x"}', '"scopes":{"__proto__":"x"}');
    const problems = fileProblems('proto.json', text.replace('"environment":{}', '"environment":{"__proto__":"x"}'));
    expect(problems.filter((p) => /__proto__ is reserved/.test(p)).map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining([
        'environments[0].pool.tags.__proto__',
        'environments[0].pool.customAttributes.__proto__',
        'environments[0].pool.clients.__proto__',
      ]),
    );
  });

  test('a client named constructor synthesizes', () => {
    const stacks = stacksOf(withPool({ domain: DOMAIN, clients: { constructor: SPA } }));
    expect(resourcesOf(only(stacks).json, 'aws_cognito_user_pool_client').map((c) => c.name)).toEqual(['constructor']);
  });

  test('an environment named constructor is refused at its name, not a duplicate-construct exception', () => {
    expect(problemsOf(withPool({}, { name: 'constructor' }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.name: is a name the CDKTF engine reserves; received "constructor"\. Fix: use another name/),
    ]);
  });

  test('a branding logoFile naming a folder ("" is the configuration folder) is a problem at its path, not EISDIR', () => {
    const branding = { logoFile: '' };
    expect(problemsOf(withPool({ domain: { ...DOMAIN, managedLoginVersion: 1 }, clients: { spa: { ...SPA, classicBranding: branding } } }))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^environments\[0\]\.pool\.clients\.spa\.classicBranding\.logoFile: names a folder or special file/),
      ]),
    );
  });

  test.each([
    [{ functionArn: '' }, /handler\.functionArn: must be 20 to 2048 characters long \(it has 0\)/],
    [
      { functionArn: `arn:aws:lambda:eu-west-1:111111111111:function:${'f'.repeat(3000)}` },
      /handler\.functionArn: must be 20 to 2048 characters long \(it has 3047\)/,
    ],
    [{ directory: '__tests__/triggers/fixtures/hello', handler: '' }, /handler: the handler "" is not <file>\.<export>/],
  ])('trigger handler %j fails at synth with its path', (handler, says) => {
    const problems = problemsOf(withPool({ triggers: { postConfirmation: { handler } } }));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^environments\\[0\\]\\.pool\\.triggers\\.postConfirmation\\.${says.source}`))]),
    );
  });

  test('a lone surrogate is refused at its path, so the HCL file never breaks', () => {
    expect(fileProblems('surrogate.json', JSON.stringify(withPool({ tags: { note: 'x' } })).replace('"note":"x"', '"note":"a\\ud800"'))).toEqual([
      'environments[0].pool.tags.note: is not well-formed Unicode (it holds half of a surrogate pair); received "a\\ud800". Fix: remove the \\uD800-\\uDFFF escape, or give the whole pair',
    ]);
  });
});

describe('settings users write', () => {
  test('bounds of standard string attributes can be set (email 7-256)', () => {
    const pool = resourcesOf(
      only(stacksOf(withPool({ standardAttributes: { email: { required: true, minLen: 7, maxLen: 256 } } }))).json,
      'aws_cognito_user_pool',
    )[0];
    expect(pool.schema).toEqual([
      expect.objectContaining({ name: 'email', required: true, string_attribute_constraints: { min_length: '7', max_length: '256' } }),
    ]);
    expect(problemsOf(withPool({ standardAttributes: { email: { minLen: 300, maxLen: 256 } } }))).toEqual([
      'environments[0].pool.standardAttributes.email.minLen: must not exceed maxLen; received {"minLen":300,"maxLen":256}. Fix: swap or correct the bounds',
    ]);
    expect(problemsOf(withPool({ standardAttributes: { lastUpdateTime: { minLen: 1 } } }))).toEqual([
      expect.stringMatching(
        /^environments\[0\]\.pool\.standardAttributes\.lastUpdateTime\.minLen: lastUpdateTime is a Number attribute: length bounds are for strings/,
      ),
    ]);
  });

  test('both verification template pairs (code and link) can be set together', () => {
    const pool = resourcesOf(
      only(
        stacksOf(
          withPool({
            email: SES,
            userVerification: {
              emailStyle: 'LINK',
              codeEmail: { subject: 'Your code', body: 'Code: {####}' },
              linkEmail: { subject: 'Confirm', body: 'Go {##here##}' },
            },
          }),
        ),
      ).json,
      'aws_cognito_user_pool',
    )[0];
    expect(pool.verification_message_template).toEqual({
      default_email_option: 'CONFIRM_WITH_LINK',
      sms_message: 'Your verification code is {####}',
      email_subject: 'Your code',
      email_message: 'Code: {####}',
      email_subject_by_link: 'Confirm',
      email_message_by_link: 'Go {##here##}',
    });
    expect(
      problemsOf(withPool({ email: SES, userVerification: { codeEmail: { body: 'no placeholder' }, linkEmail: { body: 'Code {####}' } } })),
    ).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.userVerification\.codeEmail\.body: must contain the \{####\} placeholder/),
      expect.stringMatching(
        /^environments\[0\]\.pool\.userVerification\.linkEmail\.body: a link template must contain a \{##link text##\} placeholder/,
      ),
    ]);
  });

  test('legacy explicitAuthFlows are accepted from the file, alone, as the library and module accept them', () => {
    const client = resourcesOf(
      only(stacksOf(withPool({ clients: { legacy: { authFlows: ['USER_PASSWORD_AUTH'] } } }))).json,
      'aws_cognito_user_pool_client',
    )[0];
    expect(client.explicit_auth_flows).toEqual(['USER_PASSWORD_AUTH']);
    expect(problemsOf(withPool({ clients: { legacy: { authFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] } } }))).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.clients\.legacy\.authFlows: legacy flows .* cannot be mixed with ALLOW_\* flows/),
    ]);
  });
});

describe('crashes and unclear errors', () => {
  test("tokenValidity: { refreshToken: 30d } keeps the preset's other lifetimes", () => {
    const client = resourcesOf(
      only(stacksOf(withPool({ domain: DOMAIN, clients: { web: { ...SPA, tokenValidity: { refreshToken: '30d' } } } }))).json,
      'aws_cognito_user_pool_client',
    )[0];
    expect(client).toMatchObject({ access_token_validity: 15, id_token_validity: 15, refresh_token_validity: 30 });
  });

  test.each([
    ['a missing file', { file: 'handlers/missing.ts' }, /handler: no such file/],
    ['an empty path', { file: '' }, /handler: is empty/],
    ['a folder given as a file', { file: '__tests__/triggers/fixtures/hello' }, /handler: is a folder, not a file/],
    ['a missing folder', { directory: 'nowhere', handler: 'index.handler' }, /handler: /],
    ['a syntax error', { file: '__tests__/triggers/fixtures/broken.ts' }, /handler: cannot be bundled .*broken\.ts:\d+/],
  ])('trigger code with %s is a problem at its path, with the others', (_, handler, says) => {
    const problems = problemsOf(withPool({ passwordPolicy: { minLength: 3 }, triggers: { preSignUp: { handler } } }));
    expect(problems).toEqual([
      expect.stringMatching(/^environments\[0\]\.pool\.passwordPolicy\.minLength: /),
      expect.stringMatching(new RegExp(`^environments\\[0\\]\\.pool\\.triggers\\.preSignUp\\.${says.source}`)),
    ]);
  });

  test('trigger code with a missing import or binary content is a problem, not a stack trace', () => {
    writeFileSync(
      join('__tests__', 'triggers', 'fixtures', '.issue-11-import.ts'),
      "import { x } from './not-there';\nexport const handler = async () => x;\n",
    );
    writeFileSync(join('__tests__', 'triggers', 'fixtures', '.issue-11-binary.ts'), Buffer.from([0, 1, 2, 255, 254, 0, 10]));
    try {
      for (const file of ['.issue-11-import.ts', '.issue-11-binary.ts']) {
        const problems = problemsOf(withPool({ triggers: { preSignUp: { handler: { file: `__tests__/triggers/fixtures/${file}` } } } }));
        expect(problems).toEqual([expect.stringMatching(/^environments\[0\]\.pool\.triggers\.preSignUp\.handler: .*Fix: /)]);
      }
    } finally {
      rmSync(join('__tests__', 'triggers', 'fixtures', '.issue-11-import.ts'), { force: true });
      rmSync(join('__tests__', 'triggers', 'fixtures', '.issue-11-binary.ts'), { force: true });
    }
  });

  test('${ and %{ in configuration strings are literals in JSON and HCL alike', () => {
    const stacks = stacksOf(
      withPool({
        tags: { note: '${uuid()}', open: 'a ${ b', directive: '%{ if x }' },
        domain: DOMAIN,
        resourceServers: { api: { identifier: 'https://api.example.com', scopes: { read: 'Read ${things}' } } },
      }),
    );
    const { json, hcl } = only(stacks);
    expect(resourcesOf(json, 'aws_cognito_user_pool')[0].tags).toEqual({ note: '$${uuid()}', open: 'a $${ b', directive: '%%{ if x }' });
    expect(hcl).toContain('note      = "$${uuid()}"');
    expect(resourcesOf(json, 'aws_cognito_resource_server')[0].scope).toEqual([{ scope_name: 'read', scope_description: 'Read $${things}' }]);
  });

  test('5,000 levels of JSON or YAML nesting: a clear message, no RangeError', () => {
    expect(fileProblems('deep.json', `{"backend": ${'['.repeat(5000)}${']'.repeat(5000)}}`)).toEqual([
      expect.stringMatching(/^backend(\[0\])+.*: is nested more than 64 levels deep/),
    ]);
    expect(fileProblems('deep.yaml', `backend: ${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual([
      expect.stringMatching(/deep\.yaml: is nested more than 64 levels deep .*Fix: /),
    ]);
  });

  test.each([
    ['null.yaml', 'null', 'null'],
    ['number.json', '42', '42'],
    ['list.yaml', '- a\n- b', '["a","b"]'],
  ])('a document that is not a mapping (%s) is refused at the root', (name, text, shown) => {
    expect(fileProblems(name, text)).toEqual([
      `(root): the document must be a mapping of settings (backend, defaults, environments); received ${shown}. Fix: start from config/default.yaml`,
    ]);
  });

  test('UTF-16 text is named as such', () => {
    expect(fileProblems('utf16.yaml', Buffer.from('\ufeffbackend: {}', 'utf16le'))).toEqual([
      expect.stringMatching(/utf16\.yaml: is UTF-16 \(little-endian\) text; configuration files are UTF-8; .*Fix: save the file as UTF-8/),
    ]);
  });

  test('a YAML syntax error is one line with its line and column', () => {
    expect(fileProblems('syntax.yaml', 'backend:\n  bucket: b\n region: x\n')).toEqual([
      expect.stringMatching(/syntax\.yaml:3:1: is not valid YAML \(All mapping items must start at the same column\); received " region: x"\. Fix: /),
    ]);
  });

  test('a huge received value is shortened in the message', () => {
    const problems = problemsOf({ ...withPool({}), backend: { bucket: 'x'.repeat(3_000_000), region: 'eu-west-1' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(1500);
    expect(problems[0]).toMatch(/\.\.\. \(3000002 characters in all\)/);
  });

  test('a mistake in defaults is reported once, at defaults', () => {
    const doc = structuredClone(SHIPPED);
    doc.defaults.pool.clients.portal.callbackUrls = ['http://portal.example.com/cb'];
    expect(problemsOf(doc, SHIPPED_DIR)).toEqual([
      expect.stringMatching(/^defaults\.pool\.clients\.portal\.callbackUrls\[0\]: plain http is allowed only for http:\/\/localhost/),
    ]);
  });

  test('the shipped configuration still synthesizes, JSON and HCL', () => {
    expect(Object.keys(stacksOf(SHIPPED, SHIPPED_DIR)).sort()).toEqual(['dev', 'prod', 'staging']);
    expect(checkDocument(SHIPPED, SHIPPED_DIR)).not.toHaveProperty('problems');
  });
});
