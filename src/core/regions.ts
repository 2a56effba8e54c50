import { closest } from './closest';
import { isKnown, Problem } from './problem';
import regionTable from './regions.json';

/**
 * The AWS regions of each partition, from botocore's endpoint data (`scripts/extract-regions.ts` writes
 * `regions.json`). A misspelt region (`eu-centrall-1`) passes Terraform's plan offline and fails only at
 * apply, so it is checked at synth.
 */
export const REGIONS_BY_PARTITION: Readonly<Record<string, readonly string[]>> = regionTable.partitions;

const ALL_REGIONS = Object.values(REGIONS_BY_PARTITION).flat();

/** The partition of a known region, or undefined. */
export function partitionOfKnownRegion(region: string): string | undefined {
  return Object.entries(REGIONS_BY_PARTITION).find(([, regions]) => regions.includes(region))?.[0];
}

/** A region that AWS has (tokens are skipped), with a did-you-mean for a near miss. */
export function checkRegion(path: string, region: string | undefined): Problem[] {
  if (!isKnown(region) || ALL_REGIONS.includes(region)) return [];
  const guess = closest(region, ALL_REGIONS);
  return [
    {
      path,
      rule: `must be an AWS region (${regionTable.source} lists ${ALL_REGIONS.length} in ${Object.keys(REGIONS_BY_PARTITION).length} partitions)`,
      received: region,
      fix: guess ? `did you mean "${guess}"?` : `use one of ${ALL_REGIONS.join(', ')}`,
    },
  ];
}
