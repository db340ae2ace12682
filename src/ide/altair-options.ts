import type { AltairConfigOptions } from 'altair-static';
import type { ExampleOperation } from './example-operations';
import type { IdeMode } from './ide-mode';

/** Placeholder the page replaces with the endpoint's absolute URL (Altair wants one; only the browser knows it behind proxies). */
export const ENDPOINT_PLACEHOLDER = '@@ENDPOINT@@';

// Stores the tokens a sign-in, refresh or service-token exchange returns in the environment,
// where the Authorization header of the other tabs reads them. Runs in Altair's sandboxed iframe.
const KEEP_TOKENS = `const body = altair.data.response && altair.data.response.body;
const json = typeof body === 'string' ? JSON.parse(body) : body;
const root = json && json.data ? Object.values(json.data)[0] : null;
if (root && root.accessToken) altair.helpers.setEnvironment('accessToken', root.accessToken, true);
if (root && root.refreshToken) altair.helpers.setEnvironment('refreshToken', root.refreshToken, true);`;

const AUTHORIZATION = { Authorization: 'Bearer {{accessToken}}' };

/**
 * Altair's start-up options: one tab per example operation (the sign-in first when only staff
 * may use the IDE), the endpoint, and an environment holding the tokens. Nothing here may make
 * the browser leave the machine: no account (Altair's cloud), no update checks, no plugins
 * (they load from a CDN).
 */
export function altairOptions(examples: ExampleOperation[], mode: IdeMode): AltairConfigOptions {
  const signInFirst = mode === 'staff';
  const ordered = signInFirst ? [...examples].sort((a, b) => Number(b.id === 'web/sign-in') - Number(a.id === 'web/sign-in')) : examples;
  return {
    endpointURL: ENDPOINT_PLACEHOLDER,
    disableAccount: true,
    instanceStorageNamespace: 'newsroom_ide_',
    // A sub-environment, active from the start: scripts can only write to the active one.
    initialEnvironments: {
      base: { title: 'Newsroom', variables: {} },
      subEnvironments: [{ id: 'session', title: 'Session', variables: { accessToken: '', refreshToken: '', password: '', serviceSecret: '' } }],
      activeSubEnvironment: 'session',
    },
    initialSettings: {
      'alert.disableUpdateNotification': true,
      'alert.disableWarnings': true,
      'banners.disable': true,
      disablePushNotification: true,
      'plugin.list': [],
      'schema.reload.onEnvChange': true,
      'beta.disable.newScript': true,
    },
    initialWindows: ordered.map((example) => ({
      // The file's own name, so a tab leads straight to examples/<group>/<name>.graphql.
      initialName: example.id,
      endpointURL: ENDPOINT_PLACEHOLDER,
      initialQuery: example.query,
      initialVariables: JSON.stringify(example.variables, null, 2),
      // Staff mode sends the token everywhere: introspection (the docs, autocompletion) needs it.
      ...(example.auth !== 'none' || mode === 'staff' ? { initialHeaders: AUTHORIZATION } : {}),
      ...(/accessToken/.test(example.query) ? { initialPostRequestScript: KEEP_TOKENS } : {}),
    })),
  };
}
