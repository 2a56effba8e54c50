/**
 * Pre token generation trigger, event version `V2_0`: adds the user's groups as a claim (and optionally their role)
 * to the ID and access tokens, and adds to the access token the scopes that their groups grant.
 *
 * Environment (read once, when the module loads; blank values count as unset):
 * - `GROUP_SCOPES` (required): a JSON object from group name to the scopes that group grants, e.g.
 *   `{"admins":["api/admin","api/read"],"readers":["api/read"]}`; `{}` grants none. Scopes must be custom
 *   resource-server scopes, `<resource server identifier>/<scope name>`, without blanks (Cognito can't add those).
 *   Standard scopes (`openid`, `email`, `profile`, `phone`, `aws.cognito.signin.user.admin`) are refused: scopes
 *   added here bypass the app client's allowed scopes, and those would open the user's profile and self-service API.
 * - `GROUPS_CLAIM` (default `groups`): the claim, in both tokens, listing the user's groups as an array.
 * - `ROLE_CLAIM` (optional): a claim, in both tokens, holding the user's role: the first group, in the order
 *   `GROUP_SCOPES` lists them, that the user belongs to; absent when they belong to none. Because JSON objects put
 *   whole-number keys first whatever their written order, group names that are whole numbers are refused while
 *   `ROLE_CLAIM` is set.
 *
 * Claim names may not be claims Cognito issues itself or won't let a trigger set (registered JWT and OIDC claims,
 * `token_use`, `username`, `scope`, `client_id`, `cognito:*`…), nor user attribute claims (standard OIDC attributes,
 * `custom:*`, `dev:*`), whose override would make the token contradict the user's profile. Names are compared
 * case-insensitively, so look-alikes such as `Sub` are refused too. Group names only ever become claim values.
 *
 * Behaviour, the same for every V2 trigger source (`TokenGeneration_HostedAuth`, `_Authentication`,
 * `_NewPasswordChallenge`, `_AuthenticateDevice`, `_RefreshTokens`): the groups are read from
 * `request.groupConfiguration.groupsToOverride`; the scopes added are the sorted, de-duplicated union of the scopes
 * of the user's groups (unknown groups add none); a user without groups gets an empty groups claim and no scopes.
 * Group membership itself is passed back unchanged. Any other trigger source (such as the machine-to-machine
 * `TokenGeneration_ClientCredentials` of `V3_0` events) fails, as the function is then attached the wrong way.
 *
 * A broken configuration doesn't stop the module from loading: each invocation then logs the problems and fails
 * with a generic message, which Cognito shows the user instead of the configuration.
 */
