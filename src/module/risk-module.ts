import { CognitoRiskConfiguration } from '@cdktf/provider-aws/lib/cognito-risk-configuration';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { ref, TerraformIterator, TerraformLocal, TerraformStack, Token } from '../engine';
import { POOL_RESPONSES_INPUT, RISK_RESPONSE_SETTINGS, STRICT_IN_MODULE } from '../settings/federation-settings';
import { AnySetting } from '../settings/setting';
import { UserPoolEmail } from '../user-pool/email';
import { strictRiskResponses } from '../user-pool/security-profile';
import { CompromisedCredentialsEvent } from '../user-pool/risk-responses';
import { terraformName } from '../core/conditional';

/**
 * Threat protection responses in the Terraform module (`aws_cognito_risk_configuration`): the pool's,
 * from its `threat_protection` input, and each client's, from `clients[*].threat_protection`, both in
 * the configuration file's shape and rendered as the library's `renderRiskConfiguration` renders them:
 * compromised-credential events in full (all three when none are given), the account-takeover
 * notification sender defaulting to the pool's SES sender, IP ranges only when given.
 */

/** The response kinds, by their module names (`compromised_credentials`, `account_takeover`, `ip_ranges`). */
export const RESPONSE_KINDS = Object.keys(RISK_RESPONSE_SETTINGS).map(terraformName);

/** The pool's SES sender field (`source_arn`, `from_email`, `reply_to`), null for Cognito's sender: what notifications default to. */
export const poolSesSender = (field: string) => `(var.email.sending_account == "DEVELOPER" ? var.email.${field} : null)`;

/** `[value]`, or `[]` when it is null: a `dynamic` block there once or not at all. */
const once = (value: string) => `${value} == null ? [] : [${value}]`;
const block = (forEach: string, content: Record<string, unknown>) => ({ for_each: `\${${forEach}}`, content });
const ALL_EVENTS = `[${Object.values(CompromisedCredentialsEvent)
  .map((e) => JSON.stringify(e))
  .join(', ')}]`;

/** The nested `dynamic` blocks of a risk configuration whose responses are the object `responses`. */
function responseBlocks(responses: string): Record<string, unknown> {
  const compromised = 'compromised_credentials_risk_configuration.value';
  const takeover = 'account_takeover_risk_configuration.value';
  const notification = (field: string) => `try(${takeover}.notifications.${field}, null)`;
  // The notification's own setting, else the pool's SES sender (the provider requires source_arn: a validation asks for one).
  const sender = (field: string, poolField: string, fallback = 'null') =>
    `\${try(coalesce(${notification(field)}, ${poolSesSender(poolField)}), ${fallback})}`;
  const level = (name: string) => ({
    [`${name}_action`]: block(once(`${takeover}.${name}`), {
      event_action: `\${${name}_action.value.action}`,
      notify: `\${${name}_action.value.notify}`,
    }),
  });
  const mail = (name: string) => ({
    [name]: block(once(notification(name)), {
      subject: `\${${name}.value.subject}`,
      html_body: `\${${name}.value.html_body}`,
      text_body: `\${${name}.value.text_body}`,
    }),
  });
  return {
    compromised_credentials_risk_configuration: block(once(`${responses}.compromised_credentials`), {
      // Rendered in full, as the library does: AWS reports the events it checks.
      event_filter: `\${${compromised}.events != null ? ${compromised}.events : ${ALL_EVENTS}}`,
      actions: { event_action: `\${${compromised}.action}` },
    }),
    account_takeover_risk_configuration: block(once(`${responses}.account_takeover`), {
      dynamic: {
        actions: block('[1]', { dynamic: { ...level('low'), ...level('medium'), ...level('high') } }),
        notify_configuration: block('[1]', {
          source_arn: sender('source_arn', 'source_arn', '""'),
          from: sender('from', 'from_email'),
          reply_to: sender('reply_to', 'reply_to'),
          dynamic: { ...mail('block_email'), ...mail('mfa_email'), ...mail('no_action_email') },
        }),
      },
    }),
    risk_exception_configuration: block(once(`${responses}.ip_ranges`), {
      blocked_ip_range_list: '${risk_exception_configuration.value.always_block}',
      skipped_ip_range_list: '${risk_exception_configuration.value.always_allow}',
    }),
  };
}

