import { readSetting } from '../config/settings';

/** How the HTTP host behaves; every field can be given to `startGraphQLServer`, or comes from the environment. */
export type HttpConfig = {
  /** Production hides introspection, the landing page and schema hints, and allows only listed CORS origins. */
  production: boolean;
  /** Proxies in front of this process whose X-Forwarded-For entries are trusted, counted from the right (0: none). */
  trustProxyHops: number;
  /** Origins allowed to call from a browser, with credentials. */
  corsOrigins: string[];
  /** Past this, a GraphQL request answers 504 GATEWAY_TIMEOUT instead of making the client wait. */
  requestTimeoutMs: number;
  /** pino level of the access log and error log; `silent` turns both off. */
  logLevel: string;
};

/**
 * Reads the host's settings from the environment through their declarations in
 * `src/config/settings.ts`, refusing a malformed value with one line naming the variable.
 */
export function httpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    trustProxyHops: readSetting('TRUST_PROXY', env) ?? 0,
    corsOrigins: (readSetting('CORS_ORIGINS', env) ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean),
    requestTimeoutMs: readSetting('REQUEST_TIMEOUT_MS', env) ?? 5000,
    // Tests stay quiet unless a developer asks for the logs.
    logLevel: readSetting('LOG_LEVEL', env) ?? (env.JEST_WORKER_ID !== undefined || env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
