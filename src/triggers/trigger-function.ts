import { CloudwatchLogGroup, CloudwatchLogGroupConfig } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole, IamRoleConfig } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction, LambdaFunctionConfig } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';
import { TriggerCode } from './trigger-code';
import { policyDocument } from '../core/iam';
import { optionalBlock } from '../core/conditional';
import { isKnown } from '../core/problem';
import { Annotations, AssetType, Fn, Op, TerraformAsset, Token } from '../engine';

/** The Node.js runtimes Lambda supports for trigger functions. */
export enum TriggerRuntime {
  NODEJS_20_X = 'nodejs20.x',
  NODEJS_22_X = 'nodejs22.x',
}

/** Settings of a {@link TriggerFunction}. */
export interface TriggerFunctionProps {
  /** The code. */
  readonly code: TriggerCode;
  /** The function name (also names its role and log group), at most 64 characters. */
  readonly functionName: string;
  /**
   * The runtime.
   * @default TriggerRuntime.NODEJS_22_X
   */
  readonly runtime?: TriggerRuntime | undefined;
  /**
   * Memory in MB.
   * @default 256
   */
  readonly memorySize?: number | undefined;
  /**
   * Seconds the function may run. Cognito waits 5 seconds for most triggers, so more rarely helps.
   * @default 5
   */
  readonly timeoutSeconds?: number | undefined;
  /**
   * Environment variables, added to the code's own. No secrets: they are visible to anyone who can read
   * the function's configuration.
   * @default - none
   */
  readonly environment?: { readonly [name: string]: string } | undefined;
  /**
   * Days the function's logs are kept.
   * @default 365
   */
  readonly logRetentionDays?: number | undefined;
}

/**
 * A Lambda function for a user pool trigger: its own execution role (trusting only Lambda), its own log
 * group with retention (and permission to write only there), X-Ray tracing, a supported runtime, and a
 * deterministic code package.
 */
export class TriggerFunction extends Construct {
  /** The function's ARN. */
  public readonly functionArn: string;
  /** The function's name. */
  public readonly functionName: string;
  /** The execution role's name, for extra grants in separate policies. */
  public readonly roleName: string;
  /** The execution role's ARN. */
  public readonly roleArn: string;
  /** The environment the function gets: the code's, then the props'. */
  public readonly environment: { readonly [name: string]: string };
  /** The underlying `aws_lambda_function`. */
  public readonly resource: LambdaFunction;

  constructor(scope: Construct, id: string, props: TriggerFunctionProps) {
    super(scope, id);
    const packaged = props.code.package();
    this.environment = { ...packaged.environment, ...props.environment };
    const asset = new TerraformAsset(this, 'code', { path: packaged.zipPath, type: AssetType.FILE });
    if (packaged.excluded.length > 0) {
      Annotations.of(this).addWarning(
        `Left out of the package of ${packaged.source} (dotfiles and credential-looking files are never deployed): ${packaged.excluded.join(', ')}`,
      );
    }

    const settings: TriggerFunctionSettings = {
      functionName: props.functionName,
      description: `Cognito trigger (${packaged.source})`,
      runtime: props.runtime ?? TriggerRuntime.NODEJS_22_X,
      handler: packaged.handler,
      filename: asset.path,
      sourceCodeHash: packaged.sourceCodeHash,
      memorySize: props.memorySize ?? 256,
      timeoutSeconds: props.timeoutSeconds ?? 5,
      environment: this.environment,
      logRetentionDays: props.logRetentionDays ?? 365,
    };
    const logGroup = new CloudwatchLogGroup(this, 'logs', renderTriggerLogGroup(settings));
    const role = new IamRole(this, 'role', renderTriggerRole(settings.functionName));
    const basics = new IamRolePolicy(this, 'logs-and-traces', { role: role.id, name: 'logs-and-traces', policy: logsAndTracesPolicy(logGroup.arn) });
    this.resource = new LambdaFunction(this, 'function', {
      ...renderTriggerFunction(settings, role.arn, logGroup.name),
      // Without these the first invocations could log nowhere, or fail before the role can write logs.
      dependsOn: [logGroup, basics],
    });
    this.functionArn = this.resource.arn;
    this.functionName = this.resource.functionName;
    this.roleName = role.name;
    this.roleArn = role.arn;
  }

