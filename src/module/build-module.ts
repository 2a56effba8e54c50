import { CognitoResourceServer } from '@cdktf/provider-aws/lib/cognito-resource-server';
import { CognitoUserGroup } from '@cdktf/provider-aws/lib/cognito-user-group';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { addInputs, Json, moduleFiles, moduleJson, newModuleStack } from './module-stack';
import { propsFromModule } from './placement';
import { CLIENT_PRESET_SETTINGS, MODULE_INPUTS } from './inputs';
import { moduleReadme } from './readme';
import { addClientBranding, addFederation } from './federation-module';
import { addTriggers } from './triggers-module';
import { addClientRiskConfigurations, addPoolRiskConfiguration } from './risk-module';
import { addDomainAliasRecords } from './domain-records';
import { addSecretHandOffs, HAND_OFF_OUTPUT } from './hand-off-module';
import { validationsOf } from './validations';
import { ClientPreset, UserPoolClientProps } from '../client/client-props';
import { OAuthScope } from '../client/oauth-scope';
import { PRESETS, resolveClientProps } from '../client/presets';
import { renderClient } from '../client/render-client';
import { renderResourceServer, ResourceServerScope } from '../client/resource-server';
import { renderDomain } from '../client/user-pool-domain';
import { addDynamicBlocks, splitDynamicBlocks } from '../core/conditional';
import { Duration } from '../core/duration';
import { Fn, Op, ref, TerraformIterator, TerraformLocal, TerraformOutput, TerraformStack, Token } from '../engine';
import { CLIENT_SETTINGS } from '../settings/client-settings';
import { POOL_SETTINGS } from '../settings/pool-settings';
import { renderUserPool } from '../user-pool/render-user-pool';
import { resolveUserPoolProps, ResolvedUserPoolProps } from '../user-pool/resolved-props';
import { renderGroup } from '../user-pool/user-pool-group';
import { UserPoolProps } from '../user-pool/user-pool-props';

/**
 * Generates the Terraform module `modules/cognito-user-pool` from the library itself: a stack whose
 * settings are Terraform variables (tokens) goes through the same defaults (`resolveUserPoolProps`,
 * `PRESETS`) and the same render functions as every literal stack, so the module cannot drift from
 * the library. Where a render function branches on a setting, it emits the Terraform conditional or
 * `dynamic` block instead (`core/conditional.ts`). The library's rules become `validation` blocks
 * (`validations.ts`).
 */

/** Where the module lives, relative to the repository root. */
export const MODULE_DIR = 'modules/cognito-user-pool';

/** The AWS provider versions the module accepts. */
export const AWS_PROVIDER_VERSION = '>= 5.100, < 7.0';

const str = (expression: string): string => Token.asString(ref(expression));
const num = (expression: string): number => Token.asNumber(ref(expression));
const strings = (expression: string): string[] => Token.asList(ref(expression));

/** The pool's settings as Terraform variables (placed by the declarations), through the library's defaults. */
export function modulePoolSettings(): ResolvedUserPoolProps {
  return resolveUserPoolProps(propsFromModule(POOL_SETTINGS, 'var') as unknown as UserPoolProps);
}

/** A preset's settings (defaults, then the preset) under the module's names: the `client_presets` local. */
export function presetSettings(preset: ClientPreset): Record<keyof typeof CLIENT_PRESET_SETTINGS, unknown> {
  const c = resolveClientProps({ preset });
  const minutes = (d: Duration | undefined) => d!.toSeconds()! / 60;
  return {
    generate_secret: c.generateSecret,
    oauth_flows: c.oAuthFlows,
    scopes: (c.scopes ?? []).map((s) => s.scopeName),
    auth_flows: c.authFlows,
    identity_providers: c.identityProviders,
    write_attributes: c.writeAttributes ?? [],
    access_token_validity_minutes: minutes(c.tokenValidity?.accessToken),
    id_token_validity_minutes: minutes(c.tokenValidity?.idToken),
    refresh_token_validity_minutes: minutes(c.tokenValidity?.refreshToken),
    auth_session_validity_minutes: c.authSessionValidityMinutes,
    enable_token_revocation: c.enableTokenRevocation,
    prevent_user_existence_errors: c.preventUserExistenceErrors,
    propagate_additional_user_context_data: c.propagateAdditionalUserContextData,
  };
}

