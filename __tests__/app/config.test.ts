import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { AppConfig, configSchema } from '../../src/app/config-schema';
import { configSchemaJson } from '../../src/app/config-json-schema';
import { resolveEnvironments, selectEnvironments } from '../../src/app/environments';
import { parseConfig } from '../../src/app/load-config';
import { ValidationError } from '../../src/core/problem';

const BASE = { backend: { bucket: 'state', region: 'eu-west-1' }, environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1' }] };

/** The problems a document is rejected with (fails the test when it is accepted). */
function problems(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('configuration shape', () => {
  test('the shipped default configuration is valid', () => {
    const config = parseConfig(parse(readFileSync('config/default.yaml', 'utf8')));
    expect(config.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    expect(new Set(config.environments.map((e) => e.accountId)).size).toBe(2);
  });

  test('an unknown key is an error with a did-you-mean hint, never ignored', () => {
    const doc = {
      ...BASE,
      environments: [{ ...BASE.environments[0], pool: { clients: { web: { preset: 'spa', callbackUrl: ['https://a.example.com'] } } } }],
    };
    expect(problems(() => parseConfig(doc))).toEqual([
      'environments[0].pool.clients.web.callbackUrl: is not a known setting; received ["https://a.example.com"]. Fix: did you mean "callbackUrls"? Rename it',
    ]);
  });

  test('an unknown key without a near match lists the known ones', () => {
    expect(problems(() => parseConfig({ ...BASE, colour: 'blue' }))).toEqual([
      'colour: is not a known setting; received "blue". Fix: remove it; known settings here: $schema, bootstrap, backend, defaults, environments',
    ]);
  });

  test('wrong types, closed sets and missing settings, all at once, each with its path', () => {
    const doc = {
      backend: { bucket: 'state' },
      environments: [
        {
          name: 'dev',
          accountId: 111111111111,
          pool: { mfa: 'SOMETIMES', clients: { web: { preset: 'browser' } }, passwordPolicy: { minLength: '12' } },
        },
      ],
    };
    expect(problems(() => parseConfig(doc))).toEqual([
      'backend.region: must be a string; received nothing (not set). Fix: add it',
      'environments[0].accountId: must be a string; received 111111111111. Fix: write it as a string',
      'environments[0].pool.passwordPolicy.minLength: must be a number; received "12". Fix: write it as a number',
      'environments[0].pool.mfa: must be one of "OFF", "OPTIONAL", "REQUIRED"; received "SOMETIMES". Fix: use one of the listed values',
      'environments[0].pool.clients.web.preset: must be one of "spa", "web", "native", "machine"; received "browser". Fix: use one of the listed values',
    ]);
  });

  test('a duration needs a unit', () => {
    const doc = { ...BASE, defaults: { pool: { clients: { spa: { tokenValidity: { accessToken: '15' } } } } } };
    expect(problems(() => parseConfig(doc))).toEqual([
      'defaults.pool.clients.spa.tokenValidity.accessToken: must be a whole number and a unit: s, m, h or d (e.g. "15m", "30d"); received "15". Fix: write it in the form the rule gives',
    ]);
  });

  test('a misspelt key of a closed map (standard attributes, trigger operations) gets a did-you-mean', () => {
    const doc = {
      ...BASE,
      defaults: {
        pool: {
          standardAttributes: { given_name: {} },
          triggers: { preSignup: { handler: { functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:f' } } },
        },
      },
    };
    expect(problems(() => parseConfig(doc))).toEqual([
      expect.stringMatching(
        /^defaults\.pool\.standardAttributes\.given_name: is not one of address, .*givenName.*; received "given_name"\. Fix: did you mean "givenName"\? Rename it$/,
      ),
      expect.stringMatching(
        /^defaults\.pool\.triggers\.preSignup: is not one of preSignUp, .*; received "preSignup"\. Fix: did you mean "preSignUp"\? Rename it$/,
      ),
    ]);
  });

  test('a configuration without environments', () => {
    expect(problems(() => parseConfig({ ...BASE, environments: [] }))).toEqual([
      'environments: must have at least 1 item; received []. Fix: add one',
    ]);
  });

  test('a trigger handler must be one of the documented forms', () => {
    const doc = { ...BASE, defaults: { pool: { triggers: { preSignUp: { handler: { lambda: 'x' } } } } } };
    expect(problems(() => parseConfig(doc))).toEqual([
      'defaults.pool.triggers.preSignUp.handler: must be exactly one of { emailDomainAllowlist }, { groupClaims }, { file }, { directory, handler } or { functionArn }; received {"lambda":"x"}. Fix: use one of the documented forms (see the JSON Schema)',
    ]);
  });

  test('the committed JSON Schema is what the zod schema produces now', () => {
    expect(readFileSync('config/cognito-config.schema.json', 'utf8')).toBe(configSchemaJson());
  });
});

describe('environments', () => {
  const config = (environments: object[], defaults: object = { region: 'eu-west-1' }) =>
    configSchema.parse({ ...BASE, defaults, environments }) as AppConfig;

  test('defaults merge into each environment; objects key by key, lists and one-of settings replaced', () => {
    const [env] = resolveEnvironments(
      config(
        [
          {
            name: 'dev',
            accountId: '111111111111',
            tags: { env: 'dev' },
            pool: { passwordPolicy: { minLength: 16 }, email: { sender: 'cognito' }, clients: { spa: { callbackUrls: ['http://localhost:3000/'] } } },
          },
        ],
        {
          region: 'eu-west-1',
          deployRoleArn: 'arn:aws:iam::{accountId}:role/deploy',
          tags: { team: 'id' },
          pool: {
            passwordPolicy: { requireSymbols: false },
            email: { sender: 'ses', fromEmail: 'a@example.com' },
            clients: { spa: { preset: 'spa', callbackUrls: ['https://a.example.com/'] } },
          },
        },
      ),
    );
    expect(env).toEqual({
      index: 0,
      name: 'dev',
      accountId: '111111111111',
      region: 'eu-west-1',
      deployRoleArn: 'arn:aws:iam::111111111111:role/deploy',
      tags: { team: 'id', env: 'dev' },
      pool: {
        userPoolName: 'dev',
        passwordPolicy: { requireSymbols: false, minLength: 16 },
        email: { sender: 'cognito' },
        clients: { spa: { preset: 'spa', callbackUrls: ['http://localhost:3000/'] } },
      },
    });
  });

  test.each([
    [
      { name: 'Prod EU', accountId: '111111111111' },
      'environments[0].name: must be 1 to 64 lowercase letters, digits and inner hyphens (it names the stack, its folder and its state key); received "Prod EU". Fix: use e.g. "prod-eu"',
    ],
    [
      { name: 'dev', accountId: '1111' },
      'environments[0].accountId: must be a 12-digit AWS account id; received "1111". Fix: quote it in YAML so leading zeros survive, e.g. "012345678901"',
    ],
    [
      { name: 'dev', accountId: '111111111111', region: 'Ireland' },
      expect.stringMatching(
        /^environments\[0\]\.region: must be an AWS region \(botocore [\d.]+ data\/endpoints\.json lists \d+ in \d+ partitions\); received "Ireland"\. Fix: use one of af-south-1, /,
      ),
    ],
    [
      { name: 'dev', accountId: '111111111111', deployRoleArn: 'deploy' },
      'environments[0].deployRoleArn: must be an IAM role ARN; received "deploy". Fix: use arn:<partition>:iam::<account>:role/<name>',
    ],
    [
      { name: 'dev', accountId: '111111111111', deployRoleArn: 'arn:aws:iam::222222222222:role/deploy' },
      'environments[0].deployRoleArn: must be a role in the environment\'s own account; received "arn:aws:iam::222222222222:role/deploy". Fix: use a role of account 111111111111',
    ],
  ])('environment rule: %j', (env, message) => {
    expect(problems(() => resolveEnvironments(config([env])))).toEqual([message]);
  });

  test('a missing region, and names used twice', () => {
    expect(
      problems(() =>
        resolveEnvironments(
          config(
            [
              { name: 'a', accountId: '111111111111' },
              { name: 'a', accountId: '111111111111', region: 'eu-west-1' },
            ],
            {},
          ),
        ),
      ),
    ).toEqual([
      'environments[0].region: every environment needs a region; received nothing (not set). Fix: set region here, or defaults.region',
      'environments[1].name: must be unique (environments[0] has it too); received "a". Fix: rename one of them',
    ]);
  });

  test('selecting environments by name; an unknown name lists the known ones', () => {
    const all = resolveEnvironments(
      config([
        { name: 'dev', accountId: '111111111111' },
        { name: 'prod', accountId: '222222222222' },
      ]),
    );
    expect(selectEnvironments(all, ['prod']).map((e) => e.name)).toEqual(['prod']);
    expect(problems(() => selectEnvironments(all, ['qa']))).toEqual([
      '--env qa: is not an environment of the configuration; received "qa". Fix: use one of dev, prod',
    ]);
  });
});