  /** Grants the function's role more actions, in a policy of its own (never inline in the function). */
  public grant(id: string, actions: readonly string[], resources: readonly string[]): IamRolePolicy {
    return new IamRolePolicy(this, id, {
      role: this.roleName,
      name: id,
      policy: grantPolicy(actions, resources),
    });
  }
}

/**
 * What a trigger function's resources are made of: literals in the library, Terraform expressions in the
 * module (`src/module/triggers-module.ts`), which renders its functions with the same functions below.
 */
export interface TriggerFunctionSettings {
  readonly functionName: string;
  readonly description: string;
  readonly runtime: string;
  /** `<file>.<export>`. */
  readonly handler: string;
  /** The zip. */
  readonly filename: string;
  readonly sourceCodeHash: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  readonly environment: { readonly [name: string]: string };
  readonly logRetentionDays: number;
}

/** The function's own log group, with retention. */
export function renderTriggerLogGroup(s: TriggerFunctionSettings): CloudwatchLogGroupConfig {
  return { name: `/aws/lambda/${s.functionName}`, retentionInDays: s.logRetentionDays };
}

/** The execution role: trusts only Lambda. */
export function renderTriggerRole(functionName: string): IamRoleConfig {
  return {
    // Role names are global in an account, function names only per region: a prefix keeps two regions apart.
    namePrefix: `${leading(functionName, 37)}-`,
    description: `Execution role of the Cognito trigger ${functionName}`,
    assumeRolePolicy: policyDocument([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
  };
}

/** The role's basic policy: writing to its own log group only, and traces. */
export function logsAndTracesPolicy(logGroupArn: string): string {
  return policyDocument([
    { Sid: 'OwnLogGroupOnly', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn}:*` },
    // X-Ray accepts no resource-level restriction for these two actions.
    { Sid: 'Traces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
  ]);
}

/** A grant of more actions, in a policy of its own. */
export function grantPolicy(actions: readonly string[], resources: readonly string[]): string {
  if (!Token.isUnresolved(actions)) return policyDocument([{ Effect: 'Allow', Action: [...actions], Resource: [...resources] }]);
  // A token for a whole list (the module's pool actions) cannot sit in a JSON string: Terraform encodes the
  // list in place, so the document stays the same JSON template as every other policy.
  const encoded = Token.asString(Fn.jsonencode(actions));
  return policyDocument([{ Effect: 'Allow', Action: encoded, Resource: [...resources] }]).replace(JSON.stringify(encoded), encoded);
}

/** The function: arm64, X-Ray tracing, JSON logs into its own log group, environment only when there is one. */
export function renderTriggerFunction(s: TriggerFunctionSettings, roleArn: string, logGroupName: string): LambdaFunctionConfig {
  return {
    functionName: s.functionName,
    description: s.description,
    role: roleArn,
    runtime: s.runtime,
    architectures: ['arm64'],
    handler: s.handler,
    filename: s.filename,
    sourceCodeHash: s.sourceCodeHash,
    memorySize: s.memorySize,
    timeout: s.timeoutSeconds,
    tracingConfig: { mode: 'Active' },
    loggingConfig: { logFormat: 'JSON', logGroup: logGroupName },
    ...optionalBlock('environment', hasEntries(s.environment), { variables: s.environment as { [name: string]: string } }),
  };
}

/** The first `length` characters (a Terraform `substr` for a token). */
function leading(value: string, length: number): string {
  return isKnown(value) ? value.slice(0, length) : Token.asString(Fn.substr(value, 0, length));
}

/** Whether a map has entries (a Terraform `length` for a token). */
function hasEntries(map: { readonly [name: string]: string }): boolean {
  return Token.isUnresolved(map) ? (Op.gte(Fn.lengthOf(map), 1) as unknown as boolean) : Object.keys(map).length > 0;
}
