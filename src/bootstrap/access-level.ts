/**
 * Which IAM actions only read. The classification follows the access levels of the AWS Service
 * Authorization Reference (List and Read versus Write, Permissions management and Tagging), decided from
 * the action's verb, so a test can check any policy against it instead of against a list typed twice.
 * Unknown verbs count as writes: a new action is never read-only by accident.
 */

/** Verbs of the List and Read access levels. */
const READ_VERBS = ['Describe', 'Get', 'List', 'BatchGet', 'Head'];

/**
 * Actions whose verb reads like a write but which change nothing, with the reason. Kept short on purpose.
 * (`kms:Decrypt` is listed as Write by AWS because it uses the key; it returns data and changes no resource.)
 */
export const READ_ONLY_EXCEPTIONS: { readonly [action: string]: string } = {
  'kms:Decrypt': 'reads data encrypted under the key (a KMS-encrypted state); changes no resource',
};

/** Verbs that read but return material which can change something elsewhere: never read-only. */
const WRITE_DESPITE_VERB = ['sts:GetFederationToken', 'sts:GetSessionToken', 'iam:GetAccessKeyLastUsed'];

/** `read` when the action (a full `service:Action`, no wildcard) only reads; `write` otherwise. */
export function accessLevel(action: string): 'read' | 'write' {
  const match = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
  if (!match) return 'write'; // a wildcard or a malformed name can grant anything
  if (READ_ONLY_EXCEPTIONS[action] !== undefined) return 'read';
  if (WRITE_DESPITE_VERB.includes(action)) return 'write';
  return READ_VERBS.some((verb) => match[2].startsWith(verb) && /^[A-Z]/.test(match[2].slice(verb.length))) ? 'read' : 'write';
}
