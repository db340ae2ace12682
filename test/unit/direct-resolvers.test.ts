import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { createRequestContext, type RequestContext } from '../../src/context/request-context';
import { buildFederatedSchema } from '../../src/subgraphs/build-federated-schema';

// Resolvers called without TypeGraphQL's wrapper (build-federated-schema.ts) must still run
// every guard: these would answer anyone if a guard were taken for "no guard".
@Authorized()
@Resolver()
class SignedInOnly {
  @Query(() => String)
  secret(@Arg('name') name: string): string {
    return `secret ${name}`;
  }
}

@Resolver()
class Mixed {
  @Query(() => String)
  greeting(@Arg('name') name: string, @Ctx() ctx: RequestContext): string {
    return `Bonjour ${name} (${ctx.viewer ? 'signed in' : 'anonymous'})`;
  }

  @Authorized()
  @Query(() => String, { name: 'renamedGuarded' })
  guardedUnderAnotherName(): string {
    return 'guarded';
  }
}

describe('resolvers called straight', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [SignedInOnly, Mixed], construct: (cls) => new (cls as new () => unknown)(), referenceResolvers: {} });
  });
  const anonymous = async (source: string) => graphql({ schema, source, contextValue: await createRequestContext({}) });

  it('answers with the same arguments and context as through TypeGraphQL', async () => {
    const res = await anonymous('{ greeting(name: "Aïcha « la plume »") }');
    expect(res).toEqual({ data: { greeting: 'Bonjour Aïcha « la plume » (anonymous)' } });
  });

  it('keeps an empty @Authorized() on the class, and on a field named apart from its method', async () => {
    for (const field of ['secret(name: "x")', 'renamedGuarded']) {
      const res = await anonymous(`{ ${field} }`);
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
