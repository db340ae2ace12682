import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { generateSchemaFiles } from '../../src/gateway/schema-files';

describe('committed schema artifacts', () => {
  it('match what `npm run schema` generates (run it and commit the diff)', async () => {
    const files = await generateSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(['accounts.graphql', 'api.graphql', 'audience.graphql', 'discussion.graphql', 'editorial.graphql', 'supergraph.graphql']);
    for (const [name, text] of Object.entries(files)) {
      const committed = fs.readFileSync(path.resolve(__dirname, '../../schema', name), 'utf8');
      expect({ name, text: committed }).toEqual({ name, text });
    }
  });

  it('compose into a supergraph whose API keeps entity keys and documents every type', async () => {
    const files = await generateSchemaFiles();
    expect(files['editorial.graphql']).toMatch(/type Article\s+@key\(fields: "id"\)/);
    for (const entity of ['Rubric', 'Author', 'Tag', 'MagazineIssue']) {
      expect(files['editorial.graphql']).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    }
    expect(files['accounts.graphql']).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(files['discussion.graphql']).toMatch(/type Comment\s+@key\(fields: "id"\)/);
    expect(files['discussion.graphql']).toMatch(/type Article\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s/);
    expect(files['audience.graphql']).toMatch(/type Article\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s/);
    expect(files['audience.graphql']).toMatch(/type HomePage\s+@key\(fields: "id"\)/);
    const api = buildSchema(files['api.graphql']);
    const undocumented = Object.values(api.getTypeMap())
      .filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name))
      .filter((t) => !t.description && !/(Edge|Connection)$/.test(t.name) && !['Query', 'Mutation'].includes(t.name))
      .map((t) => t.name);
    expect(undocumented).toEqual([]);
  });
});
