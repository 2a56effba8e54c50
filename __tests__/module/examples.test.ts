import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { MODULE_DIR } from '../../src/module/build-module';

/**
 * Every example of the module has a README that says what it shows and how to run it, and stays true to
 * the example: it names every input the example sets and every output it declares.
 */

const EXAMPLES_DIR = join(MODULE_DIR, 'examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR);

/** The module inputs an example sets: the arguments of its `module` block, one level in. */
function moduleInputs(mainTf: string): string[] {
  const block = mainTf.match(/^module "\w+" \{\n([\s\S]*?)^\}/m);
  if (!block) throw new Error('the example has no module block');
  return [...block[1].matchAll(/^ {2}(\w+)\s*=/gm)].map(([, name]) => name).filter((name) => name !== 'source');
}

/** The outputs an example declares. */
const outputs = (outputsTf: string): string[] => [...outputsTf.matchAll(/^output "(\w+)"/gm)].map(([, name]) => name);

describe('the module examples', () => {
  test('there are examples', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
  });

  test.each(EXAMPLES)('examples/%s has a README naming every input it sets and output it declares, and how to run it', (example) => {
    const dir = join(EXAMPLES_DIR, example);
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const inputs = moduleInputs(readFileSync(join(dir, 'main.tf'), 'utf8'));
    expect(inputs.length).toBeGreaterThan(0);
    const declared = existsSync(join(dir, 'outputs.tf')) ? outputs(readFileSync(join(dir, 'outputs.tf'), 'utf8')) : [];
    // On failure: say in the example's README what the missing input or output is for.
    expect({
      title: /^# Example: .+/.test(readme),
      inputsNotMentioned: inputs.filter((input) => !readme.includes(`\`${input}\``)),
      outputsNotMentioned: declared.filter((output) => !readme.includes(`\`${output}\``)),
      runsFromItsFolder: readme.includes(`cd modules/cognito-user-pool/examples/${example}`),
      commands: ['terraform init', 'terraform plan', 'terraform apply'].filter((command) => !readme.includes(command)),
    }).toEqual({ title: true, inputsNotMentioned: [], outputsNotMentioned: [], runsFromItsFolder: true, commands: [] });
  });
});
