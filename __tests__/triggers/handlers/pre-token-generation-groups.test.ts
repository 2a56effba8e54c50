import type { GroupOverrideDetailsV2, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { loadWithEnv } from './load-with-env';
import {
  ConfigurationError,
  createHandler,
  createLambdaHandler,
  Environment,
  GroupClaimsConfig,
  grantsForGroups,
  parseConfig,
  UNAVAILABLE_MESSAGE,
} from '../../../src/triggers/handlers/pre-token-generation-groups';

type TriggerSource = PreTokenGenerationV2TriggerEvent['triggerSource'];

const TRIGGER_SOURCES: TriggerSource[] = [
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
];

const GROUP_SCOPES = '{"admins":["api/admin","api/read"],"readers":["api/read"]}';

/** Jane's groups, with the IAM roles Cognito derives from them. */
const JANES_GROUPS: GroupOverrideDetailsV2 = {
  groupsToOverride: ['readers', 'admins'],
  iamRolesToOverride: ['arn:aws:iam::123456789012:role/readers', 'arn:aws:iam::123456789012:role/admins'],
  preferredRole: 'arn:aws:iam::123456789012:role/admins',
};

/**
 * A `V2_0` pre token generation event in the shape of the Cognito developer guide: the common trigger parameters,
 * then the request (user attributes, group configuration, requested scopes) and an empty response.
 */
function tokenEvent(triggerSource: TriggerSource, groupConfiguration: GroupOverrideDetailsV2 = JANES_GROUPS): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource,
    region: 'us-east-1',
    userPoolId: 'us-east-1_EXAMPLE',
    userName: 'JaneDoe',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
    request: {
      userAttributes: {
        sub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
        'cognito:user_status': 'CONFIRMED',
        email_verified: 'true',
        email: 'jane.doe@example.com',
      },
      groupConfiguration,
      scopes: ['aws.cognito.signin.user.admin', 'openid', 'email'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

/** The problems an environment is refused for. */
function problemsOf(env: Environment): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

/** A configuration from the variables given, on top of a valid `GROUP_SCOPES`. */
function config(env: Environment = {}): GroupClaimsConfig {
  return parseConfig({ GROUP_SCOPES, ...env });
}

describe('parseConfig', () => {
  it('reads GROUP_SCOPES in its written order, with the default groups claim and no role claim', () => {
    const parsed = config();

    expect([...parsed.groupScopes]).toEqual([
      ['admins', ['api/admin', 'api/read']],
      ['readers', ['api/read']],
    ]);
    expect(parsed.groupsClaim).toBe('groups');
    expect(parsed.roleClaim).toBeUndefined();
  });

  it('trims names, and counts blank ones as unset', () => {
    expect(config({ GROUPS_CLAIM: ' teams ', ROLE_CLAIM: ' role\n' })).toMatchObject({ groupsClaim: 'teams', roleClaim: 'role' });
    expect(config({ GROUPS_CLAIM: '  ', ROLE_CLAIM: '' })).toEqual(config());
  });

  it('accepts {} (no scopes) and URL resource server identifiers', () => {
    expect(parseConfig({ GROUP_SCOPES: '{}' }).groupScopes.size).toBe(0);
    expect(parseConfig({ GROUP_SCOPES: '{"admins":["https://api.example.com/admin"]}' }).groupScopes.get('admins')).toEqual([
      'https://api.example.com/admin',
    ]);
  });

  it('refuses an unset GROUP_SCOPES', () => {
    expect(problemsOf({})).toEqual([
      'GROUP_SCOPES: must be set; received nothing (not set). Fix: set it to a JSON object from group name to scopes, e.g. {"admins":["api/admin","api/read"],"readers":["api/read"]}, or {} to add no scopes.',
    ]);
  });

  it('refuses GROUP_SCOPES that is not JSON, quoting the parser and the value', () => {
    const [only, ...others] = problemsOf({ GROUP_SCOPES: "{admins: ['api/admin']}" });

    expect(others).toEqual([]);
    expect(only).toMatch(/^GROUP_SCOPES: must be valid JSON \(.+\); received "\{admins: \['api\/admin'\]\}"\. Fix: write a JSON object such as /);
  });

  it.each(['["api/admin"]', 'null', '"admins"', '42'])('refuses GROUP_SCOPES %s, which is not a JSON object', (value) => {
    expect(problemsOf({ GROUP_SCOPES: value })).toEqual([
      `GROUP_SCOPES: must be a JSON object from group name to a list of scopes; received ${JSON.stringify(value)}. Fix: write it like {"admins":["api/admin","api/read"],"readers":["api/read"]}.`,
    ]);
  });

  it('refuses scopes that are not a list', () => {
    expect(problemsOf({ GROUP_SCOPES: '{"admins":"api/admin"}' })).toEqual([
      'GROUP_SCOPES: the scopes of group "admins" must be a JSON array of strings; received "api/admin". Fix: write them as a list, e.g. {"admins":["api/read"]}.',
    ]);
  });

  it.each([
    ['openid', '"openid"'],
    ['aws.cognito.signin.user.admin', '"aws.cognito.signin.user.admin"'],
    ['api/read write', '"api/read write"'],
    ['api/', '"api/"'],
    ['/read', '"/read"'],
    ['api/a\\"b', '"api/a\\"b"'],
    ['', '""'],
  ])('refuses the scope %j, which is not a custom scope', (scope, shown) => {
    expect(problemsOf({ GROUP_SCOPES: `{"admins":["api/admin","${scope}"]}` })).toEqual([
      `GROUP_SCOPES: the scopes of group "admins" must be custom scopes "<resource server identifier>/<scope name>" without blanks; standard scopes stay under the app client's control; received ${shown}. Fix: use a scope of one of your resource servers, such as "api/read".`,
    ]);
  });

  it('refuses scopes that are not strings', () => {
    expect(problemsOf({ GROUP_SCOPES: '{"admins":[42]}' })).toEqual([
      expect.stringMatching(/^GROUP_SCOPES: the scopes of group "admins" must be custom scopes .*; received 42\. Fix: /),
    ]);
  });

  it.each([' admins', 'team admins', '', 'a'.repeat(129)])('refuses the group name %j, which Cognito would never send', (group) => {
    expect(problemsOf({ GROUP_SCOPES: JSON.stringify({ [group]: ['api/read'] }) })).toEqual([
      `GROUP_SCOPES: group names must be Cognito group names: 1 to 128 letters, digits, symbols or punctuation, no blanks; received ${JSON.stringify(group)}. Fix: use the group's exact name, as the user pool shows it.`,
    ]);
  });

  it('accepts non-ASCII and punctuated group names', () => {
    expect([...config({ GROUP_SCOPES: '{"équipe-ventes":[],"us-east-1_EXAMPLE_Google":["api/read"]}' }).groupScopes.keys()]).toEqual([
      'équipe-ventes',
      'us-east-1_EXAMPLE_Google',
    ]);
  });

  it('refuses whole-number group names only while ROLE_CLAIM relies on the order', () => {
    const env = { GROUP_SCOPES: '{"admins":["api/admin"],"42":["api/read"]}' };

    expect(parseConfig(env).groupScopes.has('42')).toBe(true);
    expect(problemsOf({ ...env, ROLE_CLAIM: 'role' })).toEqual([
      'GROUP_SCOPES: group names must not be whole numbers while ROLE_CLAIM is set, as JSON objects don\'t keep such names in their written order; received "42". Fix: unset ROLE_CLAIM, or map only groups whose names aren\'t numbers.',
    ]);
  });

  it.each([
    'sub',
    'iss',
    'aud',
    'exp',
    'iat',
    'nbf',
    'jti',
    'auth_time',
    'token_use',
    'origin_jti',
    'event_id',
    'client_id',
    'username',
    'scope',
    'version',
    'identities',
    'nonce',
    'acr',
    'amr',
    'azp',
    'at_hash',
    'device_key',
    'cognito:groups',
    'cognito:roles',
    'cognito:preferred_role',
    'cognito:username',
    'cognito:anything',
    'Sub',
    'COGNITO:groups',
  ])('refuses %j as GROUPS_CLAIM or ROLE_CLAIM: Cognito issues it', (name) => {
    const rule = "must not name a claim that Cognito issues itself and won't let a trigger add or override";
    const fix = 'Fix: choose a name of your own, such as "groups", "role" or a namespaced one like "https://example.com/groups".';

    expect(problemsOf({ GROUP_SCOPES, GROUPS_CLAIM: name })).toEqual([`GROUPS_CLAIM: ${rule}; received ${JSON.stringify(name)}. ${fix}`]);
    expect(problemsOf({ GROUP_SCOPES, ROLE_CLAIM: name })).toEqual([`ROLE_CLAIM: ${rule}; received ${JSON.stringify(name)}. ${fix}`]);
  });

  it.each(['email', 'email_verified', 'phone_number', 'name', 'address', 'updated_at', 'custom:role', 'dev:role', 'Email'])(
    'refuses the user attribute claim %j as a claim name',
    (name) => {
      expect(problemsOf({ GROUP_SCOPES, ROLE_CLAIM: name })).toEqual([
        `ROLE_CLAIM: must not name a user attribute claim: overriding it would make the token contradict the user's profile; received ${JSON.stringify(name)}. Fix: choose a name of your own, such as "groups", "role" or a namespaced one like "https://example.com/groups".`,
      ]);
    },
  );

  it.each(['my groups', 'grüppen', 'groups\tx'])('refuses the claim name %j, which is not printable ASCII without blanks', (name) => {
    expect(problemsOf({ GROUP_SCOPES, GROUPS_CLAIM: name })).toEqual([
      `GROUPS_CLAIM: must be a claim name of printable ASCII characters without blanks; received ${JSON.stringify(name)}. Fix: choose a name of your own, such as "groups", "role" or a namespaced one like "https://example.com/groups".`,
    ]);
  });

  it('refuses a role claim that would overwrite the groups claim', () => {
    expect(problemsOf({ GROUP_SCOPES, ROLE_CLAIM: 'Groups' })).toEqual([
      'ROLE_CLAIM: must differ from the groups claim "groups", or one claim would overwrite the other; received "Groups". Fix: choose another name, such as "role".',
    ]);
  });

  it('reports the problems of every variable at once, under one heading', () => {
    expect(() => parseConfig({ GROUPS_CLAIM: 'sub', ROLE_CLAIM: 'cognito:role', GROUP_SCOPES: '{"admins":["openid"]}' })).toThrow(
      /^Invalid configuration of the pre token generation groups trigger \(3 problems\):\n {2}- GROUPS_CLAIM: .*\n {2}- ROLE_CLAIM: .*\n {2}- GROUP_SCOPES: .*"openid"/,
    );
  });
});

describe('grantsForGroups', () => {
  it("adds the sorted union of the groups' scopes, without duplicates", () => {
    const parsed = config({
      GROUP_SCOPES: '{"editors":["api/write","api/read"],"readers":["api/read","api/list"],"admins":["api/admin","api/read"]}',
    });

    expect(grantsForGroups(['readers', 'editors', 'admins'], parsed).scopes).toEqual(['api/admin', 'api/list', 'api/read', 'api/write']);
    expect(grantsForGroups(['editors'], parsed).scopes).toEqual(['api/read', 'api/write']);
  });

  it("lists every group in the groups claim, in Cognito's order, while unknown groups add no scope", () => {
    expect(grantsForGroups(['staff', 'readers', 'unknown'], config())).toEqual({
      claims: { groups: ['staff', 'readers', 'unknown'] },
      scopes: ['api/read'],
    });
    expect(grantsForGroups(['staff'], config())).toEqual({ claims: { groups: ['staff'] }, scopes: [] });
  });

  it('gives a user without groups an empty groups claim and no scopes', () => {
    expect(grantsForGroups([], config({ GROUPS_CLAIM: 'teams', ROLE_CLAIM: 'role' }))).toEqual({ claims: { teams: [] }, scopes: [] });
  });

  it('names the role after the first group, in GROUP_SCOPES order, that the user is in', () => {
    const adminsFirst = config({ ROLE_CLAIM: 'role' });
    const readersFirst = config({ ROLE_CLAIM: 'role', GROUP_SCOPES: '{"readers":["api/read"],"admins":["api/admin"]}' });

    expect(grantsForGroups(['staff', 'readers', 'admins'], adminsFirst).claims).toEqual({ groups: ['staff', 'readers', 'admins'], role: 'admins' });
    expect(grantsForGroups(['staff', 'admins', 'readers'], readersFirst).claims).toEqual({ groups: ['staff', 'admins', 'readers'], role: 'readers' });
    expect(grantsForGroups(['staff'], adminsFirst).claims).toEqual({ groups: ['staff'] });
  });

  it('only ever puts group names in claim values, never in claim names', () => {
    const parsed = config({ ROLE_CLAIM: 'role', GROUP_SCOPES: '{"sub":["api/read"],"cognito:groups":[]}' });

    const { claims } = grantsForGroups(['sub', 'cognito:groups', 'iss', 'token_use'], parsed);

    expect(Object.keys(claims)).toEqual(['groups', 'role']);
    expect(claims).toEqual({ groups: ['sub', 'cognito:groups', 'iss', 'token_use'], role: 'sub' });
  });
});

describe('createHandler', () => {
  const handle = createHandler({ GROUP_SCOPES, GROUPS_CLAIM: 'https://example.com/groups', ROLE_CLAIM: 'role' });

  it.each(TRIGGER_SOURCES)('for %s, adds the claims to both tokens and the scopes to the access token, keeping the groups', async (source) => {
    const event = tokenEvent(source);

    const result = await handle(event);

    const claims = { 'https://example.com/groups': ['readers', 'admins'], role: 'admins' };
    expect(result).toEqual({
      ...event,
      response: {
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: claims },
          accessTokenGeneration: { claimsToAddOrOverride: claims, scopesToAdd: ['api/admin', 'api/read'] },
          groupOverrideDetails: JANES_GROUPS,
        },
      },
    });
  });

  it.each(TRIGGER_SOURCES)('for %s, handles a user without groups', async (source) => {
    const noGroups: GroupOverrideDetailsV2 = { groupsToOverride: [], iamRolesToOverride: [] };

    const result = await handle(tokenEvent(source, noGroups));

    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: { 'https://example.com/groups': [] } },
      accessTokenGeneration: { claimsToAddOrOverride: { 'https://example.com/groups': [] }, scopesToAdd: [] },
      groupOverrideDetails: noGroups,
    });
  });

  it('handles a group configuration without a groups list', async () => {
    const result = await handle(tokenEvent('TokenGeneration_RefreshTokens', {}));

    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { 'https://example.com/groups': [] },
      scopesToAdd: [],
    });
  });

  it("replaces the empty array that the guide's sample event carries as claimsAndScopeOverrideDetails", async () => {
    const sample = { ...tokenEvent('TokenGeneration_Authentication'), response: { claimsAndScopeOverrideDetails: [] } };

    const result = await handle(sample as unknown as PreTokenGenerationV2TriggerEvent);

    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd).toEqual(['api/admin', 'api/read']);
  });

  it('leaves the event it was given untouched', async () => {
    const event = tokenEvent('TokenGeneration_HostedAuth');
    const before = structuredClone(event);

    await handle(event);

    expect(event).toEqual(before);
  });

  it('fails for a trigger source outside V2_0 user authentication, naming it', async () => {
    const event = { ...tokenEvent('TokenGeneration_Authentication'), triggerSource: 'TokenGeneration_ClientCredentials' };

    await expect(handle(event as unknown as PreTokenGenerationV2TriggerEvent)).rejects.toThrow(
      'Unsupported trigger source "TokenGeneration_ClientCredentials": attach this function as a pre token generation trigger with event version V2_0',
    );
  });

  it('throws the configuration error when the environment is invalid', () => {
    expect(() => createHandler({ GROUP_SCOPES, GROUPS_CLAIM: 'token_use' })).toThrow(ConfigurationError);
  });
});

