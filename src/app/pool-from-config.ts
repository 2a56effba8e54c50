import { Construct, IConstruct } from 'constructs';
import { appendPath } from './config-path';
import { ClientConfig, ExistingPoolConfig, PoolConfig } from './config-schema';
import { UserPoolClientProps } from '../client/client-props';
import { OAuthScope } from '../client/oauth-scope';
import { ResourceServerScope, UserPoolResourceServer } from '../client/resource-server';
import { Problem } from '../core/problem';
import { CLIENT_SETTINGS, DOMAIN_SETTINGS } from '../settings/client-settings';
import { POOL_SETTINGS } from '../settings/pool-settings';
import { propsOf } from '../settings/setting';
import { TriggerCode } from '../triggers/trigger-code';
import { TriggerOperation } from '../triggers/trigger-operation';
import { UserPool } from '../user-pool/user-pool';
import { UserPoolBase } from '../user-pool/user-pool-base';
import { UserPoolProps } from '../user-pool/user-pool-props';
import { ClassicBranding } from '../client/ui-customization';
import { defined } from '../core/defined';
import { resolve } from 'path';
import {
  hasFixedName,
  IdentityProviderType,
  PROVIDER_SETTINGS,
  ProviderOptions,
  ProviderSetting,
  providerSecretVariableName,
  secretSettings,
} from '../client/identity-provider-kinds';
import { TerraformStack, TerraformVariable } from '../engine';
import { providerFieldNames } from '../settings/federation-settings';

/** Which configuration path each construct was built from, so its problems can be reported there. */
export type ConfigPaths = Map<IConstruct, string>;

/**
 * Builds a pool with its domain, resource servers, groups, clients and triggers from a pool configuration,
 * recording for each construct the configuration path it came from. Problems found while building
 * (a scope naming an unknown resource server) are returned, not thrown, so all are reported together.
 */
export function buildPool(
  scope: Construct,
  id: string,
  config: PoolConfig,
  configPath: string,
  paths: ConfigPaths,
  existing?: ExistingPoolConfig,
  configDir?: string,
): Problem[] {
  const problems: Problem[] = [];
  const pool = existing ? existingPool(scope, id, config, existing, configDir) : new UserPool(scope, id, userPoolProps(config, configDir));
  // An existing pool's problems (its id) are about the environment's existingPool setting.
  paths.set(pool, existing ? appendPath(configPath.replace(/\.pool$/, ''), 'existingPool') : configPath);
  paths.set(pool.triggers, configPath);
  if (config.domainManagedElsewhere && pool instanceof UserPool) {
    pool.useDomainManagedElsewhere();
    if (config.domain) {
      problems.push({
        path: appendPath(configPath, 'domainManagedElsewhere'),
        rule: 'a domain managed elsewhere and a domain created here exclude each other',
        received: { domainManagedElsewhere: true, domain: config.domain },
        fix: 'remove domain, or domainManagedElsewhere to create the domain here',
      });
    }
  }
  if (config.domain) {
    paths.set(pool.addDomain('domain', propsOf(DOMAIN_SETTINGS, config.domain)), appendPath(configPath, 'domain'));
  }
  const servers = new Map<string, UserPoolResourceServer>();
  for (const [key, server] of Object.entries(config.resourceServers ?? {})) {
    const created = pool.addResourceServer(constructId(key), {
      identifier: server.identifier,
      name: server.name,
      scopes: Object.entries(server.scopes ?? {}).map(([name, description]) => new ResourceServerScope(name, description)),
    });
    servers.set(key, created);
    paths.set(created, appendPath(appendPath(configPath, 'resourceServers'), key));
  }
  for (const [name, group] of Object.entries(config.groups ?? {})) {
    paths.set(pool.addGroup(constructId(name), { groupName: name, ...group }), appendPath(appendPath(configPath, 'groups'), name));
  }
  const providers = addIdentityProviders(pool, config.identityProviders ?? {}, appendPath(configPath, 'identityProviders'), paths, problems);
  for (const [key, client] of Object.entries(config.clients ?? {})) {
    const clientPath = appendPath(appendPath(configPath, 'clients'), key);
    const scopes = (client.scopes ?? []).map((scope, i) => resolveScope(scope, servers, appendPath(appendPath(clientPath, 'scopes'), i), problems));
    // Unknown names are reported here, with the keys the file can use, and left out of the client.
    const identityProviders = client.identityProviders?.flatMap(
      (name, i) => providerNameOf(name, providers, appendPath(appendPath(clientPath, 'identityProviders'), i), problems) ?? [],
    );
    paths.set(
      pool.addClient(constructId(key), {
        clientName: key,
        ...clientProps(client, configDir),
        scopes: client.scopes ? scopes : undefined,
        identityProviders,
      }),
      clientPath,
    );
  }
  return problems;
}

