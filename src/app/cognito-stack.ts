import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { BackendConfig, PoolConfig } from './config-schema';
import { buildPool, ConfigPaths } from './pool-from-config';
import { AwsEnvironment } from '../core/aws-environment';
import { Problem } from '../core/problem';
import { S3Backend, TerraformStack } from '../engine';

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
  /** Where state is kept. */
  readonly backend: BackendConfig;
  /** The pool, its domain, resource servers, clients and triggers. */
  readonly pool: PoolConfig;
  /** The configuration path of `pool`, for messages. @default "pool" */
  readonly configPath?: string;
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
    this.buildProblems = buildPool(this, 'pool', props.pool, props.configPath ?? 'pool', this.configPaths);
  }
}
