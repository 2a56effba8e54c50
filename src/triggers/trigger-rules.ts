import { TRIGGER_OPERATIONS, TriggerEventVersion, TriggerOperation } from './trigger-operation';
import { checkIntegerRange, checkLength, checkOneOf, checkPattern } from '../core/checks';
import { isKnown, Problem } from '../core/problem';
import { FeaturePlan } from '../user-pool/enums';

/** One trigger as the rules see it. */
export interface AttachedTrigger {
  /** Where it was given, e.g. `triggers.preSignUp`. */
  readonly path: string;
  readonly operation: TriggerOperation;
  readonly eventVersion?: TriggerEventVersion | undefined;
  /** Whether it runs a function created here (false: an existing function's ARN). */
  readonly created: boolean;
  readonly functionName?: string | undefined;
  readonly environment: { readonly [name: string]: string };
  readonly memorySize?: number | undefined;
  readonly timeoutSeconds?: number | undefined;
  readonly logRetentionDays?: number | undefined;
  /** Cognito actions granted to the function on the pool. */
  readonly poolActions?: readonly string[] | undefined;
  /** The ARN of an existing function (not created here). */
  readonly existingFunctionArn?: string | undefined;
  /**
   * For an existing function: the settings given that only a function created here takes (by option name,
   * with their values), which the existing function would silently not get.
   */
  readonly settingsOfCreated?: { readonly [option: string]: unknown } | undefined;
  /** Why the code of a function created here cannot be packaged (a missing file, a syntax error, ...). */
  readonly codeProblem?: Problem | undefined;
}

/** What trigger rules know about the pool. */
export interface TriggerContext {
  readonly featurePlan: string | undefined;
  /** Whether a KMS key for custom senders was given. */
  readonly senderKeyGiven: boolean;
  /** Whether the stack declared its account and region (permissions and keys name them). */
  readonly environmentDeclared: boolean;
}

