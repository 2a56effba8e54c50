import type { buildSync as BuildSync } from 'esbuild';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { deterministicZip, ZipEntry } from './deterministic-zip';

/** A packaged handler, ready to become a Terraform asset. */
export interface PackagedCode {
  /** The deterministic zip, in a content-addressed temporary folder. */
  readonly zipPath: string;
  /** Base64 SHA-256 of the zip: what Lambda reports as CodeSha256. */
  readonly sourceCodeHash: string;
  /** `<file>.<export>` for the Lambda runtime. */
  readonly handler: string;
  /** Environment variables the code needs (never secrets). */
  readonly environment: { readonly [name: string]: string };
  /** Where the code came from, for messages. */
  readonly source: string;
  /** Files of a folder left out of the package (dotfiles, credential-looking files), relative to it. */
  readonly excluded: readonly string[];
}

/** Where a handler's path is taken from, and the project it must stay inside. */
export interface CodeLocation {
  /**
   * The folder a relative path is resolved against (the configuration file's folder, for the app).
   * @default - the working directory
   */
  readonly baseDir?: string;
  /**
   * The project folder the code must lie in: a path outside it (absolute, `../..`, or through a symbolic
   * link) is refused, so a configuration cannot package files from elsewhere on the machine.
   * @default - the nearest folder at or above `baseDir` that holds a package.json, else `baseDir`
   */
  readonly projectDir?: string;
}

/** Options of code that is bundled from a file. */
export interface BundleOptions extends CodeLocation {
  /**
   * The exported function.
   * @default "handler"
   */
  readonly exportName?: string;
  /**
   * Environment variables (no secrets: read those at run time from Secrets Manager or SSM).
   * @default - none
   */
  readonly environment?: { readonly [name: string]: string };
}

/** Environment of the ready-made pre token generation handler. */
export interface GroupClaimsOptions {
  /** Access-token scopes granted per group, e.g. `{ admins: ['https://api.example.com/admin'] }`. */
  readonly groupScopes: { readonly [group: string]: readonly string[] };
  /**
   * The claim that lists the user's groups in both tokens.
   * @default "groups"
   */
  readonly groupsClaim?: string;
  /**
   * A claim holding the user's first group in `groupScopes` order.
   * @default - none
   */
  readonly roleClaim?: string;
}

/**
 * The code of a trigger function: a file of the project bundled with esbuild, a folder of built code, or
 * one of the ready-made handlers. Packaging is deterministic, so an unchanged handler never changes the plan.
 */
export abstract class TriggerCode {
  /** Bundles a TypeScript or JavaScript file of the project (and what it imports) into one `index.js`. */
  public static fromFile(path: string, options: BundleOptions = {}): TriggerCode {
    return new BundledCode(path, options, options);
  }

  /**
   * Zips a folder of the project holding already built code. `handler` is `<file>.<export>`, e.g.
   * `index.handler`. Dotfiles and dot-folders (`.env`, `.aws/`, `.git/`) and credential-looking files
   * (keys, Terraform state, plans and variables) are never packaged; see {@link PackagedCode.excluded}.
   */
  public static fromDirectory(
    path: string,
    handler: string,
    environment: { readonly [name: string]: string } = {},
    location: CodeLocation = {},
  ): TriggerCode {
    return new DirectoryCode(path, handler, environment, location);
  }

  /** The ready-made pre sign-up handler: only these email domains (`example.com`, `*.example.org`) may sign up. */
  public static emailDomainAllowlist(domains: readonly string[]): TriggerCode {
    const { file, environment } = BUILT_IN_HANDLERS.emailDomainAllowlist;
    return new BundledCode(builtInHandler(file), { environment: { [environment.domains]: domains.join(',') } }, BUILT_IN);
  }

  /** The ready-made V2 pre token generation handler: claims and access-token scopes from the user's groups. */
  public static groupClaims(options: GroupClaimsOptions): TriggerCode {
    const { file, environment } = BUILT_IN_HANDLERS.groupClaims;
    return new BundledCode(
      builtInHandler(file),
      {
        environment: {
          [environment.groupScopes]: JSON.stringify(options.groupScopes),
          ...(options.groupsClaim ? { [environment.groupsClaim]: options.groupsClaim } : {}),
          ...(options.roleClaim ? { [environment.roleClaim]: options.roleClaim } : {}),
        },
      },
      BUILT_IN,
    );
  }

  /** Where the code comes from, for messages. */
  public abstract readonly source: string;

  /** Packages the code (once; later calls reuse the result). */
  public abstract package(): PackagedCode;

  /** The same code with its path taken from `location` (the ready-made handlers stay where they are). */
  public abstract locatedIn(location: CodeLocation): TriggerCode;
}

/**
 * The ready-made handlers: their source under `handlers/`, and the environment variables that configure
 * them (the Terraform module, which ships their packages, sets the same ones).
 */
