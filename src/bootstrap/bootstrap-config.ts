import { BootstrapStack } from './bootstrap-stack';
import { DEFAULT_STATE_KEY_PREFIX } from '../app/cognito-stack';
import { AppConfig } from '../app/config-schema';
import { literalMap } from '../app/literal';
import { ResolvedEnvironment } from '../app/environments';
import { checkPattern } from '../core/checks';
import { Problem } from '../core/problem';
import { App } from '../engine';

/** The prefix of the pipeline's names when the configuration gives none. */
export const DEFAULT_PIPELINE_PREFIX = 'cdktf-cognito';

/** The name of an account's bootstrap stack. */
export function bootstrapStackName(accountId: string): string {
  return `bootstrap-${accountId}`;
}

/** The rules of the `bootstrap` block, and of the settings it makes meaningless. */
export function checkBootstrap(config: AppConfig): Problem[] {
  const b = config.bootstrap;
  if (!b) return [];
  const roleSet = (path: string, value: string | undefined): Problem[] =>
    value === undefined
      ? []
      : [
          {
            path,
            rule: 'with bootstrap, each pipeline job holds the plan or the deploy role of the account, so the stack assumes no role',
            received: value,
            fix: 'remove it',
          },
        ];
  return [
    ...checkPattern(
      'bootstrap.repository',
      b.repository,
      /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/,
      'must be a GitHub repository, owner/name',
      'use e.g. "example-org/identity"',
    ),
    // Role names are at most 64 characters; "-deploy" and "-boundary" are appended.
    ...checkPattern(
      'bootstrap.prefix',
      b.prefix,
      /^[A-Za-z0-9+=,.@_-]{1,50}$/,
      'must be 1 to 50 letters, digits and +=,.@_- (it names roles, a policy and a path)',
      'use e.g. "cognito-pipeline"',
    ),
    ...checkPattern(
      'bootstrap.oidcProviderArn',
      b.oidcProviderArn,
      /^arn:[\w-]+:iam::(\d{12}|\{accountId\}):oidc-provider\/token\.actions\.githubusercontent\.com$/,
      'must be the ARN of the GitHub Actions OIDC provider',
      'use arn:<partition>:iam::{accountId}:oidc-provider/token.actions.githubusercontent.com, or leave it out to create it',
    ),
    ...roleSet('defaults.deployRoleArn', config.defaults?.deployRoleArn),
    ...config.environments.flatMap((env, i) => [
      ...roleSet(`environments[${i}].deployRoleArn`, env.deployRoleArn),
      ...(env.name.startsWith('bootstrap-')
        ? [
            {
              path: `environments[${i}].name`,
              rule: 'names starting with "bootstrap-" are the bootstrap stacks\'',
              received: env.name,
              fix: 'rename the environment',
            },
          ]
        : []),
      ...checkPattern(
        `environments[${i}].githubEnvironment`,
        env.githubEnvironment,
        /^[^'"`,;\\/*?${}]{1,255}$/,
        'must be a GitHub environment name',
        'use the name shown under Settings > Environments',
      ),
    ]),
  ];
}

/**
 * One bootstrap stack per account of the configuration (the accounts of every environment, not only the
 * selected ones): the deploy role of an account trusts the GitHub environments of all its stacks.
 */
export function buildBootstrapStacks(app: App, config: AppConfig, environments: readonly ResolvedEnvironment[]): BootstrapStack[] {
  const b = config.bootstrap;
  if (!b) return [];
  const accounts = [...new Set(environments.map((e) => e.accountId))];
  return accounts.map((accountId) => {
    const backend = config.backend;
    return new BootstrapStack(app, bootstrapStackName(accountId), {
      accountId,
      region: environments.find((e) => e.accountId === accountId)!.region,
      repository: b.repository,
      prefix: b.prefix ?? DEFAULT_PIPELINE_PREFIX,
      // Every stack of the account in the file, selected for this synth or not.
      environments: config.environments.filter((e) => e.accountId === accountId).map((e) => e.githubEnvironment ?? e.name),
      oidcProviderArn: b.oidcProviderArn?.replace(/\{accountId\}/g, accountId),
      state: backend && {
        bucket: backend.bucket,
        keyPrefix: backend.keyPrefix ?? DEFAULT_STATE_KEY_PREFIX,
        // IAM names keys by ARN; a key id or alias leaves the grant to the key policy (PIPELINE.md).
        kmsKeyArn: backend.kmsKeyId?.startsWith('arn:') ? backend.kmsKeyId : undefined,
      },
      tags: config.defaults?.tags && literalMap(config.defaults.tags),
      backend,
    });
  });
}
