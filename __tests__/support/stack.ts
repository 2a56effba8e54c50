import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AwsEnvironment, AwsEnvironmentProps } from '../../src/core/aws-environment';
import { TerraformStack, Testing } from '../../src/engine';

/** The account and region every test stack deploys to, unless a test says otherwise. */
export const TEST_ENV: AwsEnvironmentProps = { accountId: '111122223333', region: 'eu-west-1' };

/** A stack with an AWS provider and, unless `env` is null, a declared environment. */
export function testStack(env: AwsEnvironmentProps | null = TEST_ENV): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: env?.region ?? 'eu-west-1' });
  if (env) AwsEnvironment.declare(stack, env);
  return stack;
}

/** The stack's Terraform JSON, after running every validation (as a real synth does). */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The one resource of `type` in a synthesized config (fails if there are several or none). */
export function onlyResource(config: any, type: string): any {
  const all = Object.values(config.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Every resource of `type`, by logical id. */
export function resources(config: any, type: string): Record<string, any> {
  return config.resource?.[type] ?? {};
}

/** The validation messages a stack fails with (empty when it synthesizes). */
export function validationErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
    return [];
  } catch (e) {
    const message = (e as Error).message;
    if (!message.startsWith('Validation failed')) throw e;
    return message.split('\n').filter((l) => l.trim().startsWith('['));
  }
}
