import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { BackendConfig, ExistingPoolConfig, PoolConfig } from './config-schema';
import { buildPool, ConfigPaths } from './pool-from-config';
import { AwsEnvironment } from '../core/aws-environment';
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
      assumeRole: props.deployRoleArn ? [{ roleArn: props.deployRoleArn, sessionName: `cdktf-cognito-${id}` }] : undefined,
      defaultTags: props.tags && Object.keys(props.tags).length > 0 ? [{ tags: { ...props.tags } }] : undefined,
    });
    if (props.backend) {
      const backend = new S3Backend(this, {
        bucket: props.backend.bucket,
        region: props.backend.region,
        key: `${props.backend.keyPrefix ?? 'cdktf-cognito'}/${id}/terraform.tfstate`,
        encrypt: true,
        kmsKeyId: props.backend.kmsKeyId,
        assumeRole: props.backend.roleArn ? { roleArn: props.backend.roleArn } : undefined,
      });
      // S3 native locking (Terraform >= 1.10): no DynamoDB table. The engine's backend class predates it.
      backend.addOverride('use_lockfile', true);
    } else {
      // Beside the output folder (terraform runs in <out>/stacks/<id> or <out>/hcl/<id>), not in it: the
      // output is generated (the cdktf CLI deletes a removed stack's folder), the state must outlive it.
      // Relative: no machine path.
      new LocalBackend(this, { path: `../../../${localStateFile(id)}` });
      Annotations.of(this).addWarning(localStateWarning(id));
    }
    this.buildProblems = buildPool(this, 'pool', props.pool, props.configPath ?? 'pool', this.configPaths, props.existingPool, props.configDir);
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
