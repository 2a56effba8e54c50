import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { ref, TerraformIterator, TerraformStack, Token } from '../engine';

/** The record types of a custom domain's alias, as the library's `UserPoolDomain` makes them. */
export const ALIAS_RECORD_TYPES = ['A', 'AAAA'] as const;

/**
 * A custom domain's alias records in the user's Route 53 hosted zone (`domain.custom_domain.hosted_zone_id`),
 * pointing at the domain's CloudFront distribution: `aws_route53_record.this["A"]` and `["AAAA"]`, none
 * without a zone, as the library's `UserPoolDomain` does for `customDomain.hostedZoneId`.
 */
export function addDomainAliasRecords(stack: TerraformStack): void {
  const zone = 'try(var.domain.custom_domain.hosted_zone_id, null)';
  const types = `[${ALIAS_RECORD_TYPES.map((t) => JSON.stringify(t)).join(', ')}]`;
  // The domain has count (none without a domain input): its attributes are read at index 0.
  const domain = (attribute: string) => Token.asString(ref(`aws_cognito_user_pool_domain.this[0].${attribute}`));
  new Route53Record(stack, 'domain-alias', {
    forEach: TerraformIterator.fromMap(Token.asAnyMap(ref(`${zone} == null ? {} : { for type in ${types} : type => type }`))),
    zoneId: Token.asString(ref(zone)),
    name: Token.asString(ref('var.domain.custom_domain.domain_name')),
    type: Token.asString(ref('each.value')),
    alias: { name: domain('cloudfront_distribution'), zoneId: domain('cloudfront_distribution_zone_id'), evaluateTargetHealth: false },
  }).overrideLogicalId('this');
}
