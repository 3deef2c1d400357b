// Saving one versioned record of a case (app/cases/versions.server.ts): the
// form names the version it was made from (0 for a record not made yet); a
// save from any other version, or one that loses a race, saves nothing and
// answers the record's version with the changes made since, for the form's
// refusal. Each save is audited with the version it made and the fields it
// changed, its subject the record itself.
import { recordAudit, type AuditAction, type AuditSubject } from "~/audit-trail/audit-trail.server";
import { changedFields, changesSince, versionDetails, type LaterChange } from "~/cases/versions.server";
import type { Prisma } from "~/db.server";

export type VersionedRecord<T> = {
  /** The record as it is now, or null. */
  find: () => Promise<(T & { id: string; version: number }) | null>;
  /** Makes it at version 1; answers 0 when another save made it first (a unique key: skipDuplicates). */
  create: (data: T & { version: number }) => Promise<number>;
  /** Changes it only if it is still at `version`; answers how many rows changed. */
  update: (id: string, version: number, data: T & { version: number }) => Promise<number>;
};

export type VersionedSave = { saved: true; id: string; version: number } | { saved: false; current: number; changes: LaterChange[] };

type Audit = { request: Request; who: string; what: AuditAction; type: AuditSubject["type"]; caseId: string };

export async function saveVersioned<T extends Record<string, unknown>>(
  tx: Prisma.TransactionClient,
  record: VersionedRecord<T>,
  sent: { version: number; data: T },
  audit: Audit,
): Promise<VersionedSave> {
  const before = await record.find();
  const version = (before?.version ?? 0) + 1;
  const refused = async (): Promise<VersionedSave> => {
    const now = await record.find();
    if (!now) return { saved: false, current: 0, changes: [] };
    return { saved: false, current: now.version, changes: await changesSince(tx, { type: audit.type, id: now.id }, sent.version) };
  };
  if ((before?.version ?? 0) !== sent.version) return refused();
  const count = before
    ? await record.update(before.id, sent.version, { ...sent.data, version })
    : await record.create({ ...sent.data, version });
  if (count === 0) return refused();
  const id = before?.id ?? (await record.find())!.id;
  await recordAudit(
    audit.request,
    {
      who: audit.who,
      what: audit.what,
      subject: { type: audit.type, id },
      caseId: audit.caseId,
      details: versionDetails(version, changedFields<T>(before, sent.data)),
    },
    tx,
  );
  return { saved: true, id, version };
}
