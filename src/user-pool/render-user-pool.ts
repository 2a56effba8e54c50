import { CognitoUserPoolConfig, CognitoUserPoolSchema } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CustomAttributeType, STANDARD_ATTRIBUTES, StandardAttributes } from './attributes';
import { isSesEmail, PlanTimeEmail, SesEmailOptions } from './email';
import { asciiAddress, encodeDisplayName } from './ses-address';
import { AccountRecovery, AuthFactor, Mfa, PasskeyUserVerification, VerificationEmailStyle } from './enums';
import { DEFAULTS, ResolvedUserPoolProps } from './resolved-props';
import type { VerificationEmailTemplate } from './user-pool-props';
import {
  and,
  anyOf,
  choose,
  chooseArguments,
  differs,
  DynamicBlock,
  given,
  isPositive,
  isSet,
  namesWhere,
  nonEmpty,
  not,
  optionalArgument,
  optionalBlock,
  hasItems,
} from '../core/conditional';
import { isKnown } from '../core/problem';
import { Fn, Op, ref, TerraformIterator, Token } from '../engine';
import type { TerraformMetaArguments } from '../engine';
import { defined } from '../core/defined';

/** What rendering needs from other resources. */
export interface UserPoolDependencies {
  /**
   * The SMS role and its external id, when the pool sends SMS; `present` is a Terraform condition when
   * that is decided at plan time (the module's `sms.existing_role`).
   */
  readonly sms?: { readonly roleArn: string; readonly externalId: string; readonly present?: boolean };
  /** The SES identity ARN, when the pool sends email through SES. */
  readonly sesSourceArn?: string | undefined;
}

type PoolArguments = Omit<CognitoUserPoolConfig, keyof TerraformMetaArguments>;

/**
 * The `aws_cognito_user_pool` arguments for resolved props. Pure, and free of value checks (those are
 * the rules'), so it renders tokens (Terraform variables) as readily as literals: where it branches on
 * a setting that is a token, Terraform branches instead (see `core/conditional.ts`). Arguments may hold
 * {@link DynamicBlock}s then, which `splitDynamicBlocks` takes out for the resource.
 *
 * Settings whose removal AWS would not revert (Optional+Computed in the provider) are always rendered
 * explicitly: email configuration, add-ons, tier, username configuration, verification template.
 */
export function renderUserPool(p: ResolvedUserPoolProps, deps: UserPoolDependencies): PoolArguments {
  const s = p.signInAliases;
  const mfaOn = differs(p.mfa, Mfa.OFF);
  const signInNames: [boolean, string][] = [
    [s.email, 'email'],
    [s.phone, 'phone_number'],
  ];
  return {
    name: p.userPoolName,
    deletionProtection: choose(p.dangerouslyAllowDeletionOfAllUsers, 'INACTIVE', 'ACTIVE'),
    // With a username, email, phone and preferred username are aliases of it; without, they are the username.
    ...nonEmpty('aliasAttributes', choose(s.username, namesWhere([...signInNames, [s.preferredUsername, 'preferred_username']]), [])),
    ...nonEmpty('usernameAttributes', choose(s.username, [], namesWhere(signInNames))),
    // Always rendered (removing it reverts nothing), unless the pool was created without it: adding it then replaces the pool.
    ...optionalBlock('usernameConfiguration', not(p.leaveCaseSensitivityUnset), { caseSensitive: p.signInCaseSensitive }),
    ...nonEmpty(
      'autoVerifiedAttributes',
      namesWhere([
        [p.autoVerify.email, 'email'],
        [p.autoVerify.phone, 'phone_number'],
      ]),
    ),
    ...keepOriginal(p),
    ...schema(p),
    passwordPolicy: {
      minimumLength: p.passwordPolicy.minLength,
      requireLowercase: p.passwordPolicy.requireLowercase,
      requireUppercase: p.passwordPolicy.requireUppercase,
      requireNumbers: p.passwordPolicy.requireDigits,
      requireSymbols: p.passwordPolicy.requireSymbols,
      temporaryPasswordValidityDays: p.passwordPolicy.tempPasswordValidityDays,
      // Rendered only above zero: a history needs ESSENTIALS or PLUS, and AWS resets it to 0 when absent.
      ...optionalArgument('passwordHistorySize', isPositive(p.passwordPolicy.passwordHistorySize), p.passwordPolicy.passwordHistorySize),
    },
    adminCreateUserConfig: {
      allowAdminCreateUserOnly: not(p.selfSignUpEnabled),
      ...invitation(p),
    },
    mfaConfiguration: p.mfa,
    ...optionalBlock('softwareTokenMfaConfiguration', and(mfaOn, p.mfaSecondFactor.otp), { enabled: true }),
    ...optionalBlock(
      'emailMfaConfiguration',
      and(mfaOn, p.mfaSecondFactor.email),
      defined({ subject: p.emailMfaMessage?.subject, message: p.emailMfaMessage?.body }),
    ),
    ...(p.mfaMessage !== undefined ? { smsAuthenticationMessage: p.mfaMessage } : {}),
    ...(deps.sms
      ? optionalBlock(
          'smsConfiguration',
          deps.sms.present ?? true,
          defined({ snsCallerArn: deps.sms.roleArn, externalId: deps.sms.externalId, snsRegion: p.sms?.snsRegion }),
        )
      : {}),
    emailConfiguration: emailConfiguration(p, deps),
    verificationMessageTemplate: verificationTemplate(p),
    accountRecoverySetting: { recoveryMechanism: recoveryMechanismBlocks(p.accountRecovery) },
    ...optionalBlock(
      'deviceConfiguration',
      given(p.deviceTracking?.challengeRequiredOnNewDevice),
      defined({
        challengeRequiredOnNewDevice: p.deviceTracking?.challengeRequiredOnNewDevice,
        deviceOnlyRememberedOnUserPrompt: p.deviceTracking?.deviceOnlyRememberedOnUserPrompt,
      }),
    ),
    userPoolTier: p.featurePlan,
    userPoolAddOns: {
      advancedSecurityMode: p.threatProtection.standardMode,
      ...optionalBlock(
        'advancedSecurityAdditionalFlows',
        given(p.threatProtection.customAuthMode),
        defined({ customAuthMode: p.threatProtection.customAuthMode }),
      ),
    },
    // Rendered only beyond the password-only default, which is valid on every plan (LITE included).
    ...optionalBlock('signInPolicy', beyondPassword(p.allowedFirstAuthFactors), { allowedFirstAuthFactors: p.allowedFirstAuthFactors }),
    ...optionalBlock(
      'webAuthnConfiguration',
      anyOf([includes(p.allowedFirstAuthFactors, AuthFactor.WEB_AUTHN), given(p.passkeys?.relyingPartyId)]),
      defined({
        relyingPartyId: p.passkeys?.relyingPartyId,
        userVerification: choose(given(p.passkeys?.userVerification), p.passkeys?.userVerification, PasskeyUserVerification.PREFERRED),
      }),
    ),
    ...(p.tags ? { tags: { ...p.tags } } : {}),
  };
}

