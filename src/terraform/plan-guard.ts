/**
 * Reads a saved plan (`terraform show -json`) and finds the changes that would lose users: a user pool
 * deleted, replaced, or dropped from the state (`forget`). `prevent_destroy` already refuses deletions at
 * plan time; this second guard stands in the pipeline between plan and apply, for the pools that had the
 * guards turned off on purpose (`dangerouslyAllowDeletionOfAllUsers`), for `removed` blocks (which
 * `prevent_destroy` does not stop) and for plans that were made elsewhere. Pure: no I/O.
 */

/** Resource types whose deletion loses data that cannot be recovered, in the `aws` and `awscc` providers. */
export const USER_DATA_TYPES: readonly string[] = ['aws_cognito_user_pool', 'awscc_cognito_user_pool'];

/** Resource types whose replacement breaks their users (new client ids and secrets, new URLs) but loses no data. */
export const DISRUPTIVE_TYPES: readonly string[] = [
  'aws_cognito_user_pool_client',
  'aws_cognito_user_pool_domain',
  'aws_cognito_resource_server',
  'awscc_cognito_user_pool_client',
  'awscc_cognito_user_pool_domain',
  'awscc_cognito_user_pool_resource_server',
];

/** Resource types whose deletion takes their members' group claims (and the roles and scopes given by them). */
export const MEMBERSHIP_TYPES: readonly string[] = ['aws_cognito_user_group', 'awscc_cognito_user_pool_group'];

/**
 * How a change takes a resource away: `delete`; `replace` (delete and create, in either order); `forget`
 * (dropped from the state by a `removed` block: it lives on unmanaged); `forget-replace` (forgotten and a
 * new one created: the stack moves to a new, empty resource).
 */
export type DestructiveKind = 'delete' | 'replace' | 'forget' | 'forget-replace';

/** One planned change that deletes something, or takes it out of Terraform's hands. */
export interface DestructiveChange {
  readonly address: string;
  readonly type: string;
  readonly kind: DestructiveKind;
  /** Terraform's reason, when the plan format has one (1.2+), e.g. `replace_because_cannot_update`. */
  readonly reason?: string;
}

/** The plan formats this reader knows: 0.x and 1.x (Terraform 0.12 to 1.11). */
const KNOWN_MAJOR_VERSIONS = ['0', '1'];

/** Every action a plan format 0.x/1.x names; another one means a format this reader does not know. */
const KNOWN_ACTIONS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'];

/** A resource change with the fields the guard reads, checked. */
interface CheckedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  readonly reason?: string;
}

/**
 * Every planned deletion, replacement or forget in a plan.
 * @throws Error for a document that is not a plan of a known format, or an entry the guard cannot read,
 * naming what is wrong, rather than finding nothing in it.
 */
export function destructiveChanges(plan: unknown): DestructiveChange[] {
  return resourceChanges(plan).flatMap((c) => {
    const kind = destructiveKind(c.actions);
    return kind ? [{ address: c.address, type: c.type, kind, ...(c.reason ? { reason: c.reason } : {}) }] : [];
  });
}

function destructiveKind(actions: readonly string[]): DestructiveKind | undefined {
  const creates = actions.includes('create');
  if (actions.includes('delete')) return creates ? 'replace' : 'delete';
  if (actions.includes('forget')) return creates ? 'forget-replace' : 'forget';
  return undefined;
}

/** The plan's `resource_changes`, each checked for the fields the guard reads. */
function resourceChanges(plan: unknown): CheckedChange[] {
  if (!isObject(plan) || typeof plan.format_version !== 'string') {
    throw new Error('not a Terraform plan: no format_version (pass the output of `terraform show -json <planfile>`)');
  }
  const major = plan.format_version.split('.')[0];
  if (!KNOWN_MAJOR_VERSIONS.includes(major)) {
    throw new Error(
      `plan format ${plan.format_version} is newer than this reader knows (${KNOWN_MAJOR_VERSIONS.join('.x, ')}.x): update the plan guard before trusting it`,
    );
  }
  const list = plan.resource_changes ?? [];
  if (!Array.isArray(list)) throw new Error(`malformed plan: resource_changes must be a list, received ${describe(list)}`);
  return list.map((entry, i) => checkChange(entry, `resource_changes[${i}]`));
}

