import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabase } from '../../src/db/data-source';
import type { DatabaseTarget, SubgraphName } from '../../src/db/database-config';

export type Backend = 'sqlite' | 'mysql';

/** SQLite always; MariaDB/MySQL too whenever TEST_MYSQL_URL is set. */
export function backends(): Backend[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

let counter = 0;

/**
 * Fresh, empty databases for one test suite: temporary SQLite files, or scratch MySQL
 * databases named after the suite. `cleanup` removes them.
 */
export function scratchTargets(backend: Backend, label: string, subgraphs: SubgraphName[]) {
  counter += 1;
  const tag = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${counter}`;
  const targets: Partial<Record<SubgraphName, DatabaseTarget>> = {};
  const cleanups: Array<() => Promise<void>> = [];
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-${tag}-`));
    for (const s of subgraphs) targets[s] = { kind: 'sqlite', file: path.join(dir, `${s}.sqlite`) };
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  } else {
    const server = new URL(process.env.TEST_MYSQL_URL!);
    for (const s of subgraphs) {
      const url = new URL(server.toString());
      url.pathname = `/t_${tag}_${s}`.slice(0, 64);
      targets[s] = { kind: 'mysql', url: url.toString(), database: url.pathname.slice(1) };
      cleanups.push(() => dropMysqlDatabase(url.toString()));
    }
  }
  return {
    targets,
    async cleanup() {
      for (const c of cleanups) await c();
    },
  };
}
