import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';
import { TriggerCode } from './trigger-code';
import { policyDocument } from '../core/iam';
import { Annotations, AssetType, TerraformAsset } from '../engine';

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

    const logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays ?? 365,
    });
    const role = new IamRole(this, 'role', {
      // Role names are global in an account, function names only per region: a prefix keeps two regions apart.
      namePrefix: `${props.functionName.slice(0, 37)}-`,
      description: `Execution role of the Cognito trigger ${props.functionName}`,
      assumeRolePolicy: policyDocument([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
    });
    const basics = new IamRolePolicy(this, 'logs-and-traces', {
      role: role.id,
      name: 'logs-and-traces',
      policy: policyDocument([
        { Sid: 'OwnLogGroupOnly', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:*` },
        // X-Ray accepts no resource-level restriction for these two actions.
        { Sid: 'Traces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      ]),
    });
    this.resource = new LambdaFunction(this, 'function', {
      functionName: props.functionName,
      description: `Cognito trigger (${packaged.source})`,
      role: role.arn,
      runtime: props.runtime ?? TriggerRuntime.NODEJS_22_X,
      architectures: ['arm64'],
      handler: packaged.handler,
      filename: asset.path,
      sourceCodeHash: packaged.sourceCodeHash,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeoutSeconds ?? 5,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: logGroup.name },
      ...(Object.keys(this.environment).length > 0 ? { environment: { variables: { ...this.environment } } } : {}),
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
      policy: policyDocument([{ Effect: 'Allow', Action: [...actions], Resource: [...resources] }]),
    });
  }
}
