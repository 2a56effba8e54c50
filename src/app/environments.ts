import { AppConfig, BackendConfig, EnvironmentConfig, ExistingPoolConfig, PoolConfig } from './config-schema';
import { formatProblem, Problem, UsageError, ValidationError } from '../core/problem';
import { checkPattern } from '../core/checks';
import { checkRegion, partitionOfKnownRegion } from '../core/regions';
import { checkBootstrap } from '../bootstrap/bootstrap-config';

/** One environment with the defaults applied: what one stack is built from. */
export interface ResolvedEnvironment {
  /** Its index in the file, for messages. */
  readonly index: number;
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly deployRoleArn?: string;
  readonly tags: { readonly [key: string]: string };
  readonly pool: PoolConfig;
  /** The pool that exists already, when the environment adds its children to one instead of creating it. */
  readonly existingPool?: ExistingPoolConfig | undefined;
}

/**
 * The pool settings that still mean something for a pool that exists already: its children, and facts
 * about it that rules and default names use. Every other pool setting configures the pool itself, which
 * is managed elsewhere.
 */
export const EXISTING_POOL_SETTINGS: readonly string[] = [
  'domain',
  'resourceServers',
  'groups',
  'clients',
  'triggers',
  'identityProviders',
  'featurePlan',
  'customAttributes',
];

/** For an existing pool, only the settings that apply to it are taken from the defaults. */
function applicableDefaults(pool: PoolConfig | undefined, existing: boolean): PoolConfig {
  if (!existing || !pool) return pool ?? {};
  return Object.fromEntries(Object.entries(pool).filter(([key]) => EXISTING_POOL_SETTINGS.includes(key))) as PoolConfig;
}

/**
 * Applies the defaults to every environment: objects merge key by key, the environment winning; lists,
 * values and the one-of-several-forms settings (email, domain, trigger handler) replace.
 * `{accountId}` in `defaults.deployRoleArn` becomes each environment's account.
 */
export function resolveEnvironments(config: AppConfig): ResolvedEnvironment[] {
  const defaults = config.defaults ?? {};
  const environments = config.environments.map((env, index) => ({
    index,
    name: env.name,
    accountId: env.accountId,
    region: env.region ?? defaults.region ?? '',
    deployRoleArn: env.deployRoleArn ?? defaults.deployRoleArn?.replace(/\{accountId\}/g, env.accountId),
    tags: { ...defaults.tags, ...env.tags },
    pool: { userPoolName: env.name, ...(deepMerge(applicableDefaults(defaults.pool, env.existingPool !== undefined), env.pool ?? {}) as PoolConfig) },
    existingPool: env.existingPool,
  }));
  const problems = config.environments.flatMap((env, i) => checkEnvironment(env, i, environments[i]));
  problems.push(...duplicateNames(config.environments), ...checkBackend(config.backend), ...checkBootstrap(config));
  // A mistake in the defaults is reported once, not once per environment.
  const messages = [...new Set(problems.map((p) => formatProblem(p)))];
  if (messages.length > 0) throw new ValidationError(messages, 'Invalid configuration');
  return environments;
}

/** Only the named environments, in file order; an unknown name is an error naming the known ones. */
export function selectEnvironments(all: ResolvedEnvironment[], names: readonly string[]): ResolvedEnvironment[] {
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((e) => e.name === n));
  if (unknown.length > 0) {
    throw new UsageError(
      unknown.map(
        (n) => `--env ${n}: is not an environment of the configuration; received "${n}". Fix: use one of ${all.map((e) => e.name).join(', ')}`,
      ),
    );
  }
  return all.filter((e) => names.includes(e.name));
}

