import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { gatewayModule } from './apollo-internals';

type OperationFromDocument = (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => unknown;
type OperationsModule = { operationFromDocument: OperationFromDocument & { memoized?: true } };

/**
 * Apollo Gateway turns the client's operation into its planner's form
 * (`operationFromDocument` of @apollo/federation-internals) again on every request it runs
 * through a query plan, only to shape the subgraphs' answers with it (`executeQueryPlan`),
 * although the plan itself is cached. The result depends on the API schema and the operation's
 * syntax tree alone, and Apollo Server hands the same tree to every request of the same text
 * (its parsed-document cache). Measured on the article page (a plan of six fetches over four
 * subgraphs), in process: the conversion was 5.8 % of the CPU profile under load.
 *
 * The gateway has no option for this, so the module's export is wrapped, once per process:
 * the call `executeQueryPlan` makes (`validate: false`, a document of the operation and its
 * fragments) is answered from a cache keyed by the schema and the operation node, weakly held,
 * so entries go when Apollo Server's document cache drops the tree. Any other call (planning,
 * with validation) goes to the original. Returns whether the wrap is in place, so that a
 * release of Apollo Gateway that moves the function shows in `test/unit/operation-memo.test.ts`
 * instead of silently costing the time again.
 */
export function memoizeGatewayOperations(): boolean {
  let operations: OperationsModule;
  try {
    operations = gatewayModule<OperationsModule>('@apollo/federation-internals/dist/operations');
  } catch {
    return false;
  }
  const original = operations.operationFromDocument;
  if (typeof original !== 'function') return false;
  if (original.memoized) return true;
  const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, unknown>>();
  const memoized: OperationsModule['operationFromDocument'] = (schema, document, options) => {
    const operation = document.definitions[0];
    if (options?.validate !== false || options.operationName !== undefined || operation?.kind !== 'OperationDefinition') {
      return original(schema, document, options);
    }
    let cache = bySchema.get(schema);
    if (!cache) bySchema.set(schema, (cache = new WeakMap()));
    let converted = cache.get(operation);
    if (converted === undefined) cache.set(operation, (converted = original(schema, document, options)));
    return converted;
  };
  memoized.memoized = true;
  operations.operationFromDocument = memoized;
  return true;
}
