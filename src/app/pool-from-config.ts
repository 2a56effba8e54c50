import { Construct, IConstruct } from 'constructs';
import { appendPath } from './config-path';
import { ClientConfig, ExistingPoolConfig, PoolConfig, TriggerConfig, DURATION_PATTERN } from './config-schema';
import { AuthFlow, ClientPreset, OAuthFlow, TokenValidity } from '../client/client-props';
import { OAuthScope } from '../client/oauth-scope';
import { ResourceServerScope, UserPoolResourceServer } from '../client/resource-server';
import { Duration } from '../core/duration';
import { Problem } from '../core/problem';
import { ExistingFunction, TriggerHandler } from '../triggers/pool-triggers';
import { TriggerCode } from '../triggers/trigger-code';
import { TriggerEventVersion, TriggerOperation } from '../triggers/trigger-operation';
import { TriggerRuntime } from '../triggers/trigger-function';
import { BooleanAttribute, DateTimeAttribute, ICustomAttribute, NumberAttribute, StringAttribute } from '../user-pool/attributes';
import { UserPoolEmail } from '../user-pool/email';
import { AccountRecovery, AuthFactor, CustomAuthThreatProtectionMode, FeaturePlan, Mfa, PasskeyUserVerification, ThreatProtectionMode, VerificationEmailStyle } from '../user-pool/enums';
import { UserPool } from '../user-pool/user-pool';
import { UserPoolBase } from '../user-pool/user-pool-base';
import { UserPoolProps } from '../user-pool/user-pool-props';

/** Which configuration path each construct was built from, so its problems can be reported there. */
export type ConfigPaths = Map<IConstruct, string>;

/**
 * Builds a pool with its domain, resource servers, groups, clients and triggers from a pool configuration,
 * recording for each construct the configuration path it came from. Problems found while building
 * (a scope naming an unknown resource server) are returned, not thrown, so all are reported together.
 */
export function buildPool(scope: Construct, id: string, config: PoolConfig, configPath: string, paths: ConfigPaths, existing?: ExistingPoolConfig): Problem[] {
  const problems: Problem[] = [];
  const pool = existing ? existingPool(scope, id, config, existing) : new UserPool(scope, id, userPoolProps(config));
  // An existing pool's problems (its id) are about the environment's existingPool setting.
  paths.set(pool, existing ? appendPath(configPath.replace(/\.pool$/, ''), 'existingPool') : configPath);
  paths.set(pool.triggers, configPath);
  if (config.domain) {
    paths.set(pool.addDomain('domain', { prefix: config.domain.prefix, customDomain: config.domain.customDomain, managedLoginVersion: config.domain.managedLoginVersion }), appendPath(configPath, 'domain'));
  }
  const servers = new Map<string, UserPoolResourceServer>();
  for (const [key, server] of Object.entries(config.resourceServers ?? {})) {
    const created = pool.addResourceServer(key, {
      identifier: server.identifier,
      name: server.name,
      scopes: Object.entries(server.scopes ?? {}).map(([name, description]) => new ResourceServerScope(name, description)),
    });
    servers.set(key, created);
    paths.set(created, appendPath(appendPath(configPath, 'resourceServers'), key));
  }
  for (const [name, group] of Object.entries(config.groups ?? {})) {
    paths.set(pool.addGroup(name, { groupName: name, ...group }), appendPath(appendPath(configPath, 'groups'), name));
  }
  for (const [key, client] of Object.entries(config.clients ?? {})) {
    const clientPath = appendPath(appendPath(configPath, 'clients'), key);
    const scopes = (client.scopes ?? []).map((scope, i) => resolveScope(scope, servers, appendPath(appendPath(clientPath, 'scopes'), i), problems));
    paths.set(pool.addClient(key, { ...clientProps(client), scopes: client.scopes ? scopes : undefined }), clientPath);
  }
  return problems;
}

/** A pool that exists already, with what the configuration knows of it; its triggers are attached here. */
function existingPool(scope: Construct, id: string, config: PoolConfig, existing: ExistingPoolConfig): UserPoolBase {
  const pool = UserPool.fromUserPoolId(scope, id, existing.userPoolId, {
    userPoolName: config.userPoolName,
    featurePlan: config.featurePlan as FeaturePlan | undefined,
    customAttributes: config.customAttributes && Object.keys(config.customAttributes),
    domainBaseUrl: existing.domainBaseUrl,
  });
  for (const [operation, spec] of Object.entries(userPoolProps(config).triggers ?? {})) {
    if (spec) pool.triggers.attach(operation as TriggerOperation, spec.handler, spec, `triggers.${operation}`);
  }
  return pool;
}

