import { z } from 'zod';
import { optional } from '../module/hcl-type';
import { custom, FileObject, listOf, mapOf, object, oneOf, propsOf, required, text, whole } from './setting';
import { ExistingFunction, TriggerHandler, TriggerSpec } from '../triggers/pool-triggers';
import { TriggerCode } from '../triggers/trigger-code';
import { TriggerRuntime } from '../triggers/trigger-function';
import { TriggerEventVersion } from '../triggers/trigger-operation';

/** The forms of a trigger's handler in the file: one key says which. */
const HANDLER_FORMS = {
  emailDomainAllowlist: z.strictObject({
    emailDomainAllowlist: z.array(z.string()).describe('The ready-made pre sign-up handler: only these email domains (`*.` for subdomains).'),
  }),
  groupClaims: z.strictObject({
    groupClaims: z
      .strictObject({
        groupScopes: z.record(z.string(), z.array(z.string())).describe('Access-token scopes granted per group.'),
        groupsClaim: z.string().optional().describe('The claim that lists the groups. Default: "groups".'),
        roleClaim: z.string().optional().describe('A claim naming the first matching group. Default: none.'),
      })
      .describe('The ready-made V2 pre token generation handler.'),
  }),
  file: z.strictObject({ file: z.string().describe('A TypeScript or JavaScript file of the project, bundled with what it imports.') }),
  directory: z.strictObject({
    directory: z.string().describe('A folder of built code, zipped as it is.'),
    handler: z.string().describe('`<file>.<export>` in that folder.'),
  }),
  functionArn: z.strictObject({ functionArn: z.string().describe('An existing function: only the invoke permission is created.') }),
};
type HandlerFile = z.infer<(typeof HANDLER_FORMS)[keyof typeof HANDLER_FORMS]>;

const handler = custom<TriggerHandler, HandlerFile>({
  description: 'What runs the trigger: `{ file }`, `{ directory, handler }`, `{ functionArn }`, `{ emailDomainAllowlist }` or `{ groupClaims }`.',
  schema: z.union(Object.values(HANDLER_FORMS)) as unknown as z.ZodType<HandlerFile>,
  toProp: (h) => {
    if ('emailDomainAllowlist' in h) return TriggerCode.emailDomainAllowlist(h.emailDomainAllowlist);
    if ('groupClaims' in h) return TriggerCode.groupClaims(h.groupClaims);
    if ('file' in h) return TriggerCode.fromFile(h.file);
    if ('directory' in h) return TriggerCode.fromDirectory(h.directory, h.handler);
    return ExistingFunction.fromArn(h.functionArn);
  },
  // The module takes an existing function, or code the user zipped (Terraform runs no bundler, and zips a
  // folder only with the hashicorp/archive provider, which the module does not require).
  module: {
    object: {
      function_arn: optional('string', null, HANDLER_FORMS.functionArn.shape.functionArn.description!),
      zip_file: optional('string', null, 'A zip of built code (a path, e.g. "${path.root}/build/trigger.zip"): the module creates the function.'),
      source_code_hash: optional(
        'string',
        null,
        'Base64 SHA-256 of zip_file; give it when the zip is made during the apply. Default: filebase64sha256(zip_file).',
      ),
      handler: optional('string', null, HANDLER_FORMS.directory.shape.handler.description!.replace('folder', 'zip')),
    },
  },
  moduleKeys: {
    functionArn: 'function_arn',
    handler: 'handler',
    directory: { notInModule: 'give the folder zipped, as handler.zip_file (Terraform zips folders only with the hashicorp/archive provider)' },
    file: { notInModule: 'Terraform runs no bundler: bundle and zip the file, and give handler.zip_file and handler.handler' },
    ...Object.fromEntries(
      ['emailDomainAllowlist', 'groupClaims'].map((k) => [
        k,
        { notInModule: "the ready-made handlers are packaged from the library's sources at synth; the module deploys zips you build" },
      ]),
    ),
  },
});

/** The settings of one trigger. */
export const TRIGGER_FIELDS = {
  handler: required(handler),
  eventVersion: oneOf(TriggerEventVersion, 'The event version.', { defaultText: 'V2_0 for pre token generation, V1_0 for senders' }),
  poolActions: listOf(text('A Cognito action.'), 'Cognito actions the function may call on this pool (e.g. `cognito-idp:AdminAddUserToGroup`).', {
    defaultText: 'none',
    moduleDefault: [],
  }),
  functionName: text('The function name, for code deployed here.', { defaultText: '<pool name>-<operation>' }),
  runtime: oneOf(TriggerRuntime, 'The Node.js runtime.', { default: TriggerRuntime.NODEJS_22_X }),
  memorySize: whole('Memory in MB, 128 to 10240.', { default: 256 }),
  timeoutSeconds: whole('Timeout in seconds; Cognito waits 5.', { default: 5 }),
  environment: mapOf(text('A value.'), 'Environment variables (no secrets: read those at run time).', {
    defaultText: "the code's own",
    moduleDefault: {},
  }),
  logRetentionDays: whole("Days the function's logs are kept (a value CloudWatch offers).", { default: 365 }),
};

export type TriggerFile = FileObject<typeof TRIGGER_FIELDS>;

/** One trigger's declaration. */
export const TRIGGER_SETTINGS = object(TRIGGER_FIELDS, 'A Lambda trigger.');

/** One trigger's spec from its file form. */
export function triggerSpec(t: TriggerFile): TriggerSpec {
  return propsOf(TRIGGER_FIELDS, t);
}