export const BUILT_IN_HANDLERS = {
  emailDomainAllowlist: { file: 'pre-sign-up-email-allowlist', environment: { domains: 'ALLOWED_EMAIL_DOMAINS' } },
  groupClaims: {
    file: 'pre-token-generation-groups',
    environment: { groupScopes: 'GROUP_SCOPES', groupsClaim: 'GROUPS_CLAIM', roleClaim: 'ROLE_CLAIM' },
  },
} as const;

/** Bundles by entry file: several stacks (environments) using one handler bundle it once per run. */
const bundles = new Map<string, Buffer>();

/** The ready-made handlers ship inside this package: they are not the project's files, and are trusted. */
const BUILT_IN = 'built-in' as const;

class BundledCode extends TriggerCode {
  private packaged?: PackagedCode;
  constructor(
    public readonly source: string,
    private readonly options: BundleOptions,
    private readonly location: CodeLocation | 'built-in',
  ) {
    super();
  }

  public locatedIn(location: CodeLocation): TriggerCode {
    return this.location === BUILT_IN ? this : new BundledCode(this.source, this.options, location);
  }

  public package(): PackagedCode {
    if (this.packaged) return this.packaged;
    const entry = this.location === 'built-in' ? resolve(this.source) : confinedPath(this.source, 'file', this.location);
    const code = bundles.get(entry) ?? bundle(entry, this.source);
    bundles.set(entry, code);
    this.packaged = writeZip(
      [{ name: 'index.js', data: code }],
      `index.${this.options.exportName ?? 'handler'}`,
      this.options.environment ?? {},
      this.source,
      [],
    );
    return this.packaged;
  }
}

/**
 * The real path of a handler's file or folder, after checking that it is given, exists, is of the right
 * kind, and lies inside the project (symbolic links followed). Throws a message with the fix otherwise.
 */
function confinedPath(given: string, kind: 'file' | 'folder', location: CodeLocation): string {
  const fail = (rule: string, fix: string): never => {
    throw new Error(`Trigger code ${given === '' ? '""' : given}: ${rule}. Fix: ${fix}.`);
  };
  if (given.trim() === '')
    fail(
      `is empty, which would package the ${kind === 'file' ? "project's own main file" : 'whole folder, node_modules and .git included'}`,
      `name the handler's ${kind}, e.g. ${kind === 'file' ? 'handlers/pre-sign-up.ts' : 'dist/pre-sign-up'}`,
    );
  const baseDir = resolve(location.baseDir ?? process.cwd());
  const projectDir = realpathSync(resolve(location.projectDir ?? projectFolderOf(baseDir)));
  const resolved = resolve(baseDir, given);
  if (!existsSync(resolved)) fail(`no such ${kind} (resolved to ${resolved})`, `give a path relative to ${baseDir}`);
  const real = realpathSync(resolved);
  const inside = relative(projectDir, real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    fail(
      `lies outside the project folder ${projectDir} (resolved to ${real})`,
      'keep trigger code inside the project, and give its path relative to the configuration file',
    );
  }
  const isDirectory = statSync(real).isDirectory();
  if (kind === 'file' && isDirectory)
    fail(`is a folder, not a file`, "name the handler's entry file, or use { directory, handler } for a folder of built code");
  if (kind === 'folder' && !isDirectory) fail('is not a folder', 'name the folder of built code, or use { file } for a single file');
  if (kind === 'folder' && inside === '')
    fail(
      'is the project folder itself, which would package node_modules, .git and every local file',
      'build the handler into a folder of its own, e.g. dist/pre-sign-up',
    );
  const secret = kind === 'file' ? notPackaged(basename(real)) : undefined;
  if (secret) fail(`is ${secret}`, "point at the handler's source file");
  return real;
}

/** The nearest folder at or above `dir` that holds a package.json, or `dir` itself when none does. */
function projectFolderOf(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return dir;
  }
}

/** Credential-looking file names: private keys, key stores, Terraform state, saved plans and variables. */
const CREDENTIAL_FILE =
  /\.(pem|key|p12|pfx|jks|keystore|ppk|tfstate|tfstate\.backup|tfplan|tfvars|tfvars\.json|env)$|^id_(rsa|dsa|ecdsa|ed25519)\b|^terraform\.tfstate/i;
/** Names about secrets (`credentials`, `secrets.json`), unless they are code (`secret-rotation.js`). */
const SECRET_WORD = /(^|[-_.])(credentials?|secrets?|passwords?)([-_.]|$)/i;
const CODE_FILE = /\.(c|m)?(j|t)s$/;

/**
 * Why a file or folder name is never packaged, or undefined when it may be: dotfiles and dot-folders
 * (`.env`, `.aws/`, `.git/`, `.npmrc`) and credential-looking files. Pure.
 */
