/**
 * Writes the JSON Schema of the configuration file (for editors) from the zod schema the app checks
 * with, so the two cannot drift: `npm run build:schema`. A test fails when the committed file is stale.
 */
import { writeFileSync } from 'fs';
import { configSchemaJson } from '../src/app/config-json-schema';

const file = 'config/cognito-config.schema.json';
writeFileSync(file, configSchemaJson());
console.log(`wrote ${file}`);
