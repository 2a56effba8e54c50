import { CognitoUserPool, CognitoUserPoolLambdaConfig } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { SenderKey } from './sender-key';
import { TriggerCode } from './trigger-code';
import { TriggerFunction, TriggerRuntime } from './trigger-function';
import { TRIGGER_OPERATIONS, TriggerEventVersion, TriggerOperation } from './trigger-operation';
import { AttachedTrigger, checkTriggers } from './trigger-rules';
import { ResolvedAwsEnvironment } from '../core/aws-environment';
import { stableOutput } from '../core/outputs';
import { formatProblem, Problem } from '../core/problem';
import { Annotations, Lazy, Token } from '../engine';
import { defined } from '../core/defined';

/** A Lambda function that exists already, managed elsewhere. */
export class ExistingFunction {
  /** The function by its ARN (with an alias or version if you use one). */
  public static fromArn(functionArn: string): ExistingFunction {
    return new ExistingFunction(functionArn);
  }
  private constructor(public readonly functionArn: string) {}
}

/** What runs a trigger: code to deploy as a new function, or an existing function. */
export type TriggerHandler = TriggerCode | ExistingFunction;

/** How a trigger is attached. */
export interface TriggerOptions {
  /**
   * The event version (pre token generation: V1_0, V2_0 or V3_0; custom senders: V1_0).
   * @default - V2_0 for pre token generation, V1_0 for senders, none for the rest
   */
  readonly eventVersion?: TriggerEventVersion;
  /**
   * Cognito API actions the function may call on this pool (e.g. `cognito-idp:AdminAddUserToGroup`),
   * granted on the pool's ARN through a separate role policy, so the function never refers to the pool.
   * Each must be a named `cognito-idp:` action: wildcards and other services are refused.
   * @default - none
   */
  readonly poolActions?: readonly string[];
  /**
   * The function name (for code deployed here).
   * @default "<pool name>-<operation>"
   */
  readonly functionName?: string;
  /** @default TriggerRuntime.NODEJS_22_X */
  readonly runtime?: TriggerRuntime;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 5 */
  readonly timeoutSeconds?: number;
  /**
   * Environment variables (no secrets).
   * @default - the code's own
   */
  readonly environment?: { readonly [name: string]: string };
  /** @default 365 */
  readonly logRetentionDays?: number;
}

/** A trigger given in the pool's props. */
export interface TriggerSpec extends TriggerOptions {
  /** What runs it. */
  readonly handler: TriggerHandler;
}

/** Settings of {@link PoolTriggers}. */
export interface PoolTriggersProps {
  /**
   * The pool resource whose `lambda_config` names the triggers.
   * @default - the pool is managed elsewhere: its owner sets `lambda_config` from the `lambda_config` output
   */
  readonly pool?: CognitoUserPool;
  /** The pool's ARN (the invoke permissions' `source_arn`). */
  readonly poolArn: string;
  /** The pool's name, for default function names; a token when unknown. */
  readonly poolName: string;
  /** The feature plan, when known. */
  readonly featurePlan: string | undefined;
  readonly env: ResolvedAwsEnvironment;
  /** A KMS key for custom senders that you manage. */
  readonly customSenderKmsKeyArn?: string | undefined;
}

/**
 * The triggers of one pool: functions, invoke permissions (with `source_arn` and `source_account`), grants
 * on the pool through separate policies (no dependency cycle), the custom sender key, and the pool's
 * `lambda_config`, which names only the triggers that are set.
 */
