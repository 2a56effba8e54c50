import { z } from 'zod';
import { POOL_FILE_SETTINGS } from '../settings';
import { CLIENT_SETTINGS } from '../settings/client-settings';
import { FileObject, shapeOf } from '../settings/setting';

export { POOL_FILE_SETTINGS };

/**
 * The configuration file's shape: types, closed sets and unknown keys (a typo is an error). Value rules
 * (lengths, ranges, cross-field rules) are not repeated here: they are the constructs' rules, reported
 * with the same configuration paths after the stacks are built.
 *
 * Keys are the constructs' prop names, so a construct's problem path maps straight onto the file. The
 * pool's and its children's settings are declared in `src/settings/`, which this file only assembles.
 */

const text = z.string();
const tags = z.record(z.string(), z.string()).describe('Tags, key to value');

export const poolSchema = shapeOf(POOL_FILE_SETTINGS);

/** Where Terraform keeps each stack's state. */
export const backendSchema = z.strictObject({
  bucket: text.describe('The S3 bucket'),
  region: text.describe('The bucket region'),
  keyPrefix: text.optional().describe('Default: "cdktf-cognito"; the key is <keyPrefix>/<stack>/terraform.tfstate'),
  roleArn: text.optional().describe('A role to assume for state access'),
  kmsKeyId: text.optional().describe('A KMS key for state encryption (default: SSE-S3)'),
});

/** A pool that exists already (created by another stack, tool or the console): its children are added to it. */
export const existingPoolSchema = z.strictObject({
  userPoolId: text.describe("The pool id, <region>_<id>; the pool must be in the environment's account and region"),
  domainBaseUrl: text.optional().describe('The base URL of a domain the pool already has (https://<prefix>.auth.<region>.amazoncognito.com)'),
});

/** The pipeline's roles in every account of the configuration (one bootstrap stack per account). */
export const bootstrapSchema = z.strictObject({
  repository: text.describe('The GitHub repository, owner/name, whose workflow plans (pull requests, branches) and deploys (its environments)'),
  prefix: text
    .optional()
    .describe(
      'Default "cdktf-cognito": roles <prefix>-plan and <prefix>-deploy, boundary <prefix>-boundary; the stacks\' own roles go under the IAM path /<prefix>/',
    ),
  oidcProviderArn: text
    .optional()
    .describe("The accounts' GitHub OIDC provider when they have one already ({accountId} is replaced). Default: each bootstrap stack creates it"),
});

/** One AWS account and environment: one stack. */
export const environmentSchema = z.strictObject({
  name: text.describe('The stack name: lowercase letters, digits and hyphens'),
  accountId: text.describe('The 12-digit AWS account id'),
  region: text.optional().describe('Default: defaults.region'),
  deployRoleArn: text
    .optional()
    .describe(
      'The role Terraform assumes in the account (not with bootstrap: the pipeline picks the role). Default: defaults.deployRoleArn with the account id',
    ),
  githubEnvironment: text.optional().describe('With bootstrap: the GitHub environment whose jobs may deploy this stack. Default: the stack name'),
  tags: tags.optional(),
  existingPool: existingPoolSchema
    .optional()
    .describe('Add the children (domain, resource servers, groups, clients, triggers) to this pool instead of creating one'),
  pool: poolSchema.optional(),
});

/** The whole configuration file. */
export const configSchema = z.strictObject({
  $schema: text.optional(),
  bootstrap: bootstrapSchema
    .optional()
    .describe("The pipeline's plan and deploy roles, one bootstrap stack per account, applied once by an administrator (PIPELINE.md)"),
  backend: backendSchema.optional().describe('Default: local state files (terraform.<stack>.tfstate), for trying out; a team needs a shared backend'),
  defaults: z
    .strictObject({
      region: text.optional(),
      deployRoleArn: text.optional().describe('May contain {accountId}, replaced per environment'),
      tags: tags.optional(),
      pool: poolSchema.optional(),
    })
    .optional(),
  environments: z.array(environmentSchema).min(1),
});

export type PoolConfig = FileObject<typeof POOL_FILE_SETTINGS>;
export type BackendConfig = z.infer<typeof backendSchema>;
export type BootstrapConfig = z.infer<typeof bootstrapSchema>;
export type ExistingPoolConfig = z.infer<typeof existingPoolSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type AppConfig = z.infer<typeof configSchema>;
export type ClientConfig = FileObject<typeof CLIENT_SETTINGS>;