/** One client's settings as Terraform expressions on `each.value` of `local.clients` (its preset already applied). */
export function moduleClientSettings(): UserPoolClientProps {
  return {
    ...(propsFromModule(CLIENT_SETTINGS, 'each.value') as UserPoolClientProps),
    // A token for the list of scope strings: renderClient passes a token through as it is.
    scopes: strings('each.value.scopes') as unknown as OAuthScope[],
  };
}

/** Builds the module's stack: variables, locals, resources (stable `this` addresses) and outputs. */
export function buildModuleStack(): TerraformStack {
  const stack = newModuleStack('cognito-user-pool');
  addInputs(stack, MODULE_INPUTS, (input) => validationsOf(input.name));

  local(stack, 'client_presets', Object.fromEntries(Object.keys(PRESETS).map((preset) => [preset, presetSettings(preset as ClientPreset)])));
  // Settings given override the preset's; a client whose preset is unknown is left to its validation.
  local(
    stack,
    'clients',
    '${{ for k, c in var.clients : k => merge(c, { for setting, preset in local.client_presets[c.preset] : setting => c[setting] != null ? c[setting] : preset }, { name = coalesce(c.name, k) }) if contains(keys(local.client_presets), c.preset) }}',
  );
  local(
    stack,
    'resource_server_scopes',
    '${flatten([for k, s in var.resource_servers : [for name, description in s.scopes : "${s.identifier}/${name}"]])}',
  );
  local(
    stack,
    'domain_base_url',
    '${var.domain == null ? null : (var.domain.prefix != null ? "https://${var.domain.prefix}.auth.${split(":", aws_cognito_user_pool.this.arn)[3]}.amazoncognito.com" : "https://${var.domain.custom_domain.domain_name}")}',
  );

  // SMS goes through the user's role: without a declared account the library, too, needs one (smsSettings).
  const sms = {
    roleArn: str('try(var.sms.existing_role.role_arn, null)'),
    externalId: str('try(var.sms.existing_role.external_id, null)'),
    present: Op.neq(ref('try(var.sms.existing_role, null)'), Token.nullValue()) as unknown as boolean,
  };
  const { config, dynamicBlocks } = splitDynamicBlocks(renderUserPool(modulePoolSettings(), { sms }));
  // prevent_destroy must be a literal: a variable cannot turn it off, by design (see the README).
  const pool = new CognitoUserPool(stack, 'pool', { ...config, lifecycle: { preventDestroy: true } });
  addDynamicBlocks(pool, dynamicBlocks);
  pool.overrideLogicalId('this');
  addTriggers(stack, pool);

  const domain = new CognitoUserPoolDomain(stack, 'domain', {
    ...renderDomain(
      {
        prefix: str('var.domain.prefix'),
        // try(): custom_domain is null for a prefix domain.
        customDomain: {
          domainName: str('try(var.domain.custom_domain.domain_name, null)'),
          certificateArn: str('try(var.domain.custom_domain.certificate_arn, null)'),
        },
        managedLoginVersion: num('var.domain.managed_login_version'),
      },
      pool.id,
    ),
    count: Token.asNumber(Fn.conditional(Op.eq(ref('var.domain'), Token.nullValue()), 0, 1)),
  });
  domain.overrideLogicalId('this');
  addDomainAliasRecords(stack);

  const servers = withDynamicBlocks(
    (config) => new CognitoResourceServer(stack, 'resource-server', { ...config, forEach: iterate('var.resource_servers') }),
    renderResourceServer(
      {
        identifier: str('each.value.identifier'),
        name: str('coalesce(each.value.name, each.value.identifier)'),
        // A token for the scope list: renderResourceServer makes it a dynamic block.
        scopes: Token.asAny(
          ref('[for name, description in each.value.scopes : { scope_name = name, scope_description = description }]'),
        ) as unknown as ResourceServerScope[],
      },
      pool.id,
    ),
  );
  servers.overrideLogicalId('this');

  const federation = addFederation(stack, pool, domain);
  addPoolRiskConfiguration(stack, pool);
  const clients = withDynamicBlocks(
    // Scopes of resource servers and the identity providers a client names must exist before it.
    (config) =>
      new CognitoUserPoolClient(stack, 'client', { ...config, forEach: iterate('local.clients'), dependsOn: [servers, ...federation.providers] }),
    renderClient(moduleClientSettings(), str('each.value.name'), pool.id),
  );
  clients.overrideLogicalId('this');
  // Clients name identity providers by their key in identity_providers (or by name, or COGNITO).
  clients.addOverride('supported_identity_providers', `\${${federation.clientProviders}}`);
  addClientBranding(stack, pool, domain, clients);
  addClientRiskConfigurations(stack, pool, clients);
  addSecretHandOffs(stack);

  const groups = new CognitoUserGroup(stack, 'group', {
    ...renderGroup(
      {
        groupName: str('each.key'),
        description: str('each.value.description'),
        precedence: num('each.value.precedence'),
        roleArn: str('each.value.role_arn'),
      },
      pool.id,
    ),
    forEach: iterate('var.groups'),
  });
  groups.overrideLogicalId('this');

  const outputs: [string, string, string, boolean?][] = [
    ['user_pool_id', '${aws_cognito_user_pool.this.id}', 'The user pool id.'],
    ['user_pool_arn', '${aws_cognito_user_pool.this.arn}', 'The user pool ARN.'],
    ['user_pool_endpoint', '${aws_cognito_user_pool.this.endpoint}', 'cognito-idp.<region>.amazonaws.com/<pool id>.'],
    ['issuer_url', 'https://${aws_cognito_user_pool.this.endpoint}', 'The token issuer (the iss claim).'],
    ['jwks_url', 'https://${aws_cognito_user_pool.this.endpoint}/.well-known/jwks.json', 'The JSON Web Key Set that verifies the tokens.'],
    ['client_ids', '${{ for k, c in aws_cognito_user_pool_client.this : k => c.id }}', 'Client ids, by key.'],
    [
      'client_secrets',
      '${{ for k, c in aws_cognito_user_pool_client.this : k => c.client_secret if local.clients[k].generate_secret }}',
      'Client secrets of the clients that have one, by key.',
      true,
    ],
    [
      'resource_server_scopes',
      '${{ for k, s in aws_cognito_resource_server.this : k => s.scope_identifiers }}',
      'The full scope strings of each resource server, by key.',
    ],
    ['group_names', '${[for k, g in aws_cognito_user_group.this : g.name]}', 'The group names.'],
    [
      'domain_base_url',
      '${local.domain_base_url}',
      'https://<domain>: the base of the OAuth 2.0 endpoints and sign-in pages (null without a domain).',
    ],
    ['authorize_url', '${local.domain_base_url == null ? null : "${local.domain_base_url}/oauth2/authorize"}', 'The OAuth 2.0 authorize endpoint.'],
    ['token_url', '${local.domain_base_url == null ? null : "${local.domain_base_url}/oauth2/token"}', 'The OAuth 2.0 token endpoint.'],
    ['logout_url', '${local.domain_base_url == null ? null : "${local.domain_base_url}/logout"}', 'The sign-out endpoint.'],
    [
      'domain_cloudfront_distribution',
      '${one(aws_cognito_user_pool_domain.this[*].cloudfront_distribution)}',
      "Where a custom domain's DNS alias points (null without a domain).",
    ],
  ];
  outputs.push([HAND_OFF_OUTPUT.name, HAND_OFF_OUTPUT.value, HAND_OFF_OUTPUT.description]);
  for (const [name, value, description, sensitive] of outputs) {
    new TerraformOutput(stack, `output-${name}`, { value, description, sensitive }).overrideLogicalId(name);
  }
  return stack;
}

/** A local value named `name` (construct ids are prefixed: a local, a variable and an output may share a name). */
function local(stack: TerraformStack, name: string, expression: unknown): void {
  new TerraformLocal(stack, `local-${name}`, expression).overrideLogicalId(name);
}

/** `for_each` over a map, written as an expression (`each.key`, `each.value` in the arguments). */
function iterate(collection: string): TerraformIterator {
  return TerraformIterator.fromMap(Token.asAnyMap(ref(collection)));
}

/** Creates a resource from rendered arguments, with their dynamic blocks. */
function withDynamicBlocks<T extends { addOverride(path: string, value: unknown): void }, A extends object>(create: (config: A) => T, args: A): T {
  const { config, dynamicBlocks } = splitDynamicBlocks(args);
  const resource = create(config);
  addDynamicBlocks(resource, dynamicBlocks);
  return resource;
}

/** The module's Terraform JSON: the stack synthesized, without provider, backend or engine metadata. */
export function moduleConfig(): Json {
  return moduleJson(buildModuleStack(), AWS_PROVIDER_VERSION);
}

/** The module's files by name: what `scripts/build-modules.ts` writes and the drift test compares. */
export function generateModule(): Record<string, string> {
  return moduleFiles(moduleConfig(), moduleReadme);
}
