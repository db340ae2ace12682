import type { EntityManager } from 'typeorm';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: number | null;
  userId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Appends to the audit log inside the caller's transaction: the entry exists if and only if the change does. */
export async function recordAudit(m: EntityManager, record: AuditRecord, now = new Date()): Promise<void> {
  const entry = m.getRepository(EditorialAuditEntry).create({
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    userId: record.userId,
    before: record.before ?? null,
    after: record.after ?? null,
    createdAt: now,
  });
  await m.getRepository(EditorialAuditEntry).save(entry);
}
