import { readFileSync } from 'fs';
import { join } from 'path';
import { dumpProviderSchema, reduceSchemas, renderSchemaFile } from '../../scripts/extract-hcl-schema';
import { renderHcl } from '../../src/hcl/render-hcl';
import { offlineCopy, runTerraform } from '../../src/terraform/offline';
import { terraformIt } from '../support/terraform';
import { COGNITO_STACK, CONFIG_LITERALS, LITERAL_TEXTS, META, MODULE_CALL, STRINGS, VARIABLES } from './hcl-fixtures';
import { randomConfigs } from './random-configs';
import { configurationMeaning, fmtCheck, meaningOf, parsedHcl, planDir, scratchDir, validateDir, withMirrorProvider } from './hcl-support';

const FIXTURES: Record<string, object> = { COGNITO_STACK, VARIABLES, STRINGS, META, MODULE_CALL };

const RANDOM = randomConfigs(20251126, 150);

/** The fixtures terraform can validate offline (a module call needs its module). */
const VALIDATABLE = ['COGNITO_STACK', 'VARIABLES', 'STRINGS', 'META'];

/** The configuration with an output showing each named value (sensitive, since some inputs are). */
function showing(config: object, scope: 'var' | 'local', names: string[]): object {
  const outputs = Object.fromEntries(names.map((name) => [`show_${name}`, { sensitive: true, value: `\${${scope}.${name}}` }]));
  return { ...config, output: { ...(config as { output?: object }).output, ...outputs } };
}

const locals = (values: Record<string, unknown>): string => renderHcl({ locals: values });

