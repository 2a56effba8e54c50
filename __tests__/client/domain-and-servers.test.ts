import {
  checkDomain,
  checkResourceServer,
  FeaturePlan,
  formatProblem,
  ManagedLoginVersion,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolDomainProps,
} from '../../src';
import { onlyResource, resources, synth, testStack, validationErrors } from '../support/stack';

function pool(featurePlan?: FeaturePlan): UserPool {
  return new UserPool(testStack(), 'pool', { userPoolName: 'p', featurePlan });
}
const domainErrors = (props: Omit<UserPoolDomainProps, 'userPool'>, userPool = pool(), region: string | null = 'eu-west-1') =>
  checkDomain({ ...props, userPool }, region ?? undefined).map((p) => formatProblem(p));

const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/0c5a1b2c-1111-2222-3333-444455556666';

describe('domain rules', () => {
  test.each([
    ['acme-prod-auth', []],
    ['Acme', [/^prefix: may contain only lowercase letters, digits and inner hyphens; received "Acme"/]],
    ['-acme', [/^prefix: may contain only lowercase letters/]],
    [
      'my-cognito-login',
      [/^prefix: may not contain the reserved word cognito; received "my-cognito-login"\. Fix: choose a prefix without aws, amazon or cognito/],
    ],
    ['aws-amazon', [/^prefix: may not contain the reserved words aws, amazon/]],
    ['x'.repeat(64), [/^prefix: must be 1 to 63 characters long \(it has 64\)/, /^prefix: may contain only/]],
  ])('prefix %s', (prefix, expected) => {
    expect(domainErrors({ prefix })).toEqual(expected.map((r) => expect.stringMatching(r)));
  });

  test('exactly one of prefix and custom domain', () => {
    expect(domainErrors({})).toEqual([expect.stringMatching(/^prefix: a domain has exactly one of prefix or customDomain; received \{\}/)]);
    expect(domainErrors({ prefix: 'a', customDomain: { domainName: 'auth.example.com', certificateArn: CERT } })).toEqual([
      expect.stringMatching(/^prefix: a domain has exactly one of prefix or customDomain/),
    ]);
  });

  test('a prefix domain needs the region', () => {
    expect(domainErrors({ prefix: 'acme' }, pool(), null)).toEqual([expect.stringMatching(/^prefix: a prefix domain URL includes the region/)]);
  });

  test('custom domain: certificate in us-east-1, FQDN of at most 63 characters', () => {
    expect(domainErrors({ customDomain: { domainName: 'auth.example.com', certificateArn: CERT } })).toEqual([]);
    expect(domainErrors({ customDomain: { domainName: 'auth.example.com', certificateArn: CERT.replace('us-east-1', 'eu-west-1') } })).toEqual([
      expect.stringMatching(
        /^customDomain\.certificateArn: the certificate must be in us-east-1 \(CloudFront reads certificates only there\); received "arn:aws:acm:eu-west-1:/,
      ),
    ]);
    expect(domainErrors({ customDomain: { domainName: `${'a'.repeat(60)}.example.com`, certificateArn: CERT } })).toEqual([
      expect.stringMatching(/^customDomain\.domainName: must be a lowercase fully qualified domain name of at most 63 characters/),
    ]);
    expect(domainErrors({ customDomain: { domainName: 'auth.example.com', certificateArn: 'cert-123' } })).toEqual([
      expect.stringMatching(/^customDomain\.certificateArn: must be an ACM certificate ARN; received "cert-123"/),
    ]);
  });

  test('managed login needs ESSENTIALS or PLUS', () => {
    expect(domainErrors({ prefix: 'acme', managedLoginVersion: ManagedLoginVersion.MANAGED_LOGIN })).toEqual([]);
    expect(domainErrors({ prefix: 'acme', managedLoginVersion: ManagedLoginVersion.MANAGED_LOGIN }, pool(FeaturePlan.LITE))).toEqual([
      expect.stringMatching(/^managedLoginVersion: managed login needs the ESSENTIALS or PLUS feature plan/),
    ]);
    expect(domainErrors({ prefix: 'acme', managedLoginVersion: 3 as ManagedLoginVersion })).toEqual([
      expect.stringMatching(/^managedLoginVersion: must be one of 1, 2; received 3/),
    ]);
  });

  test('at most one prefix domain per pool', () => {
    const stack = testStack();
    const p = new UserPool(stack, 'pool', { userPoolName: 'p' });
    p.addDomain('one', { prefix: 'acme-one' });
    p.addDomain('two', { prefix: 'acme-two' });
    p.addDomain('own', { customDomain: { domainName: 'auth.example.com', certificateArn: CERT } });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/^\s*\[test\/pool\/one\] prefix: a pool has at most one prefix domain/),
      expect.stringMatching(/^\s*\[test\/pool\/two\] prefix: a pool has at most one prefix domain/),
    ]);
  });
});

