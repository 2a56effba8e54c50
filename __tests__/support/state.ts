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
}

export function terraformState(resources: readonly StateResource[]): object {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map((r) => ({
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: r.attributes, sensitive_attributes: [] }],
    })),
    check_results: null,
  };
}