export function notPackaged(name: string): string | undefined {
  if (name.startsWith('.')) return 'a dotfile (hidden files hold local settings and credentials: .env, .aws, .npmrc, .git)';
  if (CREDENTIAL_FILE.test(name)) return 'a credential-looking file (a key, Terraform state, a saved plan or variables)';
  if (SECRET_WORD.test(name) && !CODE_FILE.test(name)) return 'a credential-looking file (its name is about credentials or secrets)';
  return undefined;
}

/** The file and what it imports, as one CommonJS file for the Node.js runtime. */
function bundle(entry: string, source: string): Buffer {
  // Loaded here, not with this module: most synths bundle no handler, and loading esbuild's API cost
  // every run about 7 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as { buildSync: typeof BuildSync };
  let result;
  try {
    result = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      minify: false,
      sourcemap: false,
      legalComments: 'none',
      // The runtime has the AWS SDK v3; bundling it would only grow the package.
      external: ['@aws-sdk/*'],
      // Keeps machine paths out of the bundle, so it is the same on every machine.
      absWorkingDir: process.cwd(),
      logLevel: 'silent',
    });
  } catch (error) {
    const failures = (error as { errors?: { text: string; location?: { file: string; line: number } }[] }).errors ?? [];
    const details =
      failures.map((f) => (f.location ? `${f.location.file}:${f.location.line}: ${f.text}` : f.text)).join('; ') || (error as Error).message;
    throw new Error(`Trigger code ${source}: cannot be bundled (${details}). Fix: correct the handler so that it compiles.`, { cause: error });
  }
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`Trigger code ${source}: esbuild produced no output. Fix: check that the file exports a handler.`);
  return Buffer.from(bundle.contents);
}

/** Lambda's Handler (CreateFunction: at most 128 characters, no spaces); for built code, `<file>.<export>`. */
export const HANDLER_PATTERN = /^[^\s]+\.[^\s.]+$/;
export const HANDLER_MAX_LENGTH = 128;

class DirectoryCode extends TriggerCode {
  private packaged?: PackagedCode;
  constructor(
    public readonly source: string,
    private readonly handler: string,
    private readonly environment: { readonly [name: string]: string },
    private readonly location: CodeLocation,
  ) {
    super();
  }

  public locatedIn(location: CodeLocation): TriggerCode {
    return new DirectoryCode(this.source, this.handler, this.environment, location);
  }

  public package(): PackagedCode {
    if (this.packaged) return this.packaged;
    if (!HANDLER_PATTERN.test(this.handler) || this.handler.length > HANDLER_MAX_LENGTH) {
      throw new Error(
        `Trigger code ${this.source}: the handler ${JSON.stringify(this.handler)} is not <file>.<export> (at most 128 characters, no spaces). Fix: name the file without its extension and the exported function, e.g. index.handler.`,
      );
    }
    const root = confinedPath(this.source, 'folder', this.location);
    const excluded: string[] = [];
    const entries: ZipEntry[] = listFiles(root, root, excluded).map((file) => ({
      name: relative(root, file).split(sep).join('/'),
      data: readFileSync(file),
    }));
    this.packaged = writeZip(entries, this.handler, this.environment, this.source, excluded);
    return this.packaged;
  }
}

/** The regular files under `dir`, names sorted; symbolic links and what {@link notPackaged} names are left out. */
function listFiles(root: string, dir: string, excluded: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (!e.isDirectory() && !e.isFile()) return [];
      if (notPackaged(e.name)) {
        excluded.push(relative(root, path).split(sep).join('/') + (e.isDirectory() ? '/' : ''));
        return [];
      }
      return e.isDirectory() ? listFiles(root, path, excluded) : [path];
    });
}

/**
 * This run's asset folder: made fresh by mkdtemp (mode 0700, a name no one could guess or plant files in
 * beforehand), removed when the process ends. A shared, well-known cache would let another user or an
 * earlier job on the runner swap the code that gets deployed.
 */
let assetDir: string | undefined;
const written = new Set<string>();

function runAssetFolder(): string {
  if (assetDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-assets-'));
    assetDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return assetDir;
}

function writeZip(
  entries: ZipEntry[],
  handler: string,
  environment: { readonly [name: string]: string },
  source: string,
  excluded: readonly string[],
): PackagedCode {
  const zip = deterministicZip(entries);
  const hex = createHash('sha256').update(zip).digest('hex');
  const zipPath = join(runAssetFolder(), `${hex}.zip`);
  // Written by this run only ('wx' fails rather than reuse a file someone else put there), owner-readable.
  if (!written.has(zipPath)) {
    writeFileSync(zipPath, zip, { flag: 'wx', mode: 0o600 });
    written.add(zipPath);
  }
  return { zipPath, sourceCodeHash: createHash('sha256').update(zip).digest('base64'), handler, environment, source, excluded };
}

/** The source of a ready-made handler, beside this file (`.ts` when run from source, `.js` when built). */
function builtInHandler(name: string): string {
  const base = join(__dirname, 'handlers', name);
  const file = existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.js`;
  return relative(process.cwd(), file);
}