/** The invitation template, when any of its messages is given (an empty block is a perpetual diff). */
function invitation(p: ResolvedUserPoolProps): Pick<NonNullable<PoolArguments['adminCreateUserConfig']>, 'inviteMessageTemplate'> {
  const i = p.userInvitation;
  return optionalBlock(
    'inviteMessageTemplate',
    anyOf([given(i?.emailSubject), given(i?.emailBody), given(i?.smsMessage)]),
    defined({
      emailSubject: i?.emailSubject,
      emailMessage: i?.emailBody,
      smsMessage: i?.smsMessage,
    }),
  );
}

/** Whether the first factors go beyond PASSWORD (rendered only then: password-only is valid on every plan). */
function beyondPassword(factors: readonly AuthFactor[]): boolean {
  if (!Token.isUnresolved(factors)) return factors.some((f) => f !== AuthFactor.PASSWORD);
  return Op.gte(Fn.lengthOf(Fn.setsubtract(factors as AuthFactor[], [AuthFactor.PASSWORD])), 1) as unknown as boolean;
}

/** Whether a list holds a value. */
function includes(list: readonly string[], value: string): boolean {
  return Token.isUnresolved(list) ? (Fn.contains(list, value) as unknown as boolean) : list.includes(value);
}

function keepOriginal(p: ResolvedUserPoolProps): Pick<PoolArguments, 'userAttributeUpdateSettings'> {
  const list = namesWhere([
    [p.keepOriginal.email, 'email'],
    [p.keepOriginal.phone, 'phone_number'],
  ]);
  return optionalBlock('userAttributeUpdateSettings', hasItems(list), { attributesRequireVerificationBeforeUpdate: list });
}

/**
 * Standard attributes with AWS's own bounds, custom attributes with both bounds always present: an
 * omitted or empty constraint block is what makes the provider plan a schema change on every run
 * (terraform-provider-aws#21654), and a schema change fails at apply.
 */