import type { GroupOverrideDetailsV2, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { ConfigurationError, configurationProblem, failClosed } from './configuration-error';

export { ConfigurationError };

/** The environment variable mapping groups to scopes. */
export const GROUP_SCOPES = 'GROUP_SCOPES';
/** The environment variable naming the groups claim. */
export const GROUPS_CLAIM = 'GROUPS_CLAIM';
/** The environment variable naming the optional role claim. */
export const ROLE_CLAIM = 'ROLE_CLAIM';
/** The groups claim when `GROUPS_CLAIM` is unset. */
export const DEFAULT_GROUPS_CLAIM = 'groups';

/** What the user is shown while the configuration is broken; the details go to the function's log. */
export const UNAVAILABLE_MESSAGE = 'Sign-in is temporarily unavailable';

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The value of a claim this function adds: a group list or a role. */
export type ClaimValue = string | readonly string[];

/** Claims to add to or override in a token. */
export type Claims = Readonly<Record<string, ClaimValue>>;

/**
 * The response of a `V2_0` event. It is typed here because `@types/aws-lambda` types claim values as strings only,
 * while `V2_0` responses may carry arrays.
 */
export interface ClaimsAndScopeOverrides {
  /** Changes to the ID token. */
  readonly idTokenGeneration: { readonly claimsToAddOrOverride: Claims };
  /** Changes to the access token. */
  readonly accessTokenGeneration: { readonly claimsToAddOrOverride: Claims; readonly scopesToAdd: readonly string[] };
  /** The user's groups, roles and preferred role: those of the request, unchanged. */
  readonly groupOverrideDetails: GroupOverrideDetailsV2;
}

/** The event as this function returns it to Cognito. */
export type GroupsTokenEvent = Omit<PreTokenGenerationV2TriggerEvent, 'response'> & {
  readonly response: { readonly claimsAndScopeOverrideDetails: ClaimsAndScopeOverrides };
};

/** A pre token generation handler for `V2_0` events. */
export type PreTokenGenerationGroupsHandler = (event: PreTokenGenerationV2TriggerEvent) => Promise<GroupsTokenEvent>;

/** The parsed environment. */
export interface GroupClaimsConfig {
  /** The scopes of each group, in the order `GROUP_SCOPES` lists the groups. */
  readonly groupScopes: ReadonlyMap<string, readonly string[]>;
  /** The claim listing the user's groups. */
  readonly groupsClaim: string;
  /** The claim holding the user's role, if any. */
  readonly roleClaim?: string;
}

/** The claims and access-token scopes that a user's groups earn. */
export interface GroupGrants {
  /** Claims for both tokens. */
  readonly claims: Claims;
  /** Scopes for the access token: sorted, without duplicates. */
  readonly scopes: readonly string[];
}

const SUPPORTED_TRIGGER_SOURCES: ReadonlySet<string> = new Set<PreTokenGenerationV2TriggerEvent['triggerSource']>([
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
]);

/**
 * Claims that Cognito issues itself and doesn't let a trigger add or change (the pre token generation guide's table
 * of claims), plus OIDC's `c_hash`, which carries the same kind of meaning as `at_hash`.
 */
const COGNITO_ISSUED_CLAIMS: ReadonlySet<string> = new Set([
  'acr',
  'amr',
  'at_hash',
  'aud',
  'auth_time',
  'azp',
  'c_hash',
  'client_id',
  'device_key',
  'event_id',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'scope',
  'sub',
  'token_use',
  'username',
  'version',
]);

/** The standard OIDC attributes of a user pool, which the ID token carries as claims. */
const USER_ATTRIBUTE_CLAIMS: ReadonlySet<string> = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);

/** Printable ASCII without blanks: claim names that survive every JWT library and log line intact. */
const CLAIM_NAME = /^[\x21-\x7e]+$/;

/** A Cognito group name: 1 to 128 letters, marks, symbols, digits or punctuation (Cognito's own pattern). */
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/**
 * A custom scope: a resource server identifier, `/`, and a scope name in Cognito's scope-name characters (printable
 * ASCII but for blank, `"`, `/` and `\`). The identifier may hold `/` itself, as URL identifiers do.
 */
const CUSTOM_SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+\/[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+$/;

/** Array-index keys, which JavaScript objects list first, in numeric order, whatever the JSON said. */
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]*)$/;

const CLAIM_NAME_FIX = 'choose a name of your own, such as "groups", "role" or a namespaced one like "https://example.com/groups"';
const GROUP_SCOPES_EXAMPLE = '{"admins":["api/admin","api/read"],"readers":["api/read"]}';

/**
 * The claims and scopes that a user in `groups` earns: the groups claim (the groups, as given), the role claim when
 * configured and the user is in a configured group, and the union of the groups' scopes.
 * @param groups the user's groups, as Cognito lists them
 * @param config the parsed environment
 */
export function grantsForGroups(groups: readonly string[], config: GroupClaimsConfig): GroupGrants {
  const scopes = [...new Set(groups.flatMap((group) => config.groupScopes.get(group) ?? []))].sort();
  const role = [...config.groupScopes.keys()].find((group) => groups.includes(group));
  const roleClaims = config.roleClaim !== undefined && role !== undefined ? { [config.roleClaim]: role } : {};
  return { claims: { [config.groupsClaim]: [...groups], ...roleClaims }, scopes };
}

