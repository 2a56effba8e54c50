/**
 * Reads a saved plan (`terraform show -json`) and finds the changes that would lose users: a user pool
 * deleted or replaced. `prevent_destroy` already refuses these at plan time; this second guard stands in
 * the pipeline between plan and apply, for the pools that had the guards turned off on purpose
 * (`dangerouslyAllowDeletionOfAllUsers`) and for plans that were made elsewhere. Pure: no I/O.
 */

/** Resource types whose deletion loses data that cannot be recovered. */
export const USER_DATA_TYPES: readonly string[] = ['aws_cognito_user_pool'];

/** Resource types whose replacement breaks their users (new client ids and secrets, new URLs) but loses no data. */
export const DISRUPTIVE_TYPES: readonly string[] = ['aws_cognito_user_pool_client', 'aws_cognito_user_pool_domain', 'aws_cognito_resource_server'];

/** One planned change that deletes something. */
export interface DestructiveChange {
  readonly address: string;
  readonly type: string;
  /** `delete`, or `replace` for delete-and-create in either order. */
  readonly kind: 'delete' | 'replace';
  /** Terraform's reason, when the plan format has one (1.2+), e.g. `replace_because_cannot_update`. */
  readonly reason?: string;
}

/** The plan formats this reader knows: 0.x and 1.x (Terraform 0.12 to 1.11). */
const KNOWN_MAJOR_VERSIONS = ['0', '1'];

/**
 * Every planned deletion or replacement in a plan.
 * @throws Error for a document that is not a plan of a known format, rather than finding nothing in it.
 */
export function destructiveChanges(plan: unknown): DestructiveChange[] {
  const doc = plan as { format_version?: unknown; resource_changes?: unknown };
  if (doc === null || typeof doc !== 'object' || typeof doc.format_version !== 'string') {
    throw new Error('not a Terraform plan: no format_version (pass the output of `terraform show -json <planfile>`)');
  }
  const major = doc.format_version.split('.')[0];
  if (!KNOWN_MAJOR_VERSIONS.includes(major)) {
    throw new Error(`plan format ${doc.format_version} is newer than this reader knows (${KNOWN_MAJOR_VERSIONS.join('.x, ')}.x): update the plan guard before trusting it`);
  }
  const changes = (doc.resource_changes ?? []) as { address: string; type: string; change: { actions: string[] }; action_reason?: string }[];
  return changes.flatMap((c) => {
    const actions = c.change.actions;
    if (!actions.includes('delete')) return [];
    return [{ address: c.address, type: c.type, kind: actions.includes('create') ? 'replace' : 'delete', ...(c.action_reason ? { reason: c.action_reason } : {}) }];
  });
}

/** What the guard decided. */
export interface GuardVerdict {
  /** Changes that lose users and were not allowed: the pipeline must stop. */
  readonly refused: readonly DestructiveChange[];
  /** Changes that lose users but were allowed in so many words. */
  readonly allowed: readonly DestructiveChange[];
  /** Replacements that lose no data but give clients new ids, secrets or URLs. */
  readonly disruptive: readonly DestructiveChange[];
}

/**
 * Sorts a plan's destructive changes. User-pool deletions pass only when `allowDeletionIn` names this
 * very stack: a blanket "yes" cannot carry over to another environment.
 */
export function judgePlan(plan: unknown, stack: string, allowDeletionIn: string | undefined): GuardVerdict {
  const all = destructiveChanges(plan);
  const losing = all.filter((c) => USER_DATA_TYPES.includes(c.type));
  const permitted = allowDeletionIn !== undefined && allowDeletionIn === stack;
  return {
    refused: permitted ? [] : losing,
    allowed: permitted ? losing : [],
    disruptive: all.filter((c) => DISRUPTIVE_TYPES.includes(c.type)),
  };
}

/** The guard's report, one line a finding. */
export function describeVerdict(verdict: GuardVerdict, stack: string): string[] {
  const line = (c: DestructiveChange) => `${c.address} would be ${c.kind === 'delete' ? 'deleted' : 'replaced'}${c.reason ? ` (${c.reason})` : ''}`;
  return [
    ...verdict.refused.map((c) => `REFUSED: ${line(c)}, and every user in it lost. Fix: undo the change that causes it (sign-in attributes and case sensitivity cannot change in place); to delete the pool on purpose, set ALLOW_USER_POOL_DELETION=${stack} for this one run.`),
    ...verdict.allowed.map((c) => `ALLOWED by ALLOW_USER_POOL_DELETION=${stack}: ${line(c)}; every user in it will be lost.`),
    ...verdict.disruptive.map((c) => `warning: ${line(c)}: clients get new ids, secrets or URLs.`),
  ];
}
