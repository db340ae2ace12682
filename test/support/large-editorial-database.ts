import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabases, closeDatabases } from '../../src/app/open-databases';
import type { DatabaseTarget } from '../../src/db/database-config';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';

/**
 * Bump when something the cache key cannot see changes what the seeded database should hold.
 * The key already covers the editorial migrations, the seeder's sources and the options.
 */
export const LARGE_EDITORIAL_CACHE_VERSION = '1';

/**
 * A Jest timeout for the hook that calls largeEditorialDatabase: seeding 100k articles takes
 * about 20 s on an idle 2-core machine, over two minutes when it is shared.
 */
export const LARGE_EDITORIAL_BUILD_TIMEOUT_MS = 600_000;

export type LargeEditorialOptions = { articles?: number; seed?: number; version?: string };

export type LargeEditorialDatabase = {
  /** Where the editorial subgraph should keep its tables: a private copy of the cached database. */
  target: DatabaseTarget;
  /** True when this call had to seed the cache (cold), false when it copied it (warm). */
  built: boolean;
  /** Milliseconds this call took, seeding included. */
  ms: number;
  cleanup(): void;
};

const SEED_SOURCES = ['src/seed/editorial-seeder.ts', 'src/seed/french-text.ts', 'src/seed/newsroom-rubrics.ts', 'src/search/fold-text.ts'];

function cacheKey(options: Required<LargeEditorialOptions>): string {
  const root = path.resolve(__dirname, '../..');
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ...options, migrations: editorialSubgraph.migrations.sqlite.map((m) => (m as Function).name) }));
  for (const file of SEED_SOURCES) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A published editorial database of `articles` (default 100,000) benchmark-sized articles on
 * SQLite, for suites that need an archive of realistic size (the hostile-input suite's search
 * for common words, say). The first call on a machine seeds it with the project's own seeder
 * into os.tmpdir(), without durability (nothing to recover if it crashes: it is rebuilt), and
 * renames it into place so a concurrent run never sees half of it; every call then gets its
 * own copy (a reflink where the file system has them), because the supergraph writes (WAL,
 * scheduler) and suites must not see each other's changes. Only the editorial subgraph's
 * database is built: the others start empty.
 */
export async function largeEditorialDatabase(options: LargeEditorialOptions = {}): Promise<LargeEditorialDatabase> {
  const started = Date.now();
  const resolved = { articles: options.articles ?? 100_000, seed: options.seed ?? 42, version: options.version ?? LARGE_EDITORIAL_CACHE_VERSION };
  const cacheDir = path.join(os.tmpdir(), 'newsroom-test-cache');
  const cached = path.join(cacheDir, `editorial-${resolved.articles}-${cacheKey(resolved)}.sqlite`);
  let built = false;
  if (!fs.existsSync(cached)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    await build(cached, resolved);
    built = true;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-large-'));
  const file = path.join(dir, 'editorial.sqlite');
  fs.copyFileSync(cached, file, fs.constants.COPYFILE_FICLONE);
  return {
    target: { kind: 'sqlite', file },
    built,
    ms: Date.now() - started,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function build(cached: string, options: Required<LargeEditorialOptions>): Promise<void> {
  const building = `${cached}.${process.pid}.building`;
  fs.rmSync(building, { force: true });
  const dataSources = await openDatabases([editorialSubgraph], { targets: { editorial: { kind: 'sqlite', file: building } } });
  try {
    const ds = dataSources.get('editorial')!;
    // A scratch build: no journal, no fsync, big batches. Safe because a crash leaves only the
    // `.building` file, which is never used.
    await ds.query('PRAGMA journal_mode = OFF');
    await ds.query('PRAGMA synchronous = OFF');
    await seedEditorial(ds, { articles: options.articles, seed: options.seed, paragraphs: 1, batchSize: 2000 });
    await ds.query(`INSERT INTO article_search(article_search) VALUES ('optimize')`);
    await ds.query('PRAGMA journal_mode = DELETE');
  } finally {
    await closeDatabases(dataSources);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${building}${suffix}`, { force: true });
  fs.renameSync(building, cached);
}
