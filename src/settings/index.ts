import { CLIENT_SETTINGS, DOMAIN_SETTINGS, GROUP_SETTINGS, RESOURCE_SERVER_SETTINGS } from './client-settings';
import { IDENTITY_PROVIDERS } from './federation-settings';
import { POOL_SETTINGS } from './pool-settings';
import { AnySetting, flag, mapOf, object } from './setting';
import { TRIGGER_FIELDS } from './trigger-settings';

/**
 * One pool's settings in the configuration file (all optional: defaults and environments are merged,
 * then checked by the constructs): the pool's declarations and its children's. The module's inputs are
 * placed from the same table.
 */
export const POOL_FILE_SETTINGS = {
  ...POOL_SETTINGS,
  domain: object(DOMAIN_SETTINGS, 'The OAuth 2.0 domain: a Cognito prefix or your own domain (exactly one).', { defaultText: 'no domain' }),
  resourceServers: mapOf(object(RESOURCE_SERVER_SETTINGS, 'An API with scopes.'), 'Resource servers (APIs with scopes), by key.', {
    defaultText: 'none',
    moduleDefault: {},
  }),
  clients: mapOf(
    object(CLIENT_SETTINGS, 'An app client.'),
    "App clients, by key. Each starts from a preset; every setting given overrides the preset's.",
    {
      defaultText: 'none',
      moduleDefault: {},
    },
  ),
  identityProviders: IDENTITY_PROVIDERS,
  groups: mapOf(object(GROUP_SETTINGS, 'A group.'), 'Groups by name (the name is in the cognito:groups claim).', {
    defaultText: 'none',
    moduleDefault: {},
  }),
  domainManagedElsewhere: flag(
    "The pool's domain exists in another Terraform state or stack: OAuth clients are accepted without a domain here (and get no sign-in URL output). With no domain anywhere they are refused.",
    { default: false },
  ),
};

/** The README's generated tables by marker name: pool settings (children have their own), clients', triggers'. */
export const README_TABLES: Readonly<Record<string, Readonly<Record<string, AnySetting>>>> = {
  'pool-defaults': {
    ...POOL_SETTINGS,
    groups: POOL_FILE_SETTINGS.groups,
    domainManagedElsewhere: POOL_FILE_SETTINGS.domainManagedElsewhere,
    identityProviders: POOL_FILE_SETTINGS.identityProviders,
  },
  'client-settings': CLIENT_SETTINGS,
  'trigger-settings': TRIGGER_FIELDS,
};