/**
 * The `claimsAndScopeOverrideDetails` of the response for a user with this group configuration.
 *
 * The request's group configuration is passed back as `groupOverrideDetails`: Cognito replaces the user's groups
 * with whatever the response holds there, and copying the request is how its guide says to keep them unchanged.
 * @param groupConfiguration `request.groupConfiguration` of the event
 * @param config the parsed environment
 */
export function tokenOverrides(groupConfiguration: GroupOverrideDetailsV2, config: GroupClaimsConfig): ClaimsAndScopeOverrides {
  const { claims, scopes } = grantsForGroups(groupConfiguration.groupsToOverride ?? [], config);
  return {
    idTokenGeneration: { claimsToAddOrOverride: { ...claims } },
    accessTokenGeneration: { claimsToAddOrOverride: { ...claims }, scopesToAdd: scopes },
    groupOverrideDetails: { ...groupConfiguration },
  };
}

/**
 * Parses and validates the environment.
 * @throws ConfigurationError listing every problem in every variable
 */
export function parseConfig(env: Environment): GroupClaimsConfig {
  const groupsClaim = setting(env[GROUPS_CLAIM]) ?? DEFAULT_GROUPS_CLAIM;
  const roleClaim = setting(env[ROLE_CLAIM]);
  const groupScopes = parseGroupScopes(setting(env[GROUP_SCOPES]), roleClaim !== undefined);
  const problems = [
    ...claimNameProblems(GROUPS_CLAIM, groupsClaim),
    ...(roleClaim === undefined ? [] : roleClaimProblems(roleClaim, groupsClaim)),
    ...groupScopes.problems,
  ];
  if (problems.length > 0) throw new ConfigurationError('pre token generation groups', problems);
  return { groupScopes: groupScopes.value, groupsClaim, ...(roleClaim === undefined ? {} : { roleClaim }) };
}

/**
 * A handler configured from `env`.
 * @throws ConfigurationError when `env` is invalid
 */
export function createHandler(env: Environment): PreTokenGenerationGroupsHandler {
  const config = parseConfig(env);
  return async (event) => {
    if (!SUPPORTED_TRIGGER_SOURCES.has(event.triggerSource)) {
      throw new Error(
        `Unsupported trigger source "${event.triggerSource}": attach this function as a pre token generation trigger with event version V2_0`,
      );
    }
    // `response` is replaced, not merged: the guide's sample event carries `claimsAndScopeOverrideDetails` as `[]`.
    return { ...event, response: { claimsAndScopeOverrideDetails: tokenOverrides(event.request.groupConfiguration, config) } };
  };
}

/**
 * A handler configured from `env` that never throws while being created: when `env` is invalid, every invocation
 * logs the problems and fails with {@link UNAVAILABLE_MESSAGE}, so no token is issued without the configured claims.
 */
export function createLambdaHandler(env: Environment): PreTokenGenerationGroupsHandler {
  return failClosed(() => createHandler(env), UNAVAILABLE_MESSAGE);
}

/** The Lambda entry point, configured from `process.env` when the module loads. */
export const handler: PreTokenGenerationGroupsHandler = createLambdaHandler(process.env);

/** A variable's value, trimmed; `undefined` when unset or blank. */
function setting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The problems with a claim name, in the variable `variable`. */
function claimNameProblems(variable: string, name: string): string[] {
  const lower = name.toLowerCase();
  if (!CLAIM_NAME.test(name)) {
    return [configurationProblem(variable, 'must be a claim name of printable ASCII characters without blanks', name, CLAIM_NAME_FIX)];
  }
  if (COGNITO_ISSUED_CLAIMS.has(lower) || lower.startsWith('cognito:')) {
    return [
      configurationProblem(
        variable,
        "must not name a claim that Cognito issues itself and won't let a trigger add or override",
        name,
        CLAIM_NAME_FIX,
      ),
    ];
  }
  if (USER_ATTRIBUTE_CLAIMS.has(lower) || lower.startsWith('custom:') || lower.startsWith('dev:')) {
    return [
      configurationProblem(
        variable,
        "must not name a user attribute claim: overriding it would make the token contradict the user's profile",
        name,
        CLAIM_NAME_FIX,
      ),
    ];
  }
  return [];
}

