import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ContentEventSource } from '../events/content-events';
import { cachePolicy, type CachePolicy } from './cache-policy';
import { cacheTagsOf } from './cache-tags';
import { createResponseCacheStore, type CacheLookup, type CachedResponse, type ResponseCacheStore } from './response-cache-store';

export type CacheableRequest = { query: string; variables?: unknown; operationName?: string | null; extensions?: unknown };

const MAX_MEMOISED_QUERY_CHARS = 16 * 1024;

/** No public page needs more; larger documents are never cached (and the limits refuse them). */
const MAX_CACHEABLE_TOKENS = 2_000;

const API_SCHEMA_FILE = path.resolve(__dirname, '../../schema/api.graphql');

/** A cacheable request's operation, parsed (null when it does not parse), and its policy. */
type ReadOperation = { policy: CachePolicy; document: DocumentNode | null };

/**
 * The full-response cache in front of the gateway. Only anonymous requests (no Authorization,
 * no Cookie) are looked up or stored, and only queries whose every root field is listed as
 * public: a personal answer never enters the shared cache. Any content event purges it.
 */
export class ResponseCache {
  private readonly schema: GraphQLSchema;
  private readonly unsubscribe: () => void;
  private readonly policies = new Map<string, ReadOperation>();

  constructor(
    readonly store: ResponseCacheStore = createResponseCacheStore(),
    schemaSdl = fs.readFileSync(API_SCHEMA_FILE, 'utf8'),
    /** The process's content events: any of them purges the cache. */
    events?: ContentEventSource,
  ) {
    this.schema = buildSchema(schemaSdl);
    this.unsubscribe = events ? events.subscribe(() => this.store.purge()) : () => undefined;
  }

  /** Whether a request may use the shared cache at all. */
  static isAnonymous(headers: Record<string, string>): boolean {
    return !headers.authorization && !headers.cookie;
  }

  policy(request: CacheableRequest): CachePolicy {
    return this.read(request).policy;
  }

  /**
   * The cache tags of an answer to a cacheable request (cache-tags.ts), for the edge's
   * `Surrogate-Key` header; empty when the answer cannot be read.
   */
  tags(request: CacheableRequest, body: string): string[] {
    const { document } = this.read(request);
    if (!document) return [];
    try {
      return cacheTagsOf(this.schema, document, request.operationName, (JSON.parse(body) as { data?: unknown }).data);
    } catch {
      return [];
    }
  }

  /** The operation parsed once, with its policy: `policy` and `tags` of one request share it. */
  private read(request: CacheableRequest): ReadOperation {
    const memo = `${request.operationName ?? ''}\u0000${request.query}`;
    let read = this.policies.get(memo);
    if (!read) {
      try {
        // Bounded like the gateway's own parse: an oversized document is refused there anyway,
        // and parsing all of it here first would cost what the token limit exists to avoid.
        const document = parse(request.query, { maxTokens: MAX_CACHEABLE_TOKENS });
        read = { policy: cachePolicy(this.schema, document, request.operationName), document };
      } catch {
        read = { policy: { cacheable: false }, document: null };
      }
      // Memoise only operations of a plausible size: the memo holds its keys, and 2000 keys of
      // 1 MiB each would be the very memory blow-up the byte-bounded store prevents.
      if (memo.length <= MAX_MEMOISED_QUERY_CHARS) {
        if (this.policies.size > 2000) this.policies.clear();
        this.policies.set(memo, read);
      }
    }
    return read;
  }

  key(request: CacheableRequest): string {
    return createHash('sha256')
      .update(JSON.stringify([request.operationName ?? null, request.query, request.variables ?? null]))
      .digest('base64url');
  }

  get(key: string): Promise<CacheLookup> {
    return this.store.get(key);
  }

  set(key: string, value: CachedResponse, generation: number): Promise<void> {
    return this.store.set(key, value, generation);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.store.close();
  }
}
