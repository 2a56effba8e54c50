import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { BackendConfig, ExistingPoolConfig, PoolConfig } from './config-schema';
import { buildPool, ConfigPaths } from './pool-from-config';
import { confineRoles, recordPipelineMetadata } from '../bootstrap/stack-pipeline';
import { pipelineRoleArn } from '../bootstrap/pipeline-policies';
import { AwsEnvironment, partitionOfRegion } from '../core/aws-environment';
import { Problem } from '../core/problem';
import { Annotations, LocalBackend, S3Backend, TerraformStack } from '../engine';

/** Settings of a {@link CognitoStack}: one AWS account and environment. */
export interface CognitoStackProps {
  /** The 12-digit account the stack deploys to. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /**
   * The role Terraform assumes in the account.
   * @default - the caller's credentials, which must belong to the account
   */
  readonly deployRoleArn?: string;
  /**
   * Tags on every resource (the provider's `default_tags`).
   * @default - none
   */
  readonly tags?: { readonly [key: string]: string };
  /**
   * Where state is kept.
   * @default - a local state file, `terraform.<stack>.tfstate` in the working directory, with a warning
   */
  readonly backend?: BackendConfig | undefined;
  /**
   * A pool that exists already: the children are added to it and no pool is created.
   * @default - the stack creates its pool
   */
  readonly existingPool?: ExistingPoolConfig | undefined;
  /** The pool, its domain, resource servers, clients and triggers. */
  readonly pool: PoolConfig;
  /**
   * The pipeline's bootstrap roles: the provider assumes no role (each pipeline job holds the plan or the
   * deploy role), and every IAM role of the stack goes under `/<prefix>/` with the permissions boundary.
   * @default - the provider assumes `deployRoleArn`
   */
  readonly pipeline?: { readonly prefix: string } | undefined;
  /** The configuration path of `pool`, for messages. @default "pool" */
  readonly configPath?: string;
  /**
   * The configuration file's folder: trigger handler paths are relative to it.
   * @default - the working directory
   */
  readonly configDir?: string;
}

/**
 * One stack per AWS account and environment: the AWS provider locked to that account (a credential for
 * another account fails at plan), an encrypted, locked S3 state of its own, and the user pool.
 * Reads nothing from AWS at plan time.
 */
export class CognitoStack extends TerraformStack {
  /** Which configuration path each construct came from. */
  public readonly configPaths: ConfigPaths = new Map();
  /** Problems found while building (reported with the validation problems). */
  public readonly buildProblems: Problem[];

  constructor(scope: Construct, id: string, props: CognitoStackProps) {
    super(scope, id);
    AwsEnvironment.declare(this, { accountId: props.accountId, region: props.region });
    new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      assumeRole: props.deployRoleArn && !props.pipeline ? [{ roleArn: props.deployRoleArn, sessionName: `cdktf-cognito-${id}` }] : undefined,
      defaultTags: props.tags && Object.keys(props.tags).length > 0 ? [{ tags: { ...props.tags } }] : undefined,
    });
    addStateBackend(this, id, props.backend);
    if (props.pipeline) {
      // The pipeline picks the role per job (plan or deploy, through GitHub OIDC): the stack assumes none.
      const account = { partition: partitionOfRegion(props.region), accountId: props.accountId, prefix: props.pipeline.prefix };
      confineRoles(this, account);
      recordPipelineMetadata(this, { kind: 'app', planRoleArn: pipelineRoleArn(account, 'plan'), deployRoleArn: pipelineRoleArn(account, 'deploy') });
    }
    this.buildProblems = buildPool(this, 'pool', props.pool, props.configPath ?? 'pool', this.configPaths, props.existingPool, props.configDir);
  }

  /**
   * The engine resolves every element of a stack twice: first a "preparing" pass, whose only effect is
   * to find references to another stack's resources (and add remote state and outputs for them), then the
   * pass that writes. An environment's stack refers to no other stack (each is an account of its own, and
   * its constructs are built from its configuration alone), so the first pass only costs: about a third
   * of the engine's synthesis. The backend is still ensured as the engine does.
   */
  public prepareStack(): void {
    this.ensureBackendExists();
  }
}

/** The state key prefix when the backend names none: keys are `<prefix>/<stack>/terraform.tfstate`. */
export const DEFAULT_STATE_KEY_PREFIX = 'cdktf-cognito';

/**
 * The stack's state: in S3 (encrypted, locked with a lock file, under `<keyPrefix>/<stack>/`), or a local
 * file beside the output folder with a warning.
 */
export function addStateBackend(
  stack: TerraformStack,
  id: string,
  backend: BackendConfig | undefined,
  keyPrefix = backend?.keyPrefix ?? DEFAULT_STATE_KEY_PREFIX,
): void {
  if (backend) {
    const s3 = new S3Backend(stack, {
      bucket: backend.bucket,
      region: backend.region,
      key: `${keyPrefix}/${id}/terraform.tfstate`,
      encrypt: true,
      kmsKeyId: backend.kmsKeyId,
      assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
    });
    // S3 native locking (Terraform >= 1.10): no DynamoDB table. The engine's backend class predates it.
    s3.addOverride('use_lockfile', true);
  } else {
    // Beside the output folder (terraform runs in <out>/stacks/<id> or <out>/hcl/<id>), not in it: every
    // synth replaces the output folder whole, and the state must outlive it. Relative: no machine path.
    new LocalBackend(stack, { path: `../../../${localStateFile(id)}` });
    Annotations.of(stack).addWarning(localStateWarning(id));
  }
}

/** The local state file of a stack without a backend, beside the output folder. */
export function localStateFile(stack: string): string {
  return `terraform.${stack}.tfstate`;
}

/** What local state means, said where the user sees it. */
export function localStateWarning(stack: string): string {
  return (
    `No backend is configured: Terraform keeps this stack's state in ${localStateFile(stack)} beside the output folder (cdktf.out), on this machine only. ` +
    'That is fine for trying things out; a team must not work this way: nobody else sees the state, nothing locks it, ' +
    'two people applying overwrite each other, and whoever loses the file loses track of the pool (a new apply then fails ' +
    'on the existing names, or creates a second pool). The file also holds client secrets in plain text. ' +
    'Set backend (an S3 bucket, encrypted and locked) in the configuration before anyone else applies.'
  );
}
