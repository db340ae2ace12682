/**
 * Who gets the IDE at /ide: `open` in development (anyone, introspection for all, as before);
 * `staff` in production with IDE=on (the page is served, but introspection answers only staff
 * tokens, so the page is useless until a staff member signs in); `off` in production otherwise,
 * and in development with IDE=off.
 */
export type IdeMode = 'open' | 'staff' | 'off';

export function ideModeFromEnv(env: NodeJS.ProcessEnv = process.env): IdeMode {
  if (env.NODE_ENV === 'production') return env.IDE === 'on' ? 'staff' : 'off';
  return env.IDE === 'off' ? 'off' : 'open';
}
