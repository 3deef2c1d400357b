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

type Limits = ReturnType<typeof attachmentLimits>;
type Fields = AttachmentUploadResult["fields"];

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
  const limits = attachmentLimits();
  if (declaresTooLong(request, limits.maxBodyBytes)) {
    await request.body?.cancel().catch(() => {});
    return refused({}, attachmentErrors.tooLarge(limits.maxMb));
  }

  const limited = limitLength(request.body, limits.maxBodyBytes);
  const body = new Request(request.url, { method: "POST", headers: request.headers, body: limited ?? null, duplex: "half" } as RequestInit);

  const contentType = request.headers.get("Content-Type") ?? "";
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return readUrlEncodedForm(body, limits);
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType) || !limited) return refused({}, attachmentErrors.unreadable);
  const room = Math.max(0, limits.maxFiles - Math.max(0, options.alreadyAttached));
  return readMultipartForm(body, options.fieldName ?? ATTACHMENTS_FIELD, room, limits);
}

/** No files (all or nothing), with the one error for the "attachments" field. */
const refused = (fields: Fields, error: string): AttachmentUploadResult => ({ files: [], fields, error });

/** A urlencoded form: its fields and no files; neither when the body turns out too long. */
async function readUrlEncodedForm(body: Request, limits: Limits): Promise<AttachmentUploadResult> {
  try {
    return { files: [], fields: await readUrlEncodedFields(body) };
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused({}, attachmentErrors.tooLarge(limits.maxMb));
    throw error;
  }
}

/** A multipart form: its fields, and the files chosen in `fieldName` when there is room for them all and nothing is wrong with any. */
async function readMultipartForm(body: Request, fieldName: string, room: number, limits: Limits): Promise<AttachmentUploadResult> {
  const fields: Fields = {};
  const chosen = new ChosenFiles(room, limits);
  try {
    await parseMultipartFormData(body, partHandler(fieldName, fields, chosen));
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused(fields, attachmentErrors.tooLarge(limits.maxMb));
    // A malformed body, or a file name the parser cannot read (it splits the
    // header on ";" and "=").
    return refused(fields, attachmentErrors.unreadable);
  }
  const error = chosen.error();
  return error ? refused(fields, error) : { files: chosen.files, fields };
}

/** Whether the request's Content-Length already says it is longer than the limit. */
function declaresTooLong(request: Request, maxBodyBytes: number) {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  return Number.isFinite(declared) && declared > maxBodyBytes;
}

/** The body, failing with BodyTooLarge once more than the limit has arrived, however long it says it is. */
function limitLength(body: Request["body"], maxBodyBytes: number) {
  let bodyBytes = 0;
  return body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bodyBytes += chunk.byteLength;
        if (bodyBytes > maxBodyBytes) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** A urlencoded form's fields, the first value of each. */
async function readUrlEncodedFields(body: Request): Promise<Fields> {
  const fields: Fields = {};
  for (const [key, value] of new URLSearchParams(await body.text())) if (!(key in fields)) fields[key] = value;
  return fields;
}

/**
 * The multipart parser's handler for each part: text fields go into
 * `fields` (the first value of each), files from the attachments input to
 * `chosen`, and any other file is read and thrown away. Too many parts, or a
 * text field too long, is an error (answered as unreadable).
 */
function partHandler(fieldName: string, fields: Fields, chosen: ChosenFiles): UploadHandler {
  let parts = 0;
  return async ({ name, filename, data }) => {
    if (++parts > env().FORM_MAX_FIELDS) throw new Error("Too many fields."); // answered as unreadable
    if (filename === undefined) {
      const value = await readTextField(data);
      if (!(name in fields)) fields[name] = value;
    } else if (name === fieldName) {
      await chosen.add(filename, data);
    } else {
      for await (const _ of data); // read and thrown away
    }
    return undefined;
  };
}

/** A text field's value; one longer than FIELD_MAX_BYTES is an error (answered as unreadable). */
async function readTextField(data: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > FIELD_MAX_BYTES) throw new Error("A form field is too long."); // answered as unreadable
    chunks.push(chunk);
  }
  return new TextDecoder().decode(concat(chunks, size));
}

/**
 * Reads a file part to its end, counting its size. Its bytes are kept only
 * when asked and while within maxBytes; otherwise `bytes` is null.
 */
async function readFilePart(data: AsyncIterable<Uint8Array>, keep: boolean, maxBytes: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (keep && size <= maxBytes) chunks.push(chunk);
  }
  return { size, bytes: keep && size <= maxBytes ? concat(chunks, size) : null };
}

/** What is wrong with a file's size, if anything: over the limit, or empty. */
function sizeProblem(filename: string, size: number, limits: Limits) {
  if (size > limits.maxFileBytes) return attachmentErrors.tooLarge(limits.maxMb, filename);
  if (size === 0) return attachmentErrors.empty(filename);
  return undefined;
}

/**
 * The files chosen in the attachments input, as the parser meets them, all or
 * nothing: every one is counted against the room left, but a file is checked
 * (and its bytes kept) only while all might still be accepted, since one
 * problem refuses them all.
 */
class ChosenFiles {
  /** The files accepted so far. */
  readonly files: AttachmentUpload[] = [];
  private readonly problems: string[] = [];
  private readonly room: number;
  private readonly limits: Limits;
  private count = 0;
  private tooMany = false;

  constructor(room: number, limits: Limits) {
    this.room = room;
    this.limits = limits;
  }

  /** Whether the next file could still be accepted: within the room left and no problem found yet. */
  private mightAcceptNext() {
    return this.count < this.room && !this.tooMany && this.problems.length === 0;
  }

  /** Reads one file part to its end and counts, checks and keeps it as it deserves. */
  async add(filename: string, data: AsyncIterable<Uint8Array>) {
    const keep = this.mightAcceptNext();
    const { size, bytes } = await readFilePart(data, keep, this.limits.maxFileBytes);
    if (size === 0 && !filename) return; // the input was left empty

    this.count += 1;
    if (this.count > this.room) {
      this.tooMany = true;
      return;
    }
    const problem = sizeProblem(filename, size, this.limits);
    if (problem) this.problems.push(problem);
    else if (bytes) this.accept(filename, bytes);
  }

  /** Keeps a file whose content is a type we take, under a safe name; otherwise records the problem. */
  private accept(filename: string, bytes: Uint8Array) {
    const type = sniffFileType(bytes);
    if (!type) this.problems.push(attachmentErrors.wrongType(filename));
    else this.files.push({ filename: sanitiseFilename(filename, type.extension), mediaType: type.mediaType, bytes });
  }

  /** The one error for the field: too many files, else the first problem found; undefined when all are accepted. */
  error(): string | undefined {
    return this.tooMany ? attachmentErrors.tooMany(this.limits.maxFiles) : this.problems[0];
  }
}
