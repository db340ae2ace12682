import { z } from 'zod';
import { ServerStartError } from './server-start-error';

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  CORS_ORIGINS: z.string().default(''),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  JEST_WORKER_ID: z.string().optional(),
});

/**
 * Reads the host's settings from the environment, refusing a malformed value with one line
 * naming the variable (zod rather than hand-written checks: the messages come for free).
 */
export function httpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServerStartError(`Invalid ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    production: e.NODE_ENV === 'production',
    trustProxyHops: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    // Tests stay quiet unless a developer asks for the logs.
    logLevel: e.LOG_LEVEL ?? (e.JEST_WORKER_ID !== undefined || e.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
