/**
 * A hand-written Terraform state (format 4): what a plan compares the configuration with. Lets the
 * tests produce real replacement plans offline, without ever having applied anything.
 */
export interface StateResource {
  /** e.g. `aws_cognito_user_pool`. */
  readonly type: string;
  /** The logical name in the configuration. */
  readonly name: string;
  /** The attributes as the provider would have stored them. */
  readonly attributes: Record<string, unknown>;
  /** The module instance that holds it, e.g. `module.cognito`. @default - the root module */
  readonly module?: string;
  /** Its `count` index or `for_each` key. @default - neither (a single instance) */
  readonly indexKey?: number | string;
}

/** A state holding `resources`; instances of one resource (same module, type and name) are grouped, as Terraform does. */
export function terraformState(resources: readonly StateResource[]): object {
  const grouped = new Map<string, StateResource[]>();
  for (const r of resources) {
    const address = `${r.module ?? ''}/${r.type}.${r.name}`;
    grouped.set(address, [...(grouped.get(address) ?? []), r]);
  }
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: [...grouped.values()].map(([first, ...more]) => ({
      ...(first.module ? { module: first.module } : {}),
      mode: 'managed',
      type: first.type,
      name: first.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [first, ...more].map((r) => ({
        ...(r.indexKey !== undefined ? { index_key: r.indexKey } : {}),
        schema_version: 0,
        attributes: r.attributes,
        sensitive_attributes: [],
      })),
    })),
    check_results: null,
  };
}
