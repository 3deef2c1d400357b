// Files attached to the public referral form: reading them from a multipart
// upload without holding more than the allowed size of any one file in
// memory, checking each by its content, and keeping them with the draft
// until it is submitted (create-contact.server.ts moves them to the case) or
// expires (deleteExpiredDrafts).
import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { ATTACHMENTS_FIELD, sanitiseFilename, sniffFileType } from "./file-types";
import { deleteStoredFile, storeFile } from "./storage.server";

/** Room for the form's other fields on top of the files themselves. */
const FORM_ALLOWANCE_BYTES = 1024 * 1024;
/** No single text field of the form is longer than this. */
const FIELD_MAX_BYTES = 64 * 1024;

export function attachmentLimits() {
  const { ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_MB } = env();
  const maxFileBytes = ATTACHMENT_MAX_MB * 1024 * 1024;
  return {
    maxFiles: ATTACHMENT_MAX_FILES,
    maxMb: ATTACHMENT_MAX_MB,
    maxFileBytes,
    /** A request body longer than this is refused before it is read. */
    maxBodyBytes: Math.max(1, ATTACHMENT_MAX_FILES) * maxFileBytes + FORM_ALLOWANCE_BYTES,
  };
}

/** A file's name as typed in an error message: short and without control characters. */
function shown(name: string | undefined) {
  const clean = (name ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").trim();
  if (!clean) return "";
  const chars = Array.from(clean);
  return ` "${chars.length > 60 ? `${chars.slice(0, 57).join("")}...` : clean}"`;
}

/** The error messages, one per problem, for the "attachments" field. */
export const attachmentErrors = {
  tooLarge: (maxMb: number, name?: string) => `The selected file${shown(name)} must be smaller than ${maxMb} MB`,
  wrongType: (name?: string) =>
    `The selected file${shown(name)} must be a PDF, Word document, image (JPG, PNG, GIF, WebP) or plain text file`,
  tooMany: (maxFiles: number) =>
    maxFiles === 0 ? "Files cannot be attached to a referral" : `You can attach up to ${maxFiles} ${maxFiles === 1 ? "file" : "files"}`,
  empty: (name?: string) => `The selected file${shown(name)} is empty`,
  unreadable: 'The selected files could not be uploaded. Try again, and if a file name contains ";" or "=", rename the file first',
};

export type AttachmentUpload = {
  /** Sanitised, with the extension of what the content really is. */
  filename: string;
  /** From the content, never from the browser. */
  mediaType: string;
  bytes: Uint8Array;
};

export type AttachmentUploadResult = {
  /** The accepted files; empty whenever there is an error (all or nothing). */
  files: AttachmentUpload[];
  /** One message for the "attachments" field. */
  error?: string;
  /** The form's other fields (first value of each), e.g. the CSRF token. */
  fields: Record<string, string>;
};

class BodyTooLarge extends Error {}

function concat(chunks: Uint8Array[], size: number) {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Reads the attachments page's form. Each file part is streamed: at most the
 * size limit is kept in memory, and the rest of an oversized file (or of
 * files beyond the allowed number) is read and thrown away so the form's
 * later fields still arrive. A body declared longer than all the allowed
 * files together is refused from its Content-Length without being read (its
 * fields are then empty too), and one that turns out longer is abandoned.
 *
 * An empty file input (no file chosen) is not an error. A form sent
 * urlencoded (e.g. a "Remove" button) gives its fields and no files.
 */
export async function readAttachmentUploads(
  request: Request,
  options: { alreadyAttached: number; fieldName?: string },
): Promise<AttachmentUploadResult> {
  const fieldName = options.fieldName ?? ATTACHMENTS_FIELD;
  const { maxFiles, maxMb, maxFileBytes, maxBodyBytes } = attachmentLimits();
  const fields: Record<string, string> = {};

  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    await request.body?.cancel().catch(() => {});
    return { files: [], fields, error: attachmentErrors.tooLarge(maxMb) };
  }

  // However long the body says it is, no more than the limit is read.
  let bodyBytes = 0;
  const limited = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bodyBytes += chunk.byteLength;
        if (bodyBytes > maxBodyBytes) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  const body = new Request(request.url, { method: "POST", headers: request.headers, body: limited ?? null, duplex: "half" } as RequestInit);

  const contentType = request.headers.get("Content-Type") ?? "";
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    let text: string;
    try {
      text = await body.text();
    } catch (error) {
      if (error instanceof BodyTooLarge) return { files: [], fields, error: attachmentErrors.tooLarge(maxMb) };
      throw error;
    }
    for (const [key, value] of new URLSearchParams(text)) if (!(key in fields)) fields[key] = value;
    return { files: [], fields };
  }
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType) || !limited) {
    return { files: [], fields, error: attachmentErrors.unreadable };
  }

  const room = Math.max(0, maxFiles - Math.max(0, options.alreadyAttached));
  let chosen = 0;
  let tooMany = false;
  const problems: string[] = [];
  const files: AttachmentUpload[] = [];

  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > FIELD_MAX_BYTES) throw new Error("A form field is too long."); // answered as unreadable
        chunks.push(chunk);
      }
      if (!(name in fields)) fields[name] = new TextDecoder().decode(concat(chunks, size));
      return undefined;
    }
    if (name !== fieldName) {
      for await (const _ of data); // read and thrown away
      return undefined;
    }

    // Keep the bytes only while they might be accepted: within the number of
    // files allowed, no problem found yet, and not over the size limit.
    const keep = chosen < room && !tooMany && problems.length === 0;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (keep && size <= maxFileBytes) chunks.push(chunk);
    }
    if (size === 0 && !filename) return undefined; // the input was left empty

    chosen += 1;
    if (chosen > room) tooMany = true;
    else if (size > maxFileBytes) problems.push(attachmentErrors.tooLarge(maxMb, filename));
    else if (size === 0) problems.push(attachmentErrors.empty(filename));
    else if (keep) {
      const bytes = concat(chunks, size);
      const type = sniffFileType(bytes);
      if (!type) problems.push(attachmentErrors.wrongType(filename));
      else files.push({ filename: sanitiseFilename(filename, type.extension), mediaType: type.mediaType, bytes });
    }
    return undefined;
  };

  try {
    await parseMultipartFormData(body, handler);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { files: [], fields, error: attachmentErrors.tooLarge(maxMb) };
    // A malformed body, or a file name the parser cannot read (it splits the
    // header on ";" and "=").
    return { files: [], fields, error: attachmentErrors.unreadable };
  }
  const error = tooMany ? attachmentErrors.tooMany(maxFiles) : problems[0];
  return error ? { files: [], fields, error } : { files, fields };
}

