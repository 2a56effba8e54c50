/** The user pool operations a Lambda function can customize. */
export enum TriggerOperation {
  PRE_SIGN_UP = 'preSignUp',
  POST_CONFIRMATION = 'postConfirmation',
  PRE_AUTHENTICATION = 'preAuthentication',
  POST_AUTHENTICATION = 'postAuthentication',
  CUSTOM_MESSAGE = 'customMessage',
  DEFINE_AUTH_CHALLENGE = 'defineAuthChallenge',
  CREATE_AUTH_CHALLENGE = 'createAuthChallenge',
  VERIFY_AUTH_CHALLENGE_RESPONSE = 'verifyAuthChallengeResponse',
  USER_MIGRATION = 'userMigration',
  PRE_TOKEN_GENERATION = 'preTokenGeneration',
  CUSTOM_EMAIL_SENDER = 'customEmailSender',
  CUSTOM_SMS_SENDER = 'customSmsSender',
}

/** The event versions a trigger accepts. */
export enum TriggerEventVersion {
  /** ID token claims only. */
  V1_0 = 'V1_0',
  /** ID and access token claims and scopes (ESSENTIALS or PLUS). */
  V2_0 = 'V2_0',
  /** V2 plus machine-to-machine (client credentials) tokens (ESSENTIALS or PLUS). */
  V3_0 = 'V3_0',
}

/** What the API accepts for each operation. */
export interface TriggerOperationSpec {
  /** The event versions accepted; empty where the API takes none. */
  readonly versions: readonly TriggerEventVersion[];
  /** The version used when none is given. */
  readonly defaultVersion?: TriggerEventVersion;
  /** Whether Cognito encrypts codes for it with the pool's KMS key (custom senders). */
  readonly needsKmsKey: boolean;
}

export const TRIGGER_OPERATIONS: { readonly [O in TriggerOperation]: TriggerOperationSpec } = {
  [TriggerOperation.PRE_SIGN_UP]: { versions: [], needsKmsKey: false },
  [TriggerOperation.POST_CONFIRMATION]: { versions: [], needsKmsKey: false },
  [TriggerOperation.PRE_AUTHENTICATION]: { versions: [], needsKmsKey: false },
  [TriggerOperation.POST_AUTHENTICATION]: { versions: [], needsKmsKey: false },
  [TriggerOperation.CUSTOM_MESSAGE]: { versions: [], needsKmsKey: false },
  [TriggerOperation.DEFINE_AUTH_CHALLENGE]: { versions: [], needsKmsKey: false },
  [TriggerOperation.CREATE_AUTH_CHALLENGE]: { versions: [], needsKmsKey: false },
  [TriggerOperation.VERIFY_AUTH_CHALLENGE_RESPONSE]: { versions: [], needsKmsKey: false },
  [TriggerOperation.USER_MIGRATION]: { versions: [], needsKmsKey: false },
  // Rendered only through pre_token_generation_config: the legacy attribute alone forces V1_0.
  [TriggerOperation.PRE_TOKEN_GENERATION]: {
    versions: [TriggerEventVersion.V1_0, TriggerEventVersion.V2_0, TriggerEventVersion.V3_0],
    defaultVersion: TriggerEventVersion.V2_0,
    needsKmsKey: false,
  },
  [TriggerOperation.CUSTOM_EMAIL_SENDER]: { versions: [TriggerEventVersion.V1_0], defaultVersion: TriggerEventVersion.V1_0, needsKmsKey: true },
  [TriggerOperation.CUSTOM_SMS_SENDER]: { versions: [TriggerEventVersion.V1_0], defaultVersion: TriggerEventVersion.V1_0, needsKmsKey: true },
};
