/** Regenerates schema/: each subgraph's SDL, the composed supergraph and the client API schema. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { generateSchemaFiles } from '../gateway/schema-files';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../schema');
  fs.mkdirSync(dir, { recursive: true });
  const files = await generateSchemaFiles();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  console.log(`Wrote ${Object.keys(files).map((f) => `schema/${f}`).join(', ')}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
