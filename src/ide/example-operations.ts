import fs from 'node:fs';
import path from 'node:path';

/** Who an example runs as: nobody, a signed-in reader, the demo editor, or an analytics job's service token. */
export type ExampleAuth = 'none' | 'reader' | 'editor' | 'analytics';

/** One operation of `examples/`: what the IDE opens in a tab and what test/examples runs against the demo. */
export type ExampleOperation = {
  /** `<group>/<name>`, e.g. `web/home-page`. */
  id: string;
  /** `web` (readers' pages), `admin` (the newsroom) or `analytics` (jobs). */
  group: string;
  /** The first comment line of the file. */
  title: string;
  auth: ExampleAuth;
  query: string;
  /** The `.json` beside it; `{{name}}` strings are filled from the IDE's environment (tokens, passwords). */
  variables: Record<string, unknown>;
};

export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

const AUTHS = new Set<ExampleAuth>(['none', 'reader', 'editor', 'analytics']);

/**
 * Reads every `examples/<group>/<name>.graphql` with its variables, in a stable order (groups
 * as listed, then by name). The header comment is the contract: line one is the title, and an
 * `# auth:` line says which credentials the operation needs.
 */
export function loadExampleOperations(dir = EXAMPLES_DIR): ExampleOperation[] {
  const groupOrder = ['web', 'admin', 'analytics'];
  const groups = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => rank(groupOrder, a) - rank(groupOrder, b) || a.localeCompare(b));
  const examples: ExampleOperation[] = [];
  for (const group of groups) {
    for (const file of fs.readdirSync(path.join(dir, group)).filter((f) => f.endsWith('.graphql')).sort()) {
      const name = file.slice(0, -'.graphql'.length);
      const query = fs.readFileSync(path.join(dir, group, file), 'utf8');
      const header = query.split('\n').filter((line) => line.startsWith('#'));
      const auth = /^#\s*auth:\s*(\S+)/m.exec(query)?.[1] as ExampleAuth | undefined;
      if (!auth || !AUTHS.has(auth)) throw new Error(`examples/${group}/${file}: needs an "# auth: none|reader|editor|analytics" line`);
      const varsFile = path.join(dir, group, `${name}.json`);
      const variables = fs.existsSync(varsFile) ? (JSON.parse(fs.readFileSync(varsFile, 'utf8')) as Record<string, unknown>) : {};
      examples.push({ id: `${group}/${name}`, group, title: header[0]?.replace(/^#\s*/, '') ?? name, auth, query, variables });
    }
  }
  return examples;
}

function rank(order: string[], group: string): number {
  const i = order.indexOf(group);
  return i === -1 ? order.length : i;
}
