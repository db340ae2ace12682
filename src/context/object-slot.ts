/**
 * A value kept on an object under a symbol of its own, not enumerable (a copy of the object
 * does not take it). Per-request values live so rather than in WeakMaps keyed by the request:
 * V8's young-generation collections treat a WeakMap's entries as strong, so a WeakMap that
 * outlives its requests kept every request's values alive until the next full collection and
 * each minor collection copied them to the old generation (see `perRequest`).
 */
export function objectSlot<O extends object, T>(name: string): { get(owner: O): T | undefined; set(owner: O, value: T): void } {
  const slot = Symbol(name);
  return {
    get: (owner) => (owner as Record<symbol, T | undefined>)[slot],
    set: (owner, value) => void Object.defineProperty(owner, slot, { value, configurable: true }),
  };
}
