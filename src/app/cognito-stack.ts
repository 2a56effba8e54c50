import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { AwsEnvironment } from '../core/aws-environment';
import { TerraformStack } from '../engine';
import { UserPool } from '../user-pool/user-pool';
import { UserPoolProps } from '../user-pool/user-pool-props';

/** Settings of a {@link CognitoStack}: one AWS account and region, one user pool. */
export interface CognitoStackProps {
  /** The 12-digit account the stack deploys to. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /**
   * Tags on every resource (the provider's `default_tags`).
   * @default - none
   */
  readonly tags?: { readonly [key: string]: string };
  /** The user pool. */
  readonly pool: UserPoolProps;
}

/**
 * One stack per AWS account and environment: the AWS provider locked to that account, and its user pool.
 */
export class CognitoStack extends TerraformStack {
  /** The user pool. */
  public readonly userPool: UserPool;

  constructor(scope: Construct, id: string, props: CognitoStackProps) {
    super(scope, id);
    AwsEnvironment.declare(this, { accountId: props.accountId, region: props.region });
    new AwsProvider(this, 'aws', {
      region: props.region,
      // A credential for another account fails at plan instead of touching the wrong account.
      allowedAccountIds: [props.accountId],
      defaultTags: props.tags ? [{ tags: { ...props.tags } }] : undefined,
    });
    this.userPool = new UserPool(this, 'user-pool', props.pool);
  }
}
