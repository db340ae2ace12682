import type { ApolloServerPlugin } from '@apollo/server';
import { IDE_PATH } from './ide-routes';

/**
 * What a browser gets at /graphql, in place of Apollo's landing pages (they load Apollo
 * Sandbox from a CDN, blank offline). With the IDE served it moves on to /ide; without it a
 * short page says how to use the endpoint instead of Apollo's CSRF error as JSON. Written as
 * an Apollo plugin so that it works under any HTTP host (Apollo decides when a GET wants HTML).
 */
export function ideLandingPage(options: { ideServed: boolean }): ApolloServerPlugin {
  const html = options.ideServed
    ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom graph</title>` +
      `<meta http-equiv="refresh" content="0; url=${IDE_PATH}"></head>` +
      `<body><p>The GraphQL IDE is at <a href="${IDE_PATH}">${IDE_PATH}</a>.</p></body></html>`
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom graph</title></head>` +
      `<body><p>This is a GraphQL endpoint: POST queries to it as JSON. The IDE is off on this server.</p></body></html>`;
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
