/**
 * Terraform JSON configurations shaped like what cdktf synthesizes (`//` metadata, blocks given as
 * objects or lists, `jsonencode` with cdktf's spacing, policies as JSON strings with interpolations).
 */

/** A user pool stack: nested and repeated blocks, IAM, references, templates, backend and provider. */
export const COGNITO_STACK = {
  '//': { metadata: { backend: 's3', stackName: 'example-dev', version: '0.21.0' } },
  terraform: {
    backend: {
      s3: {
        assume_role: { role_arn: 'arn:aws:iam::111111111111:role/terraform-state' },
        bucket: 'example-terraform-state',
        encrypt: true,
        key: 'cognito/example-dev.tfstate',
        region: 'eu-west-1',
        use_lockfile: true,
      },
    },
    required_providers: { aws: { source: 'aws', version: '6.25.0' } },
  },
  provider: {
    aws: [
      {
        allowed_account_ids: ['111111111111'],
        assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deployer', session_name: 'cdktf-cognito' }],
        default_tags: [{ tags: { environment: 'dev', 'managed-by': 'cdktf-cognito' } }],
        region: 'eu-west-1',
      },
    ],
  },
  data: {
    aws_partition: { partition: { '//': { metadata: { path: 'example-dev/partition' } } } },
    aws_iam_policy_document: {
      sms_trust: {
        statement: [
          {
            actions: ['sts:AssumeRole'],
            condition: [{ test: 'StringEquals', values: ['example-dev-sms'], variable: 'sts:ExternalId' }],
            principals: [{ identifiers: ['cognito-idp.amazonaws.com'], type: 'Service' }],
          },
        ],
      },
    },
  },
  resource: {
    aws_iam_role: {
      sms: {
        '//': { metadata: { path: 'example-dev/user-pool/sms-role', uniqueId: 'sms' } },
        assume_role_policy: '${data.aws_iam_policy_document.sms_trust.json}',
        name: 'example-dev-cognito-sms',
        tags: { purpose: 'cognito sms' },
      },
    },
    aws_iam_role_policy: {
      sms: {
        name: 'publish',
        policy: '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Action" = "sns:Publish", "Effect" = "Allow", "Resource" = "*"}]})}',
        role: '${aws_iam_role.sms.id}',
      },
      sms_guard: {
        name: 'deny-other-partitions',
        policy:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sns:Publish","NotResource":"arn:${data.aws_partition.partition.partition}:sns:*:*:*"}]}',
        role: '${aws_iam_role.sms.id}',
      },
    },
    aws_cognito_user_pool: {
      pool: {
        '//': { metadata: { path: 'example-dev/user-pool/pool', uniqueId: 'pool' } },
        account_recovery_setting: {
          recovery_mechanism: [
            { name: 'verified_email', priority: 1 },
            { name: 'verified_phone_number', priority: 2 },
          ],
        },
        admin_create_user_config: {
          allow_admin_create_user_only: false,
          invite_message_template: {
            email_message: 'Hello {username}, your temporary password is {####}',
            email_subject: 'Welcome to "Example"',
            sms_message: 'User {username}, code {####}',
          },
        },
        auto_verified_attributes: ['email'],
        deletion_protection: 'ACTIVE',
        depends_on: ['aws_iam_role_policy.sms'],
        lifecycle: { prevent_destroy: true },
        mfa_configuration: 'OPTIONAL',
        name: 'example-dev',
        password_policy: {
          minimum_length: 12,
          require_lowercase: true,
          require_numbers: true,
          require_symbols: false,
          require_uppercase: true,
          temporary_password_validity_days: 3,
        },
        schema: [
          {
            attribute_data_type: 'String',
            mutable: true,
            name: 'tenant',
            string_attribute_constraints: { max_length: '64', min_length: '0' },
          },
          {
            attribute_data_type: 'Number',
            mutable: false,
            name: 'level',
            number_attribute_constraints: { max_value: '10', min_value: '0' },
          },
        ],
        sms_configuration: { external_id: 'example-dev-sms', sns_caller_arn: '${aws_iam_role.sms.arn}', sns_region: 'eu-west-1' },
        software_token_mfa_configuration: { enabled: true },
        tags: { 'cost-center': '1234', Name: 'example-dev' },
        user_pool_add_ons: { advanced_security_mode: 'OFF' },
        username_attributes: ['email'],
        username_configuration: { case_sensitive: false },
        verification_message_template: {
          default_email_option: 'CONFIRM_WITH_CODE',
          email_message: 'Your verification code is {####}',
          email_subject: 'Verify your email',
          sms_message: 'Your verification code is {####}',
        },
      },
    },
    aws_cognito_user_pool_client: {
      web: {
        access_token_validity: 60,
        allowed_oauth_flows: ['code'],
        allowed_oauth_flows_user_pool_client: true,
        allowed_oauth_scopes: ['openid', 'email', '${aws_cognito_resource_server.api.scope_identifiers[0]}'],
        callback_urls: ['https://app.example.com/callback', 'http://localhost:3000/callback'],
        explicit_auth_flows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
        generate_secret: false,
        id_token_validity: 60,
        name: 'web',
        prevent_user_existence_errors: 'ENABLED',
        refresh_token_validity: 30,
        supported_identity_providers: ['COGNITO'],
        token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }],
        user_pool_id: '${aws_cognito_user_pool.pool.id}',
      },
    },
    aws_cognito_resource_server: {
      api: {
        identifier: 'https://api.example.com',
        name: 'api',
        scope: [
          { scope_description: 'Read things', scope_name: 'read' },
          { scope_description: 'Write things', scope_name: 'write' },
        ],
        user_pool_id: '${aws_cognito_user_pool.pool.id}',
      },
    },
    aws_cognito_user_pool_domain: {
      domain: { domain: 'example-dev-auth', user_pool_id: '${aws_cognito_user_pool.pool.id}' },
    },
  },
  output: {
    issuer_url: {
      description: 'The token issuer (iss claim)',
      sensitive: false,
      value: 'https://${aws_cognito_user_pool.pool.endpoint}',
    },
    jwks_url: { value: 'https://${aws_cognito_user_pool.pool.endpoint}/.well-known/jwks.json' },
    user_pool_arn: { description: 'The user pool ARN', value: '${aws_cognito_user_pool.pool.arn}' },
    scope_count: { value: '${length(aws_cognito_resource_server.api.scope_identifiers)}' },
  },
};

