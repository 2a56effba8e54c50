import { readFileSync } from 'fs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { addDynamicBlocks, splitDynamicBlocks, terraformName } from '../core/conditional';
import { ref, TerraformIterator, TerraformLocal, TerraformStack, Token } from '../engine';
import { renderSenderKey } from '../triggers/sender-key';
import { BUILT_IN_HANDLERS, TriggerCode } from '../triggers/trigger-code';
import { grantPolicy, logsAndTracesPolicy, renderTriggerFunction, renderTriggerLogGroup, renderTriggerRole } from '../triggers/trigger-function';
import { TRIGGER_OPERATIONS, TriggerOperation } from '../triggers/trigger-operation';

/**
 * Triggers in the Terraform module: an existing function by its ARN, or a function the module creates from
 * a zip the user built, with the library's own resources rendered by the library's own functions
 * (`triggers/trigger-function.ts`, `triggers/sender-key.ts`): a role trusting only Lambda, a log group with
 * retention that only the role writes to, pool actions and the sender key's `kms:Decrypt` in policies of
 * their own, and an invoke permission for this pool and account only. Resources are keyed by operation
 * (`aws_lambda_function.this["post_confirmation"]`).
 */

/** Where the module ships the ready-made handlers' packages, and their entry point. */
export const BUILT_IN_DIR = 'handlers';
const BUILT_IN_ENTRY = 'index.handler';

/**
 * The ready-made handlers' packages, by their path in the module: what the library deploys for
 * `TriggerCode.emailDomainAllowlist` and `TriggerCode.groupClaims` (the code does not depend on their
 * settings, which are environment variables).
 */
export function builtInPackages(): Record<string, Buffer> {
  const packages = [TriggerCode.emailDomainAllowlist([]), TriggerCode.groupClaims({ groupScopes: {} })].map((code) => code.package());
  if (packages.some((p) => p.handler !== BUILT_IN_ENTRY)) throw new Error(`the ready-made handlers' entry point is no longer ${BUILT_IN_ENTRY}`);
  const files = [BUILT_IN_HANDLERS.emailDomainAllowlist.file, BUILT_IN_HANDLERS.groupClaims.file];
  return Object.fromEntries(packages.map((p, i) => [`${BUILT_IN_DIR}/${files[i]}.zip`, readFileSync(p.zipPath)]));
}

/** Every operation by its module name (`pre_sign_up`), with its library name (`preSignUp`, in default function names). */
export const MODULE_TRIGGER_OPERATIONS: Readonly<Record<string, TriggerOperation>> = Object.fromEntries(
  Object.values(TriggerOperation).map((operation) => [terraformName(operation), operation]),
);

/** The custom senders, by their module names: Cognito encrypts their codes with a KMS key. */
export const MODULE_SENDERS: readonly string[] = Object.keys(MODULE_TRIGGER_OPERATIONS).filter(
  (name) => TRIGGER_OPERATIONS[MODULE_TRIGGER_OPERATIONS[name]!].needsKmsKey,
);

const PRE_TOKEN = terraformName(TriggerOperation.PRE_TOKEN_GENERATION);
const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
const str = (expression: string): string => Token.asString(ref(expression));

