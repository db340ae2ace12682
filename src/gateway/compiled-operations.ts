import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

/** Runs one prepared operation: its variables and the request's context in, its result out. */
export type PreparedOperation = {
  document: DocumentNode;
  run: (variables: Record<string, unknown> | undefined, context: unknown) => Promise<ExecutionResult> | ExecutionResult;
};

/**
 * Each distinct operation a subgraph receives, parsed, validated and compiled once. The gateway
 * sends the same few operation texts over and over: validating them on every request cost more
 * than executing them, and compiling them with graphql-jit (a function generated per operation
 * in place of graphql-js walking the document and the schema for each field) took the
 * in-process execution of the home page from 4.6 to ~3.x ms of CPU (`npm run bench:in-process`).
 *
 * An operation graphql-jit cannot compile (it refuses some documents graphql-js accepts) runs
 * with graphql-js `execute`, so behaviour never depends on the compiler's coverage. The cache
 * is bounded: past `max` distinct operations it starts over (clients cannot flood it with
 * texts the gateway never sends, since only the gateway's plans reach here).
 */
/** The operation-name slot of documents handed over parsed (`getParsed`): not a GraphQL name. */
const PARSED = '\u0000parsed';

export class CompiledOperations {
  /**
   * By operation name ('' for none), then by text. The gateway hands over the same text object
   * for a plan's fetch each time, whose hash V8 keeps on it: a key built by joining name and text
   * was a new string to hash (a kilobyte or two) on every fetch.
   */
  private readonly prepared = new Map<string, Map<string, PreparedOperation>>();
  private size = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: { max?: number; jit?: boolean } = {},
  ) {}

  /** The prepared operation, or the errors that stop it (syntax, validation) as a result. */
  get(query: string, operationName?: string | null): PreparedOperation | ExecutionResult {
    const hit = this.prepared.get(operationName ?? '')?.get(query);
    if (hit) return hit;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      return { errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
    }
    const errors = validate(this.schema, document);
    if (errors.length) return { errors };
    return this.remember(operationName ?? '', query, this.prepare(document, operationName ?? undefined));
  }

  /**
   * The same for a document already parsed (a client's, validated against another schema),
   * under a key of the caller's; `undefined` when it is not valid against this schema.
   */
  getParsed(key: string, document: DocumentNode, operationName?: string | null): PreparedOperation | undefined {
    // Under a name no operation text can collide with: the caller's keys are a space of their own.
    const hit = this.prepared.get(PARSED)?.get(key);
    if (hit) return hit;
    if (validate(this.schema, document).length) return undefined;
    return this.remember(PARSED, key, this.prepare(document, operationName ?? undefined));
  }

  private remember(name: string, key: string, prepared: PreparedOperation): PreparedOperation {
    if (this.size >= (this.options.max ?? 1000)) {
      this.prepared.clear();
      this.size = 0;
    }
    let named = this.prepared.get(name);
    if (!named) this.prepared.set(name, (named = new Map()));
    if (!named.has(key)) this.size += 1;
    named.set(key, prepared);
    return prepared;
  }

  private prepare(document: DocumentNode, operationName: string | undefined): PreparedOperation {
    const { schema } = this;
    if (this.options.jit !== false) {
      let compiled: ReturnType<typeof compileQuery<Record<string, unknown>, Record<string, unknown>>> | undefined;
      try {
        compiled = compileQuery<Record<string, unknown>, Record<string, unknown>>(schema, document, operationName, { disablingCapturingStackErrors: true });
      } catch {
        compiled = undefined;
      }
      if (compiled && isCompiledQuery(compiled)) {
        const query = compiled.query;
        return {
          document,
          run: (variables, context) => {
            const result = query(undefined, context, variables);
            return result instanceof Promise ? result.then(oneErrorPerNulledField) : oneErrorPerNulledField(result);
          },
        };
      }
    }
    return {
      document,
      run: (variableValues, contextValue) => execute({ schema, document, variableValues, operationName, contextValue }),
    };
  }
}

/**
 * graphql-js reports one error per field that an error nulled: when several non-null fields
 * under the same nullable one fail (the same bad argument on every item of a list), the first
 * error nulls that field and the others are dropped. graphql-jit reports them all; this keeps
 * the first of each such group, so clients see the same errors from either.
 */
export function oneErrorPerNulledField(result: ExecutionResult): ExecutionResult {
  const errors = result.errors;
  if (!errors || errors.length < 2) return result;
  const seen = new Set<string>();
  const kept = errors.filter((error) => {
    const path = error.path;
    if (!path) return true;
    let value: unknown = result.data;
    let depth = 0;
    while (depth < path.length && value != null && typeof value === 'object') {
      value = (value as Record<string | number, unknown>)[path[depth]];
      depth += 1;
    }
    // `depth` now ends at the field the error nulled (or the end of its path).
    const key = JSON.stringify(path.slice(0, depth));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length === errors.length ? result : { ...result, errors: kept };
}

/** Whether `get` answered with errors rather than an operation. */
export function isPrepared(value: PreparedOperation | ExecutionResult): value is PreparedOperation {
  return typeof (value as PreparedOperation).run === 'function';
}
