import { parse } from '@cdktf/hcl2json';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { BrandingAssetCategory, BrandingColorMode, ClientPreset, FeaturePlan, ManagedLoginBranding, ManagedLoginVersion, UserPool } from '../../src';
import { checkManagedLoginBranding, ManagedLoginBrandingOptions } from '../../src/client/managed-login-branding';
import { BRANDING_MODULE_DIR, BRANDING_PROVIDER_VERSION, brandingModuleConfig, generateBrandingModule } from '../../src/module/build-branding-module';
import { generateModule, MODULE_DIR } from '../../src/module/build-module';
import { mustRun, runTerraform } from '../../src/terraform/offline';
import { parsedHcl, meaningOf } from '../hcl/hcl-support';
import { resources, synth, testStack } from '../support/stack';
import { terraformIt } from '../support/terraform';

/*
 * The managed login branding module against the library. The offline mirror's provider (5.100.0) has no
 * aws_cognito_managed_login_branding, so the module cannot be planned here: instead real terraform
 * evaluates its inputs, validations and the resource's arguments (the resource's body turned into an
 * output of a provider-free configuration), and those are compared with what the library synthesizes
 * for the same settings. A last test shows the mirror refusing the module for its provider version.
 */

const scratch = mkdtempSync(join(tmpdir(), 'cdktf-cognito-branding-module-'));
const LOGO = resolve('__tests__/client/branding-fixtures/logo.png');
const SETTINGS = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0b5cabff' } } } }, categories: { auth: { x: 1 } } };

