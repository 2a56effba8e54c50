import {
  AccountTakeoverAction,
  checkRiskConfiguration,
  ClientPreset,
  CompromisedCredentialsAction,
  CompromisedCredentialsEvent,
  FeaturePlan,
  formatProblem,
  Mfa,
  resolveUserPoolProps,
  SECURITY_HUB_CONTROLS,
  SecurityProfile,
  ThreatProtectionMode,
  UserPool,
  UserPoolEmail,
} from '../../src';
import { RiskConfigurationContext, RiskConfigurationOptions } from '../../src/user-pool/risk-configuration';
import { checkUserPool } from '../../src/user-pool/user-pool-rules';
import { checkOffline } from '../../src/terraform/offline';
import { readFileSync } from 'fs';
import { onlyResource, resources, synth, testStack, TEST_ENV, validationErrors } from '../support/stack';
import { terraformIt } from '../support/terraform';

const PLUS_POOL: RiskConfigurationContext = {
  pool: { featurePlan: FeaturePlan.PLUS, mfa: Mfa.REQUIRED, threatProtectionMode: ThreatProtectionMode.ENFORCED },
};
const SES = 'arn:aws:ses:eu-west-1:111122223333:identity/example.com';
const EMAIL = { subject: 'Sign-in blocked', htmlBody: '<p>We blocked a sign-in.</p>', textBody: 'We blocked a sign-in.' };

const problems = (o: RiskConfigurationOptions, ctx: RiskConfigurationContext = PLUS_POOL) =>
  checkRiskConfiguration(o, ctx).map((p) => formatProblem(p));

describe('risk configuration rules', () => {
  test.each<[string, RiskConfigurationOptions, RiskConfigurationContext, RegExp[]]>([
    [
      'complete responses',
      {
        compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK },
        accountTakeover: { high: { action: AccountTakeoverAction.BLOCK, notify: true }, notifications: { sourceArn: SES, blockEmail: EMAIL } },
        ipRanges: { alwaysAllow: ['10.0.0.0/8', '2001:db8::/32'] },
      },
      PLUS_POOL,
      [],
    ],
    [
      "notify through the pool's SES sender",
      { accountTakeover: { high: { action: AccountTakeoverAction.BLOCK, notify: true } } },
      { pool: { ...PLUS_POOL.pool, sesSender: { sourceArn: SES } } },
      [],
    ],
    [
      'the ESSENTIALS plan',
      { compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK } },
      { pool: { ...PLUS_POOL.pool, featurePlan: FeaturePlan.ESSENTIALS } },
      [/^compromisedCredentials: threat protection responses need the PLUS feature plan/],
    ],
    [
      'threat protection off',
      { ipRanges: { alwaysBlock: ['192.0.2.0/24'] } },
      { pool: { ...PLUS_POOL.pool, threatProtectionMode: ThreatProtectionMode.OFF } },
      [/^ipRanges: threat protection responses need threat protection on/],
    ],
    [
      'account-takeover responses without an SES sender (the provider requires notify_configuration)',
      { accountTakeover: { medium: { action: AccountTakeoverAction.MFA_IF_CONFIGURED } } },
      PLUS_POOL,
      [/^accountTakeover\.notifications\.sourceArn: account-takeover responses need an Amazon SES identity to notify from/],
    ],
    [
      'an MFA response without MFA',
      { accountTakeover: { high: { action: AccountTakeoverAction.MFA_REQUIRED }, notifications: { sourceArn: SES } } },
      { pool: { ...PLUS_POOL.pool, mfa: Mfa.OFF } },
      [/^accountTakeover\.high\.action: an MFA response needs MFA on in the pool/],
    ],
    [
      'no events',
      { compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK, events: [] } },
      PLUS_POOL,
      [/^compromisedCredentials\.events: must name at least one event/],
    ],
    [
      'a bad CIDR and a range in both lists',
      { ipRanges: { alwaysAllow: ['10.0.0.0/33', '192.0.2.0/24'], alwaysBlock: ['192.0.2.0/24'] } },
      PLUS_POOL,
      [
        /^ipRanges\.alwaysAllow\[0\]: must be an IPv4 or IPv6 range in CIDR notation; received "10\.0\.0\.0\/33"/,
        /^ipRanges: a range cannot be both always allowed and always blocked; received \["192\.0\.2\.0\/24"\]/,
      ],
    ],
    [
      'too many ranges',
      { ipRanges: { alwaysBlock: Array.from({ length: 201 }, (_, i) => `10.0.${i % 256}.${Math.floor(i / 256)}/32`) } },
      PLUS_POOL,
      [/^ipRanges\.alwaysBlock: must have at most 200 items/],
    ],
    [
      'an empty subject and a short body',
      {
        accountTakeover: {
          low: { action: AccountTakeoverAction.NO_ACTION },
          notifications: { sourceArn: SES, mfaEmail: { subject: '', htmlBody: '<p/>', textBody: 'Check your sign-in.' } },
        },
      },
      PLUS_POOL,
      [
        /^accountTakeover\.notifications\.mfaEmail\.subject: must be 1 to 140/,
        /^accountTakeover\.notifications\.mfaEmail\.subject: may contain only printable/,
        /^accountTakeover\.notifications\.mfaEmail\.htmlBody: must be 6 to 20000/,
      ],
    ],
  ])('%s', (_name, options, ctx, expected) => {
    expect(problems(options, ctx)).toEqual(expected.map((r) => expect.stringMatching(r)));
  });
});

