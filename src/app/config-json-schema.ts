import { z } from 'zod';
import { configSchema } from './config-schema';

/** The configuration's JSON Schema, as committed in `config/cognito-config.schema.json`. */
export function configSchemaJson(): string {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'cdktf-cognito configuration' }, null, 2)}\n`;
}
