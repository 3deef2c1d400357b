// Finding documents: a case's, for staff to download, and a referral draft's.
import { z } from "zod";
import { db } from "~/db.server";

/** A document attached to a case, or null (malformed id, unknown, or still on a draft). */
export async function findCaseDocument(id: string | undefined) {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return null;
  const document = await db.document.findUnique({
    where: { id: parsed.data },
    select: { id: true, caseId: true, filename: true, mediaType: true, storageKey: true },
  });
  return document?.caseId ? { ...document, caseId: document.caseId } : null;
}

/** The files uploaded with a referral draft, in the order they came. */
export function draftDocuments(draftId: string) {
  return db.document.findMany({
    where: { draftId },
    orderBy: { createdAt: "asc" },
    select: { id: true, filename: true, sizeBytes: true },
  });
}
