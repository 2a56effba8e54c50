import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';

/**
 * Runs what we synthesize through the real `terraform`, offline: the provider comes from a local
 * filesystem mirror, credentials are fake, and nothing calls AWS. Used by the tests and by the pipeline
 * script's offline mode.
 */

/** Where the image keeps hashicorp/aws for offline use (override with CDKTF_COGNITO_PROVIDER_MIRROR). */
export const PROVIDER_MIRROR = process.env.CDKTF_COGNITO_PROVIDER_MIRROR ?? '/opt/tf-plugins';

/** The provider version constraint used offline: the mirror holds 5.100.0, the stacks pin 6.25.0. */
export const OFFLINE_PROVIDER_CONSTRAINT = '>= 5.100';

/** The `terraform` binary on PATH, or undefined. */
export function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'terraform');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A Terraform CLI configuration that installs hashicorp providers from the mirror only. */
export function writeCliConfig(dir: string): string {
  const file = join(dir, 'offline.tfrc');
  writeFileSync(
    file,
    `provider_installation {
  filesystem_mirror {
    path    = "${PROVIDER_MIRROR}"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
`,
  );
  return file;
}

/** Settings that let the AWS provider plan without credentials or network. */
export const FAKE_CREDENTIALS = {
  access_key: 'AKIAOFFLINEPLANONLY0',
  secret_key: 'offline-plan-only-not-a-secret',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- terraform's JSON output: any shape its format version allows
type Json = { [key: string]: any };

/** The value an offline plan gives input variables that have none (the stacks' identity-provider secrets). */
export const OFFLINE_VARIABLE_PLACEHOLDER = 'offline-plan-placeholder';

/**
 * A copy of a synthesized Terraform JSON configuration that plans offline: the AWS provider from the
 * mirror, fake credentials instead of `assume_role`, local state instead of the remote backend, and a
 * placeholder default for input variables without one (`TF_VAR_<name>` still wins). Everything else
 * (resources, outputs, lifecycle) is left exactly as synthesized.
 */
export function offlineCopy(config: Json): Json {
  const copy: Json = JSON.parse(JSON.stringify(config));
  const terraform = (copy.terraform ??= {});
  delete terraform.backend;
  terraform.required_providers = { ...terraform.required_providers, aws: { source: 'hashicorp/aws', version: OFFLINE_PROVIDER_CONSTRAINT } };
  const providers: Json[] = [copy.provider?.aws ?? [{}]].flat();
  copy.provider = {
    ...copy.provider,
    aws: providers.map((p) => {
      // The account guard needs the caller's real account id, which an offline plan cannot ask for.
      const { assume_role: _role, allowed_account_ids: _accounts, profile: _profile, ...rest } = p;
      return { ...rest, region: rest.region ?? 'us-east-1', ...FAKE_CREDENTIALS };
    }),
  };
  for (const variable of Object.values<Json>(copy.variable ?? {})) {
    if (!('default' in variable)) variable.default = OFFLINE_VARIABLE_PLACEHOLDER;
  }
  return copy;
}

/** The outcome of one terraform command. */
export interface TerraformRun {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terraform in `dir` with the offline CLI configuration. */
export function runTerraform(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): TerraformRun {
  const binary = findTerraform();
  if (!binary) throw new Error('terraform is not on PATH: install Terraform >= 1.6 to run the offline checks');
  const result = spawnSync(binary, args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: writeCliConfig(dir),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { args, code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Thrown when a terraform command fails; carries its whole output. */
export class TerraformError extends Error {
  constructor(public readonly run: TerraformRun) {
    super(`terraform ${run.args.join(' ')} exited ${run.code}\n${run.stderr}\n${run.stdout}`);
    this.name = 'TerraformError';
  }
}

/** Runs terraform offline and throws {@link TerraformError}, with its whole output, when it fails. */
export function mustRun(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): TerraformRun {
  const run = runTerraform(dir, args, env);
  if (run.code !== 0) throw new TerraformError(run);
  return run;
}

/** What {@link checkOffline} found. */
export interface OfflineCheck {
  /** The folder it ran in (kept for inspection). */
  readonly dir: string;
  /** `terraform show -json` of the saved plan. */
  readonly plan: Json;
  /** What `terraform plan` printed. */
  readonly planOutput: string;
}

/** Options of {@link checkOffline}. */
export interface OfflineCheckOptions {
  /** A state (format 4) to plan against, e.g. to see what a change would replace. */
  readonly state?: Json;
  /** Where to run. @default - a new temporary folder */
  readonly dir?: string;
  /** Input variables, passed as `TF_VAR_<name>` as a pipeline would. @default - none (placeholders) */
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * `terraform init`, `validate` and `plan -refresh=false` on a synthesized configuration, offline.
 * Throws {@link TerraformError} with terraform's own output when any step fails.
 */
export function checkOffline(config: Json, options: OfflineCheckOptions = {}): OfflineCheck {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'cdktf-cognito-tf-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(offlineCopy(config), null, 2));
  if (options.state) writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(options.state, null, 2));
  mustRun(dir, ['init', '-backend=false', '-no-color']);
  mustRun(dir, ['validate', '-no-color']);
  const env = Object.fromEntries(Object.entries(options.variables ?? {}).map(([name, value]) => [`TF_VAR_${name}`, value]));
  const planRun = mustRun(dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out', 'plan.bin'], env);
  const show = mustRun(dir, ['show', '-json', 'plan.bin']);
  return { dir, plan: JSON.parse(show.stdout), planOutput: planRun.stdout + planRun.stderr };
}