/** Variables whose defaults are falsy or look like templates, with validations, and what uses them. */
export const VARIABLES = {
  variable: {
    enabled: { default: false, description: 'Whether the thing is on', type: 'bool' },
    retries: { default: 0, type: 'number' },
    prefix: {
      default: '',
      description: 'A "prefix" for names; ${this} is not a template',
      type: 'string',
      validation: [
        { condition: '${length(var.prefix) <= 10}', error_message: 'The prefix has at most 10 characters.' },
        { condition: '${can(regex("^[a-z-]*$", var.prefix))}', error_message: 'Use lowercase letters and dashes, not "${var.prefix}".' },
      ],
    },
    callback_urls: { default: [], type: 'list(string)' },
    settings: { default: {}, type: 'map(string)' },
    pattern: { default: '${not.a.reference} and %{ not a directive }', nullable: false, sensitive: true, type: 'string' },
    nested: { default: { list: [0, false, ''], name: 'x', null_value: null }, type: 'any' },
    escaped: { default: 'kept as written: $${this}, $$$${that} and %%{ those }', type: 'string' },
  },
  locals: {
    name: '${var.prefix}pool',
    attempts: '${var.retries + 1}',
    enabled_count: '${var.enabled ? 1 : 0}',
    urls: '${[for u in var.callback_urls : lower(u)]}',
  },
  output: {
    name: { value: '${local.name}' },
    settings: { sensitive: true, value: '${var.settings}' },
  },
};

/** Text that must survive quoting: quotes, backslashes, control characters, escaped template sequences. */
export const STRINGS = {
  locals: {
    quotes: 'say "hello"',
    backslashes: 'C:\\Program Files\\x',
    lines: 'line one\nline two\r\n\ttabbed',
    escaped_interpolation: 'literal $${not_interpolated} and %%{ not_a_directive }',
    dollars: 'costs $5, 100%, $$, a lone $ and %',
    unicode: 'héllo wörld ✓ 🎉',
    control: 'bell\u0007 nbsp\u00a0',
    empty: '',
    template: 'Hello ${upper("world")}, ${local.quotes}!',
    directive: '%{if local.empty == ""}empty%{else}full%{endif}',
    nested_quotes: '${jsonencode({"a\\"b" = "c\\\\d", "e" = "${local.quotes}"})}',
    json_policy: '{"Statement":[{"Resource":"arn:${local.empty}:s3:::b\\\\c"}]}',
  },
};