describe('domain resources', () => {
  test('a custom domain with Route 53 alias records to its CloudFront distribution', () => {
    const stack = testStack();
    const p = new UserPool(stack, 'pool', { userPoolName: 'p' });
    p.addDomain('domain', {
      customDomain: { domainName: 'auth.example.com', certificateArn: CERT, hostedZoneId: 'Z0123456789ABC' },
      managedLoginVersion: ManagedLoginVersion.MANAGED_LOGIN,
    });
    const config = synth(stack);
    const domain = onlyResource(config, 'aws_cognito_user_pool_domain');
    expect(domain).toMatchObject({ domain: 'auth.example.com', certificate_arn: CERT, managed_login_version: 2 });
    const records = Object.values(resources(config, 'aws_route53_record')) as any[];
    expect(records.map((r) => r.type).sort()).toEqual(['A', 'AAAA']);
    for (const r of records) {
      expect(r).toMatchObject({ zone_id: 'Z0123456789ABC', name: 'auth.example.com', alias: { evaluate_target_health: false } });
      expect(r.alias.name).toMatch(/^\$\{aws_cognito_user_pool_domain\..+\.cloudfront_distribution\}$/);
      expect(r.alias.zone_id).toMatch(/^\$\{aws_cognito_user_pool_domain\..+\.cloudfront_distribution_zone_id\}$/);
    }
    expect(config.output.pool_domain_token_url.value).toBe('https://auth.example.com/oauth2/token');
  });

  test('a prefix domain: classic hosted UI by default, endpoints in the stack region', () => {
    const stack = testStack();
    new UserPool(stack, 'pool', { userPoolName: 'p' }).addDomain('domain', { prefix: 'acme-dev' });
    const config = synth(stack);
    expect(onlyResource(config, 'aws_cognito_user_pool_domain')).toMatchObject({ domain: 'acme-dev', managed_login_version: 1 });
    expect(config.output.pool_domain_authorize_url.value).toMatch(
      /^https:\/\/\$\{aws_cognito_user_pool_domain\..+\.domain\}\.auth\.eu-west-1\.amazoncognito\.com\/oauth2\/authorize$/,
    );
    expect(
      Object.keys(config.output)
        .filter((k) => k.startsWith('pool_domain_'))
        .sort(),
    ).toEqual(['pool_domain_authorize_url', 'pool_domain_base_url', 'pool_domain_logout_url', 'pool_domain_token_url']);
  });
});

describe('resource servers', () => {
  const scopes = [new ResourceServerScope('read', 'Read'), new ResourceServerScope('write', 'Write')];

  test('rendered with their scopes', () => {
    const stack = testStack();
    new UserPool(stack, 'pool', { userPoolName: 'p' }).addResourceServer('api', {
      identifier: 'https://api.example.com',
      name: 'Orders API',
      scopes,
    });
    expect(onlyResource(synth(stack), 'aws_cognito_resource_server')).toMatchObject({
      identifier: 'https://api.example.com',
      name: 'Orders API',
      scope: [
        { scope_name: 'read', scope_description: 'Read' },
        { scope_name: 'write', scope_description: 'Write' },
      ],
    });
  });

  test.each([
    [{ identifier: 'https://api.example.com', scopes }, []],
    [{ identifier: 'has space' }, [/^identifier: may not contain spaces/]],
    [{ identifier: 'api', scopes: [new ResourceServerScope('orders/read', 'x')] }, [/^scopes\[0\]\.scopeName: may not contain \/, spaces/]],
    [
      { identifier: 'api', scopes: [new ResourceServerScope('read', '')] },
      [/^scopes\[0\]\.scopeDescription: must be 1 to 256 characters long \(it has 0\)/],
    ],
    [
      { identifier: 'api', scopes: [scopes[0], scopes[0]] },
      [/^scopes: scope names must be unique; received \["read","read"\]\. Fix: remove the repeated read/],
    ],
    [
      { identifier: 'api', scopes: Array.from({ length: 101 }, (_, i) => new ResourceServerScope(`s${i}`, 'd')) },
      [/^scopes: must have at most 100 items/],
    ],
  ])('rules: %j', (props, expected) => {
    expect(checkResourceServer(props).map((p) => formatProblem(p))).toEqual(expected.map((r) => expect.stringMatching(r)));
  });

  test('typed scopes: OAuthScope.resourceServer gives <identifier>/<scope>', () => {
    const stack = testStack();
    const server = new UserPool(stack, 'pool', { userPoolName: 'p' }).addResourceServer('api', { identifier: 'https://api.example.com', scopes });
    expect(OAuthScope.resourceServer(server, scopes[1]).scopeName).toBe('https://api.example.com/write');
    expect(OAuthScope.resourceServer(server, 'read').isStandard).toBe(false);
    expect(OAuthScope.OPENID.isStandard).toBe(true);
  });
});