function scratchFile(name: string, content: string | Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const settingsFile = scratchFile('branding.json', JSON.stringify(SETTINGS, null, 2));
const svg = scratchFile('icon.SVG', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
/** An image of exactly the largest size AWS takes (its Base64 ends in "=", which the byte count must read). */
const largest = scratchFile('largest.png', Buffer.alloc(1_000_000, 7));

type Json = any;

/** A pool that may have managed login branding: ESSENTIALS, a version 2 domain. */
function libraryPool(stack = testStack()): UserPool {
  const pool = new UserPool(stack, 'pool', { userPoolName: 'v2', featurePlan: FeaturePlan.ESSENTIALS });
  pool.addDomain('domain', { prefix: 'acme-v2', managedLoginVersion: ManagedLoginVersion.MANAGED_LOGIN });
  return pool;
}

/** What the library renders for one client's style. */
function libraryBranding(options: ManagedLoginBrandingOptions): Json {
  const stack = testStack();
  const pool = libraryPool(stack);
  const client = pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'] });
  new ManagedLoginBranding(stack, 'style', { userPool: pool, clientId: client.clientId, ...options });
  const all = Object.values(resources(synth(stack), 'aws_cognito_managed_login_branding'));
  expect(all).toHaveLength(1);
  return all[0];
}

const unwrap = (expression: string) => expression.replace(/^\$\{([\s\S]*)\}$/, '$1');

/**
 * A provider-free configuration with the module's variables and locals, whose output `args` is the
 * resource's arguments as the module writes them: its `dynamic "asset"` block becomes the list it makes.
 */
function probeConfig(): Json {
  const config = brandingModuleConfig();
  const { dynamic, ...args } = config.resource.aws_cognito_managed_login_branding.this;
  const { for_each: forEach, content } = dynamic.asset;
  const block = Object.entries(content as Record<string, string>)
    .map(([k, v]) => `${k} = ${unwrap(v)}`)
    .join(', ');
  const plain = Object.fromEntries(Object.entries(args).filter(([k]) => !k.startsWith('//') && k !== 'provider'));
  return {
    terraform: { required_version: config.terraform.required_version },
    variable: config.variable,
    locals: config.locals,
    output: { args: { value: { ...plain, asset: `\${[for asset in [for v in ${unwrap(forEach)} : { value = v }] : { ${block} }]}` } } },
  };
}

/** Runs the probe with these inputs: the arguments, or terraform's output when it fails. */
function evaluate(inputs: Record<string, unknown>): { args?: Json; error?: string } {
  const dir = mkdtempSync(join(scratch, 'probe-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(probeConfig(), null, 2));
  writeFileSync(join(dir, 'inputs.tfvars.json'), JSON.stringify({ user_pool_id: 'eu-west-1_Pool', client_id: 'client-web', ...inputs }));
  mustRun(dir, ['init', '-input=false', '-no-color']);
  const apply = runTerraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color', '-var-file=inputs.tfvars.json']);
  if (apply.code !== 0) return { error: apply.stderr + apply.stdout };
  return { args: JSON.parse(mustRun(dir, ['output', '-json', 'args']).stdout) };
}

describe('the managed login branding module', () => {
  test('the committed files are what the generator writes', () => {
    for (const [file, content] of Object.entries(generateBrandingModule())) {
      expect(readFileSync(join(BRANDING_MODULE_DIR, file), 'utf8')).toEqual(content);
    }
  });

  test('its HCL, read by HashiCorp parser, means the Terraform JSON it is rendered from', async () => {
    const config = brandingModuleConfig();
    const files = generateBrandingModule();
    const hcl = (name: string) => files[name]!.replace(/^#.*\n/, '');
    expect(await parsedHcl(hcl('main.tf'))).toEqual(await meaningOf({ locals: config.locals, resource: config.resource }));
    expect(await parsedHcl(hcl('variables.tf'))).toEqual(await meaningOf({ variable: config.variable }));
  });

  test('it asks for the provider that has the resource; the user pool module keeps accepting 5.100', () => {
    expect(brandingModuleConfig().terraform.required_providers.aws.version).toBe(BRANDING_PROVIDER_VERSION);
    expect(generateModule()['versions.tf']).toMatch(/version = ">= 5\.100/);
    expect(generateModule()['README.md']).toContain('[`cognito-managed-login-branding`](../cognito-managed-login-branding)');
    expect(generateModule()['README.md']).toMatch(
      /`clients\.\*\.managedLoginBranding`: give each client its style with the companion module modules\/cognito-managed-login-branding/,
    );
  });

  terraformIt(
    "settings and images: real terraform renders the module's arguments as the library does",
    () => {
      const assets = [
        { category: BrandingAssetCategory.FORM_LOGO, colorMode: BrandingColorMode.LIGHT, file: LOGO },
        { category: BrandingAssetCategory.FAVICON_SVG, colorMode: BrandingColorMode.DYNAMIC, file: svg },
        { category: BrandingAssetCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.DARK, file: largest },
      ];
      const library = libraryBranding({ settingsFile, assets });
      const { args, error } = evaluate({
        settings_file: settingsFile,
        assets: assets.map((a) => ({ category: a.category, color_mode: a.colorMode, file: a.file })),
      });
      expect(error).toBeUndefined();
      expect(args.use_cognito_provided_values).toBe(false);
      expect(args.use_cognito_provided_values).toBe(library.use_cognito_provided_values);
      // Terraform's jsonencode orders keys; the document is the same.
      expect(JSON.parse(args.settings)).toEqual(JSON.parse(library.settings));
      expect(JSON.parse(args.settings)).toEqual(SETTINGS);
      expect(args.asset).toEqual(library.asset);
      expect(args.asset.map((a: Json) => a.extension)).toEqual(['PNG', 'SVG', 'PNG']);
      expect({ user_pool_id: args.user_pool_id, client_id: args.client_id }).toEqual({ user_pool_id: 'eu-west-1_Pool', client_id: 'client-web' });
      expect(Object.keys(args).sort()).toEqual(
        Object.keys(library)
          .filter((k) => !['depends_on', 'provider', '//'].includes(k))
          .sort(),
      );
    },
    120_000,
  );

  terraformIt(
    "nothing given: AWS's default style, as in the library",
    () => {
      const library = libraryBranding({});
      const { args, error } = evaluate({});
      expect(error).toBeUndefined();
      expect(args.use_cognito_provided_values).toBe(true);
      expect(library.use_cognito_provided_values).toBe(true);
      expect(args.settings).toBeNull();
      expect(library.settings).toBeUndefined();
      expect(args.asset).toEqual(library.asset ?? []);
    },
    120_000,
  );

  terraformIt(
    "the library's rules are validations: every broken one reported at once",
    () => {
      const gif = scratchFile('logo.gif', 'GIF89a');
      const tooBig = scratchFile('big.png', Buffer.alloc(1_000_001, 7));
      const broken = [
        { category: 'LOGO', color_mode: 'LIGHT', file: LOGO },
        { category: 'FORM_LOGO', color_mode: 'BRIGHT', file: LOGO },
        { category: 'FORM_LOGO', color_mode: 'LIGHT', file: gif },
        { category: 'FORM_LOGO', color_mode: 'LIGHT', file: join(scratch, 'missing.png') },
        { category: 'FORM_LOGO', color_mode: 'LIGHT', file: tooBig },
      ];
      const { error } = evaluate({ assets: broken });
      const text = (error ?? '').replace(/\s+/g, ' ');
      // The library reports the same five inputs, each at its path.
      const files = broken.map((a) => (existsSync(a.file) ? readFileSync(a.file) : undefined));
      const library = checkManagedLoginBranding(
        {
          assets: broken.map((a) => ({ category: a.category as BrandingAssetCategory, colorMode: a.color_mode as BrandingColorMode, file: a.file })),
        },
        files,
        libraryPool(),
      ).map((p) => p.path);
      expect(library).toEqual(['assets[0].category', 'assets[1].colorMode', 'assets[2].file', 'assets[3].file', 'assets[4].file']);
      expect(text).toMatch(/assets\[\*\]\.category must be one of FAVICON_ICO/);
      expect(text).toMatch(/assets\[\*\]\.color_mode must be one of LIGHT, DARK, DYNAMIC/);
      expect(text).toMatch(/assets\[\*\]\.file must be an ICO, JPEG, PNG, SVG or WEBP file/);
      expect(text).toMatch(/assets\[\*\]\.file names a file that does not exist/);
      expect(text).toMatch(/assets\[\*\]\.file: an image may have at most 1000000 bytes/);
      expect(text).not.toMatch(/at most 40 items/);
    },
    120_000,
  );

  terraformIt(
    "an image's type comes from its name's last suffix, as Node's extname reads it: a hidden file's name has none",
    () => {
      const png = readFileSync(LOGO);
      const hidden = scratchFile('.png', png);
      const dotted = scratchFile('logo.v2.PNG', png);
      const asset = (file: string) => ({ category: BrandingAssetCategory.FORM_LOGO, colorMode: BrandingColorMode.LIGHT, file });
      const module = (file: string) => evaluate({ assets: [{ category: 'FORM_LOGO', color_mode: 'LIGHT', file }] });
      expect(checkManagedLoginBranding({ assets: [asset(hidden)] }, [png], libraryPool()).map((p) => p.path)).toEqual(['assets[0].file']);
      expect((module(hidden).error ?? '').replace(/\s+/g, ' ')).toMatch(/assets\[\*\]\.file must be an ICO, JPEG, PNG, SVG or WEBP file/);
      expect(checkManagedLoginBranding({ assets: [asset(dotted)] }, [png], libraryPool())).toEqual([]);
      const { args, error } = module(dotted);
      expect(error).toBeUndefined();
      expect(args.asset).toEqual(libraryBranding({ assets: [asset(dotted)] }).asset);
      expect(args.asset[0].extension).toBe('PNG');
    },
    120_000,
  );

  terraformIt(
    'more than 40 images, a settings file that is not JSON, one that does not exist',
    () => {
      const many = Array.from({ length: 41 }, () => ({ category: 'FORM_LOGO', color_mode: 'LIGHT', file: LOGO }));
      const notJson = scratchFile('not.json', '{ components: ');
      const first = (evaluate({ assets: many, settings_file: notJson }).error ?? '').replace(/\s+/g, ' ');
      expect(first).toMatch(/assets must have at most 40 items/);
      expect(first).toMatch(/settings_file must be JSON/);
      const second = (evaluate({ settings_file: join(scratch, 'missing.json') }).error ?? '').replace(/\s+/g, ' ');
      expect(second).toMatch(/settings_file names a file that does not exist/);
      expect(second).not.toMatch(/must be JSON/);
    },
    120_000,
  );

  test('the example gives the branding module only inputs it declares, and its README names them and how to run it', async () => {
    const example = join(BRANDING_MODULE_DIR, 'examples', 'branded-client');
    const parsed: Json = await parse('main.tf', readFileSync(join(example, 'main.tf'), 'utf8'));
    const style = parsed.module.web_style[0];
    const given = Object.keys(style).filter((k) => !['source', 'depends_on'].includes(k));
    expect(given.sort()).toEqual(Object.keys(brandingModuleConfig().variable).sort());
    const readme = readFileSync(join(example, 'README.md'), 'utf8');
    for (const input of given) expect(readme).toContain(`\`${input}\``);
    expect(readme).toContain(`cd ${example}`);
    expect(readme).toMatch(/What could not be tested here/);
    for (const file of ['branding.json', 'logo.png']) expect(readme).toContain(file);
    expect(() => JSON.parse(readFileSync(join(example, 'branding.json'), 'utf8'))).not.toThrow();
  });

  terraformIt('the module and its example are formatted as terraform fmt writes them', () => {
    mustRun(BRANDING_MODULE_DIR, ['fmt', '-check', '-recursive', '-no-color']);
  });

  terraformIt(
    'the example cannot be initialized here either: the mirror has no provider both modules accept',
    () => {
      const dir = mkdtempSync(join(scratch, 'example-'));
      cpSync(BRANDING_MODULE_DIR, join(dir, 'modules', 'cognito-managed-login-branding'), { recursive: true });
      cpSync(MODULE_DIR, join(dir, 'modules', 'cognito-user-pool'), { recursive: true });
      const init = runTerraform(join(dir, 'modules', 'cognito-managed-login-branding', 'examples', 'branded-client'), [
        'init',
        '-input=false',
        '-no-color',
      ]);
      expect(init.code).not.toBe(0);
      expect((init.stderr + init.stdout).replace(/\s+/g, ' ')).toMatch(/no available releases match the given constraints/);
    },
    120_000,
  );

  // What could not be planned here, shown rather than skipped: the mirror has no provider the module accepts.
  terraformIt(
    'terraform init against the offline mirror (hashicorp/aws 5.100.0) refuses the module for its provider version',
    () => {
      const dir = mkdtempSync(join(scratch, 'init-'));
      for (const file of ['versions.tf', 'variables.tf', 'main.tf', 'outputs.tf']) copyFileSync(join(BRANDING_MODULE_DIR, file), join(dir, file));
      const init = runTerraform(dir, ['init', '-input=false', '-no-color']);
      expect(init.code).not.toBe(0);
      const text = (init.stderr + init.stdout).replace(/\s+/g, ' ');
      expect(text).toMatch(/no available releases match the given constraints >= 6\.13\.0, < 7\.0/);
    },
    120_000,
  );
});
