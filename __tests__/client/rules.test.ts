import { AuthFlow, ClientPreset, Duration, formatProblem, OAuthFlow, OAuthScope, ResourceServerScope, UserPoolClientProps } from '../../src';
import * as rules from '../../src/client/client-rules';
import { resolveClientProps } from '../../src/client/presets';
import { UserPoolResourceServer } from '../../src/client/resource-server';
import { testStack, validationErrors } from '../support/stack';
import { poolWithApi } from './fixtures';

const CTX: rules.ClientContext = { featurePlan: 'ESSENTIALS', hasDomain: true };
const { api, read } = poolWithApi();
const ORDERS_READ = OAuthScope.resourceServer(api, read);
const SPA: UserPoolClientProps = { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'] };
const MACHINE: UserPoolClientProps = { preset: ClientPreset.MACHINE, scopes: [ORDERS_READ] };

function check(rule: rules.ClientRule, props: UserPoolClientProps, ctx = CTX): string[] {
  return rule(resolveClientProps({ clientName: 'c', ...props }), ctx).map((p) => formatProblem(p));
}

const CASES: {
  name: keyof typeof rules;
  ok: UserPoolClientProps;
  bad: UserPoolClientProps;
  says: RegExp;
  /** The context of the failing case (the passing one has a domain and ESSENTIALS). */ ctx?: rules.ClientContext;
}[] = [
  { name: 'clientName', ok: { clientName: 'orders api' }, bad: { clientName: 'orders/api' }, says: /^clientName: may contain only letters/ },
  {
    name: 'clientCredentialsAlone',
    ok: MACHINE,
    bad: { ...MACHINE, oAuthFlows: [OAuthFlow.CLIENT_CREDENTIALS, OAuthFlow.AUTHORIZATION_CODE] },
    says: /^oAuthFlows: client_credentials must be the only OAuth flow of a client; received \["client_credentials","code"\]/,
  },
  {
    name: 'clientCredentialsAlone',
    ok: MACHINE,
    bad: { ...MACHINE, generateSecret: false },
    says: /^generateSecret: the client_credentials flow needs a client secret; received false/,
  },
  {
    name: 'clientCredentialsAlone',
    ok: MACHINE,
    bad: { ...MACHINE, scopes: [ORDERS_READ, OAuthScope.OPENID] },
    says: /^scopes: a client_credentials client can have resource-server scopes only .*; received \["openid"\]/,
  },
  {
    name: 'oAuthFlowsNeedDomain',
    ok: MACHINE,
    bad: MACHINE,
    ctx: { ...CTX, hasDomain: false },
    says: /^oAuthFlows: OAuth flows need a user pool domain, where the token endpoint lives; received \["client_credentials"\]\. Fix: add a domain/,
  },
  {
    name: 'oAuthFlowsNeedScopes',
    ok: MACHINE,
    bad: { preset: ClientPreset.MACHINE },
    says: /^scopes: a client with OAuth flows needs at least one scope; received \[\]\. Fix: add a resource-server scope/,
  },
  {
    name: 'userFlowsNeedCallbacks',
    ok: SPA,
    bad: { preset: ClientPreset.SPA },
    says: /^callbackUrls: the code and implicit flows need at least one callback URL/,
  },
  {
    name: 'machineClientHasNoCallbacks',
    ok: MACHINE,
    bad: { ...MACHINE, callbackUrls: ['https://x.example.com/'] },
    says: /^callbackUrls: a client_credentials client has no user redirects/,
  },
  {
    name: 'redirectUrls',
    ok: { ...SPA, callbackUrls: ['http://localhost:3000/cb', 'myapp://cb'] },
    bad: { ...SPA, callbackUrls: ['https://app.example.com/cb#token'] },
    says: /^callbackUrls\[0\]: must not contain a fragment \(#\); received "https:\/\/app\.example\.com\/cb#token"/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, callbackUrls: ['http://app.example.com/cb'] },
    says: /^callbackUrls\[0\]: plain http is allowed only for http:\/\/localhost; received "http:\/\/app\.example\.com\/cb"\. Fix: use https:\/\/app\.example\.com\/cb/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, logoutUrls: ['/signed-out'] },
    says: /^logoutUrls\[0\]: must be an absolute URL; received "\/signed-out"/,
  },
  {
    name: 'redirectUrls',
    ok: { ...SPA, callbackUrls: Array.from({ length: 100 }, (_, i) => `https://a.example.com/${i}`) },
    bad: { ...SPA, callbackUrls: Array.from({ length: 101 }, (_, i) => `https://a.example.com/${i}`) },
    says: /^callbackUrls: must have at most 100 items \(it has 101\)/,
  },
  {
    name: 'defaultRedirectUri',
    ok: { ...SPA, defaultRedirectUri: 'https://app.example.com/cb' },
    bad: { ...SPA, defaultRedirectUri: 'https://other.example.com/cb' },
    says: /^defaultRedirectUri: must be one of the callback URLs; received "https:\/\/other\.example\.com\/cb"/,
  },
  {
    name: 'scopes',
    ok: { ...SPA, scopes: [OAuthScope.OPENID, OAuthScope.custom('x/y')] },
    bad: { ...SPA, scopes: Array.from({ length: 51 }, (_, i) => OAuthScope.custom(`s/${i}`)) },
    says: /^scopes: must have at most 50 items \(it has 51\)/,
  },
  {
    name: 'scopes',
    ok: MACHINE,
    bad: { ...MACHINE, scopes: [OAuthScope.resourceServer(api, 'raed')] },
    says: /^scopes\[0\]: resource server https:\/\/orders\.example\.com has no scope "raed"; received "https:\/\/orders\.example\.com\/raed"\. Fix: use one of \["read","write"\]/,
  },
  { name: 'scopes', ok: SPA, bad: { ...SPA, scopes: [OAuthScope.custom('has space')] }, says: /^scopes\[0\]: may not contain spaces/ },
  {
    name: 'authFlows',
    ok: { authFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] },
    bad: { authFlows: ['USER_PASSWORD_AUTH', AuthFlow.REFRESH_TOKEN] },
    says: /^authFlows: legacy flows .* cannot be mixed with ALLOW_\* flows; received \["USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"\]/,
  },
  {
    name: 'authFlows',
    ok: { authFlows: [AuthFlow.USER_AUTH] },
    bad: { authFlows: [AuthFlow.USER_AUTH] },
    ctx: { ...CTX, featurePlan: 'LITE' },
    says: /^authFlows: ALLOW_USER_AUTH needs the ESSENTIALS or PLUS feature plan/,
  },
  { name: 'authFlows', ok: { authFlows: [AuthFlow.CUSTOM] }, bad: { authFlows: ['ALLOW_EVERYTHING'] }, says: /^authFlows\[0\]: must be one of/ },
  {
    name: 'refreshTokenFlow',
    ok: { refreshTokenRotation: { retryGracePeriodSeconds: 5 } },
    bad: { authFlows: [AuthFlow.USER_SRP, AuthFlow.REFRESH_TOKEN], refreshTokenRotation: { retryGracePeriodSeconds: 5 } },
    says: /^authFlows: with refresh-token rotation, ALLOW_REFRESH_TOKEN_AUTH must be off \(rotation replaces it; AWS refuses both\); received \["ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"\]/,
  },
  {
    name: 'refreshTokenFlow',
    ok: { ...SPA, refreshTokenRotation: { retryGracePeriodSeconds: 0 } },
    bad: { ...MACHINE, refreshTokenRotation: { retryGracePeriodSeconds: 0 } },
    says: /^authFlows: with refresh-token rotation, the client needs a sign-in flow other than refresh; received \[\]/,
  },
  {
    name: 'contextDataNeedsSecret',
    ok: { preset: ClientPreset.WEB, callbackUrls: ['https://app.example.com/cb'], propagateAdditionalUserContextData: true },
    bad: { ...SPA, propagateAdditionalUserContextData: true },
    says: /^propagateAdditionalUserContextData: passing additional user context data needs a client secret .*; received \{"propagateAdditionalUserContextData":true,"generateSecret":false\}/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, callbackUrls: ['javascript:alert(1)'] },
    says: /^callbackUrls\[0\]: must not use the javascript: scheme/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, logoutUrls: ['data:text/html,<script>x</script>'] },
    says: /^logoutUrls\[0\]: must not use the data: scheme/,
  },
  { name: 'redirectUrls', ok: SPA, bad: { ...SPA, callbackUrls: ['file:///etc/passwd'] }, says: /^callbackUrls\[0\]: must not use the file: scheme/ },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, callbackUrls: ['vbscript:msgbox(1)'] },
    says: /^callbackUrls\[0\]: must not use the vbscript: scheme/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, callbackUrls: ['https://*.example.com/cb'] },
    says: /^callbackUrls\[0\]: must not have a wildcard host/,
  },
  {
    name: 'redirectUrls',
    ok: SPA,
    bad: { ...SPA, callbackUrls: ['https://user:pass@app.example.com/cb'] },
    says: /^callbackUrls\[0\]: must not contain a user name or password \(user info before @\); received "https:\/\/user:pass@app\.example\.com\/cb"\. Fix: remove the user info: https:\/\/app\.example\.com\/cb/,
  },
  {
    name: 'tokenValidity',
    ok: { tokenValidity: { accessToken: Duration.minutes(5), idToken: Duration.hours(24) } },
    bad: { tokenValidity: { accessToken: Duration.minutes(4) } },
    says: /^tokenValidity\.accessToken: must be a whole number of units from 5 minutes to 24 hours; received "4 minutes"/,
  },
  {
    name: 'tokenValidity',
    ok: { tokenValidity: { refreshToken: Duration.days(3650) } },
    bad: { tokenValidity: { refreshToken: Duration.days(3651) } },
    says: /^tokenValidity\.refreshToken: must be a whole number of units from 60 minutes to 3650 days; received "3651 days"/,
  },
  {
    name: 'tokenValidity',
    ok: { tokenValidity: { idToken: Duration.hours(1), refreshToken: Duration.hours(1) } },
    bad: { tokenValidity: { idToken: Duration.hours(2), refreshToken: Duration.hours(1) } },
    says: /^tokenValidity\.idToken: must not be longer than the refresh token; received \{"idToken":"2 hours","refreshToken":"1 hours"\}/,
  },
  {
    name: 'sessionAndRotation',
    ok: { authSessionValidityMinutes: 15 },
    bad: { authSessionValidityMinutes: 16 },
    says: /^authSessionValidityMinutes: must be a whole number from 3 to 15; received 16/,
  },
  {
    name: 'sessionAndRotation',
    ok: { refreshTokenRotation: { retryGracePeriodSeconds: 60 } },
    bad: { refreshTokenRotation: { retryGracePeriodSeconds: 61 } },
    says: /^refreshTokenRotation\.retryGracePeriodSeconds: must be a whole number from 0 to 60; received 61/,
  },
  {
    name: 'identityProviders',
    ok: { identityProviders: ['COGNITO', 'Google'] },
    bad: { identityProviders: ['x'.repeat(33)] },
    says: /^identityProviders\[0\]: must be 1 to 32 characters long/,
  },
  {
    name: 'secretHandOff',
    ok: { ...MACHINE, secretHandOff: { readers: ['444455556666'] } },
    bad: { ...SPA, secretHandOff: { readers: ['444455556666'] } },
    says: /^secretHandOff: only a client with a secret has credentials to hand off; received \{"generateSecret":false\}/,
  },
  {
    name: 'secretHandOff',
    ok: { ...MACHINE, secretHandOff: { readers: ['arn:aws-us-gov:iam::444455556666:role/reader'] } },
    bad: { ...MACHINE, secretHandOff: { readers: ['*'] } },
    says: /^secretHandOff\.readers\[0\]: must be a 12-digit account id or an IAM role or user ARN; received "\*"/,
  },
];

