import path from 'node:path';

export type SubgraphName = 'editorial' | 'accounts' | 'discussion' | 'audience';

/**
 * Where a subgraph keeps its tables. `DATABASE_URL=mysql://…` puts every subgraph in that
 * database (each with its own tables); `<SUBGRAPH>_DATABASE_URL` moves one elsewhere. Without
 * either, each subgraph gets its own SQLite file under DATA_DIR (default ./data), which also
 * makes a cross-subgraph SQL join impossible by construction. `READ_REPLICA_URLS` (or
 * `<SUBGRAPH>_READ_REPLICA_URLS`), comma-separated MySQL URLs of replicas of that database,
 * sends reads there (see read-routing.ts).
 */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; url: string; database: string; replicas?: string[] };

export function databaseTarget(subgraph: SubgraphName, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env[`${subgraph.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (!url || url.startsWith('sqlite:')) {
    const explicit = url?.slice('sqlite:'.length).replace(/^\/\//, '');
    const dir = env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
    return { kind: 'sqlite', file: explicit || path.join(dir, `${subgraph}.sqlite`) };
  }
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new Error(`DATABASE_URL must name a database: ${redact(url)}`);
    const replicas = (env[`${subgraph.toUpperCase()}_READ_REPLICA_URLS`] ?? env.READ_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
      .map((u) => new URL(u.replace(/^mariadb:/, 'mysql:')).toString());
    return { kind: 'mysql', url: parsed.toString(), database, ...(replicas.length ? { replicas } : {}) };
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${redact(url)} (use mysql:// or leave unset for SQLite)`);
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