export class PoolTriggers extends Construct {
  private readonly attached: (AttachedTrigger & { readonly functionArn: string })[] = [];
  private readonly functions: TriggerFunction[] = [];
  private senderKeyArn: string | undefined;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: PoolTriggersProps,
  ) {
    super(scope, id);
    this.senderKeyArn = props.customSenderKmsKeyArn;
    this.node.addValidation({
      validate: () =>
        checkTriggers(this.attached, {
          featurePlan: props.featurePlan,
          senderKeyGiven: props.customSenderKmsKeyArn !== undefined,
          environmentDeclared: props.env.accountId !== undefined && props.env.region !== undefined,
        }).map((p) => formatProblem(p)),
    });
  }

  /** The functions created for triggers. */
  public get triggerFunctions(): readonly TriggerFunction[] {
    return this.functions;
  }

  /** Attaches a trigger. `path` names where it was given, for messages. */
  public attach(operation: TriggerOperation, handler: TriggerHandler, options: TriggerOptions, path: string): void {
    const spec = TRIGGER_OPERATIONS[operation];
    const index = this.attached.filter((t) => t.operation === operation).length;
    const id = index === 0 ? operation : `${operation}-${index + 1}`;
    const functionName = options.functionName ?? defaultFunctionName(this.props.poolName, operation, this.node.addr);
    const codeProblem = handler instanceof TriggerCode ? packagingProblem(handler, `${path}.handler`) : undefined;
    if (codeProblem) {
      // Reported with every other problem by the codePackages rule; nothing is made for code that cannot be packaged.
      this.attached.push({
        path,
        operation,
        eventVersion: options.eventVersion,
        created: true,
        functionName,
        environment: {},
        codeProblem,
        functionArn: '',
      });
      return;
    }
    let functionArn: string;
    if (handler instanceof TriggerCode) {
      const fn = new TriggerFunction(this, id, {
        code: handler,
        functionName,
        runtime: options.runtime,
        memorySize: options.memorySize,
        timeoutSeconds: options.timeoutSeconds,
        environment: options.environment,
        logRetentionDays: options.logRetentionDays,
      });
      this.functions.push(fn);
      if (options.poolActions && options.poolActions.length > 0) fn.grant('pool-actions', options.poolActions, [this.props.poolArn]);
      if (spec.needsKmsKey) fn.grant('decrypt-codes', ['kms:Decrypt'], [this.senderKey()]);
      functionArn = fn.functionArn;
    } else {
      functionArn = handler.functionArn;
    }
    this.attached.push({
      path,
      operation,
      eventVersion: options.eventVersion,
      created: handler instanceof TriggerCode,
      functionName,
      environment: handler instanceof TriggerCode ? { ...handler.package().environment, ...options.environment } : {},
      memorySize: options.memorySize,
      timeoutSeconds: options.timeoutSeconds,
      logRetentionDays: options.logRetentionDays,
      poolActions: options.poolActions,
      existingFunctionArn: handler instanceof TriggerCode ? undefined : functionArn,
      settingsOfCreated: handler instanceof TriggerCode ? undefined : settingsOfCreated(options),
      functionArn,
    });
    new LambdaPermission(
      this,
      `${id}-invoke`,
      defined({
        action: 'lambda:InvokeFunction',
        functionName: functionArn,
        principal: 'cognito-idp.amazonaws.com',
        sourceArn: this.props.poolArn,
        sourceAccount: this.props.env.accountId,
      }),
    );
    if (this.props.pool) {
      this.props.pool.putLambdaConfig(this.lambdaConfig());
    } else if (this.attached.length === 1) {
      this.handOverLambdaConfig();
    }
  }

  /**
   * A pool managed elsewhere gets its `lambda_config` from its owner: the functions and permissions are
   * created here, and an output lists which function each trigger operation must name.
   */
  private handOverLambdaConfig(): void {
    Annotations.of(this).addWarning(
      'This pool is managed elsewhere: the trigger functions and invoke permissions are created here, but the pool only calls them ' +
        "once its owner sets its lambda_config to the functions in this stack's lambda_config output.",
    );
    // One token standing for the whole map: the output resolves to the map itself.
    const functions = Token.asString(Lazy.anyValue({ produce: () => Object.fromEntries(this.attached.map((t) => [t.operation, t.functionArn])) }));
    stableOutput(this, 'lambda_config', functions, 'Trigger operation to function ARN, for the lambda_config of the pool');
  }

  /** The custom sender key: the one given, or one created on first use. */
  private senderKey(): string {
    if (this.senderKeyArn === undefined) {
      const { accountId, region, partition } = this.props.env;
      // Without an environment the permissionsNeedEnvironment rule fails synth; the key is not made.
      this.senderKeyArn = accountId && region ? new SenderKey(this, 'sender-key', { accountId, region, partition }).keyArn : '';
    }
    return this.senderKeyArn;
  }

  /** Only the keys that are set: an empty or partial block with nulls is a perpetual diff. */
  private lambdaConfig(): CognitoUserPoolLambdaConfig {
    const config: Record<string, unknown> = {};
    for (const t of this.attached) {
      const version = t.eventVersion ?? TRIGGER_OPERATIONS[t.operation].defaultVersion;
      if (t.operation === TriggerOperation.PRE_TOKEN_GENERATION) {
        config.preTokenGenerationConfig = { lambdaArn: t.functionArn, lambdaVersion: version };
      } else if (TRIGGER_OPERATIONS[t.operation].needsKmsKey) {
        config[t.operation] = { lambdaArn: t.functionArn, lambdaVersion: version };
        config.kmsKeyId = this.senderKeyArn;
      } else {
        config[t.operation] = t.functionArn;
      }
    }
    return config as CognitoUserPoolLambdaConfig;
  }
}

/**
 * Why code cannot be packaged, as a problem at `path`, or undefined when it can. Packaging errors state
 * `Trigger code <source>: <rule>. Fix: <fix>`; anything else is shown whole.
 */
function packagingProblem(code: TriggerCode, path: string): Problem | undefined {
  try {
    code.package();
    return undefined;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const parts = /^Trigger code [^]*?: ([^]*?)\. Fix: ([^]*)$/.exec(message);
    const [, rule, fix] = parts ?? [];
    return {
      path,
      rule: rule ?? `cannot be packaged (${message})`,
      received: code.source,
      fix: fix?.replace(/\.$/, '') ?? 'correct the handler code or its path',
    };
  }
}

/** `<pool name>-<operation>`, within Lambda's 64 characters, or a stable hash-based name for a token pool name. */
function defaultFunctionName(poolName: string, operation: string, addr: string): string {
  const base = Token.isUnresolved(poolName) ? `cognito-${addr.slice(0, 12)}` : poolName.replace(/[^a-zA-Z0-9_-]/g, '-');
  return `${base.slice(0, 63 - operation.length)}-${operation}`;
}

/** The options only a function created here takes: an existing function keeps its own. */
export const CREATED_FUNCTION_OPTIONS = [
  'functionName',
  'runtime',
  'memorySize',
  'timeoutSeconds',
  'environment',
  'logRetentionDays',
  'poolActions',
] as const satisfies readonly (keyof TriggerOptions)[];

/** The options of a created function that are given (an empty list or map gives nothing). */
function settingsOfCreated(options: TriggerOptions): { [option: string]: unknown } {
  return Object.fromEntries(
    CREATED_FUNCTION_OPTIONS.flatMap((option) => {
      const value = options[option];
      const empty = value === undefined || (typeof value === 'object' && Object.keys(value).length === 0);
      return empty ? [] : [[option, value]];
    }),
  );
}