// ---------------------------------------------------------------------------
// Keeping files with a referral draft
// ---------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores the file and records it as an attachment of the draft. The content
 * is sniffed again and the name sanitised again (both are idempotent), so a
 * caller cannot store what readAttachmentUploads would have refused.
 */
export async function attachToDraft(draftId: string, file: AttachmentUpload, options: { uploadedById?: string | null } = {}) {
  const type = sniffFileType(file.bytes);
  if (!type) throw new Error("attachToDraft: not an accepted file type");
  const stored = await storeFile(file.bytes);
  try {
    return await db.document.create({
      data: {
        kind: "ATTACHMENT",
        draftId,
        filename: sanitiseFilename(file.filename, type.extension),
        mediaType: type.mediaType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedById: options.uploadedById ?? null,
      },
      select: { id: true, filename: true, mediaType: true, sizeBytes: true, sha256: true, createdAt: true },
    });
  } catch (error) {
    await deleteStoredFile(stored.storageKey);
    throw error;
  }
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
 * Deletes the drafts that expired at or before `now`, their documents and
 * the documents' stored files. Only files whose rows this call deleted are
 * removed, so a draft submitted at the same moment keeps its files.
 */
export async function deleteExpiredDrafts(now = new Date()) {
  const { drafts, keys } = await db.$transaction(async (tx) => {
    const removed = await tx.$queryRaw<{ storageKey: string }[]>`
      DELETE FROM "Document" d USING "ReferralDraft" r
      WHERE d."draftId" = r."id" AND r."expiresAt" <= ${now}
      RETURNING d."storageKey"`;
    const deleted = await tx.referralDraft.deleteMany({ where: { expiresAt: { lte: now } } });
    return { drafts: deleted.count, keys: removed.map((r) => r.storageKey) };
  });
  let files = 0;
  for (const key of keys) if (await deleteStoredFile(key)) files += 1;
  return { drafts, documents: keys.length, files };
}
