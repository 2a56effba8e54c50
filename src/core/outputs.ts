import { Construct } from 'constructs';
import { TerraformOutput } from '../engine';

/**
 * Adds a stack output under a stable, readable name (`<prefix>_<name>`), instead of the hashed logical id
 * the engine would give it, so pipelines can read it with `terraform output -raw <name>`.
 */
export function stableOutput(scope: Construct, prefix: string, name: string, value: string, description: string, sensitive = false): TerraformOutput {
  const id = `${snakeCase(prefix)}_${name}`;
  const output = new TerraformOutput(scope, `output-${name}`, { value, description, sensitive });
  output.overrideLogicalId(id);
  return output;
}

/** `my-pool.Web` -> `my_pool_web`: the characters Terraform allows in names. */
export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
