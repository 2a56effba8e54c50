import { CognitoUserPoolUiCustomization } from '@cdktf/provider-aws/lib/cognito-user-pool-ui-customization';
import { Construct } from 'constructs';
import { readFileSync, statSync } from 'fs';
import { resolve } from 'path';
import { ManagedLoginVersion } from './user-pool-domain';
import { defined } from '../core/defined';
import { formatProblem, isKnown, Problem } from '../core/problem';
import type { IUserPool } from '../user-pool/i-user-pool';

/**
 * Branding of the classic hosted UI (managed login version 1): a style sheet and a logo, for every
 * client of the pool or for one client. The limits are the developer guide's
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html).
 */
export interface ClassicBranding {
  /**
   * CSS for the sign-in pages. Only the classes in {@link CLASSIC_CSS_CLASSES} may be styled.
   * @default - none (or cssFile)
   */
  readonly css?: string;
  /**
   * A CSS file, read at synth (relative to the working folder). Not with `css`.
   * @default - none
   */
  readonly cssFile?: string;
  /**
   * A PNG or JPEG logo of at most 100 KB, read at synth (relative to the working folder).
   * @default - no logo
   */
  readonly logoFile?: string;
}

/** The CSS classes the classic hosted UI lets you style (developer guide, "Specifying CSS customizations"). */
export const CLASSIC_CSS_CLASSES: readonly string[] = [
  'background-customizable',
  'banner-customizable',
  'errorMessage-customizable',
  'idpButton-customizable',
  'idpButton-customizable:hover',
  'idpDescription-customizable',
  'inputField-customizable',
  'inputField-customizable:focus',
  'label-customizable',
  'legalText-customizable',
  'logo-customizable',
  'passwordCheck-notValid-customizable',
  'passwordCheck-valid-customizable',
  'redirect-customizable',
  'socialButton-customizable',
  'submitButton-customizable',
  'submitButton-customizable:hover',
  'textDescription-customizable',
];

/** The largest logo AWS takes: 100 KB (130 KB once Base64-encoded). */
export const MAX_LOGO_BYTES = 100 * 1024;
/** The request that sets the branding (CSS and the Base64 logo, besides headers) must stay under 135 KB. */
export const MAX_REQUEST_BYTES = 135 * 1024;
/** At-rules and constructs the classic hosted UI refuses. */
const FORBIDDEN_CSS = [/@import/i, /@supports/i, /@page/i, /@media/i, /javascript:/i, /expression\s*\(/i, /<\s*script/i];

/** Branding with its files read: what the rules check and the resource gets. */
export interface LoadedClassicBranding {
  readonly css?: string;
  readonly logo?: Buffer;
  /** Files that could not be read, by setting. */
  readonly unreadable: readonly Problem[];
}

/** Reads the files a branding names. A missing file is a problem, not an exception. */
export function loadClassicBranding(b: ClassicBranding): LoadedClassicBranding {
  const unreadable: Problem[] = [];
  const read = (setting: string, file: string | undefined): Buffer | undefined => {
    if (file === undefined) return undefined;
    const path = resolve(file);
    // statSync, not existsSync: a folder or a device named here (`logoFile: ""` is the working folder) is a
    // problem at this setting, not an EISDIR exception out of readFileSync.
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      try {
        return readFileSync(path);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? 'read error';
        unreadable.push({ path: setting, rule: `names a file that cannot be read (${reason})`, received: file, fix: `make ${path} readable` });
        return undefined;
      }
    }
    const rule = stats ? 'names a folder or special file, not a regular file' : 'names a file that does not exist';
    unreadable.push({
      path: setting,
      rule,
      received: file,
      fix: `give a path relative to the configuration file (in code: to the working folder); it resolved to ${path}`,
    });
    return undefined;
  };
  const cssFile = read('cssFile', b.cssFile);
  return { ...defined({ css: b.css ?? cssFile?.toString('utf8'), logo: read('logoFile', b.logoFile) }), unreadable };
}