describe.each(CASES)('client rule $name', ({ name, ok, bad, says, ctx }) => {
  const rule = rules[name] as rules.ClientRule;
  test(`passes ${JSON.stringify(ok).slice(0, 80)}`, () => expect(check(rule, ok)).toEqual([]));
  test(`fails ${JSON.stringify(bad).slice(0, 80)}`, () => expect(check(rule, bad, ctx)).toEqual([expect.stringMatching(says)]));
});

test('every client rule has a passing and a failing case', () => {
  const tested = new Set(CASES.map((c) => c.name));
  const all = Object.entries(rules)
    .filter(([, v]) => rules.CLIENT_RULES.includes(v as rules.ClientRule))
    .map(([k]) => k);
  expect(all).toHaveLength(rules.CLIENT_RULES.length);
  expect(all.filter((n) => !tested.has(n as keyof typeof rules))).toEqual([]);
});

describe('in a stack', () => {
  test('a machine client on a pool without a domain fails synth, naming the client', () => {
    const stack = testStack();
    const { pool } = poolWithApi(stack);
    const bare = new (pool.constructor as any)(stack, 'bare', { userPoolName: 'bare' });
    const server: UserPoolResourceServer = bare.addResourceServer('api', {
      identifier: 'https://x.example.com',
      scopes: [new ResourceServerScope('r', 'R')],
    });
    bare.addClient('m2m', { preset: ClientPreset.MACHINE, scopes: [OAuthScope.resourceServer(server, 'r')] });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/^\s*\[test\/bare\/m2m\] oAuthFlows: OAuth flows need a user pool domain/)]);
  });

  test('a domain added after the client satisfies the rule', () => {
    const stack = testStack();
    const { pool, api, read } = poolWithApi(stack);
    pool.addClient('m2m', { preset: ClientPreset.MACHINE, scopes: [OAuthScope.resourceServer(api, read)] });
    expect(validationErrors(stack)).toEqual([]);
  });
});
