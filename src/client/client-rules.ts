import { AuthFlow, ClientPreset, LEGACY_AUTH_FLOWS, OAuthFlow, UserPoolClientProps } from './client-props';
import { checkIntegerRange, checkLength, checkMaxItems, checkPattern, checkUnique } from '../core/checks';
import { Duration } from '../core/duration';
import { isKnown, Problem } from '../core/problem';
import { FeaturePlan } from '../user-pool/enums';
import { NAME_PATTERN } from '../user-pool/user-pool-rules';
import { SCOPE_PATTERN } from './resource-server';

/** What client rules know about the pool and stack around the client. */
export interface ClientContext {
  /** The pool's feature plan. */
  readonly featurePlan: string | undefined;
  /** Whether the pool has a domain, here or managed elsewhere (the token endpoint lives there). */
  readonly hasDomain: boolean;
  /** The names of the pool's identity providers; when given, a client may list only these and COGNITO. */
  readonly identityProviderNames?: readonly string[];
}

/**
 * A client rule: a small pure function of the resolved client settings (reference: cognito-facts §2 and
 * the API constraint table). Tokens are skipped.
 */
export type ClientRule = (c: UserPoolClientProps, ctx: ClientContext) => Problem[];

/** A list's items; none for a list that is a token (Terraform checks those, as in the generated module). */
const items = <T>(list: readonly T[] | undefined): readonly T[] => (list !== undefined && isKnown(list) ? list : []);
/** Whether a list is a token, so that whether it is empty is not known either. */
const isUnknown = (list: readonly unknown[] | undefined): boolean => list !== undefined && !isKnown(list);
const has = (c: UserPoolClientProps, flow: OAuthFlow) => items(c.oAuthFlows).includes(flow);

export const clientName: ClientRule = (c) => [
  ...checkLength('clientName', c.clientName, 1, 128),
  ...checkPattern(
    'clientName',
    c.clientName,
    NAME_PATTERN,
    'may contain only letters, digits, spaces and + = , . @ -',
    'remove the other characters',
  ),
];

export const clientCredentialsAlone: ClientRule = (c) => {
  if (!has(c, OAuthFlow.CLIENT_CREDENTIALS)) return [];
  const problems: Problem[] = [];
  if (items(c.oAuthFlows).length > 1) {
    problems.push({
      path: 'oAuthFlows',
      rule: 'client_credentials must be the only OAuth flow of a client',
      received: c.oAuthFlows,
      fix: 'make a separate client (preset machine) for machine-to-machine access',
    });
  }
  if (c.generateSecret === false) {
    problems.push({
      path: 'generateSecret',
      rule: 'the client_credentials flow needs a client secret',
      received: false,
      fix: 'set generateSecret to true (or remove it: the machine preset sets it)',
    });
  }
  const standard = items(c.scopes)
    .filter((s) => s.isStandard)
    .map((s) => s.scopeName);
  if (standard.length > 0) {
    problems.push({
      path: 'scopes',
      rule: 'a client_credentials client can have resource-server scopes only (no user is signed in)',
      received: standard,
      fix: 'remove the standard scopes and use OAuthScope.resourceServer(server, scope)',
    });
  }
  return problems;
};

export const oAuthFlowsNeedDomain: ClientRule = (c, ctx) =>
  items(c.oAuthFlows).length > 0 && !ctx.hasDomain
    ? [
        {
          path: 'oAuthFlows',
          rule: `OAuth flows need a user pool domain, where the ${has(c, OAuthFlow.CLIENT_CREDENTIALS) ? 'token endpoint lives' : 'authorize and token endpoints live'}`,
          received: c.oAuthFlows,
          fix: 'add a domain to the pool: pool.addDomain("domain", { prefix: "..." }) (configuration: domain.prefix), or, when it is managed in another state, pool.useDomainManagedElsewhere() (configuration: domainManagedElsewhere: true)',
        },
      ]
    : [];

export const oAuthFlowsNeedScopes: ClientRule = (c) =>
  items(c.oAuthFlows).length > 0 && !isUnknown(c.scopes) && items(c.scopes).length === 0
    ? [
        {
          path: 'scopes',
          rule: 'a client with OAuth flows needs at least one scope',
          received: [],
          fix:
            c.preset === ClientPreset.MACHINE ? 'add a resource-server scope with OAuthScope.resourceServer(server, scope)' : 'add OAuthScope.OPENID',
        },
      ]
    : [];

