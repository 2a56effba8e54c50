import { writeFileSync } from 'fs';
import { join } from 'path';
import { PoolConfig, poolSchema } from '../../src/app/config-schema';
import { buildPool } from '../../src/app/pool-from-config';
import { SECURITY_HUB_CONTROLS } from '../../src/user-pool/security-profile';
import { testStack, validationErrors } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { addProvider, copyModule, mustRun, planErrors } from './module-support';

/**
 * The strict security profile refuses the same settings in the module as in the library, naming the same
 * Security Hub control: each override below falls short of one control (the parity combinations show the
 * overrides both allow).
 */

interface Override {
  readonly control: string;
  readonly library: Record<string, unknown>;
  readonly module: Record<string, unknown>;
}

const OVERRIDES: readonly Override[] = [
  { control: 'Cognito.1', library: { featurePlan: 'ESSENTIALS' }, module: { feature_plan: 'ESSENTIALS' } },
  { control: 'Cognito.1', library: { threatProtection: { standardMode: 'AUDIT' } }, module: { threat_protection_mode: 'AUDIT' } },
  { control: 'Cognito.3', library: { passwordPolicy: { minLength: 6 } }, module: { password_policy: { min_length: 6 } } },
  { control: 'Cognito.4', library: { threatProtection: { customAuthMode: 'AUDIT' } }, module: { threat_protection_custom_auth_mode: 'AUDIT' } },
  { control: 'Cognito.5', library: { mfa: 'OPTIONAL' }, module: { mfa: { mode: 'OPTIONAL' } } },
  { control: 'Cognito.6', library: { dangerouslyAllowDeletionOfAllUsers: true }, module: { deletion_protection: 'INACTIVE' } },
];

/** With the profile's responses in force, the library also refuses a plan short of PLUS under the responses' own rule. */
const RESPONSES_NEED_PLUS = /threat protection responses need the PLUS feature plan/i;

/** The controls named in the messages, each once per message (`Cognito.1`, ...), sorted. */
const controlsIn = (messages: readonly string[]) =>
  messages.flatMap((m) => [...m.matchAll(/strict security profile \(Security Hub (Cognito\.\d)\)/g)].map((x) => x[1]!)).sort();

describe('the strict profile refuses the same overrides in the module as in the library', () => {
  test('every user-pool control of the library has an override here', () => {
    expect([...new Set(OVERRIDES.map((o) => o.control))].sort()).toEqual(SECURITY_HUB_CONTROLS.map((c) => c.id).sort());
  });

  test.each(OVERRIDES.map((o) => [o.control, JSON.stringify(o.library), o] as const))('library: %s refuses %s', (control, _shown, o) => {
    const stack = testStack();
    expect(
      buildPool(
        stack,
        'pool',
        poolSchema.parse({ userPoolName: 'strict', securityProfile: 'strict', ...o.library }) as PoolConfig,
        'pool',
        new Map(),
      ),
    ).toEqual([]);
    const errors = validationErrors(stack);
    expect(controlsIn(errors)).toEqual([control]);
    expect(errors.some((e) => RESPONSES_NEED_PLUS.test(e))).toBe(o.library.featurePlan === 'ESSENTIALS');
  });
});

terraformIt(
  'module: each override fails the plan with the validation naming its control, and nothing else of the profile',
  () => {
    const dir = copyModule();
    addProvider(dir);
    mustRun(dir, ['init', '-backend=false', '-no-color']);
    OVERRIDES.forEach((o, i) => {
      const file = `strict-${i}.tfvars.json`;
      writeFileSync(join(dir, file), JSON.stringify({ name: 'strict', security_profile: 'strict', ...o.module }));
      // (Unlike the library, the plan does not add "responses need PLUS" for feature_plan: Terraform skips the
      // validations that read a variable which failed its own, here feature_plan's Cognito.1 check.)
      expect({ override: o.module, controls: controlsIn(planErrors(dir, file)) }).toEqual({ override: o.module, controls: [o.control] });
    });
    // With no override, the profile plans.
    writeFileSync(join(dir, 'strict.tfvars.json'), JSON.stringify({ name: 'strict', security_profile: 'strict' }));
    expect(planErrors(dir, 'strict.tfvars.json')).toEqual([]);
  },
  600_000,
);
