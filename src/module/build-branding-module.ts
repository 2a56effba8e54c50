import { CognitoManagedLoginBranding, CognitoManagedLoginBrandingAsset } from '@cdktf/provider-aws/lib/cognito-managed-login-branding';
import { addInputs, Json, moduleFiles, moduleJson, newModuleStack } from './module-stack';
import { required, TfType } from './hcl-type';
import { brandingModuleReadme } from './branding-readme';
import {
  BrandingAssetCategory,
  BrandingColorMode,
  EXTENSIONS,
  MAX_ASSET_BYTES,
  MAX_ASSETS,
  renderManagedLoginBranding,
} from '../client/managed-login-branding';
import { addDynamicBlocks, splitDynamicBlocks } from '../core/conditional';
import { ref, TerraformLocal, TerraformOutput, TerraformStack, Token } from '../engine';
import { BRANDING_ASSET_SCHEMA, MANAGED_LOGIN_BRANDING_SCHEMA } from '../settings/federation-settings';

/**
 * Generates `modules/cognito-managed-login-branding`: one client's managed login (version 2) style, from
 * the library's declaration of `clients.*.managedLoginBranding` (the file's schema gives the inputs and
 * their descriptions), its rules (validations) and its render function (`renderManagedLoginBranding`).
 *
 * A module of its own because `aws_cognito_managed_login_branding` exists only in hashicorp/aws 6.x:
 * the user pool module keeps accepting 5.100, and only configurations that brand a client need 6.x.
 */

/** Where the module lives, relative to the repository root. */
export const BRANDING_MODULE_DIR = 'modules/cognito-managed-login-branding';

/**
 * The AWS provider versions the module accepts. The provider's CHANGELOG adds the resource in 6.12.0
 * (hashicorp/terraform-provider-aws#43817) and fixes, in 6.13.0, reading it in a user pool with several
 * app clients (#44204), the shape this module is for (one style per client).
 */
export const BRANDING_PROVIDER_VERSION = '>= 6.13.0, < 7.0';

const quoted = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
/** A description of the file's schema, where the module's paths differ: Terraform reads them from its working folder. */
const MISSING_FILE = 'names a file that does not exist: give its path from the working folder (in a module, prefixed with path.module).';
const FROM_WORKING_FOLDER = ' Terraform reads it from its working folder: write "${path.module}/<file>" in a module.';
const fileDescription = (description: string | undefined) =>
  (description ?? '').replace(/, relative to the configuration file/, '') + FROM_WORKING_FOLDER;

/**
 * A file name's suffix in lower case (`.png`), as the library's `extname(file).toLowerCase()`: from the
 * last dot of the name, "" without one, and "" for a name that only starts with one (`.png`, a hidden file).
 */
const suffixOf = (file: string) => `lower(try(substr(regex("[^/\\\\\\\\]\\\\.[^./\\\\\\\\]*$", ${file}), 1, -1), ""))`;
/** The image's extension (`AssetExtensionType`), from its file name as the library reads it; PNG when none matches, as there. */
const extensionOf = (file: string) =>
  `lookup({ ${Object.entries(EXTENSIONS)
    .map(([suffix, extension]) => `"${suffix}" = "${extension}"`)
    .join(', ')} }, ${suffixOf(file)}, "PNG")`;

/** The size in bytes of a file, from its Base64 text (`filebase64`): Terraform has no function for it. */
const bytesOf = (base64: string) => `length(${base64}) / 4 * 3 - (endswith(${base64}, "==") ? 2 : (endswith(${base64}, "=") ? 1 : 0))`;

/** One input: its type, default and description, and its validations (the library's rules Terraform can check). */
interface BrandingInput {
  readonly name: string;
  readonly type: TfType;
  readonly description: string;
  /** Absent: required. */
  readonly default?: unknown;
  readonly validations: readonly { readonly condition: string; readonly message: string }[];
}

const asset = BRANDING_ASSET_SCHEMA.shape;
const style = MANAGED_LOGIN_BRANDING_SCHEMA.shape;
const everyAsset = (condition: string) => `alltrue([for a in var.assets : ${condition}])`;