export const userFlowsNeedCallbacks: ClientRule = (c) =>
  (has(c, OAuthFlow.AUTHORIZATION_CODE) || has(c, OAuthFlow.IMPLICIT)) && !isUnknown(c.callbackUrls) && items(c.callbackUrls).length === 0
    ? [
        {
          path: 'callbackUrls',
          rule: 'the code and implicit flows need at least one callback URL',
          received: [],
          fix: 'add the URL your app receives the sign-in response at, e.g. https://app.example.com/callback',
        },
      ]
    : [];

export const machineClientHasNoCallbacks: ClientRule = (c) =>
  has(c, OAuthFlow.CLIENT_CREDENTIALS) && (items(c.callbackUrls).length > 0 || items(c.logoutUrls).length > 0)
    ? [
        {
          path: 'callbackUrls',
          rule: 'a client_credentials client has no user redirects',
          received: { callbackUrls: c.callbackUrls, logoutUrls: c.logoutUrls },
          fix: 'remove callbackUrls and logoutUrls',
        },
      ]
    : [];

export const redirectUrls: ClientRule = (c) =>
  (['callbackUrls', 'logoutUrls'] as const).flatMap((key) => [
    ...checkMaxItems(key, c[key], 100),
    ...checkUnique(key, c[key]),
    ...items(c[key]).flatMap((url, i) => checkRedirectUrl(`${key}[${i}]`, url)),
  ]);

export const defaultRedirectUri: ClientRule = (c) => {
  const uri = c.defaultRedirectUri;
  if (!isKnown(uri)) return [];
  return [
    ...checkRedirectUrl('defaultRedirectUri', uri),
    ...(isUnknown(c.callbackUrls) || items(c.callbackUrls).includes(uri)
      ? []
      : [
          {
            path: 'defaultRedirectUri',
            rule: 'must be one of the callback URLs',
            received: uri,
            fix: `add it to callbackUrls, or use one of ${JSON.stringify(c.callbackUrls ?? [])}`,
          },
        ]),
  ];
};

export const scopes: ClientRule = (c) => {
  const list = items(c.scopes);
  return [
    ...checkMaxItems('scopes', list, 50),
    ...checkUnique(
      'scopes',
      list.map((s) => s.scopeName),
    ),
    ...list.flatMap((s, i) => [
      ...checkLength(`scopes[${i}]`, s.scopeName, 1, 256),
      ...checkPattern(
        `scopes[${i}]`,
        s.scopeName,
        SCOPE_PATTERN,
        'may not contain spaces, " or \\',
        'use a standard scope or <resource server>/<scope>',
      ),
      ...(s.resourceServer && !s.resourceServer.server.hasScope(s.resourceServer.name)
        ? [
            {
              path: `scopes[${i}]`,
              rule: `resource server ${s.resourceServer.server.identifier} has no scope "${s.resourceServer.name}"`,
              received: s.scopeName,
              fix: `use one of ${JSON.stringify(s.resourceServer.server.scopes.map((x) => x.scopeName))}, or add the scope to the server`,
            },
          ]
        : []),
    ]),
  ];
};

export const authFlows: ClientRule = (c, ctx) => {
  const flows = items(c.authFlows);
  const legacy = flows.filter((f) => LEGACY_AUTH_FLOWS.includes(f));
  const problems: Problem[] = [...checkUnique('authFlows', flows)];
  const known = [...LEGACY_AUTH_FLOWS, ...Object.values(AuthFlow)];
  flows.forEach((f, i) => {
    if (isKnown(f) && !known.includes(f))
      problems.push({ path: `authFlows[${i}]`, rule: `must be one of ${known.join(', ')}`, received: f, fix: 'use an AuthFlow value' });
  });
  if (legacy.length > 0 && legacy.length < flows.length) {
    problems.push({
      path: 'authFlows',
      rule: 'legacy flows (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) cannot be mixed with ALLOW_* flows',
      received: flows,
      fix: `replace ${legacy.join(', ')} with their ALLOW_* equivalents`,
    });
  }
  if (flows.includes(AuthFlow.USER_AUTH) && isKnown(ctx.featurePlan) && ctx.featurePlan === FeaturePlan.LITE) {
    problems.push({
      path: 'authFlows',
      rule: 'ALLOW_USER_AUTH needs the ESSENTIALS or PLUS feature plan',
      received: { authFlows: flows, featurePlan: ctx.featurePlan },
      fix: 'remove AuthFlow.USER_AUTH, or move the pool to ESSENTIALS',
    });
  }
  return problems;
};