/** The selectors of a style sheet (what precedes each `{`), comments removed. */
export function cssSelectors(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors: string[] = [];
  for (const match of withoutComments.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    selectors.push(
      ...(match[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );
  }
  return selectors;
}

/** The branding's rules. */
export function checkClassicBranding(b: ClassicBranding, loaded: LoadedClassicBranding): Problem[] {
  const problems: Problem[] = [...loaded.unreadable];
  if (b.css !== undefined && b.cssFile !== undefined) {
    problems.push({
      path: 'css',
      rule: 'give the CSS once: css or cssFile',
      received: { css: '(text)', cssFile: b.cssFile },
      fix: 'remove one of them',
    });
  }
  if (b.css === undefined && b.cssFile === undefined && b.logoFile === undefined) {
    problems.push({ path: 'css', rule: 'a branding needs a style sheet or a logo', received: undefined, fix: 'set css, cssFile or logoFile' });
  }
  const css = loaded.css;
  const cssPath = b.cssFile !== undefined ? 'cssFile' : 'css';
  if (css !== undefined && isKnown(css)) {
    const allowed = cssSelectors(css).filter((s) => !CLASSIC_CSS_CLASSES.includes(s.replace(/^\./, '')) || !s.startsWith('.'));
    if (allowed.length > 0) {
      problems.push({
        path: cssPath,
        rule: 'the classic hosted UI lets you style only its *-customizable classes, each selector one class',
        received: allowed,
        fix: `use only .${CLASSIC_CSS_CLASSES.join(', .')}`,
      });
    }
    const forbidden = FORBIDDEN_CSS.filter((re) => re.test(css)).map((re) => re.source.replace(/\\s\*|\\\(|\\s/g, ''));
    if (forbidden.length > 0) {
      problems.push({ path: cssPath, rule: 'may not contain @import, @supports, @page, @media or script', received: forbidden, fix: 'remove them' });
    }
  }
  const logo = loaded.logo;
  if (logo) {
    if (logo.length > MAX_LOGO_BYTES) {
      problems.push({
        path: 'logoFile',
        rule: `a logo may have at most ${MAX_LOGO_BYTES / 1024} KB (it has ${(logo.length / 1024).toFixed(1)} KB)`,
        received: b.logoFile,
        fix: 'shrink the image (it is shown at up to 350 x 178 pixels)',
      });
    }
    if (!isPng(logo) && !isJpeg(logo)) {
      problems.push({ path: 'logoFile', rule: 'a logo must be a PNG or JPEG image', received: b.logoFile, fix: 'convert the logo to PNG or JPEG' });
    }
  }
  const requestBytes = Buffer.byteLength(css ?? '', 'utf8') + (logo ? Math.ceil(logo.length / 3) * 4 : 0);
  if (requestBytes >= MAX_REQUEST_BYTES && (logo?.length ?? 0) <= MAX_LOGO_BYTES) {
    problems.push({
      path: cssPath,
      rule: `the CSS and the Base64 logo together must stay under ${MAX_REQUEST_BYTES / 1024} KB (AWS's request limit)`,
      received: `${(requestBytes / 1024).toFixed(1)} KB`,
      fix: 'shorten the CSS (AWS suggests at most 3 KB) or shrink the logo',
    });
  }
  return problems;
}

function isPng(b: Buffer): boolean {
  return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

function isJpeg(b: Buffer): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** Settings of a {@link UserPoolUiCustomization}. */
export interface UserPoolUiCustomizationProps extends ClassicBranding {
  /** The pool: created here or imported. */
  readonly userPool: IUserPool;
  /**
   * The client it is for; that client then no longer falls back to the pool's branding.
   * @default - every client without its own
   */
  readonly clientId?: string;
}

/**
 * The classic hosted UI's branding (`aws_cognito_user_pool_ui_customization`), for the pool or one
 * client. Needs a domain that serves the classic hosted UI (managed login version 1), which it is
 * created after.
 */
export class UserPoolUiCustomization extends Construct {
  /** The underlying `aws_cognito_user_pool_ui_customization`. */
  public readonly resource: CognitoUserPoolUiCustomization;

  constructor(scope: Construct, id: string, props: UserPoolUiCustomizationProps) {
    super(scope, id);
    const { userPool, clientId, ...branding } = props;
    const loaded = loadClassicBranding(branding);
    // Problems are reported under `classicBranding`, the setting's name on the pool and on clients.
    this.node.addValidation({
      validate: () => [...checkClassicBranding(branding, loaded), ...needsClassicDomain(userPool)].map((p) => formatProblem(p, 'classicBranding')),
    });
    this.resource = new CognitoUserPoolUiCustomization(
      this,
      'branding',
      defined({
        userPoolId: userPool.userPoolId,
        clientId,
        css: loaded.css,
        imageFile: loaded.logo?.toString('base64'),
      }),
    );
    userPool.registerDomainDependent(this.resource);
  }
}

/** Classic branding shows only on a domain that serves the classic hosted UI. */
function needsClassicDomain(pool: IUserPool): Problem[] {
  if (pool.domains.length === 0 && !pool.known.hasExternalDomain) {
    return [{ path: '', rule: 'branding needs a domain, where the sign-in pages are served', received: undefined, fix: 'add a domain to the pool' }];
  }
  const v2 = pool.domains.filter((d) => d.managedLoginVersion === ManagedLoginVersion.MANAGED_LOGIN);
  return v2.length > 0
    ? [
        {
          path: '',
          rule: 'classic branding shows only on the classic hosted UI (managed login version 1)',
          received: { managedLoginVersion: 2 },
          fix: "use managedLoginBranding for managed login, or set the domain's managedLoginVersion to 1",
        },
      ]
    : [];
}
