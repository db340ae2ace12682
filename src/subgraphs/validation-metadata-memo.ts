import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const memoized = new WeakSet<Storage>();

/**
 * class-validator looks a class's rules up again on every validation: it filters the class's
 * own rules and then tests every class it holds rules for with `instanceof` to collect
 * inherited ones. With this project's input and argument classes that look-up was most of a
 * `validateSync` of `related(first:)` (about 10 µs), 2.8 % of the article page's CPU profile
 * in process, for an answer that cannot change once the decorators have run.
 *
 * Answers are kept per class and options (without validation groups; a call with groups looks
 * up as before), and all of them are dropped whenever a rule is added, so a class declared
 * later is seen as before. class-validator only reads the list it gets back.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let kept = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.addValidationMetadata = (metadata) => {
    kept = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    let ofTarget = kept.get(target);
    if (!ofTarget) kept.set(target, (ofTarget = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
