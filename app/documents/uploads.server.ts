// Files attached to the public referral form: reading them from a multipart
// upload without holding more than the allowed size of any one file in
// memory, and checking each by its content. Keeping them with the draft until
// it is sent is referrals/draft-files.server.ts.
import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { env } from "~/config/env.server";
import { ATTACHMENTS_FIELD, sanitiseFilename, sniffFileType } from "./file-types";

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
  uploadedTooMuch:
    "You have uploaded as much as we can take from your connection in an hour. Try again later, or send your referral now: the LADO team will ask for the documents if they need them",
  serviceFull:
    "We cannot take any more files at the moment. Send your referral without them: the LADO team will ask for the documents if they need them",
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

  let parts = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (++parts > env().FORM_MAX_FIELDS) throw new Error("Too many fields."); // answered as unreadable
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
