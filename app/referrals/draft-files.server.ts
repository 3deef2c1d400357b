// Files kept with a referral draft until it is sent (referrals/submit.server.ts
// moves them to the case). Unsent files are what an anonymous visitor can put
// on our disk, so they are bounded every way: a number per draft that holds
// under parallel uploads, bytes per address per hour (limits.server.ts), a
// quota across all drafts (the team is told when it is near), and deletion
// REFERRAL_FILE_HOURS after upload, sooner than the draft's answers. A
// referrer can delete the whole draft, files and all, at any time.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { sanitiseFilename, sniffFileType } from "~/documents/file-types";
import { deleteStoredFile, storeFile, type StoredFile } from "~/documents/storage.server";
import { attachmentErrors, type AttachmentUpload } from "~/documents/uploads.server";
import { queueEmail } from "~/messages/outbox.server";
import { unsentFilesAlertEmail } from "./emails";

const MB = 1024 * 1024;
const HOUR_MS = 3_600_000;
/** The team is told when unsent files pass this share of their quota, at most once a day. */
const QUOTA_ALERT_SHARE = 0.8;
const QUOTA_ALERT_EVERY_MS = 24 * HOUR_MS;
/** Serialises attaching, so the number per draft and the quota are exact under parallel uploads. */
const ATTACH_LOCK = 72_616_004;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AttachResult =
  | { ok: true; documents: { id: string; filename: string; mediaType: string; sizeBytes: number; sha256: string }[] }
  | { ok: false; error: string; status: 400 | 503 };

/**
 * Stores the files and records them as attachments of the draft: all of
 * them, or none with the reason. The content is sniffed again and the names
 * sanitised again (both idempotent), so a caller cannot store what
 * readAttachmentUploads would have refused. Throws for a draft that does not
 * exist or has been sent.
 */
export async function attachToDraft(draftId: string, files: AttachmentUpload[]): Promise<AttachResult> {
  const checked = files.map((file) => {
    const type = sniffFileType(file.bytes);
    if (!type) throw new Error("attachToDraft: not an accepted file type");
    return { filename: sanitiseFilename(file.filename, type.extension), mediaType: type.mediaType, bytes: file.bytes };
  });
  const stored: StoredFile[] = [];
  let result: AttachResult | undefined;
  try {
    for (const file of checked) stored.push(await storeFile(file.bytes));
    const adding = stored.reduce((sum, f) => sum + f.sizeBytes, 0);
    result = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ATTACH_LOCK})`;
      const [draft] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "ReferralDraft" WHERE "id" = ${draftId}::uuid AND "submittedReference" IS NULL FOR UPDATE`;
      if (!draft) throw new Error("attachToDraft: no such draft, or it has been sent");
      const { ATTACHMENT_MAX_FILES, UNSENT_FILES_QUOTA_MB } = env();
      const attached = await tx.document.count({ where: { draftId } });
      if (attached + files.length > ATTACHMENT_MAX_FILES) {
        return { ok: false as const, error: attachmentErrors.tooMany(ATTACHMENT_MAX_FILES), status: 400 as const };
      }
      const quota = UNSENT_FILES_QUOTA_MB * MB;
      const unsent = await unsentBytes(tx);
      if (unsent + adding > quota) {
        await alertTeam(tx, unsent, quota);
        return { ok: false as const, error: attachmentErrors.serviceFull, status: 503 as const };
      }
      if (unsent + adding >= quota * QUOTA_ALERT_SHARE) await alertTeam(tx, unsent + adding, quota);
      const documents = [];
      for (const [i, file] of checked.entries()) {
        documents.push(
          await tx.document.create({
            data: { kind: "ATTACHMENT", draftId, filename: file.filename, mediaType: file.mediaType, ...stored[i]! },
            select: { id: true, filename: true, mediaType: true, sizeBytes: true, sha256: true },
          }),
        );
      }
      return { ok: true as const, documents };
    });
    return result;
  } finally {
    // Refused or failed: no file is left behind.
    if (!result?.ok) for (const file of stored) await deleteStoredFile(file.storageKey);
  }
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function unsentBytes(tx: Tx) {
  const [row] = await tx.$queryRaw<{ bytes: bigint }[]>`
    SELECT COALESCE(SUM("sizeBytes"), 0)::bigint AS "bytes" FROM "Document" WHERE "draftId" IS NOT NULL`;
  return Number(row?.bytes ?? 0);
}

