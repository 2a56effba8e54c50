import {
  CognitoManagedLoginBranding,
  CognitoManagedLoginBrandingAsset,
  CognitoManagedLoginBrandingConfig,
} from '@cdktf/provider-aws/lib/cognito-managed-login-branding';
import { Construct } from 'constructs';
import { existsSync, readFileSync } from 'fs';
import { extname, resolve } from 'path';
import { ManagedLoginVersion } from './user-pool-domain';
import { checkMaxItems, checkOneOf } from '../core/checks';
import { anyOf, DynamicBlock, given, hasItems, not } from '../core/conditional';
import { defined } from '../core/defined';
import { formatProblem, isKnown, Problem } from '../core/problem';
import { Annotations, Token } from '../engine';
import { FeaturePlan } from '../user-pool/enums';
import type { IUserPool } from '../user-pool/i-user-pool';

/** Where an image of managed login goes (`AssetCategoryType` of the API). */
export enum BrandingAssetCategory {
  FAVICON_ICO = 'FAVICON_ICO',
  FAVICON_SVG = 'FAVICON_SVG',
  EMAIL_GRAPHIC = 'EMAIL_GRAPHIC',
  SMS_GRAPHIC = 'SMS_GRAPHIC',
  AUTH_APP_GRAPHIC = 'AUTH_APP_GRAPHIC',
  PASSWORD_GRAPHIC = 'PASSWORD_GRAPHIC',
  PASSKEY_GRAPHIC = 'PASSKEY_GRAPHIC',
  PAGE_HEADER_LOGO = 'PAGE_HEADER_LOGO',
  PAGE_HEADER_BACKGROUND = 'PAGE_HEADER_BACKGROUND',
  PAGE_FOOTER_LOGO = 'PAGE_FOOTER_LOGO',
  PAGE_FOOTER_BACKGROUND = 'PAGE_FOOTER_BACKGROUND',
  PAGE_BACKGROUND = 'PAGE_BACKGROUND',
  FORM_BACKGROUND = 'FORM_BACKGROUND',
  FORM_LOGO = 'FORM_LOGO',
  IDP_BUTTON_ICON = 'IDP_BUTTON_ICON',
}

/** The display mode an image is for (`ColorSchemeModeType`). */
export enum BrandingColorMode {
  LIGHT = 'LIGHT',
  DARK = 'DARK',
  /** Both. */
  DYNAMIC = 'DYNAMIC',
}

/** An image of managed login. */
export interface BrandingAsset {
  readonly category: BrandingAssetCategory;
  readonly colorMode: BrandingColorMode;
  /** The image file (ICO, JPEG, PNG, SVG or WEBP, at most 1,000,000 bytes), read at synth. */
  readonly file: string;
}

/**
 * Managed login (version 2) branding of one client: AWS's default style, or your settings and images.
 * Needs hashicorp/aws 6.x (`aws_cognito_managed_login_branding`).
 */
export interface ManagedLoginBrandingOptions {
  /**
   * The style's settings, the JSON document the branding editor exports (an object here).
   * @default - none: AWS's default style
   */
  readonly settings?: { readonly [key: string]: unknown };
  /**
   * The settings as a JSON file (what the branding editor exports), read at synth. Not with `settings`.
   * @default - none
   */
  readonly settingsFile?: string;
  /**
   * Images, at most 40.
   * @default - none
   */
  readonly assets?: readonly BrandingAsset[];
}

/** Extensions AWS takes (`AssetExtensionType`), by file suffix. */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  '.ico': 'ICO',
  '.jpg': 'JPEG',
  '.jpeg': 'JPEG',
  '.png': 'PNG',
  '.svg': 'SVG',
  '.webp': 'WEBP',
};
/** `ManagedLoginBrandingType.Assets` of the API: at most this many images. */
export const MAX_ASSETS = 40;
/** `AssetBytesType` of the API. */
export const MAX_ASSET_BYTES = 1_000_000;

/** The branding's rules, given the files read and the pool around it. */
export function checkManagedLoginBranding(o: ManagedLoginBrandingOptions, files: readonly (Buffer | undefined)[], pool: IUserPool): Problem[] {
  const problems: Problem[] = [...checkMaxItems('assets', o.assets, MAX_ASSETS)];
  if (o.settings !== undefined && o.settingsFile !== undefined) {
    problems.push({
      path: 'settings',
      rule: 'give the settings once: settings or settingsFile',
      received: { settingsFile: o.settingsFile },
      fix: 'remove one of them',
    });
  }
  if (o.settingsFile !== undefined && isKnown(o.settingsFile)) problems.push(...settingsFileProblems(o.settingsFile));
  (o.assets ?? []).forEach((asset, i) => {
    const at = `assets[${i}]`;
    problems.push(
      ...checkOneOf(`${at}.category`, asset.category, Object.values(BrandingAssetCategory)),
      ...checkOneOf(`${at}.colorMode`, asset.colorMode, Object.values(BrandingColorMode)),
    );
    if (isKnown(asset.file) && EXTENSIONS[extname(asset.file).toLowerCase()] === undefined) {
      problems.push({
        path: `${at}.file`,
        rule: 'must be an ICO, JPEG, PNG, SVG or WEBP file (by its name)',
        received: asset.file,
        fix: 'convert the image, or name it with its real extension',
      });
    }
    const bytes = files[i];
    if (isKnown(asset.file) && bytes === undefined) {
      problems.push({
        path: `${at}.file`,
        rule: 'names a file that does not exist',
        received: asset.file,
        fix: `give a path relative to the configuration file (in code: to the working folder); it resolved to ${resolve(asset.file)}`,
      });
    } else if (bytes && bytes.length > MAX_ASSET_BYTES) {
      problems.push({
        path: `${at}.file`,
        rule: `an image may have at most ${MAX_ASSET_BYTES} bytes (it has ${bytes.length})`,
        received: asset.file,
        fix: 'shrink the image',
      });
    }
  });
  const plan = pool.known.featurePlan;
  if (isKnown(plan) && plan === FeaturePlan.LITE) {
    problems.push({
      path: '',
      rule: 'managed login needs the ESSENTIALS or PLUS feature plan',
      received: { featurePlan: plan },
      fix: 'set featurePlan to ESSENTIALS, or use classicBranding',
    });
  }
  const classic = pool.domains.filter((d) => d.managedLoginVersion !== undefined && d.managedLoginVersion !== ManagedLoginVersion.MANAGED_LOGIN);
  if ((pool.domains.length === 0 && !pool.known.hasExternalDomain) || classic.length > 0) {
    problems.push({
      path: '',
      rule: 'managed login branding shows only on a domain serving managed login (version 2)',
      received: { domains: pool.domains.map((d) => d.managedLoginVersion) },
      fix: "set the domain's managedLoginVersion to 2, or use classicBranding",
    });
  }
  return problems;
}

