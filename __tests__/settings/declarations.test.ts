import { readFileSync } from 'fs';
import { POOL_FILE_SETTINGS, PoolConfig } from '../../src/app/config-schema';
import { configSchemaJson } from '../../src/app/config-json-schema';
import { userPoolProps } from '../../src/app/pool-from-config';
import { resolveClientProps } from '../../src/client/presets';
import { renderClient } from '../../src/client/render-client';
import { README_TABLES } from '../../src/settings';
import { CLIENT_SETTINGS } from '../../src/settings/client-settings';
import { POOL_SETTINGS } from '../../src/settings/pool-settings';
import { AnySetting, propsOf } from '../../src/settings/setting';
import { readmeWithTables } from '../../src/settings/settings-table';
import { renderUserPool } from '../../src/user-pool/render-user-pool';
import { resolveUserPoolProps } from '../../src/user-pool/resolved-props';

/** Every field reachable through objects: [path, declaration, the path's parents]. */
function leaves(settings: Readonly<Record<string, AnySetting>>, prefix: string[] = []): [string[], AnySetting][] {
  return Object.entries(settings).flatMap(([key, s]) => [
    [[...prefix, key], s] as [string[], AnySetting],
    ...(s.fields ? leaves(s.fields, [...prefix, key]) : []),
  ]);
}

/** `{ a: { b: value } }` for path a.b. */
const nested = (path: string[], value: unknown): any => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

/** Leaves with a literal default whose parents need nothing else (no required sibling). */
function defaultedLeaves(settings: Readonly<Record<string, AnySetting>>): [string[], unknown][] {
  return leaves(settings).flatMap(([path, s]) => {
    if (!s.default || !('value' in s.default)) return [];
    const parents = path.slice(0, -1).map((_, i) => path.slice(0, i + 1));
    const hasRequiredSibling = parents.some((p) =>
      Object.values(leaves(settings).find(([q]) => q.join('.') === p.join('.'))![1].fields ?? {}).some((f) => f.required),
    );
    return hasRequiredSibling ? [] : [[path, s.default.value]];
  });
}

describe('every declared default is the default the code applies', () => {
  const pool = (file: object) => renderUserPool(resolveUserPoolProps(userPoolProps({ userPoolName: 'p', ...file } as PoolConfig)), {});

  test.each(defaultedLeaves(POOL_SETTINGS).map(([path, value]) => [path.join('.'), path, value]))('pool %s', (_name, path, value) => {
    // The parent given empty, then with the default: the rendered pool is the same.
    const parent = (path as string[]).length > 1 ? nested((path as string[]).slice(0, -1), {}) : {};
    expect(pool({ ...parent, ...nested(path as string[], value) })).toEqual(pool(parent));
  });

  const client = (file: object) => renderClient(resolveClientProps(propsOf(CLIENT_SETTINGS, file) as never), 'c', 'pool');
  test.each(defaultedLeaves(CLIENT_SETTINGS).map(([path, value]) => [path.join('.'), path, value]))('client %s', (_name, path, value) => {
    const parent = (path as string[]).length > 1 ? nested((path as string[]).slice(0, -1), {}) : {};
    expect(client({ ...parent, ...nested(path as string[], value) })).toEqual(client(parent));
  });

  test('the walk covers the settings with literal defaults', () => {
    expect(defaultedLeaves(POOL_SETTINGS).length).toBeGreaterThan(25);
    expect(defaultedLeaves(CLIENT_SETTINGS).length).toBeGreaterThan(4);
  });
});

describe('the declarations are the documentation', () => {
  test("every property of the configuration's JSON Schema has a description", () => {
    const undescribed: string[] = [];
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
        if (typeof child.description !== 'string' && !(key === '$schema')) undescribed.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(branch, path);
      if (node.items) walk(node.items, `${path}[]`);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`);
    };
    const schema = JSON.parse(configSchemaJson());
    walk(schema.properties.defaults.properties.pool, 'pool');
    expect(undescribed).toEqual([]);
  });

  test('the committed JSON Schema is what the declarations give (npm run build:schema)', () => {
    expect(readFileSync('config/cognito-config.schema.json', 'utf8')).toEqual(configSchemaJson());
  });

  test("the README's settings tables are what the declarations give (npm run build:schema)", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toEqual(readmeWithTables(readme, README_TABLES));
    for (const key of Object.keys(POOL_FILE_SETTINGS).filter((k) => !['domain', 'resourceServers', 'clients'].includes(k)))
      expect(readme).toContain(`| \`${key}\` |`);
  });
});
