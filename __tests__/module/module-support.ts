import { cpSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MODULE_DIR } from '../../src/module/build-module';
import { FAKE_CREDENTIALS, mustRun, runTerraform } from '../../src/terraform/offline';

export { mustRun };

/** A copy of the committed module (with its examples) in a new temporary folder; returns the module's path there. */
export function copyModule(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cdktf-cognito-module-')), 'cognito-user-pool');
  cpSync(MODULE_DIR, dir, { recursive: true });
  return dir;
}

/** Fake credentials for the calling configuration's `provider "aws"` block (an override file merges into it). */
export function overrideProvider(dir: string): void {
  writeFileSync(join(dir, 'provider_override.tf.json'), JSON.stringify({ provider: { aws: FAKE_CREDENTIALS } }, null, 2));
}

/** A provider configuration for planning the module on its own, which has none. */
export function addProvider(dir: string): void {
  writeFileSync(join(dir, 'offline_provider.tf.json'), JSON.stringify({ provider: { aws: { region: 'eu-west-1', ...FAKE_CREDENTIALS } } }, null, 2));
}

/** `init`, `validate` and `plan -refresh=false`, offline; returns `terraform show -json` of the plan. */
export function initValidatePlan(dir: string, varFile?: string): any {
  mustRun(dir, ['init', '-backend=false', '-no-color']);
  mustRun(dir, ['validate', '-no-color']);
  mustRun(dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out', 'plan.bin', ...(varFile ? [`-var-file=${varFile}`] : [])]);
  return JSON.parse(mustRun(dir, ['show', '-json', 'plan.bin']).stdout);
}

/** The error details of a `plan -json` run (each validation's message is one). */
export function planErrors(dir: string, varFile: string): string[] {
  const run = runTerraform(dir, ['plan', '-refresh=false', '-lock=false', '-json', `-var-file=${varFile}`]);
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((m) => m.type === 'diagnostic' && m['@level'] === 'error')
    .map((m) => `${m.diagnostic.summary}: ${m.diagnostic.detail}`);
}

type Values = Record<string, unknown>;
const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `a` and `b` merged, or undefined when they set some value differently (a null and an object differ). */
export function mergeValues(a: Values, b: Values): Values | undefined {
  const merged: Values = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (!(key in a)) {
      merged[key] = value;
    } else if (isObject(a[key]) && isObject(value)) {
      const inner = mergeValues(a[key] as Values, value);
      if (inner === undefined) return undefined;
      merged[key] = inner;
    } else if (JSON.stringify(a[key]) !== JSON.stringify(value)) {
      return undefined;
    }
  }
  return merged;
}

/**
 * Groups variable values into as few plans as possible: each item joins the first group it does not
 * contradict. Terraform reports every failing validation of a plan, so one plan checks a whole group.
 */
export function batch<T extends { bad: Values }>(items: readonly T[], base: Values): { values: Values; items: T[] }[] {
  const groups: { values: Values; items: T[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => mergeValues(g.values, item.bad) !== undefined);
    if (group) {
      group.values = mergeValues(group.values, item.bad)!;
      group.items.push(item);
    } else {
      groups.push({ values: mergeValues(base, item.bad) ?? { ...base, ...item.bad }, items: [item] });
    }
  }
  return groups;
}
