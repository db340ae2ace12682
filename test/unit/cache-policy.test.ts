import { buildSchema, parse } from 'graphql';
import { cachePolicy } from '../../src/cache/cache-policy';

const schema = buildSchema(`
  type Query { article(slug: String): Article  homePage: HomePage  me: User  rubrics: [Rubric] }
  type Mutation { publish: Boolean }
  type Article { id: ID  title: String  viewCount: Int  author: User }
  type HomePage { trending: [Article] }
  type Rubric { name: String }
  type User { id: ID  email: String }
`);

const policy = (q: string, op?: string) => cachePolicy(schema, parse(q), op);

describe('shared-cache policy', () => {
  it('takes the shortest lifetime of the root fields and fields selected', () => {
    expect(policy('{ rubrics { name } }')).toEqual({ cacheable: true, maxAge: 300 });
    expect(policy('{ rubrics { name } article(slug: "x") { title } }')).toEqual({ cacheable: true, maxAge: 60 });
    expect(policy('{ homePage { trending { id } } }')).toEqual({ cacheable: true, maxAge: 30 });
    expect(policy('query A { rubrics { name } } query B { article { id } }', 'B')).toEqual({ cacheable: true, maxAge: 60 });
  });

  it('refuses personal data, unlisted root fields, mutations and ambiguous documents', () => {
    expect(policy('{ me { id } }').cacheable).toBe(false);
    expect(policy('{ article { author { id } } }')).toEqual({ cacheable: true, maxAge: 60 });
    expect(policy('{ article { author { email } } }').cacheable).toBe(false);
    expect(policy('{ article { ...F } } fragment F on Article { author { email } }').cacheable).toBe(false);
    expect(policy('mutation { publish }').cacheable).toBe(false);
    expect(policy('query A { rubrics { name } } query B { rubrics { name } }').cacheable).toBe(false);
    expect(policy('{ __typename }').cacheable).toBe(false);
  });
});
