import { configSchemaJson } from '../../src/app/config-json-schema';
import { coverageGaps, moduleCoverage, modulePaths, schemaPaths } from '../../src/module/coverage';
import { MODULE_INPUTS } from '../../src/module/inputs';
import { POOL_FILE_SETTINGS } from '../../src/settings';

/**
 * No silent drops: every setting of the configuration file (walked in its JSON Schema) is an input of
 * the module, at a path the module's types accept, or is left out for a reason on a short list.
 */
const poolSchema = JSON.parse(configSchemaJson()).properties.defaults.properties.pool;
const coverage = moduleCoverage(POOL_FILE_SETTINGS);
const accepted = modulePaths(MODULE_INPUTS);

describe('the module takes every setting of the configuration file', () => {
  test("every pool setting has a module counterpart that the module's types accept, or a reason", () => {
    const paths = schemaPaths(poolSchema);
    expect(paths.size).toBeGreaterThan(150);
    expect(coverageGaps(paths, coverage, accepted)).toEqual({ uncovered: [], missingInModule: [] });
  });

  test('the gap test fails for a setting without a counterpart, and for a counterpart the module lacks', () => {
    expect(coverageGaps(['signInAliases.nickname'], coverage, accepted).uncovered).toEqual(['signInAliases.nickname']);
    const wrong = new Map(coverage).set('passwordPolicy.minLength', { modulePath: 'password_policy.minimum' });
    expect(coverageGaps(['passwordPolicy.minLength'], wrong, accepted).missingInModule).toEqual([
      'passwordPolicy.minLength -> password_policy.minimum',
    ]);
  });

  test('the settings left out, each with its reason (a short list)', () => {
    const omitted = [...coverage].flatMap(([path, c]) => ('omitted' in c ? [`${path}: ${c.omitted}`] : []));
    for (const line of omitted) expect(line).toMatch(/: \S.{20,}/);
    // The module README lists them ("Not in the module"); the list only shrinks.
    expect(omitted.length).toBeLessThan(40);
  });
});
