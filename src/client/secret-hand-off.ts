import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import { policyDocument, PolicyStatement } from '../core/iam';

/** Settings of a {@link ClientSecretHandOff}. */
export interface ClientSecretHandOffProps {
  /** The secret's name. */
  readonly secretName: string;
  /** Account ids or IAM principal ARNs that may read it. */
  readonly readers: readonly string[];
  /** The owning account, whose administrators keep control of the key. */
  readonly accountId: string;
  /** The region (Secrets Manager decrypts through KMS in it). */
  readonly region: string;
  /** The ARN partition. */
  readonly partition: string;
  /** What the secret holds: client id, secret and token endpoint. */
  readonly value: { readonly client_id: string; readonly client_secret: string; readonly token_endpoint: string; readonly scopes: readonly string[] };
}

/**
 * A machine client's credentials in AWS Secrets Manager, for readers in other accounts: encrypted with a
 * customer-managed key of its own (the AWS-managed key cannot be shared across accounts), readable by the
 * named principals only, decryptable by them only through Secrets Manager and for this one secret
 * (the `kms:EncryptionContext:SecretARN` condition). Readers still need an IAM
 * policy in their own account that allows `secretsmanager:GetSecretValue` on the secret and
 * `kms:Decrypt` on the key.
 */
export class ClientSecretHandOff extends Construct {
  /** The secret's ARN, to give to the readers. */
  public readonly secretArn: string;
  /** The key's ARN. */
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: ClientSecretHandOffProps) {
    super(scope, id);
    const readers = props.readers.map((r) => readerPrincipal(r, props.partition));
    const key = new KmsKey(this, 'key', {
      ...handOffKeyArguments(props.secretName),
      policy: policyDocument(handOffKeyStatements({ ...props, readers })),
    });
    const secret = new SecretsmanagerSecret(this, 'secret', { ...handOffSecretArguments(props.secretName), kmsKeyId: key.arn });
    new SecretsmanagerSecretVersion(this, 'value', { secretId: secret.id, secretString: JSON.stringify(props.value) });
    new SecretsmanagerSecretPolicy(this, 'policy', {
      secretArn: secret.arn,
      blockPublicPolicy: true,
      policy: policyDocument(handOffSecretStatements(readers)),
    });
    this.secretArn = secret.arn;
    this.keyArn = key.arn;
  }
}

/** A reader as an IAM principal: an account id becomes its root principal (the account's IAM policies then decide). */
export function readerPrincipal(reader: string, partition: string): string {
  return ACCOUNT_ID.test(reader) ? `arn:${partition}:iam::${reader}:root` : reader;
}

/** A 12-digit account id. */
export const ACCOUNT_ID = /^\d{12}$/;

/** The key's own arguments (its policy apart): rotated, and 30 days to change one's mind after a deletion. */
export function handOffKeyArguments(secretName: string): { description: string; enableKeyRotation: boolean; deletionWindowInDays: number } {
  return { description: `Encrypts ${secretName}`, enableKeyRotation: true, deletionWindowInDays: 30 };
}

/** The secret's own arguments (its key apart). */
export function handOffSecretArguments(secretName: string): { name: string; description: string; recoveryWindowInDays: number } {
  return { name: secretName, description: 'OAuth 2.0 client credentials of a Cognito machine-to-machine client', recoveryWindowInDays: 30 };
}

/**
 * The key policy's statements: the owning account administers the key; the readers (IAM principals) may
 * decrypt only through Secrets Manager in the region, and only for this secret. Pure: the values may be
 * Terraform expressions (the module's readers are one list expression).
 */
export function handOffKeyStatements(p: {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly secretName: string;
  readonly readers: readonly string[];
}): PolicyStatement[] {
  // Secrets Manager puts the secret's ARN in the encryption context of every data key it asks for
  // (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html). The key is
  // made before the secret, so the ARN is matched by name plus the six random characters AWS appends.
  const thisSecretOnly = `arn:${p.partition}:secretsmanager:${p.region}:${p.accountId}:secret:${p.secretName}-??????`;
  return [
    // Without this the key could become unmanageable; the account's own IAM policies decide who acts.
    {
      Sid: 'OwningAccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'ReadersDecryptThroughSecretsManagerOnly',
      Effect: 'Allow',
      Principal: { AWS: [...p.readers] },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${p.region}.amazonaws.com` },
        // Through Secrets Manager, and for this secret only: not for any other secret encrypted with the key.
        StringLike: { 'kms:EncryptionContext:SecretARN': thisSecretOnly },
      },
    },
  ];
}

/** The secret policy's statement: the named readers may read it, nobody else. */
export function handOffSecretStatements(readers: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'NamedReadersOnly',
      Effect: 'Allow',
      Principal: { AWS: [...readers] },
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: '*',
    },
  ];
}