/**
 * The construct id for a key of the file. The constructs library keeps children in a plain object, where
 * `constructor`, `toString` and the other names of Object.prototype are taken: such keys get a suffix
 * (the client or group keeps its name).
 */
function constructId(key: string): string {
  return key in Object.prototype ? `${key}-` : key;
}

/** A pool that exists already, with what the configuration knows of it; its triggers are attached here. */
function existingPool(scope: Construct, id: string, config: PoolConfig, existing: ExistingPoolConfig, configDir: string | undefined): UserPoolBase {
  const pool = UserPool.fromUserPoolId(scope, id, existing.userPoolId, {
    userPoolName: config.userPoolName,
    featurePlan: config.featurePlan,
    customAttributes: config.customAttributes && Object.keys(config.customAttributes),
    domainBaseUrl: existing.domainBaseUrl,
  });
  for (const [operation, spec] of Object.entries(userPoolProps(config, configDir).triggers ?? {})) {
    if (spec) pool.triggers.attach(operation as TriggerOperation, spec.handler, spec, `triggers.${operation}`);
  }
  return pool;
}

/**
 * The construct props of a pool configuration (converted by the settings' declarations). Trigger code
 * paths are taken relative to `configDir` (the configuration file's folder) and must lie inside its project.
 */
export function userPoolProps(c: PoolConfig, configDir?: string): UserPoolProps {
  const {
    domain: _domain,
    resourceServers: _servers,
    clients: _clients,
    groups: _groups,
    domainManagedElsewhere: _elsewhere,
    identityProviders: _providers,
    ...pool
  } = c;
  const declared = propsOf(POOL_SETTINGS, pool);
  const props: UserPoolProps = {
    ...declared,
    ...defined({ classicBranding: declared.classicBranding && locateBranding(declared.classicBranding, configDir) }),
    userPoolName: c.userPoolName!,
  };
  if (configDir === undefined || props.triggers === undefined) return props;
  const located = Object.entries(props.triggers).map(([operation, t]) => [
    operation,
    t && { ...t, handler: t.handler instanceof TriggerCode ? t.handler.locatedIn({ baseDir: configDir }) : t.handler },
  ]);
  return { ...props, triggers: Object.fromEntries(located) };
}

/**
 * The pool's identity providers, each with a sensitive Terraform variable per secret (`idp_<key>_client_secret`,
 * `idp_<key>_private_key`): secrets never sit in the file, the pipeline sets them as `TF_VAR_<variable>`.
 * Returns the provider name of each key.
 */
function addIdentityProviders(
  pool: UserPoolBase,
  config: Record<string, Record<string, unknown>>,
  at: string,
  paths: ConfigPaths,
  problems: Problem[],
): Map<string, string> {
  const names = new Map<string, string>();
  const fields = providerFieldNames();
  for (const [key, provider] of Object.entries(config)) {
    const path = appendPath(at, key);
    const { type, providerName, attributeMapping, idpIdentifiers, ...settings } = provider as {
      type: IdentityProviderType;
      providerName?: string;
      attributeMapping?: Record<string, string>;
      idpIdentifiers?: string[];
    };
    if (!PROVIDER_KEY.test(key)) {
      problems.push({
        path,
        rule: 'an identity provider key names its secret variables (idp_<key>_client_secret), so it may contain only letters, digits and _, starting with a letter',
        received: key,
        fix: `rename it, e.g. "${key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '')}"`,
      });
      continue;
    }
    for (const name of Object.keys(settings).filter((n) => !fields.get(n)?.kinds.includes(type))) {
      problems.push({
        path: appendPath(path, name),
        rule: `is not a setting of a ${type} provider`,
        received: settings[name as keyof typeof settings],
        fix: `remove it; a ${type} provider takes ${PROVIDER_SETTINGS[type]
          .filter((s) => !s.secret)
          .map((s) => s.name)
          .join(', ')}`,
      });
    }
    const secrets = Object.fromEntries(secretSettings(type).map((s) => [s.name, providerSecretVariable(pool, key, s).stringValue]));
    const name = providerName ?? (hasFixedName(type) ? type : key);
    names.set(key, name);
    const created = pool.addIdentityProvider(constructId(key), {
      providerName: name,
      providerType: type,
      settings: { ...(settings as ProviderOptions), ...secrets },
      attributeMapping,
      idpIdentifiers,
    });
    paths.set(created, path);
  }
  return names;
}

