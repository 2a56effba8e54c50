import { KmsKey, KmsKeyConfig } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { arn, policyDocument } from '../core/iam';

/** Settings of a {@link SenderKey}. */
export interface SenderKeyProps {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/**
 * The KMS key with which Cognito encrypts the codes it hands to custom email and SMS senders.
 * Cognito may encrypt with it only for this account's user pools in this region (source conditions;
 * the pool's own ARN cannot be named, since the pool refers to the key). The sender functions get
 * `kms:Decrypt` through their own roles.
 */
export class SenderKey extends Construct {
  /** The key's ARN. */
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: SenderKeyProps) {
    super(scope, id);
    this.keyArn = new KmsKey(this, 'key', renderSenderKey(props)).arn;
  }
}

/** The key's arguments: rotated yearly, 30 days before a deleted key is gone. */
export function renderSenderKey(props: SenderKeyProps): KmsKeyConfig {
  return {
    description: 'Encrypts the codes Cognito passes to custom sender triggers',
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: senderKeyPolicy(props),
  };
}

/**
 * The key's policy: the owning account administers it; Cognito may encrypt only for this account's pools
 * in this region. Shared by the library and the module (which reads account, region and partition from
 * a resource it creates: it declares no environment).
 */
function senderKeyPolicy(props: SenderKeyProps): string {
  return policyDocument([
    {
      Sid: 'OwningAccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: `arn:${props.partition}:iam::${props.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CognitoEncryptsForThisAccountsPools',
      Effect: 'Allow',
      Principal: { Service: 'cognito-idp.amazonaws.com' },
      Action: ['kms:CreateGrant', 'kms:Encrypt'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': props.accountId },
        ArnLike: { 'aws:SourceArn': arn(props.partition, 'cognito-idp', props.region, props.accountId, 'userpool/*') },
      },
    },
  ]);
}
