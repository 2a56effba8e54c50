/** One IAM policy statement, in the JSON shape IAM reads. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: { readonly [kind: string]: string | string[] };
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: string | string[] } };
}

/**
 * A policy document as a JSON string. References inside it (ARNs of resources in the same stack) become
 * `${...}` interpolations that Terraform resolves; the provider compares policies semantically, so the
 * compact form causes no diff.
 */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify(policyObject(statements));
}

/** A policy document as an object (for Terraform's `jsonencode` where statements hold list expressions). */
export function policyObject(statements: readonly PolicyStatement[]): { Version: string; Statement: readonly PolicyStatement[] } {
  return { Version: '2012-10-17', Statement: statements };
}

/** The ARN of something in a partition, never hard-coding `arn:aws:`. */
export function arn(partition: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
