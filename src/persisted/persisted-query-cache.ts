import { InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
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
  const cache: KeyValueCache<string> = {
    async get(hash) {
      return manifest?.get(hash) ?? registered.get(hash);
    },
    async set(hash, document, setOptions) {
      if (!manifest?.has(hash)) await registered.set(hash, document, setOptions);
    },
    async delete(hash) {
      return registered.delete(hash);
    },
  };
  // The cache serves persisted queries only, so Apollo's "apq:" key prefix would be noise,
  // and the manifest is keyed by the bare hash.
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(cache);
}
