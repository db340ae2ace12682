import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context/request-context';
import type { HttpRoute } from '../server/plain-routes';
import { loadExampleOperations, type ExampleOperation } from './example-operations';
import { ideLandingPage } from './ide-landing-page';
import type { IdeMode } from './ide-mode';
import { ideRoutes } from './ide-routes';
import { staffOnlyIntrospection } from './staff-introspection';

/**
 * What the gateway's HTTP server needs for the IDE in a given mode: its routes, the landing
 * page that replaces Apollo's, and who may introspect (everyone in development; staff only
 * in production with IDE=on; nobody in production otherwise).
 */
export function ideServerOptions(
  mode: IdeMode,
  options: { production: boolean; examples?: ExampleOperation[] },
): { routes: Record<string, HttpRoute>; landingPage: ApolloServerPlugin<RequestContext>; plugins: ApolloServerPlugin<RequestContext>[]; introspection: boolean } {
  const served = mode !== 'off';
  return {
    routes: served ? ideRoutes({ examples: options.examples ?? loadExampleOperations(), mode }) : {},
    landingPage: ideLandingPage({ ideServed: served }) as ApolloServerPlugin<RequestContext>,
    plugins: mode === 'staff' ? [staffOnlyIntrospection()] : [],
    introspection: options.production ? mode === 'staff' : true,
  };
}
