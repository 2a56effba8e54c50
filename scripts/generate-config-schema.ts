/**
 * Writes what the settings' declarations (`src/settings/`) generate outside the module: the JSON Schema
 * of the configuration file (for editors), from the zod schema the app checks with, and the settings
 * tables of README.md. `npm run build:schema`; tests fail while either is stale.
 */
import { readFileSync, writeFileSync } from 'fs';
import { configSchemaJson } from '../src/app/config-json-schema';
import { README_TABLES } from '../src/settings';
import { readmeWithTables } from '../src/settings/settings-table';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run build:schema

Writes config/cognito-config.schema.json and the settings tables of README.md from the settings'
declarations. Run it from the repository. Takes no options. Exit codes: 0 written, 1 failed, 2 usage.`);

const file = 'config/cognito-config.schema.json';
writeFileSync(file, configSchemaJson());
console.log(`wrote ${file}`);
writeFileSync('README.md', readmeWithTables(readFileSync('README.md', 'utf8'), README_TABLES));
console.log('wrote the settings tables of README.md');