/** The module's inputs: the pool and client it styles, then the file's `managedLoginBranding` under Terraform's names. */
export const BRANDING_INPUTS: readonly BrandingInput[] = [
  { name: 'user_pool_id', type: 'string', description: 'The user pool, e.g. module.auth.user_pool_id.', validations: [] },
  { name: 'client_id', type: 'string', description: 'The app client the style is for, e.g. module.auth.client_ids["web"].', validations: [] },
  {
    name: 'settings_file',
    type: 'string',
    default: null,
    description: `${fileDescription(style.settingsFile.description)} Without it and without assets: AWS's default style.`,
    validations: [
      {
        condition: 'var.settings_file == null ? true : fileexists(var.settings_file)',
        message: `settings_file ${MISSING_FILE}`,
      },
      {
        condition: 'var.settings_file == null ? true : (!fileexists(var.settings_file) || can(jsondecode(file(var.settings_file))))',
        message: 'settings_file must be JSON: export the settings from the branding editor as JSON.',
      },
    ],
  },
  {
    name: 'assets',
    type: {
      list: {
        object: {
          category: required('string', asset.category.description ?? ''),
          color_mode: required('string', asset.colorMode.description ?? ''),
          file: required('string', fileDescription(asset.file.description)),
        },
      },
    },
    default: [],
    description: style.assets.description ?? '',
    validations: [
      { condition: `length(var.assets) <= ${MAX_ASSETS}`, message: `assets must have at most ${MAX_ASSETS} items: remove the others.` },
      {
        condition: everyAsset(`contains(${quoted(Object.values(BrandingAssetCategory))}, a.category)`),
        message: `assets[*].category must be one of ${Object.values(BrandingAssetCategory).join(', ')}.`,
      },
      {
        condition: everyAsset(`contains(${quoted(Object.values(BrandingColorMode))}, a.color_mode)`),
        message: `assets[*].color_mode must be one of ${Object.values(BrandingColorMode).join(', ')}.`,
      },
      {
        condition: everyAsset(`contains(${quoted(Object.keys(EXTENSIONS))}, ${suffixOf('a.file')})`),
        message: 'assets[*].file must be an ICO, JPEG, PNG, SVG or WEBP file (by its name): convert the image, or name it with its real extension.',
      },
      {
        condition: everyAsset('fileexists(a.file)'),
        message: `assets[*].file ${MISSING_FILE}`,
      },
      {
        // try(): a missing file is the rule above's problem.
        condition: `alltrue([for b in [for a in var.assets : try(filebase64(a.file), "")] : ${bytesOf('b')} <= ${MAX_ASSET_BYTES}])`,
        message: `assets[*].file: an image may have at most ${MAX_ASSET_BYTES} bytes: shrink the image.`,
      },
    ],
  },
];

/** The library's rules that the module cannot check, and why: it does not see the pool or its domain. */
export const BRANDING_NOT_CHECKED: readonly string[] = [
  'managed login needs the ESSENTIALS or PLUS feature plan: the module does not see the pool (the user pool module checks the plan against the domain)',
  'managed login branding shows only on a domain serving managed login (version 2): set `domain.managed_login_version = 2` in the user pool module',
  'the style is created after the domain: the library orders it so; here, give the module `depends_on = [module.<user pool module>]`',
];

/** Builds the module's stack: inputs, the rendered images and settings, the resource and its output. */
export function buildBrandingModuleStack(): TerraformStack {
  const stack = newModuleStack('cognito-managed-login-branding');
  addInputs(stack, BRANDING_INPUTS, (input) => input.validations);
  // What the library reads at synth, read by Terraform: the images as Base64 with their extension, the settings as JSON text.
  new TerraformLocal(
    stack,
    'local-assets',
    `\${[for a in var.assets : { category = a.category, color_mode = a.color_mode, extension = ${extensionOf('a.file')}, bytes = filebase64(a.file) }]}`,
  ).overrideLogicalId('assets');
  new TerraformLocal(
    stack,
    'local-settings',
    '${var.settings_file == null ? null : jsonencode(jsondecode(file(var.settings_file)))}',
  ).overrideLogicalId('settings');
  const { config, dynamicBlocks } = splitDynamicBlocks(
    renderManagedLoginBranding({
      userPoolId: Token.asString(ref('var.user_pool_id')),
      clientId: Token.asString(ref('var.client_id')),
      settings: Token.asString(ref('local.settings')),
      // A token for the list: the images become a dynamic block.
      assets: Token.asAny(ref('local.assets')) as unknown as CognitoManagedLoginBrandingAsset[],
    }),
  );
  const branding = new CognitoManagedLoginBranding(stack, 'branding', config);
  addDynamicBlocks(branding, dynamicBlocks);
  branding.overrideLogicalId('this');
  new TerraformOutput(stack, 'output-id', {
    value: '${aws_cognito_managed_login_branding.this.managed_login_branding_id}',
    description: 'The style (managed login branding) id.',
  }).overrideLogicalId('managed_login_branding_id');
  return stack;
}

/** The module's Terraform JSON, without provider, backend or engine metadata. */
export function brandingModuleConfig(): Json {
  return moduleJson(buildBrandingModuleStack(), BRANDING_PROVIDER_VERSION);
}

/** The module's files by name, relative to {@link BRANDING_MODULE_DIR}. */
export function generateBrandingModule(): Record<string, string> {
  return moduleFiles(brandingModuleConfig(), brandingModuleReadme);
}
