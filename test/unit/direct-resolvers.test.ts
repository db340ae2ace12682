import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Max, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, buildSchema, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authChecker } from '../../src/auth/auth-checker';
import { createRequestContext, type RequestContext } from '../../src/context/request-context';
import { buildFederatedSchema } from '../../src/subgraphs/build-federated-schema';

// Resolvers called without TypeGraphQL's wrapper (src/subgraphs/direct-resolvers.ts) must still run
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

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
class BoundedPageArgs {
  @Field(() => Int, { nullable: true })
  @Max(5)
  first?: number | null;
}

/** No rule of its own; its parent's rule must still be checked. */
@ArgsType()
class InheritedBoundArgs extends BoundedPageArgs {
  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** A rule checked asynchronously: `validateSync` would skip it, so the class keeps TypeGraphQL's check. */
@ValidatorConstraint({ name: 'slowlyBelowFive', async: true })
class SlowlyBelowFive implements ValidatorConstraintInterface {
  async validate(value: unknown): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    return typeof value !== 'number' || value < 5;
  }
}

@ArgsType()
class AsyncBoundArgs {
  @Field(() => Int, { nullable: true })
  @Validate(SlowlyBelowFive)
  first?: number | null;
}

/** A custom rule that throws for a negative number: TypeGraphQL wraps what it throws. */
@ValidatorConstraint({ name: 'throwsOnNegative' })
class ThrowsOnNegative implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value === 'number' && value < 0) throw new TypeError('negative not supported');
    return true;
  }
}

@ArgsType()
class ThrowingRuleArgs {
  @Field(() => Int, { nullable: true })
  @Validate(ThrowsOnNegative)
  first?: number | null;
}

@Resolver()
class Pages {
  @Query(() => String)
  page(@Args() args: PageArgs): string {
    return `${args instanceof PageArgs ? 'PageArgs' : 'plain'} ${args.first} ${args.after}`;
  }

  @Query(() => String)
  boundedPage(@Args() { first }: BoundedPageArgs): string {
    return `first ${first}`;
  }

  @Query(() => String)
  asyncBoundPage(@Args() { first }: AsyncBoundArgs): string {
    return `first ${first}`;
  }

  @Query(() => String)
  throwingRulePage(@Args() { first }: ThrowingRuleArgs): string {
    return `first ${first}`;
  }

  @Query(() => String, { nullable: true })
  failing(): string {
    throw new Error('échec « attendu »');
  }

  @Query(() => String)
  failingRequired(): string {
    throw new Error('échec requis');
  }

  @Query(() => String)
  inheritedBoundPage(@Args() { first }: InheritedBoundArgs): string {
    return `first ${first}`;
  }
}

/** A parent type known by its key alone, as the subgraphs' ArticleStub. */
@ObjectType()
class Stub {
  @Field(() => ID)
  id: number;
}

@Resolver(() => Stub)
class StubFields {
  @Query(() => Stub)
  stub(): { id: number } {
    return { id: 7 };
  }

  @FieldResolver(() => String)
  described(@Root() stub: Stub): string {
    return `${stub instanceof Stub ? 'Stub' : 'plain'} ${stub.id}`;
  }
}

describe('resolvers called straight', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [SignedInOnly, Mixed, Pages, StubFields], construct: (cls) => new (cls as new () => unknown)(), referenceResolvers: {} });
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

  it('hands an arguments class without rules over as an instance with the values', async () => {
    expect(await anonymous('{ page(first: 3, after: "« curseur »") }')).toEqual({ data: { page: 'PageArgs 3 « curseur »' } });
  });

  it('still validates an arguments class with a rule, its own or inherited', async () => {
    expect(await anonymous('{ boundedPage(first: 5) }')).toEqual({ data: { boundedPage: 'first 5' } });
    for (const field of ['boundedPage(first: 6)', 'inheritedBoundPage(first: 6)', 'asyncBoundPage(first: 6)']) {
      const res = await anonymous(`{ ${field} }`);
      expect(res.data).toBeNull();
      expect(res.errors?.[0].message).toBe('Argument Validation Error');
      expect(res.errors?.[0].extensions?.validationErrors).toEqual([expect.objectContaining({ property: 'first', value: 6 })]);
    }
  });

  it('hands a parent declared as a class over as an instance of it, a plain object copied onto one', async () => {
    expect(await anonymous('{ stub { described } }')).toEqual({ data: { stub: { described: 'Stub 7' } } });
    const described = (schema.getType('Stub') as GraphQLObjectType).getFields().described.resolve!;
    expect(described({ id: 8 }, {}, {}, {} as never)).toBe('Stub 8');
    const stub = Object.assign(new Stub(), { id: 9 });
    expect(described(stub, {}, {}, {} as never)).toBe('Stub 9');
  });

  it('checks class-validator’s own rules in the call itself, refusing as TypeGraphQL does (a rejected promise); leaves other rules to TypeGraphQL', async () => {
    const fields = schema.getQueryType()!.getFields();
    const call = (name: string, args: Record<string, unknown>) => fields[name].resolve!(undefined, args, {}, {} as never);
    expect(call('boundedPage', { first: 4 })).toBe('first 4');
    await expect(call('boundedPage', { first: 6 })).rejects.toThrow('Argument Validation Error');
    await expect(call('inheritedBoundPage', { first: 6 })).rejects.toThrow('Argument Validation Error');
    for (const name of ['asyncBoundPage', 'throwingRulePage']) {
      const answer = call(name, { first: 4 });
      // TypeGraphQL's resolver: a promise even when the arguments pass.
      expect(answer).toBeInstanceOf(Promise);
      await expect(answer).resolves.toBe('first 4');
    }
  });

  it('answers what TypeGraphQL’s own resolvers answer, refusals and their order among other fields’ errors included', async () => {
    const plain = await buildSchema({ resolvers: [SignedInOnly, Mixed, Pages, StubFields], validate: { forbidUnknownValues: false }, authChecker });
    const queries = [
      '{ page(first: 3, after: "x") boundedPage(first: 2) inheritedBoundPage(first: 1, after: "y") }',
      '{ a: boundedPage(first: 6) b: failing c: page(first: 1) }',
      '{ a: boundedPage(first: 6) b: failingRequired }',
      '{ b: failingRequired a: inheritedBoundPage(first: 9) }',
      '{ throwingRulePage(first: -1) asyncBoundPage(first: 7) }',
      '{ stub { described } }',
    ];
    for (const source of queries) {
      const ours = await anonymous(source);
      const theirs = await graphql({ schema: plain, source, contextValue: await createRequestContext({}) });
      expect([source, JSON.stringify(ours)]).toEqual([source, JSON.stringify(theirs)]);
    }
  });
});