function settingsFileProblems(file: string): Problem[] {
  const path = resolve(file);
  if (!existsSync(path))
    return [
      {
        path: 'settingsFile',
        rule: 'names a file that does not exist',
        received: file,
        fix: `give a path relative to the configuration file (in code: to the working folder); it resolved to ${path}`,
      },
    ];
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return [];
  } catch (error) {
    return [
      {
        path: 'settingsFile',
        rule: `must be JSON (${(error as Error).message})`,
        received: file,
        fix: 'export the settings from the branding editor as JSON',
      },
    ];
  }
}

/** The settings document: given, or read from its file (an unreadable file is a problem of the rules). */
function settingsJson(o: ManagedLoginBrandingOptions): string | undefined {
  if (o.settings !== undefined) return JSON.stringify(o.settings);
  if (o.settingsFile === undefined || !isKnown(o.settingsFile) || settingsFileProblems(o.settingsFile).length > 0) return undefined;
  return JSON.stringify(JSON.parse(readFileSync(resolve(o.settingsFile), 'utf8')));
}

/** What {@link renderManagedLoginBranding} renders: the settings as JSON text and the images read. */
export interface ManagedLoginBrandingArguments {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The settings document as JSON text; none for AWS's style. */
  readonly settings?: string | undefined;
  /** The images, Base64; a token for a list of such objects makes `asset` a `dynamic` block. */
  readonly assets: readonly CognitoManagedLoginBrandingAsset[];
}

/**
 * The `aws_cognito_managed_login_branding` arguments. Pure and free of value checks; serves literals
 * and Terraform variables alike (the branding module, `src/module/build-branding-module.ts`): AWS's
 * own style exactly when neither settings nor images are given.
 */
export function renderManagedLoginBranding(a: ManagedLoginBrandingArguments): CognitoManagedLoginBrandingConfig {
  const asset = Token.isUnresolved(a.assets)
    ? (new DynamicBlock(a.assets, {
        category: '${asset.value.category}',
        color_mode: '${asset.value.color_mode}',
        extension: '${asset.value.extension}',
        bytes: '${asset.value.bytes}',
      }) as unknown as CognitoManagedLoginBrandingAsset[])
    : [...a.assets];
  return defined({
    userPoolId: a.userPoolId,
    clientId: a.clientId,
    useCognitoProvidedValues: not(anyOf([given(a.settings), hasItems(a.assets)])),
    settings: a.settings,
    asset,
  });
}

/** Settings of a {@link ManagedLoginBranding}. */
export interface ManagedLoginBrandingProps extends ManagedLoginBrandingOptions {
  readonly userPool: IUserPool;
  /** The client the style is for. */
  readonly clientId: string;
}

/**
 * A managed login (version 2) style for one client (`aws_cognito_managed_login_branding`). Needs the
 * AWS provider 6.x, which the stacks pin (6.25.0); provider 5.x has no such resource, so the offline
 * mirror (5.100.0) cannot plan it.
 */
export class ManagedLoginBranding extends Construct {
  /** The underlying `aws_cognito_managed_login_branding`. */
  public readonly resource: CognitoManagedLoginBranding;

  constructor(scope: Construct, id: string, props: ManagedLoginBrandingProps) {
    super(scope, id);
    const { userPool, clientId, ...options } = props;
    const files = (options.assets ?? []).map((a) => (isKnown(a.file) && existsSync(resolve(a.file)) ? readFileSync(resolve(a.file)) : undefined));
    // Problems are reported under `managedLoginBranding`, the setting's name on clients.
    this.node.addValidation({
      validate: () => checkManagedLoginBranding(options, files, userPool).map((p) => formatProblem(p, 'managedLoginBranding')),
    });
    const settings = settingsJson(options);
    const assets = (options.assets ?? []).map((a, i) =>
      defined({
        category: a.category,
        colorMode: a.colorMode,
        extension: EXTENSIONS[extname(a.file).toLowerCase()] ?? 'PNG',
        bytes: files[i]?.toString('base64'),
      }),
    );
    this.resource = new CognitoManagedLoginBranding(
      this,
      'branding',
      renderManagedLoginBranding({ userPoolId: userPool.userPoolId, clientId, settings, assets }),
    );
    userPool.registerDomainDependent(this.resource);
    Annotations.of(this).addInfo(
      'aws_cognito_managed_login_branding needs hashicorp/aws >= 6.0 (the stacks pin 6.25.0); provider 5.x cannot plan it.',
    );
  }
}
