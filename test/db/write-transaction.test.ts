import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { exclusive } from '../../src/db/write-transaction';
import { backends, scratchTargets } from '../support/backends';

/**
 * Overlapping transactions on one database, as two requests make them: one that waits on
 * something outside the database (a token being signed) and then fails, and one that starts
 * meanwhile and succeeds. Each must keep its own outcome.
 */
describe.each(backends())('write transactions (%s)', (backend) => {
  let ds: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const scratch = scratchTargets(backend, 'write_tx', ['accounts']);
    cleanup = scratch.cleanup;
    ds = await createDataSource({ subgraph: 'accounts', entities: [], migrations: { sqlite: [], mysql: [] }, target: scratch.targets.accounts });
    await ds.initialize();
    await ds.query('CREATE TABLE probe (id INT PRIMARY KEY)');
  });
  afterAll(async () => {
    await ds?.destroy();
    await cleanup?.();
  });

  const ids = async () => ((await ds.query('SELECT id FROM probe ORDER BY id')) as Array<{ id: number }>).map((r) => Number(r.id));

  it('keeps a transaction that succeeded while an overlapping one failed', async () => {
    const failing = ds.transaction(async (m) => {
      await m.query('INSERT INTO probe (id) VALUES (1)');
      await sleep(30);
      throw new Error('refused after waiting');
    });
    await sleep(5);
    const succeeding = ds.transaction(async (m) => {
      await m.query('INSERT INTO probe (id) VALUES (2)');
      return 'saved';
    });
    await expect(failing).rejects.toThrow('refused after waiting');
    await expect(succeeding).resolves.toBe('saved');
    expect(await ids()).toEqual([2]);
  });

  it('rolls back a failed transaction that overlapped one that succeeded', async () => {
    const succeeding = ds.transaction(async (m) => {
      await m.query('INSERT INTO probe (id) VALUES (3)');
      await sleep(30);
      return 'saved';
    });
    await sleep(5);
    const failing = ds.transaction(async (m) => {
      await m.query('INSERT INTO probe (id) VALUES (4)');
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    await expect(succeeding).resolves.toBe('saved');
    expect(await ids()).toEqual([2, 3]);
  });

  it('runs a transaction opened inside another at once, as part of it', async () => {
    await ds.transaction(async () => {
      await ds.transaction((m) => m.query('INSERT INTO probe (id) VALUES (5)'));
    });
    expect(await ids()).toEqual([2, 3, 5]);
  });

  it('lets a read wait until no transaction is in progress, so it never sees uncommitted rows', async () => {
    const writing = ds.transaction(async (m) => {
      await m.query('INSERT INTO probe (id) VALUES (6)');
      await sleep(30);
      throw new Error('changed my mind');
    });
    await sleep(5);
    const read = await exclusive(ds, ids);
    await expect(writing).rejects.toThrow('changed my mind');
    expect(read).toEqual([2, 3, 5]);
  });
});