describe('risk configuration resources', () => {
  function pool(extra: Record<string, unknown> = {}) {
    const stack = testStack();
    const p = new UserPool(stack, 'pool', {
      userPoolName: 'guarded',
      featurePlan: FeaturePlan.PLUS,
      email: UserPoolEmail.withSes({ fromEmail: 'no-reply@example.com', sesVerifiedDomain: 'example.com' }),
      threatProtection: {
        standardMode: ThreatProtectionMode.ENFORCED,
        compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK, events: [CompromisedCredentialsEvent.SIGN_IN] },
        accountTakeover: {
          low: { action: AccountTakeoverAction.NO_ACTION },
          high: { action: AccountTakeoverAction.BLOCK, notify: true },
          notifications: { blockEmail: EMAIL },
        },
        ipRanges: { alwaysAllow: ['10.0.0.0/8'] },
      },
      ...extra,
    });
    p.addDomain('domain', { prefix: 'acme-guarded' });
    p.addClient('partner', {
      preset: ClientPreset.WEB,
      callbackUrls: ['https://partner.example.com/cb'],
      threatProtection: { ipRanges: { alwaysBlock: ['198.51.100.0/24'] } },
    });
    return stack;
  }

  test("the pool's responses, notifications sent through the pool's SES identity, and a client's own", () => {
    const all = Object.values(resources(synth(pool()), 'aws_cognito_risk_configuration')) as any[];
    const poolWide = all.find((r) => r.client_id === undefined);
    expect(poolWide).toMatchObject({
      compromised_credentials_risk_configuration: { event_filter: ['SIGN_IN'], actions: { event_action: 'BLOCK' } },
      account_takeover_risk_configuration: {
        actions: { low_action: { event_action: 'NO_ACTION', notify: false }, high_action: { event_action: 'BLOCK', notify: true } },
        notify_configuration: {
          source_arn: `arn:aws:ses:${TEST_ENV.region}:${TEST_ENV.accountId}:identity/example.com`,
          from: 'no-reply@example.com',
          block_email: { subject: EMAIL.subject, html_body: EMAIL.htmlBody, text_body: EMAIL.textBody },
        },
      },
      risk_exception_configuration: { skipped_ip_range_list: ['10.0.0.0/8'] },
    });
    const client = all.find((r) => r.client_id !== undefined);
    expect(client.client_id).toMatch(/^\$\{aws_cognito_user_pool_client\..+\.id\}$/);
    expect(client).toMatchObject({ risk_exception_configuration: { blocked_ip_range_list: ['198.51.100.0/24'] } });
    expect(client.account_takeover_risk_configuration).toBeUndefined();
  });

  test('a pool without responses has no risk configuration', () => {
    const stack = testStack();
    new UserPool(stack, 'pool', {
      userPoolName: 'plain',
      featurePlan: FeaturePlan.PLUS,
      threatProtection: { standardMode: ThreatProtectionMode.ENFORCED },
    });
    expect(resources(synth(stack), 'aws_cognito_risk_configuration')).toEqual({});
  });

  test("a client's responses are checked against the pool and reported under the client", () => {
    const stack = testStack();
    const p = new UserPool(stack, 'pool', { userPoolName: 'plain' });
    p.addClient('m2m', { threatProtection: { compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK } } });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(
        /m2m\/risk-configuration\] threatProtection\.compromisedCredentials: threat protection responses need the PLUS feature plan/,
      ),
      expect.stringMatching(
        /m2m\/risk-configuration\] threatProtection\.compromisedCredentials: threat protection responses need threat protection on/,
      ),
    ]);
  });
});

