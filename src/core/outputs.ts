import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../engine';

/**
 * Adds a stack output under a stable, readable name instead of the hashed logical id the engine would
 * give it, so pipelines can read it with `terraform output -raw <name>`. The name is the construct's path
 * below its stack plus `name` (`pool_web_client_id`): unique in the stack, stable across synths.
 */
export function stableOutput(scope: Construct, name: string, value: string, description: string, sensitive = false): TerraformOutput {
  const stackDepth = TerraformStack.of(scope).node.scopes.length;
  const below = scope.node.scopes.slice(stackDepth).map((c) => c.node.id);
  const id = snakeCase([...below, name].join('_'));
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