/** Provider keys: they become part of Terraform variable and environment variable names. */
const PROVIDER_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

function providerSecretVariable(pool: UserPoolBase, key: string, setting: ProviderSetting): TerraformVariable {
  const name = providerSecretVariableName(key, setting);
  const variable = new TerraformVariable(TerraformStack.of(pool), name, {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: `${setting.description} Of identity provider ${key}: set it in the pipeline as TF_VAR_${name}; it never sits in the configuration file.`,
  });
  variable.overrideLogicalId(name);
  return variable;
}

/** A client's identity provider: COGNITO, a provider's key, or its name. Anything else is a problem. */
function providerNameOf(name: string, providers: Map<string, string>, path: string, problems: Problem[]): string | undefined {
  if (name === 'COGNITO' || [...providers.values()].includes(name)) return name;
  const byKey = providers.get(name);
  if (byKey !== undefined) return byKey;
  problems.push({
    path,
    rule: 'names no identity provider of this pool',
    received: name,
    fix: `use COGNITO or one of the keys of identityProviders: ${[...providers.keys()].join(', ') || '(none declared)'}`,
  });
  return undefined;
}

/** A client's props, but its scopes (which name the pool's resource servers: see {@link resolveScope}). */
function clientProps(c: ClientConfig, configDir: string | undefined): Omit<UserPoolClientProps, 'scopes'> {
  const { scopes: _scopes, ...props } = propsOf(CLIENT_SETTINGS, c);
  const m = props.managedLoginBranding;
  return {
    ...props,
    ...defined({
      classicBranding: props.classicBranding && locateBranding(props.classicBranding, configDir),
      managedLoginBranding: m && {
        ...m,
        ...defined({ settingsFile: locate(m.settingsFile, configDir), assets: m.assets?.map((a) => ({ ...a, file: locate(a.file, configDir)! })) }),
      },
    }),
  };
}

/** A file named in the configuration, relative to its folder (as trigger code is). */
function locate(file: string | undefined, configDir: string | undefined): string | undefined {
  return file === undefined || configDir === undefined ? file : resolve(configDir, file);
}

function locateBranding(b: ClassicBranding, configDir: string | undefined): ClassicBranding {
  return { ...b, ...defined({ cssFile: locate(b.cssFile, configDir), logoFile: locate(b.logoFile, configDir) }) };
}

/**
 * A scope by name: a standard scope, `<resource server key>/<scope>`, or `<identifier>/<scope>` of a
 * server of this pool. Anything else is a problem: a typo must fail synth, never reach AWS.
 */
function resolveScope(scope: string, servers: Map<string, UserPoolResourceServer>, path: string, problems: Problem[]): OAuthScope {
  if (OAuthScope.STANDARD.includes(scope)) return OAuthScope.custom(scope);
  const cut = scope.lastIndexOf('/');
  const owner = scope.slice(0, cut);
  const server = servers.get(owner) ?? [...servers.values()].find((s) => s.identifier === owner);
  if (cut > 0 && server) return OAuthScope.resourceServer(server, scope.slice(cut + 1));
  problems.push({
    path,
    rule: 'must be a standard scope or "<resource server key>/<scope>" of a resource server of this pool',
    received: scope,
    fix: `use one of ${[...OAuthScope.STANDARD, ...[...servers.entries()].flatMap(([key, s]) => s.scopes.map((x) => `${key}/${x.scopeName}`))].join(', ')}`,
  });
  return OAuthScope.custom(scope);
}