describe('renderHcl', () => {
  describe('round trip through HashiCorp HCL parser', () => {
    it.each(Object.keys(FIXTURES))('%s parses back to the configuration it was rendered from', async (name) => {
      const config = FIXTURES[name];
      expect(await parsedHcl(renderHcl(config))).toEqual(await meaningOf(config));
    });

    it('random configurations parse back to what they were rendered from', async () => {
      for (const config of RANDOM) expect(await parsedHcl(renderHcl(config))).toEqual(await meaningOf(config));
    });

    it('tells a difference apart (the comparison is not vacuous)', async () => {
      const changed = structuredClone(COGNITO_STACK);
      changed.resource.aws_cognito_user_pool.pool.password_policy.minimum_length = 13;
      expect(await parsedHcl(renderHcl(changed))).not.toEqual(await meaningOf(COGNITO_STACK));
    });
  });

  it('writes blocks, repeated blocks, map arguments and meta-arguments in terraform style', () => {
    const hcl = renderHcl({
      provider: { aws: [{ default_tags: [{ tags: { environment: 'dev', 'managed-by': 'cdktf-cognito' } }], region: 'eu-west-1' }] },
      resource: {
        aws_cognito_user_pool: {
          pool: {
            '//': { metadata: { path: 'example-dev/user-pool/pool' } },
            account_recovery_setting: {
              recovery_mechanism: [
                { name: 'verified_email', priority: 1 },
                { name: 'verified_phone_number', priority: 2 },
              ],
            },
            depends_on: ['aws_iam_role.sms'],
            lifecycle: { prevent_destroy: true },
            name: 'example',
            password_policy: { minimum_length: 12, require_symbols: false },
            tags: { Name: 'example' },
            user_pool_tier: 'ESSENTIALS',
          },
        },
      },
      output: { arn: { value: '${aws_cognito_user_pool.pool.arn}' } },
    });
    expect(hcl).toBe(`provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      environment  = "dev"
      "managed-by" = "cdktf-cognito"
    }
  }
}

resource "aws_cognito_user_pool" "pool" {
  name           = "example"
  user_pool_tier = "ESSENTIALS"
  tags = {
    Name = "example"
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }

    recovery_mechanism {
      name     = "verified_phone_number"
      priority = 2
    }
  }

  password_policy {
    minimum_length  = 12
    require_symbols = false
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [aws_iam_role.sms]
}

output "arn" {
  value = aws_cognito_user_pool.pool.arn
}
`);
  });

  it('keeps false, 0, empty strings and empty collections', () => {
    const hcl = renderHcl(VARIABLES);
    expect(hcl).toContain('  default     = false\n');
    expect(hcl).toContain('  default = 0\n');
    expect(hcl).toContain('  default     = ""\n');
    expect(hcl).toContain('  default = []\n');
    expect(hcl).toContain('  default = {}\n');
    expect(hcl).toContain('    list       = [0, false, ""]\n');
    expect(hcl).toContain('    null_value = null\n');
    expect(renderHcl({ resource: { aws_cognito_user_pool_client: { c: { generate_secret: false, refresh_token_validity: 0, name: '' } } } })).toBe(
      'resource "aws_cognito_user_pool_client" "c" {\n  generate_secret        = false\n  refresh_token_validity = 0\n  name                   = ""\n}\n',
    );
  });

  describe('strings', () => {
    it('writes a lone interpolation as its bare expression and anything else as a template', () => {
      expect(
        locals({
          arn: '${aws_iam_role.sms.arn}',
          policy: '${jsonencode({ "a" = "b" })}',
          url: 'https://${aws_cognito_user_pool.pool.endpoint}',
          pair: '${var.a}${var.b}',
          twice: '${"${var.a}"}',
          strip: 'a ${~var.a~} b',
          if: '%{ if var.a }yes%{ endif }',
          text: 'plain',
        }),
      ).toBe(`locals {
  arn    = aws_iam_role.sms.arn
  policy = jsonencode({ "a" = "b" })
  url    = "https://\${aws_cognito_user_pool.pool.endpoint}"
  pair   = "\${var.a}\${var.b}"
  twice  = var.a
  strip  = "a \${~var.a~} b"
  if     = "%{if var.a}yes%{endif}"
  text   = "plain"
}
`);
    });

    it('spaces expressions as terraform fmt does', () => {
      expect(
        locals({
          policy: '${jsonencode({"Version"="2012-10-17","Statement"=[{"Action"="sns:Publish","Effect"="Allow"}]})}',
          choice: '${var.a?1:-1}',
          index: '${ aws_x.y[ 0 ].id }',
          call: '${merge(var.a,{b=1},var.c...)}',
          logic: '${!var.a&&var.b||var.c!=2}',
          math: '${var.a - -1 * (2+3)}',
          list: '${[for s in var.l:upper(s) if s!=""]}',
          splat: '${aws_x.y[*].id}',
          map: '${{for k,v in var.m:k=>v...}}',
          nested: 'x${ lookup(var.m, "k", "d") }y',
        }),
      ).toBe(`locals {
  policy = jsonencode({ "Version" = "2012-10-17", "Statement" = [{ "Action" = "sns:Publish", "Effect" = "Allow" }] })
  choice = var.a ? 1 : -1
  index  = aws_x.y[0].id
  call   = merge(var.a, { b = 1 }, var.c...)
  logic  = !var.a && var.b || var.c != 2
  math   = var.a - -1 * (2 + 3)
  list   = [for s in var.l : upper(s) if s != ""]
  splat  = aws_x.y[*].id
  map    = { for k, v in var.m : k => v... }
  nested = "x\${lookup(var.m, "k", "d")}y"
}
`);
    });

    it('escapes quotes, backslashes and control characters, and keeps escaped template sequences', () => {
      expect(renderHcl(STRINGS)).toBe(`locals {
  quotes                = "say \\"hello\\""
  backslashes           = "C:\\\\Program Files\\\\x"
  lines                 = "line one\\nline two\\r\\n\\ttabbed"
  escaped_interpolation = "literal $\${not_interpolated} and %%{ not_a_directive }"
  dollars               = "costs $5, 100%, $$, a lone $ and %"
  unicode               = "héllo wörld ✓ 🎉"
  control               = "bell\\u0007 nbsp\\u00a0"
  empty                 = ""
  template              = "Hello \${upper("world")}, \${local.quotes}!"
  directive             = "%{if local.empty == ""}empty%{else}full%{endif}"
  nested_quotes         = jsonencode({ "a\\"b" = "c\\\\d", "e" = "\${local.quotes}" })
  json_policy           = "{\\"Statement\\":[{\\"Resource\\":\\"arn:\${local.empty}:s3:::b\\\\\\\\c\\"}]}"
}
`);
    });

    it('passes configuration literals through: $${ and %%{ (how the loader escapes ${ and %{) stay escapes', () => {
      const hcl = renderHcl(CONFIG_LITERALS);
      expect(hcl).toContain('    t0 = "$${uuid()}"\n');
      expect(hcl).toContain('    t1 = "%%{ if true }x%%{ endif }"\n');
      expect(hcl).toContain('    t4 = "$$${already}"\n');
      expect(hcl).toContain('    scope_description = "ends with $${"\n');
      expect(hcl).toContain('      "$${key}" = "%%{"\n');
    });

    it('parses back to the same configuration when it holds configuration literals', async () => {
      expect(await parsedHcl(renderHcl(CONFIG_LITERALS))).toEqual(await meaningOf(CONFIG_LITERALS));
    });

    it('refuses an unclosed "${" or "%{" (Terraform refuses it too), saying where and how to write it as text', () => {
      expect(() => locals({ tag: 'x ${ y' })).toThrow(/^renderHcl: locals\.tag: a "\$\{" sequence is not closed in "x \$\{ y".*write "\$\$\{"/);
      expect(() => locals({ tag: '100%{' })).toThrow(/^renderHcl: locals\.tag: a "%\{" sequence is not closed in "100%\{".*write "%%\{"/);
    });

    it('escapes what Terraform reads literally: variable defaults and descriptions, the terraform block', () => {
      const hcl = renderHcl({
        terraform: { backend: { local: { path: 'state/${x}.tfstate' } } },
        variable: { v: { default: { '${k}': ['${x}', '%{y}'] }, description: 'Use ${var.v}' } },
        output: { o: { description: 'about $${x}', value: '${var.v}' } },
      });
      expect(hcl).toContain('    path = "state/$${x}.tfstate"\n');
      expect(hcl).toContain('    "$${k}" = ["$${x}", "%%{y}"]\n');
      expect(hcl).toContain('  description = "Use $${var.v}"\n');
      expect(hcl).toContain('  description = "about $$${x}"\n');
    });

    it('puts a multi-line expression in parentheses, as terraform fmt does', () => {
      expect(locals({ x: '${var.a ?\n  1 :\n  0}' })).toBe('locals {\n  x = (var.a ?\n    1 :\n  0)\n}\n');
    });
  });

  it('writes the references of meta-arguments bare', () => {
    const hcl = renderHcl(META);
    expect(hcl).toContain('  for_each = toset(["a", "b"])\n  provider = aws.east\n\n  name = "copy-${each.key}"\n');
    expect(hcl).toContain('    ignore_changes        = all\n    replace_triggered_by  = [aws_cognito_user_pool.pool.id]\n');
    expect(hcl).toContain('    ignore_changes = [name, scope]\n');
    expect(hcl).toContain('moved {\n  from = aws_cognito_user_pool.old\n  to   = aws_cognito_user_pool.pool\n}\n');
    expect(hcl).toContain('import {\n  id = "eu-west-1_abc123"\n  to = aws_cognito_user_pool.pool\n}\n');
    expect(hcl).toContain('    on_failure = continue\n    when       = destroy\n');
    expect(hcl).toContain('  depends_on = [aws_cognito_resource_server.api]\n');
    expect(renderHcl(MODULE_CALL)).toContain('  providers = {\n    aws      = aws\n    aws.east = aws.east\n  }\n');
  });

  it('renders dynamic blocks, whose content is a body of the block type they name', () => {
    expect(renderHcl(META)).toContain(`  dynamic "scope" {
    for_each = var.scopes
    iterator = scope

    content {
      scope_description = scope.value
      scope_name        = scope.key
    }
  }
`);
  });

  it('writes type constraints bare, spelling bare collection types as terraform fmt does', () => {
    const hcl = renderHcl({ variable: { a: { type: 'list(object({ name = string }))' }, b: { type: 'map' } } });
    expect(hcl).toBe('variable "a" {\n  type = list(object({ name = string }))\n}\n\nvariable "b" {\n  type = map(any)\n}\n');
  });

  it('drops // comments from block bodies but keeps a // key inside a map', () => {
    const hcl = renderHcl({
      '//': 'generated',
      resource: { aws_iam_role: { r: { '//': { metadata: {} }, name: 'r', tags: { '//': 'kept' } } } },
    });
    expect(hcl).toBe('resource "aws_iam_role" "r" {\n  name = "r"\n  tags = {\n    "//" = "kept"\n  }\n}\n');
  });

  it('writes blocks given as null or an empty list as no blocks, and an empty object as an empty block', () => {
    const hcl = renderHcl({
      resource: { aws_cognito_user_pool: { p: { name: 'p', password_policy: [], sms_configuration: null, user_pool_add_ons: {} } } },
    });
    expect(hcl).toBe('resource "aws_cognito_user_pool" "p" {\n  name = "p"\n\n  user_pool_add_ons {}\n}\n');
  });

  it('writes long lists one element a line', () => {
    const urls = Array.from({ length: 4 }, (_, i) => `https://app-${i}.example.com/oauth2/callback`);
    expect(renderHcl({ locals: { urls } })).toBe(`locals {\n  urls = [\n${urls.map((u) => `    "${u}",\n`).join('')}  ]\n}\n`);
  });

  describe('refuses to guess', () => {
    it('names a resource type missing from the block schema and says how to add it', () => {
      expect(() => renderHcl({ resource: { aws_instance: { web: { ami: 'ami-1' } } } })).toThrow(
        /resource\.aws_instance\.web: resource type "aws_instance" is not in the block schema .*scripts\/extract-hcl-schema\.ts/,
      );
    });

    it('names a data source type or provider missing from the block schema', () => {
      expect(() => renderHcl({ data: { aws_vpc: { main: {} } } })).toThrow(/data source type "aws_vpc" is not in the block schema/);
      expect(() => renderHcl({ provider: { google: {} } })).toThrow(/provider "google" is not in the block schema/);
    });

    it('rejects an object under a key that is neither a known block nor a known object argument', () => {
      expect(() => renderHcl({ resource: { aws_cognito_user_pool: { p: { name: 'p', future_block: { enabled: true } } } } })).toThrow(
        /resource\.aws_cognito_user_pool\.p\.future_block: "future_block" holds an object, but resource type "aws_cognito_user_pool" has no block type or object argument of that name/,
      );
      expect(() => renderHcl({ terraform: { backend: { gcs: { bucket: 'b', encryption: { key: 'k' } } } } })).toThrow(
        /backend "gcs" has no block type/,
      );
    });

    it('rejects what HCL or Terraform cannot carry', () => {
      expect(() => renderHcl({ check: { c: {} } })).toThrow(/"check" is not a top-level block type/);
      expect(() => locals({ x: '${var.a' })).toThrow(/locals\.x: a "\$\{" sequence is not closed/);
      expect(() => locals({ x: '${<<EOT\nhi\nEOT\n}' })).toThrow(/heredoc/);
      expect(() => locals({ x: '${}' })).toThrow(/empty/);
      expect(() => renderHcl({ resource: { aws_iam_role: { r: { depends_on: ['${aws_iam_role.x}'] } } } })).toThrow(/unexpected character "\$"/);
      expect(() => renderHcl({ resource: { aws_cognito_resource_server: { r: { dynamic: { nope: { content: {} } } } } } })).toThrow(
        /dynamic "nope": resource type "aws_cognito_resource_server" has no block type "nope"/,
      );
    });
  });

  describe('against terraform', () => {
    for (const name of Object.keys(FIXTURES)) {
      terraformIt(`${name} is already formatted as terraform fmt formats it`, () => {
        const run = fmtCheck(renderHcl(FIXTURES[name]));
        expect(`${run.stdout}${run.stderr}`).toBe('');
        expect(run.code).toBe(0);
      });
    }

    terraformIt('random configurations are already formatted as terraform fmt formats them', () => {
      const dir = scratchDir(Object.fromEntries(RANDOM.map((config, i) => [`random-${i}.tf`, renderHcl(config)])));
      const run = runTerraform(dir, ['fmt', '-check', '-list=true', '-no-color', '.']);
      expect(`${run.stdout}${run.stderr}`).toBe('');
      expect(run.code).toBe(0);
    });

    for (const name of VALIDATABLE) {
      terraformIt(`${name} is valid terraform`, () => {
        validateDir(scratchDir({ 'main.tf': renderHcl(withMirrorProvider(FIXTURES[name])) }));
      });
    }

    // Planned values show what every string, reference and block means to Terraform itself.
    const PLANNED: Record<string, object> = {
      COGNITO_STACK: offlineCopy(COGNITO_STACK),
      VARIABLES: showing(VARIABLES, 'var', Object.keys(VARIABLES.variable)),
      STRINGS: showing(STRINGS, 'local', Object.keys(STRINGS.locals)),
    };
    for (const [name, config] of Object.entries(PLANNED)) {
      terraformIt(`${name} as HCL plans exactly as the JSON it was rendered from`, () => {
        const fromJson = scratchDir({ 'main.tf.json': JSON.stringify(config) });
        const fromHcl = scratchDir({ 'main.tf': renderHcl(config) });
        validateDir(fromJson);
        validateDir(fromHcl);
        const [jsonPlan, hclPlan] = [planDir(fromJson), planDir(fromHcl)];
        expect(Object.keys(jsonPlan.resource_changes ?? []).length + Object.keys(jsonPlan.output_changes ?? {}).length).toBeGreaterThan(5);
        for (const part of ['planned_values', 'resource_changes', 'output_changes']) {
          expect({ [part]: hclPlan[part] }).toEqual({ [part]: jsonPlan[part] });
        }
        expect(configurationMeaning(hclPlan.configuration)).toEqual(configurationMeaning(jsonPlan.configuration));
      });
    }

    terraformIt('configuration literals plan as the text they are, from the JSON and the HCL alike', () => {
      const config = offlineCopy(CONFIG_LITERALS);
      const plans = [scratchDir({ 'main.tf.json': JSON.stringify(config) }), scratchDir({ 'main.tf': renderHcl(config) })].map((dir) => {
        validateDir(dir);
        return planDir(dir);
      });
      for (const part of ['planned_values', 'resource_changes']) expect({ [part]: plans[1][part] }).toEqual({ [part]: plans[0][part] });
      for (const plan of plans) {
        const resources = plan.planned_values.root_module.resources as { address: string; values: Record<string, any> }[];
        const values = (address: string) => resources.find((r) => r.address === address)!.values;
        expect(values('aws_cognito_user_pool.pool').tags).toEqual(Object.fromEntries(LITERAL_TEXTS.map((text, i) => [`t${i}`, text])));
        expect(
          values('aws_cognito_resource_server.api')
            .scope.map((s: any) => s.scope_description)
            .sort(),
        ).toEqual([...LITERAL_TEXTS].sort());
        expect(values('aws_cognito_user_pool.pool').tags_all).toMatchObject({ note: '${timestamp()}', '${key}': '%{' });
      }
    });

    terraformIt('block-schema.json is what the extract script makes of the provider in the mirror', () => {
      const { dump, version } = dumpProviderSchema();
      const committed = readFileSync(join(__dirname, '../../src/hcl/block-schema.json'), 'utf8');
      expect(renderSchemaFile(reduceSchemas(dump, version))).toBe(committed);
    });
  });
});
