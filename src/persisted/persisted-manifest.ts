import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Registered operations: sha256 (hex) of the document → the document. */
export type PersistedManifest = ReadonlyMap<string, string>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

type ApolloManifest = { format: 'apollo-persisted-query-manifest'; version: 1; operations: Array<{ id: string; body: string }> };

/**
 * Reads a manifest in Apollo's format (`@apollo/generate-persisted-query-manifest`:
 * `{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, body, … }] }`)
 * or as a plain object `{ "<sha256>": "<document>" }`. Every id must be the sha256 of its
 * document, as clients compute it for automatic persisted queries; a mismatch stops the start.
 */
export function parsePersistedManifest(json: string, source = 'manifest'): PersistedManifest {
  const data = JSON.parse(json) as ApolloManifest | Record<string, unknown>;
  const entries: Array<[string, unknown]> =
    data && (data as ApolloManifest).format === 'apollo-persisted-query-manifest'
      ? (data as ApolloManifest).operations.map((op) => [op.id, op.body])
      : Object.entries(data);
  const manifest = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof body !== 'string') throw new Error(`${source}: the operation ${id} has no document`);
    if (sha256Hex(body) !== id.toLowerCase()) throw new Error(`${source}: ${id} is not the sha256 of its document`);
    manifest.set(id.toLowerCase(), body);
  }
  return manifest;
}

export function loadPersistedManifest(file: string): PersistedManifest {
  return parsePersistedManifest(fs.readFileSync(file, 'utf8'), file);
}