function schema(p: ResolvedUserPoolProps): Pick<PoolArguments, 'schema'> {
  if (Token.isUnresolved(p.standardAttributes) || Token.isUnresolved(p.customAttributes)) {
    return { schema: schemaFromVariables(p.standardAttributes ?? {}, p.customAttributes ?? {}) as unknown as CognitoUserPoolSchema[] };
  }
  const standard: CognitoUserPoolSchema[] = Object.entries(p.standardAttributes ?? {}).flatMap(([key, attr]) => {
    const spec = STANDARD_ATTRIBUTES[key as keyof StandardAttributes];
    if (!spec || !attr) return [];
    return [
      {
        name: spec.name,
        attributeDataType: spec.type,
        developerOnlyAttribute: false,
        mutable: attr.mutable ?? true,
        required: attr.required ?? false,
        ...(spec.type === 'String'
          ? { stringAttributeConstraints: { minLength: String(attr.minLen ?? spec.minLength), maxLength: String(attr.maxLen ?? spec.maxLength) } }
          : { numberAttributeConstraints: { minValue: String(spec.minValue) } }),
      },
    ];
  });
  const custom: CognitoUserPoolSchema[] = Object.entries(p.customAttributes ?? {}).map(([name, attribute]) => {
    const c = attribute.bind();
    return {
      name,
      attributeDataType: c.dataType,
      developerOnlyAttribute: false,
      mutable: c.mutable,
      required: false,
      ...(c.dataType === CustomAttributeType.STRING && c.stringConstraints
        ? { stringAttributeConstraints: { minLength: String(c.stringConstraints.minLength), maxLength: String(c.stringConstraints.maxLength) } }
        : {}),
      ...(c.dataType === CustomAttributeType.NUMBER && c.numberConstraints
        ? { numberAttributeConstraints: { minValue: String(c.numberConstraints.min), maxValue: String(c.numberConstraints.max) } }
        : {}),
    };
  });
  const all = [...standard, ...custom];
  return all.length > 0 ? { schema: all } : {};
}

/**
 * The schema of attributes given as Terraform variables (the module's): one `dynamic "schema"` block over the
 * entries the literal branch above renders, with the same values. Standard attributes are keyed by their
 * Cognito names there (`given_name`, `zoneinfo`), as the module's client attribute lists are; AWS's bounds
 * come from the same table, {@link STANDARD_ATTRIBUTES}.
 */
function schemaFromVariables(standard: object, custom: object): DynamicBlock {
  const bound = (value: number | undefined) => (value === undefined ? null : String(value));
  const specs = Object.fromEntries(
    Object.values(STANDARD_ATTRIBUTES).map((a) => [
      a.name,
      { type: a.type, min_length: bound(a.minLength), max_length: bound(a.maxLength), min_value: bound(a.minValue) },
    ]),
  );
  const given = Token.asString(Fn.lookup(standard, Token.asString(ref('key'))));
  const stringBound = (field: string, own: string) =>
    `val.type == "String" ? (${given}.${own} != null ? tostring(${given}.${own}) : val.${field}) : null`;
  const standardEntries = TerraformIterator.fromMap(specs).forExpressionForList(
    `{ name = key, attribute_data_type = val.type, mutable = ${given}.mutable, required = ${given}.required, ` +
      `min_length = ${stringBound('min_length', 'min_len')}, max_length = ${stringBound('max_length', 'max_len')}, ` +
      `min_value = val.min_value, max_value = null } if contains(keys(${Token.asString(standard)}), key)`,
  );
  const ofType = (type: CustomAttributeType, field: string) => `val.type == "${type}" ? tostring(val.${field}) : null`;
  const customEntries = TerraformIterator.fromMap(custom).forExpressionForList(
    `{ name = key, attribute_data_type = val.type, mutable = val.mutable, required = false, ` +
      `min_length = ${ofType(CustomAttributeType.STRING, 'min_len')}, max_length = ${ofType(CustomAttributeType.STRING, 'max_len')}, ` +
      `min_value = ${ofType(CustomAttributeType.NUMBER, 'min')}, max_value = ${ofType(CustomAttributeType.NUMBER, 'max')} }`,
  );
  // Constraint blocks only where the literal branch has them: a missing or empty one is a perpetual diff.
  const constraints = (bounds: [string, string]) => ({
    for_each: `\${schema.value.${bounds[0]} != null ? [1] : []}`,
    content: Object.fromEntries(bounds.map((b) => [b, `\${schema.value.${b}}`])),
  });
  return new DynamicBlock(Fn.concat([standardEntries, customEntries]), {
    name: '${schema.value.name}',
    attribute_data_type: '${schema.value.attribute_data_type}',
    developer_only_attribute: false,
    mutable: '${schema.value.mutable}',
    required: '${schema.value.required}',
    dynamic: {
      string_attribute_constraints: constraints(['min_length', 'max_length']),
      number_attribute_constraints: constraints(['min_value', 'max_value']),
    },
  });
}