/**
 * With refresh-token rotation, `ALLOW_REFRESH_TOKEN_AUTH` must be off (rotation replaces it), and a client
 * still needs a flow to sign in with (reference: cognito-facts §2; without any, AWS's default list holds
 * the refresh flow again). Without rotation the flow is added where missing (see `resolveClientProps`).
 */
export const refreshTokenFlow: ClientRule = (c) => {
  const flows = items(c.authFlows);
  if (c.refreshTokenRotation === undefined || isUnknown(c.authFlows) || flows.some((f) => LEGACY_AUTH_FLOWS.includes(f))) return [];
  if (flows.includes(AuthFlow.REFRESH_TOKEN)) {
    return [
      {
        path: 'authFlows',
        rule: 'with refresh-token rotation, ALLOW_REFRESH_TOKEN_AUTH must be off (rotation replaces it; AWS refuses both)',
        received: flows,
        fix: 'remove ALLOW_REFRESH_TOKEN_AUTH from authFlows, or remove refreshTokenRotation',
      },
    ];
  }
  return flows.length === 0
    ? [
        {
          path: 'authFlows',
          rule: 'with refresh-token rotation, the client needs a sign-in flow other than refresh',
          received: flows,
          fix: 'add e.g. ALLOW_USER_SRP_AUTH, or remove refreshTokenRotation',
        },
      ]
    : [];
};

/** API model of `EnablePropagateAdditionalUserContextData`: it needs a client secret. */
export const contextDataNeedsSecret: ClientRule = (c) =>
  c.propagateAdditionalUserContextData === true && c.generateSecret === false
    ? [
        {
          path: 'propagateAdditionalUserContextData',
          rule: 'passing additional user context data needs a client secret (AWS refuses it for a public client)',
          received: { propagateAdditionalUserContextData: true, generateSecret: false },
          fix: 'set generateSecret to true (a confidential client, e.g. preset web), or remove propagateAdditionalUserContextData',
        },
      ]
    : [];

export const tokenValidity: ClientRule = (c) => {
  const t = c.tokenValidity ?? {};
  const problems: Problem[] = [
    ...checkDuration('tokenValidity.accessToken', t.accessToken, 300, 86400, '5 minutes to 24 hours'),
    ...checkDuration('tokenValidity.idToken', t.idToken, 300, 86400, '5 minutes to 24 hours'),
    ...checkDuration('tokenValidity.refreshToken', t.refreshToken, 3600, 315360000, '60 minutes to 3650 days'),
  ];
  const refresh = t.refreshToken?.toSeconds();
  for (const key of ['accessToken', 'idToken'] as const) {
    const seconds = t[key]?.toSeconds();
    if (seconds !== undefined && refresh !== undefined && seconds > refresh) {
      problems.push({
        path: `tokenValidity.${key}`,
        rule: 'must not be longer than the refresh token',
        received: { [key]: t[key], refreshToken: t.refreshToken },
        fix: `shorten ${key} or lengthen refreshToken`,
      });
    }
  }
  return problems;
};

export const sessionAndRotation: ClientRule = (c) => [
  ...checkIntegerRange('authSessionValidityMinutes', c.authSessionValidityMinutes, 3, 15),
  ...checkIntegerRange('refreshTokenRotation.retryGracePeriodSeconds', c.refreshTokenRotation?.retryGracePeriodSeconds, 0, 60),
];

export const identityProviders: ClientRule = (c, ctx) =>
  items(c.identityProviders).flatMap((p, i) => {
    const known = ctx.identityProviderNames;
    const unknown = known !== undefined && isKnown(p) && p !== 'COGNITO' && !known.includes(p);
    return [
      ...checkLength(`identityProviders[${i}]`, p, 1, 32),
      ...(unknown
        ? [
            {
              path: `identityProviders[${i}]`,
              rule: 'names no identity provider of the pool',
              received: p,
              fix: `use one of ${['COGNITO', ...known].join(', ')}, or add the provider to the pool`,
            },
          ]
        : []),
    ];
  });

/** A reader of a handed-off secret: a 12-digit account id, or an IAM role or user ARN. */
export const HAND_OFF_READER = /^(\d{12}|arn:[\w-]+:iam::\d{12}:(role|user)\/[\w+=,.@/-]+)$/;

