import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { ACCOUNT_ID, handOffKeyArguments, handOffKeyStatements, handOffSecretArguments, handOffSecretStatements } from '../client/secret-hand-off';
import { policyObject } from '../core/iam';
import { Fn, ref, TerraformIterator, TerraformLocal, TerraformStack, Token } from '../engine';

/**
 * Clients' secret hand-off in the Terraform module (`clients[*].secret_hand_off`), as the library's
 * `ClientSecretHandOff` makes it, with the same arguments and policy statements: per client a KMS key
 * of its own, the Secrets Manager secret encrypted with it, its value (client id, secret, token endpoint,
 * scopes) and the policy that lets the named readers only read it. The module has no declared
 * environment: partition, region and account are read from the pool's ARN.
 */

const str = (expression: string): string => Token.asString(ref(expression));
const poolArnPart = (index: number) => str(`split(":", aws_cognito_user_pool.this.arn)[${index}]`);
const POOL_PARTITION = 'split(":", aws_cognito_user_pool.this.arn)[1]';

/** The clients whose credentials are handed off, with their settings (preset applied), by key. */
const HAND_OFFS = '{ for k, c in local.clients : k => c if c.secret_hand_off != null }';

/** The outputs the hand-off adds: each secret's ARN, by client key. */
export const HAND_OFF_OUTPUT = {
  name: 'hand_off_secret_arns',
  value: '${{ for k, s in aws_secretsmanager_secret.this : k => s.arn }}',
  description: 'The Secrets Manager secret holding the credentials of each client with secret_hand_off, by key: give it to the readers.',
};

/** Adds each hand-off's key, secret, value and policy, keyed like the clients. */
export function addSecretHandOffs(stack: TerraformStack): void {
  const [partition, region, accountId] = [poolArnPart(1), poolArnPart(3), poolArnPart(4)];
  // Each secret's name, named once: the library's default is cognito/<pool name>/<client name>.
  new TerraformLocal(
    stack,
    'local-hand_off_secret_names',
    `\${{ for k, c in ${HAND_OFFS} : k => coalesce(c.secret_hand_off.secret_name, "cognito/\${var.name}/\${c.name}") }}`,
  ).overrideLogicalId('hand_off_secret_names');
  const secretName = str('local.hand_off_secret_names[each.key]');
  // Account ids become their root principals, as the library's readerPrincipal makes them.
  const readers = Token.asList(
    ref(
      `[for r in each.value.secret_hand_off.readers : can(regex(${JSON.stringify(ACCOUNT_ID.source)}, r)) ? "arn:\${${POOL_PARTITION}}:iam::\${r}:root" : r]`,
    ),
  );
  const forEach = () => TerraformIterator.fromMap(Token.asAnyMap(ref(HAND_OFFS)));

  const key = new KmsKey(stack, 'hand-off-key', {
    ...handOffKeyArguments(secretName),
    policy: Fn.jsonencode(policyObject(handOffKeyStatements({ partition, region, accountId, secretName, readers }))),
    forEach: forEach(),
  });
  // `this` is the triggers' sender key.
  key.overrideLogicalId('hand_off');
  const secret = new SecretsmanagerSecret(stack, 'hand-off-secret', {
    ...handOffSecretArguments(secretName),
    kmsKeyId: str('aws_kms_key.hand_off[each.key].arn'),
    forEach: forEach(),
    dependsOn: [key],
  });
  secret.overrideLogicalId('this');
  new SecretsmanagerSecretVersion(stack, 'hand-off-value', {
    secretId: str('aws_secretsmanager_secret.this[each.key].id'),
    secretString: Fn.jsonencode({
      client_id: str('aws_cognito_user_pool_client.this[each.key].id'),
      client_secret: str('aws_cognito_user_pool_client.this[each.key].client_secret'),
      token_endpoint: str('local.domain_base_url == null ? null : "${local.domain_base_url}/oauth2/token"'),
      scopes: Token.asList(ref('each.value.scopes')),
    }),
    forEach: forEach(),
    dependsOn: [secret],
  }).overrideLogicalId('this');
  new SecretsmanagerSecretPolicy(stack, 'hand-off-policy', {
    secretArn: str('aws_secretsmanager_secret.this[each.key].arn'),
    blockPublicPolicy: true,
    policy: Fn.jsonencode(policyObject(handOffSecretStatements(readers))),
    forEach: forEach(),
    dependsOn: [secret],
  }).overrideLogicalId('this');
}
