import { readFileSync } from 'fs';
import { POOL_FILE_SETTINGS } from '../../src/app/config-schema';

const readme = readFileSync('README.md', 'utf8');

/** The rows of the pool defaults table: setting path -> default cell. */
function defaultsTable(): Map<string, string> {
  const section = readme.split('<!-- pool-defaults -->')[1].split('<!-- /pool-defaults -->')[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((row) => {
      const [setting, value] = row
        .split('|')
        .slice(1, 3)
        .map((c) => c.trim());
      return [setting.replace(/`/g, ''), value];
    }),
  );
}

describe('README', () => {
  test('starts with the install-and-run command and the test command', () => {
    const firstBlock = readme
      .split('```sh\n')[1]
      .split('```')[0]
      .split('\n')
      .map((l) => l.split('#')[0].trim());
    expect(firstBlock.slice(0, 2)).toEqual(['npm ci && npm run synth', 'npm test']);
  });

  test('documents every pool setting of the configuration', () => {
    const documented = [...defaultsTable().keys()].map((k) => k.split('.')[0]);
    const notPoolSettings = ['domain', 'resourceServers', 'clients']; // documented in their own sections
    const missing = Object.keys(POOL_FILE_SETTINGS).filter((k) => !notPoolSettings.includes(k) && !documented.includes(k));
    expect(missing).toEqual([]);
  });
  // The table is generated from the declarations, whose defaults are tested against the code in
  // __tests__/settings/declarations.test.ts.
});