/** The problems with `ROLE_CLAIM`, given the groups claim it must not collide with. */
function roleClaimProblems(roleClaim: string, groupsClaim: string): string[] {
  const collision =
    roleClaim.toLowerCase() === groupsClaim.toLowerCase()
      ? [
          configurationProblem(
            ROLE_CLAIM,
            `must differ from the groups claim "${groupsClaim}", or one claim would overwrite the other`,
            roleClaim,
            'choose another name, such as "role"',
          ),
        ]
      : [];
  return [...claimNameProblems(ROLE_CLAIM, roleClaim), ...collision];
}

/**
 * `GROUP_SCOPES`, parsed, with its problems (the map is empty when there are any).
 * @param raw the variable's value
 * @param roleOrdered whether `ROLE_CLAIM` relies on the order of the groups
 */
function parseGroupScopes(raw: string | undefined, roleOrdered: boolean): { value: ReadonlyMap<string, readonly string[]>; problems: string[] } {
  const failed = (rule: string, fix: string) => ({ value: new Map(), problems: [configurationProblem(GROUP_SCOPES, rule, raw, fix)] });
  if (raw === undefined) {
    return failed('must be set', `set it to a JSON object from group name to scopes, e.g. ${GROUP_SCOPES_EXAMPLE}, or {} to add no scopes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return failed(`must be valid JSON (${(error as Error).message})`, `write a JSON object such as ${GROUP_SCOPES_EXAMPLE}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failed('must be a JSON object from group name to a list of scopes', `write it like ${GROUP_SCOPES_EXAMPLE}`);
  }
  const problems = Object.entries(parsed).flatMap(([group, scopes]) => groupProblems(group, scopes, roleOrdered));
  // Every value was just checked to be an array of scope strings.
  const value = problems.length > 0 ? new Map() : new Map(Object.entries(parsed as Record<string, readonly string[]>));
  return { value, problems };
}

/** The problems with one `GROUP_SCOPES` entry. */
function groupProblems(group: string, scopes: unknown, roleOrdered: boolean): string[] {
  const problems: string[] = [];
  if (!GROUP_NAME.test(group)) {
    problems.push(
      configurationProblem(
        GROUP_SCOPES,
        'group names must be Cognito group names: 1 to 128 letters, digits, symbols or punctuation, no blanks',
        group,
        "use the group's exact name, as the user pool shows it",
      ),
    );
  } else if (roleOrdered && WHOLE_NUMBER.test(group)) {
    problems.push(
      configurationProblem(
        GROUP_SCOPES,
        `group names must not be whole numbers while ${ROLE_CLAIM} is set, as JSON objects don't keep such names in their written order`,
        group,
        `unset ${ROLE_CLAIM}, or map only groups whose names aren't numbers`,
      ),
    );
  }
  if (!Array.isArray(scopes)) {
    return [
      ...problems,
      configurationProblem(
        GROUP_SCOPES,
        `the scopes of group "${group}" must be a JSON array of strings`,
        scopes,
        `write them as a list, e.g. {"${group}":["api/read"]}`,
      ),
    ];
  }
  const badScopes = scopes.filter((scope) => typeof scope !== 'string' || !CUSTOM_SCOPE.test(scope));
  return [
    ...problems,
    ...badScopes.map((scope) =>
      configurationProblem(
        GROUP_SCOPES,
        `the scopes of group "${group}" must be custom scopes "<resource server identifier>/<scope name>" without blanks; standard scopes stay under the app client's control`,
        scope,
        'use a scope of one of your resource servers, such as "api/read"',
      ),
    ),
  ];
}
