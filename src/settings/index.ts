import { CLIENT_SETTINGS } from './client-settings';
import { POOL_SETTINGS } from './pool-settings';
import { AnySetting } from './setting';
import { TRIGGER_FIELDS } from './trigger-settings';
import { POOL_FILE_SETTINGS } from '../app/config-schema';

/** The README's generated tables by marker name: pool settings (children have their own), clients', triggers'. */
export const README_TABLES: Readonly<Record<string, Readonly<Record<string, AnySetting>>>> = {
  'pool-defaults': { ...POOL_SETTINGS, groups: POOL_FILE_SETTINGS.groups, domainManagedElsewhere: POOL_FILE_SETTINGS.domainManagedElsewhere, identityProviders: POOL_FILE_SETTINGS.identityProviders },
  'client-settings': CLIENT_SETTINGS,
  'trigger-settings': TRIGGER_FIELDS,
};
