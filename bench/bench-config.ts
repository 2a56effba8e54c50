/**
 * The benchmark's configuration: N environments, each with a user pool, an SPA client, a resource
 * server, a machine client and a prefix domain (issue 14's shape). `bench/floor.ts` builds the same
 * stacks with the provider classes directly.
 */

export const BENCH_REGION = 'eu-west-1';
export const BENCH_STATE_BUCKET = 'bench-state';

/** What differs between the benchmark's environments. */
export interface BenchEnvironment {
  readonly name: string;
  readonly accountId: string;
  readonly domainPrefix: string;
}

export function benchEnvironment(index: number): BenchEnvironment {
  const accountId = String(100000000000 + index);
  return { name: `env${index}`, accountId, domainPrefix: `bench-env${index}-${accountId}` };
}

/** The configuration file (YAML, as users write it) for `count` environments. */
export function benchConfigYaml(count: number): string {
  const environments = Array.from({ length: count }, (_, i) => {
    const env = benchEnvironment(i);
    return `  - name: ${env.name}\n    accountId: "${env.accountId}"\n    pool:\n      domain: { prefix: ${env.domainPrefix} }\n`;
  });
  return `backend:
  bucket: ${BENCH_STATE_BUCKET}
  region: ${BENCH_REGION}
defaults:
  region: ${BENCH_REGION}
  pool:
    resourceServers:
      api:
        identifier: https://api.example.com
        scopes: { read: Read things }
    clients:
      spa:
        preset: spa
        callbackUrls: [https://app.example.com/callback]
      worker:
        preset: machine
        scopes: [api/read]
environments:
${environments.join('')}`;
}