/** Adds the trigger functions, the sender key, the invoke permissions and the pool's `lambda_config`. */
export function addTriggers(stack: TerraformStack, pool: CognitoUserPool): void {
  const local = (name: string, expression: string) => new TerraformLocal(stack, `local-${name}`, `\${${expression}}`).overrideLogicalId(name);
  local(
    'trigger_operations',
    `{ ${Object.entries(MODULE_TRIGGER_OPERATIONS)
      .map(([name, operation]) => `${name} = ${JSON.stringify(operation)}`)
      .join(', ')} }`,
  );
  // The code of each trigger whose function the module creates: the user's zip, or a ready-made handler's
  // package shipped in handlers/ with the environment variables that configure it (the user's added after).
  const { emailDomainAllowlist: allowlist, groupClaims: groups } = BUILT_IN_HANDLERS;
  const builtInEnvironment = [
    `${allowlist.environment.domains} = t.handler.email_domain_allowlist == null ? null : join(",", t.handler.email_domain_allowlist)`,
    `${groups.environment.groupScopes} = t.handler.group_claims == null ? null : jsonencode(t.handler.group_claims.group_scopes)`,
    `${groups.environment.groupsClaim} = try(t.handler.group_claims.groups_claim, null)`,
    `${groups.environment.roleClaim} = try(t.handler.group_claims.role_claim, null)`,
  ];
  local(
    'trigger_code',
    '{ for k, t in var.triggers : k => { ' +
      `zip_file = t.handler.zip_file != null ? t.handler.zip_file : "\${path.module}/${BUILT_IN_DIR}/\${t.handler.email_domain_allowlist != null ? ${JSON.stringify(allowlist.file)} : ${JSON.stringify(groups.file)}}.zip", ` +
      `handler = t.handler.zip_file != null ? t.handler.handler : ${JSON.stringify(BUILT_IN_ENTRY)}, ` +
      `environment = merge({ for name, value in { ${builtInEnvironment.join(', ')} } : name => value if value != null }, t.environment) ` +
      '} if t.handler.function_arn == null && contains(keys(local.trigger_operations), k) }',
  );
  // The triggers whose function the module creates, with the defaults the library computes: the name
  // `<pool name>-<operation>` (within Lambda's 64 characters) and the zip's hash.
  local(
    'trigger_functions',
    '{ for k, code in local.trigger_code : k => merge(var.triggers[k], code, { ' +
      'function_name = var.triggers[k].function_name != null ? var.triggers[k].function_name : "${substr(replace(var.name, "/[^a-zA-Z0-9_-]/", "-"), 0, 63 - length(local.trigger_operations[k]))}-${local.trigger_operations[k]}", ' +
      'source_code_hash = var.triggers[k].handler.source_code_hash != null ? var.triggers[k].handler.source_code_hash : filebase64sha256(code.zip_file) ' +
      '}) }',
  );
  // Each trigger's function: the one given, or the one created here.
  local(
    'trigger_arns',
    'merge({ for k, t in var.triggers : k => t.handler.function_arn if t.handler.function_arn != null }, { for k, f in aws_lambda_function.this : k => f.arn })',
  );
  local('sender_kms_key_arn', 'var.custom_sender_kms_key_arn != null ? var.custom_sender_kms_key_arn : one(aws_kms_key.this[*].arn)');

  const each = (field: string) => str(`each.value.${field}`);
  const functions = iterate('local.trigger_functions');
  const logGroup = resource(new CloudwatchLogGroup(stack, 'trigger-logs', { ...renderTriggerLogGroup(settings()), forEach: functions }));
  resource(new IamRole(stack, 'trigger-role', { ...renderTriggerRole(each('function_name')), forEach: functions }));
  const basics = resource(
    new IamRolePolicy(stack, 'trigger-logs-and-traces', {
      role: str('aws_iam_role.this[each.key].id'),
      name: 'logs-and-traces',
      policy: logsAndTracesPolicy(str('aws_cloudwatch_log_group.this[each.key].arn')),
      forEach: functions,
    }),
  );
  const { config, dynamicBlocks } = splitDynamicBlocks(
    renderTriggerFunction(settings(), str('aws_iam_role.this[each.key].arn'), str('aws_cloudwatch_log_group.this[each.key].name')),
  );
  // Without these the first invocations could log nowhere, or fail before the role can write logs.
  const fn = resource(new LambdaFunction(stack, 'trigger-function', { ...config, forEach: functions, dependsOn: [logGroup, basics] }));
  addDynamicBlocks(fn, dynamicBlocks);

  // Pool actions on the pool's ARN, in a policy of their own: the function never refers to its pool (no cycle).
  resource(
    new IamRolePolicy(stack, 'trigger-pool-actions', {
      role: str('aws_iam_role.this[each.key].name'),
      name: 'pool-actions',
      policy: grantPolicy(Token.asList(ref('each.value.pool_actions')), [pool.arn]),
      forEach: iterate('{ for k, f in local.trigger_functions : k => f if length(f.pool_actions) > 0 }'),
    }),
    'pool_actions',
  );

  // The sender key, when a sender's function is created here and no key is given. Its policy names the
  // account, region and partition, read from a log group created here (the module declares no environment).
  const createdSenders = `[for k, f in local.trigger_functions : k if contains(${list(MODULE_SENDERS)}, k)]`;
  local('trigger_log_group_arn_parts', 'try(split(":", values(aws_cloudwatch_log_group.this)[0].arn), null)');
  const arnPart = (index: number) => str(`local.trigger_log_group_arn_parts[${index}]`);
  resource(
    new KmsKey(stack, 'sender-key', {
      ...renderSenderKey({ partition: arnPart(1), region: arnPart(3), accountId: arnPart(4) }),
      count: Token.asNumber(ref(`length(${createdSenders}) > 0 && var.custom_sender_kms_key_arn == null ? 1 : 0`)),
    }),
  );
  resource(
    new IamRolePolicy(stack, 'trigger-decrypt-codes', {
      role: str('aws_iam_role.this[each.key].name'),
      name: 'decrypt-codes',
      policy: grantPolicy(['kms:Decrypt'], [str('local.sender_kms_key_arn')]),
      forEach: iterate(`{ for k, f in local.trigger_functions : k => f if contains(${list(MODULE_SENDERS)}, k) }`),
    }),
    'decrypt_codes',
  );

  resource(
    new LambdaPermission(stack, 'trigger-permission', {
      forEach: iterate('var.triggers'),
      action: 'lambda:InvokeFunction',
      functionName: str('local.trigger_arns[each.key]'),
      principal: 'cognito-idp.amazonaws.com',
      sourceArn: pool.arn,
      // The pool's account, read from its ARN: the module needs no declared environment.
      sourceAccount: str('split(":", aws_cognito_user_pool.this.arn)[4]'),
    }),
  );
  pool.addOverride('dynamic.lambda_config', lambdaConfig());
}

