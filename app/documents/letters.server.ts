// A letter the service sends (the advice follow-up letter, an outcome
// letter): its PDF stored on the case as a Document, kept exactly as sent
// (its SHA-256 proves it), and by email queued in the outbox in the same
// transaction, one message to each of its addressees (meeting minutes go to
// every attendee with an email address) (GOV.UK Notify, as a file to download; left in the outbox with
// no Notify key); by post nothing is queued, and the letter is there to
// print. What the letter is for (the record that points at it, its audit
// event) is written by the caller's `record`, in that transaction. The stored
// file is removed again if the transaction fails.
import { db, type Prisma } from "~/db.server";
import type { DocumentKind } from "~/generated/prisma/enums";
import { deliverSoon, queueEmail } from "~/messages/outbox.server";
import { deleteStoredFile, storeFile } from "./storage.server";

export type LetterEmail = { to: string; template: string; subject: string; body: string };

export type KeptLetter<T> = { documentId: string; sha256: string; kept: T };

export async function keepAndSendLetter<T>(letter: {
  caseId: string;
  kind: DocumentKind;
  filename: string;
  bytes: Uint8Array;
  sentAt: Date;
  userId: string;
  /** The emails it goes with, one per addressee; none when it goes by post. */
  emails: LetterEmail[];
  /** The rest of the change, in the same transaction: the record that points at the letter and the audit event. */
  record: (tx: Prisma.TransactionClient, sent: { documentId: string; sha256: string; messageIds: string[] }) => Promise<T>;
}): Promise<KeptLetter<T>> {
  const stored = await storeFile(letter.bytes, letter.sentAt);
  try {
    const saved = await db.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: {
          caseId: letter.caseId,
          kind: letter.kind,
          filename: letter.filename,
          mediaType: "application/pdf",
          uploadedById: letter.userId,
          createdAt: letter.sentAt,
          ...stored,
        },
        select: { id: true },
      });
      const messageIds: string[] = [];
      for (const email of letter.emails) {
        messageIds.push((await queueEmail(tx, { caseId: letter.caseId, documentId: document.id, ...email })).id);
      }
      const kept = await letter.record(tx, { documentId: document.id, sha256: stored.sha256, messageIds });
      return { documentId: document.id, messageIds, kept };
    });
    if (saved.messageIds.length) void deliverSoon(saved.messageIds);
    return { documentId: saved.documentId, sha256: stored.sha256, kept: saved.kept };
  } catch (error) {
    await deleteStoredFile(stored.storageKey);
    throw error;
  }
}