/** Text a configuration file may hold, which Terraform must take as text, never as a template. */
export const LITERAL_TEXTS = ['${uuid()}', '%{ if true }x%{ endif }', 'ends with ${', '100%{', '$${already}', 'a lone $ and %', '${', '%{'];

/**
 * How the configuration loader writes such text into Terraform JSON: `${` and `%{` escaped as `$${` and
 * `%%{` (Terraform's template escapes, the same in JSON and HCL).
 */
const asLiteral = (text: string): string => text.replace(/([$%])\{/g, '$1$1{');

/** Configuration literals where the app puts configuration text: tags, default tags, scope descriptions. */
export const CONFIG_LITERALS = {
  provider: {
    aws: [{ region: 'eu-west-1', default_tags: [{ tags: { note: asLiteral('${timestamp()}'), [asLiteral('${key}')]: asLiteral('%{') } }] }],
  },
  resource: {
    aws_cognito_user_pool: { pool: { name: 'literals', tags: Object.fromEntries(LITERAL_TEXTS.map((text, i) => [`t${i}`, asLiteral(text)])) } },
    aws_cognito_resource_server: {
      api: {
        identifier: 'https://api.example.com',
        name: 'api',
        user_pool_id: '${aws_cognito_user_pool.pool.id}',
        scope: LITERAL_TEXTS.map((text, i) => ({ scope_name: `s${i}`, scope_description: asLiteral(text) })),
      },
    },
  },
};

/** Terraform's own blocks around a resource: dynamic, provisioner, lifecycle, moved, import, removed, module. */
export const META = {
  terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } }, required_version: '>= 1.7' },
  provider: { aws: [{ region: 'eu-west-1' }, { alias: 'east', region: 'us-east-1' }] },
  variable: { scopes: { default: { read: 'Read things', write: 'Write things' }, type: 'map(string)' } },
  resource: {
    aws_cognito_user_pool: {
      pool: { name: 'meta' },
      copies: {
        for_each: '${toset(["a", "b"])}',
        lifecycle: { create_before_destroy: true, ignore_changes: 'all', replace_triggered_by: ['aws_cognito_user_pool.pool.id'] },
        name: 'copy-${each.key}',
        provider: 'aws.east',
      },
    },
    aws_cognito_resource_server: {
      api: {
        dynamic: {
          scope: {
            content: { scope_description: '${scope.value}', scope_name: '${scope.key}' },
            for_each: '${var.scopes}',
            iterator: 'scope',
          },
        },
        identifier: 'https://api.example.com',
        lifecycle: {
          ignore_changes: ['name', 'scope'],
          postcondition: [{ condition: '${length(self.scope_identifiers) > 0}', error_message: 'No scopes.' }],
        },
        name: 'api',
        provisioner: [
          { 'local-exec': { command: 'echo created ${self.identifier}', environment: { STAGE: 'dev' } } },
          { 'local-exec': { command: 'echo destroyed', on_failure: 'continue', when: 'destroy' } },
        ],
        user_pool_id: '${aws_cognito_user_pool.pool.id}',
      },
    },
  },
  moved: [{ from: 'aws_cognito_user_pool.old', to: 'aws_cognito_user_pool.pool' }],
  import: [{ id: 'eu-west-1_abc123', to: 'aws_cognito_user_pool.pool' }],
  removed: [{ from: 'aws_cognito_user_pool.gone', lifecycle: { destroy: false } }],
  output: {
    copies: { depends_on: ['aws_cognito_resource_server.api'], value: '${{for k, p in aws_cognito_user_pool.copies : k => p.id}}' },
  },
};

/** A module call (kept apart: terraform cannot validate it without the module). */
export const MODULE_CALL = {
  module: {
    triggers: {
      count: 1,
      depends_on: ['module.other'],
      providers: { aws: 'aws', 'aws.east': 'aws.east' },
      source: './modules/triggers',
      tags: { team: 'identity' },
      user_pool_id: '${aws_cognito_user_pool.pool.id}',
    },
  },
};
