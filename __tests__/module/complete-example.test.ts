import { parse } from '@cdktf/hcl2json';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { MODULE_DIR } from '../../src/module/build-module';
import { modulePaths } from '../../src/module/coverage';
import { MODULE_INPUTS } from '../../src/module/inputs';
import { TriggerCode } from '../../src/triggers/trigger-code';

/** Paths an example gives (`*` for the entries of a map or list), read from its `module "auth"` block. */
function givenPaths(value: unknown, path: string, into: Set<string>, mapInputs: Set<string>): Set<string> {
  into.add(path);
  if (Array.isArray(value)) {
    for (const item of value) givenPaths(item, `${path}.*`, into, mapInputs);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) givenPaths(inner, mapInputs.has(path) ? `${path}.*` : `${path}.${key}`, into, mapInputs);
  }
  return into;
}

/** What the complete example may leave out, and why. */
const NOT_IN_THE_COMPLETE_EXAMPLE: Readonly<Record<string, string>> = {
  'domain.prefix': 'a domain has a prefix or a custom domain, not both: the example shows the custom domain (examples/spa shows a prefix)',
  'clients.*.analytics.role_arn':
    'the provider refuses role_arn beside application_arn, which the analytics setting requires (Pinpoint then uses its service-linked role)',
};

describe('examples/complete uses every input of the module', () => {
  test('the trigger zip it deploys is its handlers/post-confirmation folder, packaged', () => {
    const example = join(MODULE_DIR, 'examples', 'complete');
    const packaged = TriggerCode.fromDirectory(join(example, 'handlers', 'post-confirmation'), 'index.handler').package();
    // On failure: copy the package of the folder (TriggerCode.fromDirectory(...).package().zipPath) to build/post-confirmation.zip.
    expect(
      createHash('sha256')
        .update(readFileSync(join(example, 'build', 'post-confirmation.zip')))
        .digest('base64'),
    ).toBe(packaged.sourceCodeHash);
  });

  test('every input and every attribute is given, but the reasoned exceptions', async () => {
    const hcl = await parse('main.tf', readFileSync(join(MODULE_DIR, 'examples', 'complete', 'main.tf'), 'utf8'));
    const block = hcl.module.auth[0];
    const accepted = modulePaths(MODULE_INPUTS);
    // Inputs and attributes that are maps: their keys are names of the user's choosing.
    const maps = new Set([...accepted].filter((p) => accepted.has(`${p}.*`)));
    const given = new Set<string>();
    for (const [name, value] of Object.entries(block)) if (!['source', 'providers'].includes(name)) givenPaths(value, name, given, maps);
    const missing = [...accepted].filter((p) => !given.has(p) && !(p in NOT_IN_THE_COMPLETE_EXAMPLE));
    expect(missing).toEqual([]);
    expect([...given].filter((p) => !accepted.has(p))).toEqual([]);
  });
});