/** One function's settings as expressions on `each.value` of `local.trigger_functions`. */
function settings() {
  const each = (field: string) => str(`each.value.${field}`);
  return {
    functionName: each('function_name'),
    description: str('"Cognito trigger (${basename(each.value.zip_file)})"'),
    runtime: each('runtime'),
    handler: each('handler'),
    filename: each('zip_file'),
    sourceCodeHash: each('source_code_hash'),
    memorySize: Token.asNumber(ref('each.value.memory_size')),
    timeoutSeconds: Token.asNumber(ref('each.value.timeout_seconds')),
    environment: Token.asStringMap(ref('each.value.environment')),
    logRetentionDays: Token.asNumber(ref('each.value.log_retention_days')),
  };
}

/**
 * `lambda_config` names only the operations given, as the library's `PoolTriggers` does: pre token
 * generation through its config block (the legacy argument alone pins V1_0), the senders with their event
 * version and the KMS key.
 */
function lambdaConfig(): Record<string, unknown> {
  const given = (operation: string) => `contains(keys(var.triggers), ${JSON.stringify(operation)})`;
  const versioned = (operation: string) => ({
    for_each: `\${${given(operation)} ? [1] : []}`,
    content: {
      lambda_arn: `\${local.trigger_arns[${JSON.stringify(operation)}]}`,
      lambda_version: `\${coalesce(var.triggers[${JSON.stringify(operation)}].event_version, ${JSON.stringify(TRIGGER_OPERATIONS[MODULE_TRIGGER_OPERATIONS[operation]!].defaultVersion)})}`,
    },
  });
  const plain = Object.keys(MODULE_TRIGGER_OPERATIONS).filter((operation) => operation !== PRE_TOKEN && !MODULE_SENDERS.includes(operation));
  return {
    for_each: '${length(var.triggers) > 0 ? [1] : []}',
    content: {
      ...Object.fromEntries(plain.map((operation) => [operation, `\${lookup(local.trigger_arns, ${JSON.stringify(operation)}, null)}`])),
      kms_key_id: `\${length(setintersection(keys(var.triggers), ${list(MODULE_SENDERS)})) > 0 ? local.sender_kms_key_arn : null}`,
      dynamic: Object.fromEntries(
        [PRE_TOKEN, ...MODULE_SENDERS].map((operation) => [`${operation}${operation === PRE_TOKEN ? '_config' : ''}`, versioned(operation)]),
      ),
    },
  };
}

/** `for_each` over a map, written as an expression (`each.key`, `each.value` in the arguments). */
function iterate(collection: string): TerraformIterator {
  return TerraformIterator.fromMap(Token.asAnyMap(ref(collection)));
}

/** The resource under its module address: `this`, or `name` beside another of its type. */
function resource<T extends { overrideLogicalId(id: string): void }>(r: T, name = 'this'): T {
  r.overrideLogicalId(name);
  return r;
}
