import { Attribute, TfType } from './hcl-type';
import { attributesOf, place } from './placement';
import { CLIENT_DEFAULTS, PRESETS } from '../client/presets';
import { POOL_FILE_SETTINGS } from '../settings';
import { CLIENT_SETTINGS } from '../settings/client-settings';
import { Mfa } from '../user-pool/enums';

/** One input variable of the module. */
export interface ModuleInput {
  readonly name: string;
  readonly type: TfType;
  readonly description: string;
  /** Absent for a required input. */
  readonly default?: unknown;
}

/** The name of an {@link Mfa} value (`Mfa.REQUIRED` is `"ON"` to the provider, `"REQUIRED"` here as in the app's file). */
export const MFA_MODES: Readonly<Record<string, Mfa>> = { ...Mfa };

/** Where every pool setting, and every setting of its children, lives in the module. */
export const MODULE_PLACEMENT = place(POOL_FILE_SETTINGS);

/** Every input of the module, in declaration order: types, defaults and descriptions from the declarations. */
export const MODULE_INPUTS: readonly ModuleInput[] = Object.entries(attributesOf(MODULE_PLACEMENT)).map(([name, a]) => ({
  name,
  type: a.type,
  description: a.description,
  ...(a.default !== undefined ? { default: a.default } : {}),
}));

const clientAttributes = (MODULE_INPUTS.find((i) => i.name === 'clients')!.type as { map: { object: Record<string, Attribute> } }).map.object;
/** The client settings that the defaults or a preset set (`resolveClientProps`), by their module names. */
const byPreset = new Set([...Object.keys(CLIENT_DEFAULTS), ...Object.values(PRESETS).flatMap((preset) => Object.keys(preset))]);
const resolvedByPreset = place(CLIENT_SETTINGS)
  .placed.filter((p) => byPreset.has(p.configPath.split('.')[0]))
  .map((p) => p.modulePath.join('.'));

/** Client settings that a preset fills in when they are not given (all `optional(type)`: null means "the preset's"). */
export const CLIENT_PRESET_SETTINGS: Readonly<Record<string, Attribute>> = Object.fromEntries(
  resolvedByPreset.map((name) => [name, clientAttributes[name]]),
);
