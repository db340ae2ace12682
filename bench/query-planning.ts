/**
 * Query planning alone, in this process: Apollo's planner (the one inside @apollo/gateway, same
 * version) against the Hive Router's Rust planner, from the same supergraph and the same
 * operation text. Hive Gateway's default JavaScript runtime has no separate planning step to
 * time: it plans each field's delegation while it executes.
 */
import { parse } from 'graphql';
// Imported from @apollo/gateway's own dependencies: the planner it runs, not a second copy.
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner as ApolloQueryPlanner } from '@apollo/query-planner';
import { QueryPlanner as RustQueryPlanner } from '@graphql-hive/router-query-planner';

export type Operation = { name: string; query: string; operationName: string };
export type PlanningRow = { planner: string; operation: string; setupMs: number; coldMs: number; warmMs: number; fetches: number };

/** The subgraph fetches a plan makes (Apollo's and the Rust planner's plans share the node kinds). */
function countFetches(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'Fetch' || kind === 'BatchFetch') return 1;
  return Object.values(node).reduce((sum: number, child) => sum + (Array.isArray(child) ? child.reduce((s: number, c) => s + countFetches(c), 0) : countFetches(child)), 0);
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Plans each operation once on a fresh planner (cold), then `n` times more (warm: the median). */
function measure(planner: string, setup: () => (op: Operation) => unknown, operations: Operation[], n: number): PlanningRow[] {
  const built = time(setup);
  return operations.map((op) => {
    const cold = time(() => built.value(op));
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(time(() => built.value(op)).ms);
    times.sort((a, b) => a - b);
    return { planner, operation: op.name, setupMs: built.ms, coldMs: cold.ms, warmMs: times[Math.floor(n / 2)], fetches: countFetches(cold.value) };
  });
}

/**
 * Both planners over the same operations. Apollo's is given the query text like the Rust one
 * (so its time includes graphql-js parsing, a small part); neither caches plans here, which
 * both gateways do per operation in front of their planner.
 */
export function measurePlanning(supergraphSdl: string, operations: Operation[], n: number): PlanningRow[] {
  return [
    ...measure(
      'Apollo (JavaScript)',
      () => {
        const supergraph = Supergraph.build(supergraphSdl);
        const api = supergraph.apiSchema();
        const planner = new ApolloQueryPlanner(supergraph);
        return (op) => planner.buildQueryPlan(operationFromDocument(api, parse(op.query), { operationName: op.operationName }));
      },
      operations,
      n,
    ),
    ...measure(
      'Hive Router (Rust)',
      () => {
        const planner = new RustQueryPlanner(supergraphSdl);
        const labels = new Set<string>();
        return (op) => planner.plan(op.query, op.operationName, labels, 0);
      },
      operations,
      n,
    ),
  ];
}
