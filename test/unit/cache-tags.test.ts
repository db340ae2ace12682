import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { cacheTagsOf, tagsToPurge } from '../../src/cache/cache-tags';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
const tags = (query: string, data: unknown) => cacheTagsOf(schema, parse(query), null, data);

describe('cache tags of an answer', () => {
  it('names each article with its id, and lists as lists', () => {
    const query = `{ rubric(slug: "monde") { id name articles(first: 2) { nodes { id title } } } }`;
    const data = { rubric: { id: '3', name: 'Monde', articles: { nodes: [{ id: '10', title: 'A' }, { id: '11', title: 'B' }] } } };
    expect(tags(query, data)).toEqual(['Article:10', 'Article:11', 'Rubric:3', 'list:Article']);
  });

  it('falls back to the type when the id is not selected, through fragments and aliases', () => {
    const query = `query { une: article(slug: "x") { ...Card } } fragment Card on Article { title rubric { name } }`;
    const data = { une: { title: 'A', rubric: { name: 'Monde' } } };
    expect(tags(query, data)).toEqual(['Article', 'Rubric']);
  });

  it('tags the home page', () => {
    const query = `{ homePage { selection { id title } } }`;
    expect(tags(query, { homePage: { selection: [{ id: '5', title: 'A' }] } })).toEqual(['Article:5', 'HomePage', 'list:Article']);
  });

  it('tags nothing for a missing answer', () => {
    expect(tags(`{ article(slug: "x") { id } }`, { article: null })).toEqual([]);
  });
});

describe('tags an event purges', () => {
  it('purges an article, its lists and the home page when it is published', () => {
    expect(tagsToPurge({ type: 'article.published', articleId: 10 })).toEqual(['Article:10', 'Article', 'list:Article', 'HomePage']);
  });

  it('covers every answer the event can change', () => {
    const query = `{ rubric(slug: "monde") { id articles(first: 2) { nodes { id } } } }`;
    const answer = tags(query, { rubric: { id: '3', articles: { nodes: [{ id: '10' }] } } });
    // A newly published article 99 is not in the answer, but belongs in its list.
    expect(tagsToPurge({ type: 'article.published', articleId: 99 }).some((t) => answer.includes(t))).toBe(true);
    expect(tagsToPurge({ type: 'rubric.changed', rubricId: 3 }).some((t) => answer.includes(t))).toBe(true);
    expect(tagsToPurge({ type: 'frontpage.changed' }).some((t) => answer.includes(t))).toBe(false);
  });
});