function checkEnvironment(env: EnvironmentConfig, i: number, resolved: ResolvedEnvironment): Problem[] {
  const at = `environments[${i}]`;
  const ignored = env.existingPool ? Object.keys(env.pool ?? {}).filter((key) => !EXISTING_POOL_SETTINGS.includes(key)) : [];
  return [
    ...ignored.map((key) => ({
      path: `${at}.pool.${key}`,
      rule: 'configures the pool itself, which exists already and is managed elsewhere (existingPool)',
      received: env.pool?.[key as keyof PoolConfig],
      fix: `remove it; for an existing pool only ${EXISTING_POOL_SETTINGS.join(', ')} apply`,
    })),
    ...checkPattern(
      `${at}.name`,
      env.name,
      /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
      'must be 1 to 64 lowercase letters, digits and inner hyphens (it names the stack, its folder and its state key)',
      'use e.g. "prod-eu"',
    ),
    // The engine keeps stacks in a plain object, where Object.prototype's names are taken; a stack's id is
    // its folder and state key, so it cannot be renamed the way a client's construct id is.
    ...(env.name in Object.prototype
      ? [{ path: `${at}.name`, rule: 'is a name the CDKTF engine reserves', received: env.name, fix: `use another name, e.g. "${env.name}-env"` }]
      : []),
    ...checkPattern(
      `${at}.accountId`,
      env.accountId,
      /^\d{12}$/,
      'must be a 12-digit AWS account id',
      'quote it in YAML so leading zeros survive, e.g. "012345678901"',
    ),
    ...(resolved.region === ''
      ? [{ path: `${at}.region`, rule: 'every environment needs a region', received: undefined, fix: 'set region here, or defaults.region' }]
      : checkRegion(env.region !== undefined ? `${at}.region` : 'defaults.region', resolved.region)),
    ...checkPattern(
      `${at}.deployRoleArn`,
      resolved.deployRoleArn,
      /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/,
      'must be an IAM role ARN',
      'use arn:<partition>:iam::<account>:role/<name>',
    ),
    ...rolePartition(`${at}.deployRoleArn`, resolved),
    ...(resolved.deployRoleArn && /^arn:[\w-]+:iam::\d{12}:/.test(resolved.deployRoleArn) && !resolved.deployRoleArn.includes(`::${env.accountId}:`)
      ? [
          {
            path: `${at}.deployRoleArn`,
            rule: "must be a role in the environment's own account",
            received: resolved.deployRoleArn,
            fix: `use a role of account ${env.accountId}`,
          },
        ]
      : []),
  ];
}

/** The deploy role lives in the partition of the environment's region (`arn:aws-cn:...` for cn-north-1). */
function rolePartition(path: string, env: ResolvedEnvironment): Problem[] {
  const partition = partitionOfKnownRegion(env.region);
  const rolePartition = /^arn:([\w-]+):iam::/.exec(env.deployRoleArn ?? '')?.[1];
  if (partition === undefined || rolePartition === undefined || rolePartition === partition) return [];
  return [
    {
      path,
      rule: `must be in the partition of region ${env.region} (${partition})`,
      received: env.deployRoleArn,
      fix: `use arn:${partition}:iam::${env.accountId}:role/...`,
    },
  ];
}

/** The state backend: Terraform takes no expressions there, and S3 names have rules of their own. */
function checkBackend(b: BackendConfig | undefined): Problem[] {
  if (b === undefined) return [];
  return [
    ...checkPattern(
      'backend.bucket',
      b.bucket,
      /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens',
      'use the bucket name as S3 shows it',
    ),
    ...checkRegion('backend.region', b.region),
    ...checkPattern(
      'backend.keyPrefix',
      b.keyPrefix,
      /^[\w!\-.*'()/]{1,512}$/,
      "may contain only letters, digits and ! - _ . * ' ( ) /",
      'use e.g. "cdktf-cognito"',
    ),
    ...checkPattern(
      'backend.roleArn',
      b.roleArn,
      /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/,
      'must be an IAM role ARN',
      'use arn:<partition>:iam::<account>:role/<name>',
    ),
    ...checkPattern(
      'backend.kmsKeyId',
      b.kmsKeyId,
      /^(arn:[\w-]+:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+|[0-9a-f-]{36}|alias\/[\w/-]+)$/,
      'must be a KMS key id, alias or ARN',
      'copy it from the KMS console',
    ),
  ];
}

function duplicateNames(environments: readonly EnvironmentConfig[]): Problem[] {
  return environments.flatMap((env, i) => {
    const first = environments.findIndex((e) => e.name === env.name);
    return first < i
      ? [
          {
            path: `environments[${i}].name`,
            rule: `must be unique (environments[${first}] has it too)`,
            received: env.name,
            fix: 'rename one of them',
          },
        ]
      : [];
  });
}

/** Settings that are one of several forms: an environment's choice replaces the default's whole. */
export const REPLACED_WHOLE = new Set(['email', 'domain', 'handler']);

function deepMerge(base: object, override: object): object {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) && !REPLACED_WHOLE.has(key) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