describe('createLambdaHandler', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('works like createHandler when the environment is valid', async () => {
    const result = await createLambdaHandler({ GROUP_SCOPES })(tokenEvent('TokenGeneration_Authentication'));

    expect(result.response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride).toEqual({ groups: ['readers', 'admins'] });
  });

  it('with an invalid environment, logs the problems and fails every token request without showing the configuration', async () => {
    const handle = createLambdaHandler({ GROUP_SCOPES: '{"admins":["openid"]}' });

    const failure = handle(tokenEvent('TokenGeneration_Authentication'));

    await expect(failure).rejects.toThrow(new Error(UNAVAILABLE_MESSAGE));
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('GROUP_SCOPES: the scopes of group "admins" must be custom scopes'));
  });
});

describe('handler', () => {
  /** The module's `handler`, loaded afresh with `GROUP_SCOPES` set to `value` and the other variables unset. */
  function loadHandler(value: string | undefined): typeof import('../../../src/triggers/handlers/pre-token-generation-groups').handler {
    return loadWithEnv(() => require('../../../src/triggers/handlers/pre-token-generation-groups').handler, {
      GROUP_SCOPES: value,
      GROUPS_CLAIM: undefined,
      ROLE_CLAIM: undefined,
    });
  }

  it('is configured from process.env when the module loads', async () => {
    const result = await loadHandler('{"readers":["api/read"]}')(tokenEvent('TokenGeneration_HostedAuth'));

    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd).toEqual(['api/read']);
  });

  it('loads without GROUP_SCOPES, then fails closed at each invocation', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(loadHandler(undefined)(tokenEvent('TokenGeneration_HostedAuth'))).rejects.toThrow(UNAVAILABLE_MESSAGE);
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('GROUP_SCOPES: must be set'));
    } finally {
      consoleError.mockRestore();
    }
  });
});
