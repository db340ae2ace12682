import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { ErrorCode } from '../errors/app-error';
import { Role } from '../auth/roles';

const STAFF_ROLES = new Set<Role>([Role.Journalist, Role.Editor, Role.Moderator, Role.Analyst, Role.Admin]);

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Introspection for staff only: what the production IDE (IDE=on) relies on. Apollo's own
 * switch is all or nothing, so introspection stays on and this refuses it, before execution,
 * to anyone without a staff role (FORBIDDEN, or UNAUTHENTICATED without a token). `__typename`
 * is not introspection and stays free.
 */
export function staffOnlyIntrospection(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!usesIntrospection(document)) return;
          const viewer = contextValue.viewer;
          if (viewer?.kind === 'user' && viewer.roles.some((r) => STAFF_ROLES.has(r))) return;
          const code = viewer ? ErrorCode.Forbidden : ErrorCode.Unauthenticated;
          throw new GraphQLError('Introspection is for staff: sign in with a staff account (the IDE\'s "Sign in" tab) and send its token', {
            extensions: { code, reason: 'STAFF_ONLY_INTROSPECTION' },
          });
        },
      };
    },
  };
}
