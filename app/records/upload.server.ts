// The records page's upload: a file of past years' records, streamed to the
// data directory as it arrives (never held in memory), refused as soon as it
// passes the configured size (RECORDS_IMPORT_MAX_MB) or when it says it will,
// and its header read at once so a file that cannot be imported at all (empty,
// not UTF-8 CSV, a column missing or unknown) is answered next to the field.
// The rows are checked afterwards, in the background (import-jobs.server.ts).
import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { env } from "~/config/env.server";
import { deleteStoredFile, openStoredFile, StoredFileTooLarge, storeStream, type StoredFile } from "~/documents/storage.server";
import { CSRF_FIELD } from "~/utils/csrf.server";
import { REQUIRED_COLUMNS } from "./format";
import { RECORDS_FILE_FIELD } from "./labels";
import { readRows, UnreadableFile } from "./read";

/** Room for the form's other fields (the CSRF token) around the file. */
const FORM_ALLOWANCE_BYTES = 64 * 1024;
/** No text field of the form is longer than this. */
const FIELD_MAX_BYTES = 4 * 1024;

export function recordsUploadLimit() {
  const maxMb = env().RECORDS_IMPORT_MAX_MB;
  return { maxMb, maxBytes: maxMb * 1024 * 1024, maxBodyBytes: maxMb * 1024 * 1024 + FORM_ALLOWANCE_BYTES };
}

export const uploadErrors = {
  none: "Select a CSV file to import",
  empty: "The selected file is empty",
  tooLarge: (maxMb: number) => `The selected file must be smaller than ${maxMb} MB`,
  unreadable: "The selected file could not be uploaded. Try again",
  cannotImport: (line: number, message: string) => `The selected file cannot be imported. Line ${line}: ${message}`,
};

export type RecordsUpload = { ok: true; file: StoredFile & { filename: string } } | { ok: false; error: string; status: number };

class NoToken extends Error {}
class FieldTooLong extends Error {}

/**
 * Reads the upload form. `checkCsrf` (requireUploader's) is called with the
 * form's token before the file's first byte is kept: the token comes first in
 * the form (StaffForm), so a forged upload stores nothing.
 */
export async function readRecordsUpload(request: Request, checkCsrf: (token: unknown) => void): Promise<RecordsUpload> {
  const limits = recordsUploadLimit();
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    // Refused unread: the server closes the connection after the 413 answer.
    await request.body?.cancel().catch(() => {});
    return { ok: false, error: uploadErrors.tooLarge(limits.maxMb), status: 413 };
  }
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(request.headers.get("Content-Type") ?? "") || !request.body) {
    return { ok: false, error: uploadErrors.unreadable, status: 400 };
  }
  const received = await receive(request, checkCsrf, limits.maxBytes);
  if ("error" in received) {
    return {
      ok: false,
      error: received.error === "too-large" ? uploadErrors.tooLarge(limits.maxMb) : uploadErrors.unreadable,
      status: received.error === "too-large" ? 413 : 400,
    };
  }
  const problem = await fileProblem(received.file);
  if (problem) {
    if (received.file) await deleteStoredFile(received.file.storageKey);
    return { ok: false, error: problem, status: 400 };
  }
  return { ok: true, file: received.file! };
}

/** What is wrong with the file received, if anything: none chosen, empty, or not importable at all (from its header). */
async function fileProblem(file: (StoredFile & { filename: string }) | null) {
  if (!file || (file.sizeBytes === 0 && !file.filename)) return uploadErrors.none;
  if (file.sizeBytes === 0) return uploadErrors.empty;
  try {
    for await (const _ of readRows(openStoredFile(file.storageKey)!, REQUIRED_COLUMNS)) break;
    return null;
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    return uploadErrors.cannotImport(error.problem.line, error.problem.message);
  }
}

type Received = { file: (StoredFile & { filename: string }) | null } | { error: "too-large" | "unreadable" };

/** The form's parts: its fields, and the file stored (after the token is checked) as it arrives; nothing kept on an error. */
async function receive(request: Request, checkCsrf: (token: unknown) => void, maxBytes: number): Promise<Received> {
  const fields: Record<string, string> = {};
  let file: (StoredFile & { filename: string }) | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      if (!(name in fields)) fields[name] = await readField(data);
    } else if (name === RECORDS_FILE_FIELD && !file) {
      if (!(CSRF_FIELD in fields)) throw new NoToken();
      checkCsrf(fields[CSRF_FIELD]);
      file = { ...(await storeStream(data, maxBytes)), filename: shownName(filename) };
    } else {
      for await (const _ of data); // read and thrown away
    }
    return undefined;
  };
  try {
    await parseMultipartFormData(request, handler);
  } catch (error) {
    if (file) await deleteStoredFile((file as StoredFile).storageKey);
    if (error instanceof NoToken) checkCsrf(undefined);
    if (!(error instanceof Error)) throw error; // the 400 answer of a wrong token
    // Past the limit (ours, or the server's counter), or a malformed body or field.
    return { error: error instanceof StoredFileTooLarge || error.name === "PayloadTooLargeError" ? "too-large" : "unreadable" };
  }
  checkCsrf(fields[CSRF_FIELD]);
  return { file };
}

async function readField(data: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > FIELD_MAX_BYTES) throw new FieldTooLong();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** The file's name as sent, for the page and the import batch: no folders, no control characters, not too long. */
function shownName(name: string) {
  const base = (name.split(/[/\\]/).pop() ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").trim();
  return Array.from(base).slice(0, 200).join("");
}
