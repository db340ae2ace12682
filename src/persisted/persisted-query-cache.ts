import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { PersistedManifest } from './persisted-manifest';

/**
 * The store of Apollo Server's automatic persisted queries: the registered operations of the
 * manifest (read-only), then operations clients registered themselves, in an LRU bounded by
 * the bytes of the documents it holds (a client registering endless distinct documents
 * evicts old ones instead of growing the heap).
 */
export function persistedQueryCache(options: { maxBytes: number; manifest?: PersistedManifest }): KeyValueCache<string> {
  const registered = new InMemoryLRUCache<string>({
    maxSize: options.maxBytes,
    // Bytes of the document, plus the key and bookkeeping (lru-cache refuses a size of 0).
    sizeCalculation: (document: string) => Buffer.byteLength(document, 'utf8') + 100,
  });
  const manifest = options.manifest;
  // Apollo Server prefixes the keys of this cache with "apq:"; the manifest is keyed by the bare hash.
  const hashOf = (key: string) => key.replace(/^apq:/, '');
  return {
    async get(key) {
      return manifest?.get(hashOf(key)) ?? registered.get(key);
    },
    async set(key, document, setOptions) {
      if (!manifest?.has(hashOf(key))) await registered.set(key, document, setOptions);
    },
    async delete(key) {
      return registered.delete(key);
    },
  };
}