/** The construct props of a pool configuration. */
export function userPoolProps(c: PoolConfig): UserPoolProps {
  return {
    userPoolName: c.userPoolName!,
    signInAliases: c.signInAliases,
    signInCaseSensitive: c.signInCaseSensitive,
    autoVerify: c.autoVerify,
    keepOriginal: c.keepOriginal,
    standardAttributes: c.standardAttributes,
    customAttributes: c.customAttributes && Object.fromEntries(Object.entries(c.customAttributes).map(([name, a]) => [name, customAttribute(a)])),
    passwordPolicy: c.passwordPolicy,
    selfSignUpEnabled: c.selfSignUpEnabled,
    mfa: c.mfa && Mfa[c.mfa],
    mfaSecondFactor: c.mfaSecondFactor,
    mfaMessage: c.mfaMessage,
    emailMfaMessage: c.emailMfaMessage,
    userVerification: c.userVerification && { ...c.userVerification, emailStyle: c.userVerification.emailStyle && VerificationEmailStyle[c.userVerification.emailStyle] },
    userInvitation: c.userInvitation,
    accountRecovery: c.accountRecovery as AccountRecovery | undefined,
    email: c.email && (c.email.sender === 'ses' ? UserPoolEmail.withSes(withoutSender(c.email)) : UserPoolEmail.withCognito(withoutSender(c.email))),
    sms: c.sms,
    deviceTracking: c.deviceTracking,
    featurePlan: c.featurePlan as FeaturePlan | undefined,
    threatProtection: c.threatProtection && { standardMode: c.threatProtection.standardMode as ThreatProtectionMode | undefined, customAuthMode: c.threatProtection.customAuthMode as CustomAuthThreatProtectionMode | undefined },
    allowedFirstAuthFactors: c.allowedFirstAuthFactors as AuthFactor[] | undefined,
    passkeys: c.passkeys && { relyingPartyId: c.passkeys.relyingPartyId, userVerification: c.passkeys.userVerification as PasskeyUserVerification | undefined },
    tags: c.tags,
    dangerouslyAllowDeletionOfAllUsers: c.dangerouslyAllowDeletionOfAllUsers,
    customSenderKmsKeyArn: c.customSenderKmsKeyArn,
    triggers:
      c.triggers &&
      Object.fromEntries(Object.entries(c.triggers).map(([operation, t]) => [operation as TriggerOperation, t && { handler: triggerHandler(t), ...triggerOptions(t) }])),
  };
}

function withoutSender<T extends { sender: string }>(email: T): Omit<T, 'sender'> {
  const { sender: _sender, ...rest } = email;
  return rest;
}

function customAttribute(a: NonNullable<PoolConfig['customAttributes']>[string]): ICustomAttribute {
  switch (a.type) {
    case 'String':
      return new StringAttribute({ mutable: a.mutable, minLen: a.minLen, maxLen: a.maxLen });
    case 'Number':
      return new NumberAttribute({ mutable: a.mutable, min: a.min, max: a.max });
    case 'Boolean':
      return new BooleanAttribute({ mutable: a.mutable });
    case 'DateTime':
      return new DateTimeAttribute({ mutable: a.mutable });
  }
}

function clientProps(c: ClientConfig) {
  return {
    preset: c.preset as ClientPreset | undefined,
    clientName: c.clientName,
    generateSecret: c.generateSecret,
    oAuthFlows: c.oAuthFlows as OAuthFlow[] | undefined,
    callbackUrls: c.callbackUrls,
    logoutUrls: c.logoutUrls,
    defaultRedirectUri: c.defaultRedirectUri,
    authFlows: c.authFlows as AuthFlow[] | undefined,
    readAttributes: c.readAttributes,
    writeAttributes: c.writeAttributes,
    identityProviders: c.identityProviders,
    tokenValidity: c.tokenValidity && tokenValidity(c.tokenValidity),
    authSessionValidityMinutes: c.authSessionValidityMinutes,
    enableTokenRevocation: c.enableTokenRevocation,
    refreshTokenRotation: c.refreshTokenRotation,
    preventUserExistenceErrors: c.preventUserExistenceErrors,
    propagateAdditionalUserContextData: c.propagateAdditionalUserContextData,
    secretHandOff: c.secretHandOff,
  };
}

function tokenValidity(t: NonNullable<ClientConfig['tokenValidity']>): TokenValidity {
  return { accessToken: duration(t.accessToken), idToken: duration(t.idToken), refreshToken: duration(t.refreshToken) };
}

/** `15m` -> 15 minutes (the schema has checked the form). */
export function duration(text: string | undefined): Duration | undefined {
  const match = text === undefined ? null : DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return { s: Duration.seconds, m: Duration.minutes, h: Duration.hours, d: Duration.days }[match[2] as 's' | 'm' | 'h' | 'd'](amount);
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

function triggerHandler(t: TriggerConfig): TriggerHandler {
  const h = t.handler;
  if ('emailDomainAllowlist' in h) return TriggerCode.emailDomainAllowlist(h.emailDomainAllowlist);
  if ('groupClaims' in h) return TriggerCode.groupClaims(h.groupClaims);
  if ('file' in h) return TriggerCode.fromFile(h.file);
  if ('directory' in h) return TriggerCode.fromDirectory(h.directory, h.handler);
  return ExistingFunction.fromArn(h.functionArn);
}

function triggerOptions(t: TriggerConfig) {
  return {
    eventVersion: t.eventVersion as TriggerEventVersion | undefined,
    poolActions: t.poolActions,
    functionName: t.functionName,
    runtime: t.runtime as TriggerRuntime | undefined,
    memorySize: t.memorySize,
    timeoutSeconds: t.timeoutSeconds,
    environment: t.environment,
    logRetentionDays: t.logRetentionDays,
  };
}
