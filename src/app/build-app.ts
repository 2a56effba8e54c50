import { IConstruct } from 'constructs';
import { CognitoStack } from './cognito-stack';
import { AppConfig } from './config-schema';
import { reportDefaultsOnce } from './defaults-origin';
import { ResolvedEnvironment } from './environments';
import { literalMap, literalPoolConfig } from './literal';
import { DEFAULT_PIPELINE_PREFIX } from '../bootstrap/bootstrap-config';
import { formatProblem, ValidationError } from '../core/problem';
import { App } from '../engine';

/** Builds one stack per environment into `app`; trigger handler paths are relative to `configDir`. */
export function buildStacks(app: App, config: AppConfig, environments: readonly ResolvedEnvironment[], configDir?: string): CognitoStack[] {
  const pipeline = config.bootstrap && { prefix: config.bootstrap.prefix ?? DEFAULT_PIPELINE_PREFIX };
  return environments.map((env) => {
    const stack = new CognitoStack(app, env.name, {
      accountId: env.accountId,
      region: env.region,
      deployRoleArn: env.deployRoleArn,
      // Configuration values are literals, never Terraform expressions (see literal.ts).
      tags: literalMap(env.tags),
      backend: config.backend,
      pool: literalPoolConfig(env.pool),
      existingPool: env.existingPool,
      configPath: `environments[${env.index}].pool`,
      configDir,
      pipeline,
    });
    sources.set(stack, config);
    return stack;
  });
}

/** The configuration each stack was built from, so that a problem inherited from the defaults is reported there once. */
const sources = new WeakMap<CognitoStack, AppConfig>();

/**
 * Runs every construct's rules in every stack and reports every problem at once, each at the
 * configuration path its construct came from (`environments[1].pool.clients.web.callbackUrls[0]: ...`).
 */
export function validateStacks(stacks: readonly CognitoStack[]): void {
  const problems = stacks.flatMap((stack) => [
    ...stack.buildProblems.map((p) => formatProblem(p)),
    ...stack.node.findAll().flatMap((construct) => {
      const errors = construct.node.validate();
      if (errors.length === 0) return [];
      const prefix = configPathOf(stack, construct);
      return errors.map((error) => (prefix ? `${prefix}.${error}` : `[${construct.node.path}] ${error}`));
    }),
  ]);
  const config = stacks.map((s) => sources.get(s)).find((c) => c !== undefined);
  const reported = config ? reportDefaultsOnce(problems, config) : problems;
  if (reported.length > 0) throw new ValidationError(reported, 'Invalid configuration');
}

/** The configuration path of the nearest construct (itself or an ancestor) that was built from one. */
function configPathOf(stack: CognitoStack, construct: IConstruct): string | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const path = stack.configPaths.get(scope);
    if (path !== undefined) return path;
  }
  return undefined;
}