export const secretHandOff: ClientRule = (c) => {
  const h = c.secretHandOff;
  if (!h) return [];
  const problems: Problem[] = [];
  // Token-aware: the module's settings are Terraform expressions, checked by its validations instead.
  if (isKnown(c.generateSecret) && c.generateSecret !== true) {
    problems.push({
      path: 'secretHandOff',
      rule: 'only a client with a secret has credentials to hand off',
      received: { generateSecret: c.generateSecret },
      fix: 'use the machine or web preset, or remove secretHandOff',
    });
  }
  const readers = items(h.readers);
  if (isKnown(h.readers) && h.readers.length === 0) {
    problems.push({
      path: 'secretHandOff.readers',
      rule: 'must name at least one reader',
      received: [],
      fix: 'add the account id or role ARN that reads the secret',
    });
  }
  readers.forEach((r, i) =>
    problems.push(
      ...checkPattern(
        `secretHandOff.readers[${i}]`,
        r,
        HAND_OFF_READER,
        'must be a 12-digit account id or an IAM role or user ARN',
        'use e.g. 444455556666 or arn:aws:iam::444455556666:role/api',
      ),
    ),
  );
  return problems;
};

/** Every client rule, in the order their problems are reported. */
export const CLIENT_RULES: readonly ClientRule[] = [
  clientName,
  clientCredentialsAlone,
  oAuthFlowsNeedDomain,
  oAuthFlowsNeedScopes,
  userFlowsNeedCallbacks,
  machineClientHasNoCallbacks,
  redirectUrls,
  defaultRedirectUri,
  scopes,
  authFlows,
  refreshTokenFlow,
  contextDataNeedsSecret,
  tokenValidity,
  sessionAndRotation,
  identityProviders,
  secretHandOff,
];

/** Runs every client rule. */
export function checkClient(c: UserPoolClientProps, ctx: ClientContext): Problem[] {
  return CLIENT_RULES.flatMap((rule) => rule(c, ctx));
}

/** Schemes that run code or read local files where a browser follows the redirect. */
const UNSAFE_SCHEMES = ['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:'];

/**
 * An absolute URL without a fragment: HTTPS, plain HTTP to localhost only, or a custom scheme (native
 * apps). What AWS accepts, checked before apply; and, as AWS advises against them, no scheme that runs
 * code or reads files, no wildcard host and no user name or password in the URL.
 */
export function checkRedirectUrl(path: string, url: string): Problem[] {
  if (!isKnown(url)) return [];
  const problems = checkLength(path, url, 1, 1024);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [...problems, { path, rule: 'must be an absolute URL', received: url, fix: 'use a full URL such as https://app.example.com/callback' }];
  }
  if (UNSAFE_SCHEMES.includes(parsed.protocol.toLowerCase())) {
    return [
      ...problems,
      {
        path,
        rule: `must not use the ${parsed.protocol} scheme (it runs code or reads local files where the browser is sent)`,
        received: url,
        fix: "use https://, http://localhost, or your app's own custom scheme (myapp://callback)",
      },
    ];
  }
  if (url.includes('#')) problems.push({ path, rule: 'must not contain a fragment (#)', received: url, fix: 'remove the # and what follows it' });
  if (parsed.protocol === 'http:' && parsed.hostname !== 'localhost') {
    problems.push({
      path,
      rule: 'plain http is allowed only for http://localhost',
      received: url,
      fix: `use https://${url.slice('http://'.length)}`,
    });
  }
  if (parsed.hostname.includes('*') || /^[a-z][\w+.-]*:\/\/[^/?#]*\*/i.test(url)) {
    problems.push({
      path,
      rule: 'must not have a wildcard host (Cognito matches redirect URLs exactly)',
      received: url,
      fix: 'list each host in full, e.g. https://app.example.com/callback',
    });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    problems.push({
      path,
      rule: 'must not contain a user name or password (user info before @)',
      received: url,
      fix: `remove the user info: ${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`,
    });
  }
  return problems;
}

function checkDuration(path: string, d: Duration | undefined, min: number, max: number, range: string): Problem[] {
  const seconds = d?.toSeconds();
  if (seconds === undefined || (seconds >= min && seconds <= max && Number.isInteger(d!.amount))) return [];
  return [{ path, rule: `must be a whole number of units from ${range}`, received: d!.toString(), fix: `use a duration from ${range}` }];
}