describe('the strict security profile', () => {
  test('one line sets PLUS, ENFORCED for standard and custom auth, MFA required and responses', () => {
    const p = resolveUserPoolProps({ userPoolName: 'strict', securityProfile: SecurityProfile.STRICT });
    expect(p).toMatchObject({
      featurePlan: 'PLUS',
      mfa: 'ON',
      threatProtection: { standardMode: 'ENFORCED', customAuthMode: 'ENFORCED', compromisedCredentials: { action: 'BLOCK' } },
    });
    // Without SES there is no sender for account-takeover notifications, which the provider requires.
    expect(p.threatProtection.accountTakeover).toBeUndefined();
    expect(checkUserPool(p, { partition: 'aws', accountId: '111122223333', region: 'eu-west-1' })).toEqual([]);
  });

  test("account-takeover responses, notifying, when the pool sends through SES; responses given replace the profile's", () => {
    const ses = resolveUserPoolProps({
      userPoolName: 's',
      securityProfile: SecurityProfile.STRICT,
      email: UserPoolEmail.withSes({ fromEmail: 'a@example.com', sesVerifiedDomain: 'example.com' }),
    });
    expect(ses.threatProtection.accountTakeover).toEqual({
      low: { action: 'NO_ACTION', notify: false },
      medium: { action: 'MFA_REQUIRED', notify: true },
      high: { action: 'BLOCK', notify: true },
    });
    const own = resolveUserPoolProps({
      userPoolName: 's',
      securityProfile: SecurityProfile.STRICT,
      threatProtection: { ipRanges: { alwaysAllow: ['10.0.0.0/8'] } },
    });
    expect(own.threatProtection).toEqual({ ipRanges: { alwaysAllow: ['10.0.0.0/8'] }, standardMode: 'ENFORCED', customAuthMode: 'ENFORCED' });
  });

  test('settings that fall short of a control are synth errors naming it', () => {
    const p = resolveUserPoolProps({
      userPoolName: 'weak',
      securityProfile: SecurityProfile.STRICT,
      featurePlan: FeaturePlan.ESSENTIALS,
      mfa: Mfa.OPTIONAL,
      threatProtection: { standardMode: ThreatProtectionMode.AUDIT, customAuthMode: 'AUDIT' as never, ipRanges: { alwaysAllow: ['10.0.0.0/8'] } },
      passwordPolicy: { minLength: 6, requireSymbols: false, tempPasswordValidityDays: 30 },
      dangerouslyAllowDeletionOfAllUsers: true,
    });
    const found = checkUserPool(p, { partition: 'aws', accountId: '111122223333', region: 'eu-west-1' })
      .map((x) => formatProblem(x))
      .filter((m) => m.includes('strict security profile'));
    expect(found).toEqual([
      expect.stringMatching(/^featurePlan: the strict security profile \(Security Hub Cognito\.1\) needs the PLUS plan; received "ESSENTIALS"/),
      expect.stringMatching(
        /^threatProtection\.standardMode: the strict security profile \(Security Hub Cognito\.1\) needs ENFORCED; received "AUDIT"/,
      ),
      expect.stringMatching(/^passwordPolicy\.minLength: .*Cognito\.3/),
      expect.stringMatching(/^passwordPolicy\.requireSymbols: .*Cognito\.3/),
      expect.stringMatching(/^passwordPolicy\.tempPasswordValidityDays: .*Cognito\.3/),
      expect.stringMatching(/^threatProtection\.customAuthMode: .*Cognito\.4\) needs ENFORCED; received "AUDIT"/),
      expect.stringMatching(/^mfa: .*Cognito\.5\) needs MFA REQUIRED; received "OPTIONAL"/),
      expect.stringMatching(/^dangerouslyAllowDeletionOfAllUsers: .*Cognito\.6\) needs deletion protection/),
    ]);
  });

  test('every user-pool control of Security Hub is listed, each with how it is met, and the README shows exactly that', () => {
    expect(SECURITY_HUB_CONTROLS.map((c) => c.id)).toEqual(['Cognito.1', 'Cognito.3', 'Cognito.4', 'Cognito.5', 'Cognito.6']);
    const table = readFileSync('README.md', 'utf8').split('<!-- security-hub-controls -->')[1].split('<!-- /security-hub-controls -->')[0];
    const rows = table.split('\n').filter((l) => l.startsWith('| Cognito.'));
    expect(rows).toEqual(SECURITY_HUB_CONTROLS.map((c) => `| ${c.id} | ${c.title} | ${c.howMet} |`));
  });

  test('a strict pool renders the add-ons and one risk configuration', () => {
    const stack = testStack();
    new UserPool(stack, 'pool', { userPoolName: 'strict', securityProfile: SecurityProfile.STRICT });
    const config = synth(stack);
    expect(onlyResource(config, 'aws_cognito_user_pool')).toMatchObject({
      user_pool_tier: 'PLUS',
      mfa_configuration: 'ON',
      user_pool_add_ons: { advanced_security_mode: 'ENFORCED', advanced_security_additional_flows: { custom_auth_mode: 'ENFORCED' } },
    });
    expect(onlyResource(config, 'aws_cognito_risk_configuration')).toMatchObject({
      compromised_credentials_risk_configuration: { actions: { event_action: 'BLOCK' } },
    });
  });
});

terraformIt('a strict pool with pool and client responses passes validate and plan', () => {
  const stack = testStack();
  const p = new UserPool(stack, 'pool', {
    userPoolName: 'strict',
    securityProfile: SecurityProfile.STRICT,
    email: UserPoolEmail.withSes({ fromEmail: 'no-reply@example.com', sesVerifiedDomain: 'example.com' }),
  });
  p.addDomain('domain', { prefix: 'acme-strict' });
  p.addClient('partner', {
    preset: ClientPreset.WEB,
    callbackUrls: ['https://partner.example.com/cb'],
    threatProtection: {
      ipRanges: { alwaysBlock: ['198.51.100.0/24'] },
      accountTakeover: { high: { action: AccountTakeoverAction.BLOCK, notify: true }, notifications: { blockEmail: EMAIL } },
    },
  });
  const { plan } = checkOffline(synth(stack));
  expect(plan.resource_changes.filter((c: any) => c.type === 'aws_cognito_risk_configuration')).toHaveLength(2);
});
