/** Hostile operations from issue 10, built at the sizes the issue measured. */

/** `rubric(slug) { children { parent { children { parent … } } } }`, `levels` fields deep below `rubric`. */
export function nestedRubrics(levels: number, slug = 'monde'): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `${i % 2 === 0 ? 'children' : 'parent'} { ${inner} }`;
  return `{ rubric(slug: "${slug}") { ${inner} } }`;
}

/** `count` aliases of `search(query: "de", first: 100)`. */
export function aliasedSearches(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `s${i}: search(query: "de", first: 100) { nodes { title } }`);
  return `{ ${fields.join(' ')} }`;
}

/** `count` differently named aliases of a scalar field. */
export function aliasedFields(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `f${i}: title`);
  return `{ articles(first: 1) { nodes { ${fields.join(' ')} } } }`;
}

/** `articles(first: 100)` nested three levels through each card's rubric. */
export const NESTED_FIRST_100 = `{
  articles(first: 100) { nodes { rubric { articles(first: 100) { nodes { rubric { articles(first: 100) { nodes { title } } } } } } } }
}`;

/** `count` directives, one per aliased field. */
export function directives(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `t${i}: __typename @include(if: true)`);
  return `{ ${fields.join(' ')} }`;
}

export const CIRCULAR_FRAGMENTS = `
query { rubric(slug: "monde") { ...A } }
fragment A on Rubric { children { ...B } }
fragment B on Rubric { parent { ...A } }`;

/** `count` root fields without an alias worth counting (`__typename` aliases are free). */
export function rootFields(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `r${i}: __typename`).join(' ')} }`;
}

/** A long document without aliases: `count` spreads of one small fragment (two tokens each). */
export function repeatedSpreads(count: number): string {
  return `{ articles(first: 1) { nodes { ${Array(count).fill('...Title').join(' ')} } } } fragment Title on Article { title }`;
}
