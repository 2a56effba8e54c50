import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Everything under a folder, byte for byte: path -> file content (base64), `dir`, or `-> target` for a
 * symbolic link (not followed). Two equal snapshots mean nothing was added, removed or changed.
 */
export function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = prefix ? `${prefix}/${name}` : name;
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) result[key] = `-> ${readlinkSync(path)}`;
      else if (stats.isDirectory()) {
        result[key] = `dir ${(stats.mode & 0o777).toString(8)}`;
        walk(path, key);
      } else result[key] = readFileSync(path).toString('base64');
    }
  };
  walk(root, '');
  return result;
}

/** Writes files (path -> content) under a folder, creating folders as needed. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}
