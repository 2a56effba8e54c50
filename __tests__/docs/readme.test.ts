import { readFileSync } from 'fs';
import { poolSchema } from '../../src/app/config-schema';
import { Mfa, VerificationEmailStyle } from '../../src';
import { resolveUserPoolProps } from '../../src/user-pool/resolved-props';

const readme = readFileSync('README.md', 'utf8');

/** The rows of the pool defaults table: setting path -> default cell. */
function defaultsTable(): Map<string, string> {
  const section = readme.split('<!-- pool-defaults -->')[1].split('<!-- /pool-defaults -->')[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(rows.map((row) => {
    const [setting, value] = row.split('|').slice(1, 3).map((c) => c.trim());
    return [setting.replace(/`/g, ''), value];
  }));
}

/** A resolved default as the configuration file spells it. */
function configSpelling(path: string, value: unknown): unknown {
  if (path === 'mfa') return Object.entries(Mfa).find(([, v]) => v === value)?.[0];
  if (path === 'userVerification.emailStyle') return Object.entries(VerificationEmailStyle).find(([, v]) => v === value)?.[0];
  return value;
}

describe('README', () => {
  test('starts with the install-and-run command and the test command', () => {
    const firstBlock = readme.split('```sh\n')[1].split('```')[0].split('\n').map((l) => l.split('#')[0].trim());
    expect(firstBlock.slice(0, 2)).toEqual(['npm ci && npm run synth', 'npm test']);
  });

  test('documents every pool setting of the configuration', () => {
    const documented = [...defaultsTable().keys()].map((k) => k.split('.')[0]);
    const notPoolSettings = ['domain', 'resourceServers', 'clients']; // documented in their own sections
    const missing = Object.keys(poolSchema.shape).filter((k) => !notPoolSettings.includes(k) && !documented.includes(k));
    expect(missing).toEqual([]);
  });

  test('every default in the table is the default the code applies', () => {
    const resolved = resolveUserPoolProps({ userPoolName: 'x' }) as unknown as Record<string, unknown>;
    const literal = [...defaultsTable()].filter(([, cell]) => cell.startsWith('`'));
    expect(literal.length).toBeGreaterThan(25);
    for (const [path, cell] of literal) {
      const value = path.split('.').reduce<any>((node, key) => node?.[key], resolved);
      expect({ path, value: JSON.stringify(configSpelling(path, value)) }).toEqual({ path, value: cell.replace(/`/g, '') });
    }
  });
});
