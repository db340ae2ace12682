import { httpConfigFromEnv } from '../../src/server/http-config';
import { ConfigurationError } from '../../src/errors/configuration-error';

describe('the HTTP host settings from the environment', () => {
  it('has safe defaults: no proxy trusted, no CORS origin, a 5 s deadline, logs on outside tests', () => {
    expect(httpConfigFromEnv({})).toEqual({ production: false, trustProxyHops: 0, corsOrigins: [], requestTimeoutMs: 5000, logLevel: 'info' });
    expect(httpConfigFromEnv({ JEST_WORKER_ID: '1' }).logLevel).toBe('silent');
    expect(httpConfigFromEnv({ JEST_WORKER_ID: '1', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('reads hops, origins, the deadline and production', () => {
    const config = httpConfigFromEnv({ NODE_ENV: 'production', TRUST_PROXY: '2', CORS_ORIGINS: 'https://www.exemple.fr, https://app.exemple.fr/', REQUEST_TIMEOUT_MS: '8000' });
    expect(config).toMatchObject({ production: true, trustProxyHops: 2, corsOrigins: ['https://www.exemple.fr', 'https://app.exemple.fr'], requestTimeoutMs: 8000 });
  });

  it('refuses a malformed value with one line naming the variable', () => {
    for (const [name, value] of [['TRUST_PROXY', 'true'], ['REQUEST_TIMEOUT_MS', '5s'], ['LOG_LEVEL', 'verbose']]) {
      const attempt = () => httpConfigFromEnv({ [name]: value });
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${name}=[^\\n]+$`));
    }
  });
});