function checkChange(entry: unknown, at: string): CheckedChange {
  const wrong = (field: string, expected: string, received: unknown) =>
    new Error(
      `malformed plan: ${at}${field} must be ${expected}, received ${describe(received)} (pass the unedited output of \`terraform show -json <planfile>\`)`,
    );
  if (!isObject(entry)) throw wrong('', 'an object', entry);
  if (typeof entry.address !== 'string' || entry.address === '') throw wrong('.address', 'a resource address', entry.address);
  if (typeof entry.type !== 'string' || entry.type === '') throw wrong('.type', 'a resource type', entry.type);
  if (!isObject(entry.change)) throw wrong('.change', 'an object', entry.change);
  const actions = entry.change.actions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) {
    throw wrong('.change.actions', 'a non-empty list of actions', actions);
  }
  const unknown = actions.filter((a) => !KNOWN_ACTIONS.includes(a));
  if (unknown.length > 0) throw wrong('.change.actions', `made of ${KNOWN_ACTIONS.join(', ')} (a newer Terraform? update the plan guard)`, actions);
  const reason = entry.action_reason;
  if (reason !== undefined && typeof reason !== 'string') throw wrong('.action_reason', 'a string', reason);
  return { address: entry.address, type: entry.type, actions, ...(reason ? { reason } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A short rendering of a received value for a message (never the whole plan, which holds secrets). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What the guard decided. */
export interface GuardVerdict {
  /** Changes that lose users and were not allowed: the pipeline must stop. */
  readonly refused: readonly DestructiveChange[];
  /** Changes that lose users but were allowed in so many words. */
  readonly allowed: readonly DestructiveChange[];
  /** Replacements that lose no data but give clients new ids, secrets or URLs. */
  readonly disruptive: readonly DestructiveChange[];
  /** Groups deleted, replaced or forgotten: their members lose the group's claims, role and scopes. */
  readonly groups: readonly DestructiveChange[];
}

/**
 * Sorts a plan's destructive changes. User-pool deletions and forgets pass only when `allowDeletionIn`
 * names this very stack: a blanket "yes" cannot carry over to another environment.
 */
export function judgePlan(plan: unknown, stack: string, allowDeletionIn: string | undefined): GuardVerdict {
  const all = destructiveChanges(plan);
  const losing = all.filter((c) => USER_DATA_TYPES.includes(c.type));
  const permitted = allowDeletionIn !== undefined && allowDeletionIn === stack;
  return {
    refused: permitted ? [] : losing,
    allowed: permitted ? losing : [],
    disruptive: all.filter((c) => DISRUPTIVE_TYPES.includes(c.type)),
    groups: all.filter((c) => MEMBERSHIP_TYPES.includes(c.type)),
  };
}

const WOULD_BE: { readonly [K in DestructiveKind]: string } = {
  delete: 'deleted',
  replace: 'replaced',
  forget: 'dropped from the state (forget): it would no longer be managed',
  'forget-replace': 'dropped from the state (forget) and a new, empty one created in its place',
};

/** What a user pool's destructive change costs. */
const CONSEQUENCE: { readonly [K in DestructiveKind]: string } = {
  delete: 'every user in it lost',
  replace: 'every user in it lost',
  forget: 'its users left in a pool no pipeline manages or protects',
  'forget-replace': 'the stack moves to a new pool without any of its users',
};

/** The guard's report, one line a finding. */
export function describeVerdict(verdict: GuardVerdict, stack: string): string[] {
  const line = (c: DestructiveChange) => `${c.address} would be ${WOULD_BE[c.kind]}${c.reason ? ` (${c.reason})` : ''}`;
  const consequence = (c: DestructiveChange) => CONSEQUENCE[c.kind];
  const fix = (c: DestructiveChange) =>
    c.kind === 'forget' || c.kind === 'forget-replace'
      ? 'delete the `removed` block (or the `destroy = false`) that drops it from the state'
      : 'undo the change that causes it (sign-in attributes and case sensitivity cannot change in place)';
  return [
    ...verdict.refused.map(
      (c) =>
        `REFUSED: ${line(c)}, and ${consequence(c)}. Fix: ${fix(c)}; to do it on purpose, set ALLOW_USER_POOL_DELETION=${stack} for this one run.`,
    ),
    ...verdict.allowed.map((c) => `ALLOWED by ALLOW_USER_POOL_DELETION=${stack}: ${line(c)}; ${consequence(c)}.`),
    ...verdict.disruptive.map((c) => `warning: ${line(c)}: clients get new ids, secrets or URLs.`),
    ...verdict.groups.map(
      (c) => `warning: ${line(c)}: its members lose the group (its claim, role and scopes) until it is recreated and they are added again.`,
    ),
  ];
}