/** Tells the team how full the store of unsent files is, unless it was told in the last day. */
async function alertTeam(tx: Tx, usedBytes: number, quotaBytes: number) {
  const email = unsentFilesAlertEmail(usedBytes, quotaBytes);
  const recent = await tx.outboundMessage.count({
    where: { template: email.template, createdAt: { gt: new Date(Date.now() - QUOTA_ALERT_EVERY_MS) } },
  });
  if (recent === 0) await queueEmail(tx, { caseId: null, ...email, to: env().TEAM_INBOX_EMAIL });
}

/** Removes one file from a draft, row and stored file; false unless it belonged to that draft. */
export async function removeFromDraft(draftId: string, documentId: string): Promise<boolean> {
  if (!UUID.test(draftId) || !UUID.test(documentId)) return false;
  const found = await db.document.findFirst({ where: { id: documentId, draftId }, select: { storageKey: true } });
  if (!found) return false;
  // Deleted only if still the draft's: a submission may have moved it to a case meanwhile.
  const { count } = await db.document.deleteMany({ where: { id: documentId, draftId } });
  if (count !== 1) return false;
  await deleteStoredFile(found.storageKey);
  return true;
}

/**
 * Deletes a draft not yet sent, at the referrer's request: its answers, its
 * documents' rows, and then their stored files, with an audit event that says
 * only which draft (nothing the referrer typed). The row is locked first, so
 * a submission of the same draft either went first (nothing is deleted:
 * false) or waits and then finds it gone.
 */
export async function deleteDraft(request: Request, draftId: string): Promise<boolean> {
  const keys = await db.$transaction(async (tx) => {
    const [draft] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ReferralDraft" WHERE "id" = ${draftId}::uuid AND "submittedReference" IS NULL FOR UPDATE`;
    if (!draft) return null;
    const documents = await tx.$queryRaw<{ storageKey: string }[]>`
      DELETE FROM "Document" WHERE "draftId" = ${draftId}::uuid RETURNING "storageKey"`;
    await tx.referralDraft.delete({ where: { id: draftId } });
    await recordAudit(request, { who: null, what: "referral.delete-draft", subject: { type: "referral-draft", id: draftId } }, tx);
    return documents.map((d) => d.storageKey);
  });
  if (!keys) return false;
  await deleteStoredFiles(keys);
  return true;
}

/** Deletes stored files whose rows a committed transaction removed; how many were there to delete. */
async function deleteStoredFiles(keys: string[]) {
  let deleted = 0;
  for (const key of keys) if (await deleteStoredFile(key)) deleted += 1;
  return deleted;
}

/**
 * The hourly clean-up: deletes the drafts that expired at or before `now`
 * (with their files), and the files of drafts still open that were uploaded
 * more than REFERRAL_FILE_HOURS ago, noting on the draft when, so the
 * referrer is told. Only files whose rows this call deleted are removed, so a
 * draft sent at the same moment keeps its files.
 */
export async function sweepReferralDrafts(now = new Date()) {
  const filesBefore = new Date(now.getTime() - env().REFERRAL_FILE_HOURS * HOUR_MS);
  const { drafts, keys } = await db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ storageKey: string }[]>`
      DELETE FROM "Document" d USING "ReferralDraft" r
      WHERE d."draftId" = r."id" AND r."expiresAt" <= ${now}
      RETURNING d."storageKey"`;
    const deleted = await tx.referralDraft.deleteMany({ where: { expiresAt: { lte: now } } });
    const stale = await tx.$queryRaw<{ storageKey: string; draftId: string }[]>`
      DELETE FROM "Document" WHERE "draftId" IS NOT NULL AND "createdAt" <= ${filesBefore}
      RETURNING "storageKey", "draftId"`;
    const touched = [...new Set(stale.map((d) => d.draftId))];
    if (touched.length) await tx.referralDraft.updateMany({ where: { id: { in: touched } }, data: { filesDeletedAt: now } });
    return { drafts: deleted.count, keys: [...expired, ...stale].map((r) => r.storageKey) };
  });
  return { drafts, documents: keys.length, files: await deleteStoredFiles(keys) };
}
