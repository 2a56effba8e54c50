/**
 * Writes `src/core/regions.json`, the AWS regions of each partition, from the endpoint data that botocore
 * (the AWS SDK for Python) ships (`botocore/data/endpoints.json`): `npx tsx scripts/extract-regions.ts [endpoints.json]`.
 * Without an argument it asks the local Python for botocore. Run it when AWS opens a region.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

interface Endpoints {
  readonly partitions: readonly { readonly partition: string; readonly regions: Readonly<Record<string, unknown>> }[];
}

const source =
  process.argv[2] ??
  join(
    execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim(),
    'data',
    'endpoints.json',
  );
const version = process.argv[2]
  ? 'given file'
  : execFileSync('python3', ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' }).trim();
const endpoints = JSON.parse(readFileSync(source, 'utf8')) as Endpoints;
const partitions = Object.fromEntries(endpoints.partitions.map((p) => [p.partition, Object.keys(p.regions).sort()]));
const file = 'src/core/regions.json';
writeFileSync(file, `${JSON.stringify({ source: `botocore ${version} data/endpoints.json`, partitions }, null, 2)}\n`);
console.log(`wrote ${file}`);
