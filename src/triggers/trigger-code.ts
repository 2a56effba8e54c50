import { buildSync } from 'esbuild';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve, sep } from 'path';
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
}

/** Options of code that is bundled from a file. */
export interface BundleOptions {
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
  /** Bundles a TypeScript or JavaScript file (and what it imports) into one `index.js`. */
  public static fromFile(path: string, options: BundleOptions = {}): TriggerCode {
    return new BundledCode(path, options);
  }

  /** Zips a folder of already built code as it is. `handler` is `<file>.<export>`, e.g. `index.handler`. */
  public static fromDirectory(path: string, handler: string, environment: { readonly [name: string]: string } = {}): TriggerCode {
    return new DirectoryCode(path, handler, environment);
  }

  /** The ready-made pre sign-up handler: only these email domains (`example.com`, `*.example.org`) may sign up. */
  public static emailDomainAllowlist(domains: readonly string[]): TriggerCode {
    return new BundledCode(builtInHandler('pre-sign-up-email-allowlist'), { environment: { ALLOWED_EMAIL_DOMAINS: domains.join(',') } });
  }

  /** The ready-made V2 pre token generation handler: claims and access-token scopes from the user's groups. */
  public static groupClaims(options: GroupClaimsOptions): TriggerCode {
    return new BundledCode(builtInHandler('pre-token-generation-groups'), {
      environment: {
        GROUP_SCOPES: JSON.stringify(options.groupScopes),
        ...(options.groupsClaim ? { GROUPS_CLAIM: options.groupsClaim } : {}),
        ...(options.roleClaim ? { ROLE_CLAIM: options.roleClaim } : {}),
      },
    });
  }

  /** Where the code comes from, for messages. */
  public abstract readonly source: string;

  /** Packages the code (once; later calls reuse the result). */
  public abstract package(): PackagedCode;
}

/** Bundles by entry file: several stacks (environments) using one handler bundle it once per run. */
const bundles = new Map<string, Buffer>();

class BundledCode extends TriggerCode {
  private packaged?: PackagedCode;
  constructor(
    public readonly source: string,
    private readonly options: BundleOptions,
  ) {
    super();
  }

  public package(): PackagedCode {
    if (this.packaged) return this.packaged;
    const entry = resolve(this.source);
    if (!existsSync(entry)) throw new Error(`Trigger code ${this.source}: no such file (resolved to ${entry}). Fix: give a path relative to the project folder.`);
    const code = bundles.get(entry) ?? bundle(entry, this.source);
    bundles.set(entry, code);
    this.packaged = writeZip([{ name: 'index.js', data: code }], `index.${this.options.exportName ?? 'handler'}`, this.options.environment ?? {}, this.source);
    return this.packaged;
  }
}

/** The file and what it imports, as one CommonJS file for the Node.js runtime. */
function bundle(entry: string, source: string): Buffer {
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
    const details = failures.map((f) => (f.location ? `${f.location.file}:${f.location.line}: ${f.text}` : f.text)).join('; ') || (error as Error).message;
    throw new Error(`Trigger code ${source}: cannot be bundled (${details}). Fix: correct the handler so that it compiles.`);
  }
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`Trigger code ${source}: esbuild produced no output. Fix: check that the file exports a handler.`);
  return Buffer.from(bundle.contents);
}

class DirectoryCode extends TriggerCode {
  private packaged?: PackagedCode;
  constructor(
    public readonly source: string,
    private readonly handler: string,
    private readonly environment: { readonly [name: string]: string },
  ) {
    super();
  }

  public package(): PackagedCode {
    if (this.packaged) return this.packaged;
    const root = resolve(this.source);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`Trigger code ${this.source}: no such folder (resolved to ${root}). Fix: give a folder relative to the project folder.`);
    const entries: ZipEntry[] = listFiles(root).map((file) => ({ name: relative(root, file).split(sep).join('/'), data: readFileSync(file) }));
    this.packaged = writeZip(entries, this.handler, this.environment, this.source);
    return this.packaged;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function writeZip(entries: ZipEntry[], handler: string, environment: { readonly [name: string]: string }, source: string): PackagedCode {
  const zip = deterministicZip(entries);
  const hex = createHash('sha256').update(zip).digest('hex');
  const dir = join(tmpdir(), 'cdktf-cognito-assets');
  mkdirSync(dir, { recursive: true });
  const zipPath = join(dir, `${hex}.zip`);
  if (!existsSync(zipPath)) writeFileSync(zipPath, zip);
  return { zipPath, sourceCodeHash: createHash('sha256').update(zip).digest('base64'), handler, environment, source };
}

/** The source of a ready-made handler, beside this file (`.ts` when run from source, `.js` when built). */
function builtInHandler(name: string): string {
  const base = join(__dirname, 'handlers', name);
  const file = existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.js`;
  return relative(process.cwd(), file);
}