/** The module's SES condition: the pool sends email through SES. */
const SENDS_THROUGH_SES = 'var.email.sending_account == "DEVELOPER"';

/** A value of the file's shape as an HCL literal in the module's names, every field of `fields` spelled (null when absent). */
function literal(value: unknown, setting?: AnySetting): string {
  if (value === undefined || value === null) return 'null';
  if (setting?.fields && typeof value === 'object')
    return `{ ${Object.entries(setting.fields)
      .map(([key, field]) => `${terraformName(key)} = ${literal((value as Record<string, unknown>)[key], field)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/**
 * The pool's responses in force (`local.threat_responses`), by kind: those given, or when none is given
 * and the strict profile is chosen, the profile's (`strictRiskResponses`, whose account-takeover
 * responses depend on an SES sender), as `profileDefaults` applies them.
 */
export function poolThreatResponses(): Record<string, string> {
  const withSes = strictRiskResponses({ userPoolName: 'strict', email: UserPoolEmail.withSes({ fromEmail: 'strict@example.com' }) });
  const withCognito = strictRiskResponses({ userPoolName: 'strict', email: UserPoolEmail.withCognito() });
  const strict = (key: keyof typeof RISK_RESPONSE_SETTINGS) => {
    const [ses, cognito] = [literal(withSes[key], RISK_RESPONSE_SETTINGS[key]), literal(withCognito[key], RISK_RESPONSE_SETTINGS[key])];
    return ses === cognito ? ses : `(${SENDS_THROUGH_SES} ? ${ses} : ${cognito})`;
  };
  return Object.fromEntries(
    (Object.keys(RISK_RESPONSE_SETTINGS) as (keyof typeof RISK_RESPONSE_SETTINGS)[]).map((key) => {
      const kind = terraformName(key);
      const profile = strict(key) === 'null' ? 'null' : `(${STRICT_IN_MODULE} ? ${strict(key)} : null)`;
      return [kind, `\${local.threat_responses_given ? try(var.${POOL_RESPONSES_INPUT}.${kind}, null) : ${profile}}`];
    }),
  );
}

/** Adds the pool's risk configuration: there when any response is in force, as the library's `hasRiskResponses`. */
export function addPoolRiskConfiguration(stack: TerraformStack, pool: CognitoUserPool): void {
  // Given responses replace the profile's whole, as in the library: one given kind means no profile responses.
  const given = RESPONSE_KINDS.map((kind) => `try(var.${POOL_RESPONSES_INPUT}.${kind}, null) != null`).join(' || ');
  new TerraformLocal(stack, 'local-threat_responses_given', `\${${given}}`).overrideLogicalId('threat_responses_given');
  new TerraformLocal(stack, 'local-threat_responses', poolThreatResponses()).overrideLogicalId('threat_responses');
  const anyResponse = RESPONSE_KINDS.map((kind) => `local.threat_responses.${kind} != null`).join(' || ');
  const risk = new CognitoRiskConfiguration(stack, 'risk-configuration', {
    userPoolId: pool.id,
    count: Token.asNumber(ref(`${anyResponse} ? 1 : 0`)),
  });
  risk.overrideLogicalId('this');
  risk.addOverride('dynamic', responseBlocks('local.threat_responses'));
}

/** Adds each client's own risk configuration, which replaces the pool's for it (keyed like the clients). */
export function addClientRiskConfigurations(stack: TerraformStack, pool: CognitoUserPool, clients: CognitoUserPoolClient): void {
  const risk = new CognitoRiskConfiguration(stack, 'client-risk-configuration', {
    userPoolId: pool.id,
    clientId: Token.asString(ref('aws_cognito_user_pool_client.this[each.key].id')),
    forEach: TerraformIterator.fromMap(
      Token.asAnyMap(ref('{ for k, c in local.clients : k => c.threat_protection if c.threat_protection != null }')),
    ),
    dependsOn: [clients],
  });
  risk.overrideLogicalId('clients');
  risk.addOverride('dynamic', responseBlocks('each.value'));
}