/** A trigger rule: a small pure function of the attached triggers. */
export type TriggerRule = (triggers: readonly AttachedTrigger[], ctx: TriggerContext) => Problem[];

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Names and values that look like secrets, which environment variables must never hold. */
export const SECRET_NAME = /(secret|passw(or)?d|private[_-]?key|api[_-]?key|token|credential)/i;
export const SECRET_VALUE = /(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export const attachedOnce: TriggerRule = (triggers) => {
  const seen = new Map<TriggerOperation, string>();
  return triggers.flatMap((t) => {
    const first = seen.get(t.operation);
    if (first === undefined) {
      seen.set(t.operation, t.path);
      return [];
    }
    return [
      {
        path: t.path,
        rule: `a pool has one ${t.operation} trigger, and it is already attached at ${first}`,
        received: t.operation,
        fix: 'attach the operation once; do both jobs in one function',
      },
    ];
  });
};

export const eventVersionAccepted: TriggerRule = (triggers) =>
  triggers.flatMap((t) => {
    const accepted = TRIGGER_OPERATIONS[t.operation].versions;
    if (t.eventVersion === undefined) return [];
    if (accepted.length === 0) {
      return [
        {
          path: `${t.path}.eventVersion`,
          rule: `the ${t.operation} trigger takes no event version`,
          received: t.eventVersion,
          fix: 'remove eventVersion',
        },
      ];
    }
    return checkOneOf(`${t.path}.eventVersion`, t.eventVersion, accepted, `use ${accepted.join(' or ')}`);
  });

export const senderNeedsKey: TriggerRule = (triggers, ctx) =>
  triggers
    .filter((t) => TRIGGER_OPERATIONS[t.operation].needsKmsKey && !t.created && !ctx.senderKeyGiven)
    .map((t) => ({
      path: t.path,
      rule: 'a custom sender needs a KMS key with which Cognito encrypts the codes; for a function created elsewhere it cannot be made here, since its role must be allowed to decrypt',
      received: { operation: t.operation, key: undefined },
      fix: 'set customSenderKmsKeyArn to a key whose policy lets cognito-idp.amazonaws.com encrypt and your function decrypt, or let this library create the function',
    }));

export const tokenCustomizationNeedsEssentials: TriggerRule = (triggers, ctx) =>
  triggers
    .filter((t) => t.operation === TriggerOperation.PRE_TOKEN_GENERATION && (t.eventVersion ?? TriggerEventVersion.V2_0) !== TriggerEventVersion.V1_0)
    .filter(() => isKnown(ctx.featurePlan) && ctx.featurePlan === FeaturePlan.LITE)
    .map((t) => ({
      path: `${t.path}.eventVersion`,
      rule: 'access-token customization (V2_0, V3_0) needs the ESSENTIALS or PLUS feature plan',
      received: { eventVersion: t.eventVersion ?? TriggerEventVersion.V2_0, featurePlan: ctx.featurePlan },
      fix: 'use eventVersion V1_0 (ID token only), or featurePlan ESSENTIALS',
    }));

export const noSecretsInEnvironment: TriggerRule = (triggers) =>
  triggers.flatMap((t) =>
    Object.entries(t.environment)
      .filter(([name, value]) => SECRET_NAME.test(name) || (isKnown(value) && SECRET_VALUE.test(value)))
      .map(([name]) => ({
        path: `${t.path}.environment.${name}`,
        rule: 'environment variables must not hold secrets (anyone who can read the function configuration sees them)',
        received: name,
        fix: 'store the secret in Secrets Manager or SSM Parameter Store and read it at run time, granting the role access',
      })),
  );

export const functionSettings: TriggerRule = (triggers) =>
  triggers
    .filter((t) => t.created)
    .flatMap((t) => [
      ...checkLength(`${t.path}.functionName`, t.functionName, 1, 64),
      ...checkPattern(
        `${t.path}.functionName`,
        t.functionName,
        /^[a-zA-Z0-9_-]+$/,
        'may contain only letters, digits, - and _',
        'remove the other characters',
      ),
      ...checkIntegerRange(`${t.path}.memorySize`, t.memorySize, 128, 10240),
      ...checkIntegerRange(`${t.path}.timeoutSeconds`, t.timeoutSeconds, 1, 900),
      ...checkOneOf(`${t.path}.logRetentionDays`, t.logRetentionDays, LOG_RETENTION_DAYS, 'use a retention CloudWatch Logs offers, e.g. 365'),
    ]);

/** A Cognito user pools API action by its full name: no wildcard, no other service. */
export const NAMED_POOL_ACTION = /^cognito-idp:[A-Z][A-Za-z]+$/;

export const poolActionsNamed: TriggerRule = (triggers) =>
  triggers.flatMap((t) =>
    (t.poolActions ?? []).flatMap((action, i) =>
      NAMED_POOL_ACTION.test(action)
        ? []
        : [
            {
              path: `${t.path}.poolActions[${i}]`,
              rule: 'must name one Cognito user pools action (cognito-idp:<Action>): no wildcard and no other service, so the function gets only what it calls',
              received: action,
              fix: action.startsWith('cognito-idp:')
                ? 'list each action the handler calls, e.g. cognito-idp:AdminAddUserToGroup'
                : 'grant other services in a policy of your own; here list cognito-idp actions only, e.g. cognito-idp:AdminGetUser',
            },
          ],
    ),
  );

/** A Lambda function ARN, optionally with a version or alias (`LambdaConfigType`: ArnType, 20 to 2048 characters). */
export const LAMBDA_ARN_PATTERN = /^arn:[\w-]+:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/;

export const existingFunctionArn: TriggerRule = (triggers) =>
  triggers
    .filter((t) => !t.created)
    .flatMap((t) => [
      ...checkLength(`${t.path}.handler.functionArn`, t.existingFunctionArn, 20, 2048, 'copy the ARN of the function from the Lambda console'),
      ...checkPattern(
        `${t.path}.handler.functionArn`,
        t.existingFunctionArn,
        LAMBDA_ARN_PATTERN,
        'must be a Lambda function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>[:<alias or version>])',
        'copy the ARN of the function from the Lambda console',
      ),
    ]);

/** Function settings given for an existing function: it keeps its own, so they would be ignored without a word. */
export const settingsNeedCreatedFunction: TriggerRule = (triggers) =>
  triggers
    .filter((t) => !t.created)
    .flatMap((t) =>
      Object.entries(t.settingsOfCreated ?? {}).map(([option, value]) => ({
        path: `${t.path}.${option}`,
        rule: 'is a setting of a function created here: an existing function (handler.functionArn) keeps its own settings, so this one would be ignored',
        received: value,
        fix: `set it on the function itself (in Lambda), or remove ${option} from this trigger`,
      })),
    );

/** The code of a function created here can be packaged: the file or folder exists and compiles. */
export const codePackages: TriggerRule = (triggers) => triggers.flatMap((t) => (t.codeProblem ? [t.codeProblem] : []));

export const permissionsNeedEnvironment: TriggerRule = (triggers, ctx) =>
  triggers.length > 0 && !ctx.environmentDeclared
    ? [
        {
          path: 'triggers',
          rule: "each trigger permission names the pool's account (source_account), so it needs the account id and region",
          received: undefined,
          fix: "declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region })",
        },
      ]
    : [];

export const TRIGGER_RULES: readonly TriggerRule[] = [
  attachedOnce,
  eventVersionAccepted,
  senderNeedsKey,
  tokenCustomizationNeedsEssentials,
  noSecretsInEnvironment,
  functionSettings,
  poolActionsNamed,
  existingFunctionArn,
  settingsNeedCreatedFunction,
  codePackages,
  permissionsNeedEnvironment,
];

/** Runs every trigger rule. */
export function checkTriggers(triggers: readonly AttachedTrigger[], ctx: TriggerContext): Problem[] {
  return TRIGGER_RULES.flatMap((rule) => rule(triggers, ctx));
}
