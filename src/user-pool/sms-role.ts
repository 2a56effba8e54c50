import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { createHash } from 'crypto';
import { arn, policyDocument } from '../core/iam';
import { Token } from '../engine';
import { defined } from '../core/defined';

/** Settings of an {@link SmsRole}. */
export interface SmsRoleProps {
  /** The account whose user pools may assume the role. */
  readonly accountId: string;
  /** The region of those user pools. */
  readonly region: string;
  /** The ARN partition. */
  readonly partition: string;
  /**
   * The start of the role's name; Terraform appends a unique suffix, because role names are global in an
   * account and the same pool name may exist in several regions.
   * @default - a name Terraform generates
   */
  readonly roleNamePrefix?: string | undefined;
}

/**
 * The least-privilege IAM role through which Cognito sends SMS.
 *
 * Trust: only `cognito-idp.amazonaws.com`, only with the role's external id, only from user pools of this
 * account and region (confused-deputy protection). Permission: `sns:Publish` to phone numbers; direct SMS
 * has no resource ARN, so the allow is on `*`, and an explicit Deny on every SNS topic keeps the role from
 * publishing anywhere else.
 */
export class SmsRole extends Construct {
  /** The role's ARN, for `sms_configuration.sns_caller_arn`. */
  public readonly roleArn: string;
  /**
   * The external id the trust policy requires. Derived from the construct's path, so it is the same on
   * every synth and differs between pools; it is not a secret (it guards against confused deputies).
   */
  public readonly externalId: string;
  /** The permissions policy: the pool must wait for it, or its first SMS can fail while IAM propagates. */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: SmsRoleProps) {
    super(scope, id);
    this.externalId = `cdktf-cognito-${createHash('sha256').update(this.node.path).digest('hex').slice(0, 24)}`;
    const role = new IamRole(this, 'role', {
      ...defined({ namePrefix: props.roleNamePrefix }),
      description: 'Lets Amazon Cognito send SMS through Amazon SNS for one user pool',
      assumeRolePolicy: policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: 'cognito-idp.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'sts:ExternalId': this.externalId, 'aws:SourceAccount': props.accountId },
            ArnLike: { 'aws:SourceArn': arn(props.partition, 'cognito-idp', props.region, props.accountId, 'userpool/*') },
          },
        },
      ]),
    });
    this.policy = new IamRolePolicy(this, 'publish', {
      role: role.id,
      name: 'cognito-sms-publish',
      policy: policyDocument([
        { Sid: 'PublishSms', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
        { Sid: 'NoTopics', Effect: 'Deny', Action: 'sns:Publish', Resource: arn(props.partition, 'sns', '*', '*', '*') },
      ]),
    });
    this.roleArn = role.arn;
  }
}

/** An IAM role name prefix for a pool (IAM allows at most 38 characters), or none for a token. */
export function smsRoleNamePrefixFor(poolName: string): string | undefined {
  if (Token.isUnresolved(poolName)) return undefined;
  const suffix = '-sms-';
  return poolName.replace(/[^\w+=,.@-]/g, '-').slice(0, 38 - suffix.length) + suffix;
}