function emailConfiguration(p: ResolvedUserPoolProps, deps: UserPoolDependencies): NonNullable<PoolArguments['emailConfiguration']> {
  if (p.email instanceof PlanTimeEmail) {
    const o = p.email.options;
    return chooseArguments(
      p.email.useSes,
      sesConfiguration(o, o.sesIdentityArn),
      defined({ emailSendingAccount: 'COGNITO_DEFAULT', replyToEmailAddress: p.email.cognito.replyTo }),
    );
  }
  if (!isSesEmail(p.email)) {
    return defined({ emailSendingAccount: 'COGNITO_DEFAULT', replyToEmailAddress: p.email.options.replyTo });
  }
  return sesConfiguration(p.email.options, deps.sesSourceArn);
}

function sesConfiguration(o: SesEmailOptions, sourceArn: string | undefined): NonNullable<PoolArguments['emailConfiguration']> {
  return defined({
    emailSendingAccount: 'DEVELOPER',
    sourceArn,
    fromEmailAddress: choose(isSet(o.fromName), `${encodeDisplayName(o.fromName!)} <${asciiAddress(o.fromEmail)}>`, asciiAddress(o.fromEmail)),
    replyToEmailAddress: o.replyTo,
    configurationSet: o.configurationSet,
  });
}

/**
 * The verification template. Email subject and body go to AWS only with an SES sender: the API reference
 * (VerificationMessageTemplateType) allows them "only if the value of EmailSendingAccount is DEVELOPER",
 * as for the invitation (MessageTemplateType); with Cognito's sender AWS's own texts are used.
 */
function verificationTemplate(p: ResolvedUserPoolProps): NonNullable<PoolArguments['verificationMessageTemplate']> {
  const v = p.userVerification;
  const viaSes = p.email instanceof PlanTimeEmail ? p.email.useSes : isSesEmail(p.email);
  return {
    defaultEmailOption: v.emailStyle,
    smsMessage: v.smsMessage,
    ...chooseArguments<Record<string, string | undefined>>(viaSes, emailTemplates(p), {}),
  };
}

/**
 * The email templates: each pair given explicitly (both styles kept), and for a style without one the
 * chosen style's subject and body. Written with `choose`, so the module's variables take the same branches.
 */
function emailTemplates(p: ResolvedUserPoolProps): Record<string, string | undefined> {
  const v = p.userVerification;
  const byCode = differs(v.emailStyle, VerificationEmailStyle.LINK);
  const pair = (template: VerificationEmailTemplate | undefined, styleChosen: boolean, defaultBody: string) => {
    const given = templateGiven(template);
    return {
      subject: choose(given, template?.subject ?? DEFAULTS.verificationEmailSubject, choose(styleChosen, v.emailSubject, undefined)),
      body: choose(given, template?.body ?? defaultBody, choose(styleChosen, v.emailBody, undefined)),
    };
  };
  const code = pair(v.codeEmail, byCode, DEFAULTS.verificationCodeBody);
  const link = pair(v.linkEmail, not(byCode), DEFAULTS.verificationLinkBody);
  return defined({ emailSubject: code.subject, emailMessage: code.body, emailSubjectByLink: link.subject, emailMessageByLink: link.body });
}

/** Whether a template pair is given. In the module its subject, which has a default there, is null exactly when the pair is. */
function templateGiven(template: VerificationEmailTemplate | undefined): boolean {
  if (template === undefined) return false;
  return Token.isUnresolved(template.subject) ? given(template.subject) : true;
}

const RECOVERY_NAMES: Record<AccountRecovery, string[]> = {
  [AccountRecovery.EMAIL_ONLY]: ['verified_email'],
  [AccountRecovery.PHONE_ONLY]: ['verified_phone_number'],
  [AccountRecovery.EMAIL_AND_PHONE]: ['verified_email', 'verified_phone_number'],
  [AccountRecovery.PHONE_AND_EMAIL]: ['verified_phone_number', 'verified_email'],
  [AccountRecovery.ADMIN_ONLY]: ['admin_only'],
};

/** Recovery mechanisms in priority order. */
export function recoveryMechanisms(recovery: AccountRecovery): { name: string; priority: number }[] {
  return RECOVERY_NAMES[recovery].map((name, i) => ({ name, priority: i + 1 }));
}

/** The `recovery_mechanism` blocks; for a token, one dynamic block over the same table, looked up by Terraform. */
function recoveryMechanismBlocks(recovery: AccountRecovery): { name: string; priority: number }[] {
  if (isKnown(recovery)) return recoveryMechanisms(recovery);
  const table = Object.fromEntries(Object.values(AccountRecovery).map((r) => [r, recoveryMechanisms(r)]));
  const block = new DynamicBlock(Fn.lookup(table, recovery), {
    name: '${recovery_mechanism.value.name}',
    priority: '${recovery_mechanism.value.priority}',
  });
  return block as unknown as { name: string; priority: number }[];
}
