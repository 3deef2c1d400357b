// Attachments: reading uploads from real multipart requests, storing files,
// and the staff download and its audit event. Keeping files with a referral
// draft is tests/draft-files.test.ts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before env() is first read: small limits, and files in a folder of this test file's own.
const uploadDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/lado-test-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  process.env.ATTACHMENT_MAX_MB = "1";
  process.env.ATTACHMENT_MAX_FILES = "3";
  return dir;
});

import { db } from "~/db.server";
import { attachmentLimits, readAttachmentUploads } from "~/documents/uploads.server";
import { attachToDraft } from "~/referrals/draft-files.server";
import {
  deleteStoredFile,
  isStorageKey,
  openDocumentStream,
  readDocument,
  storeFile,
  uploadDir as configuredDir,
} from "~/documents/storage.server";
import * as download from "~/routes/documents.$documentId";
import { createCase } from "./factories";
import { minimalPdf } from "./fixtures/files";
import { BASE, request, run, signedIn, statusOf } from "./helpers";
import { expectConsoleErrors } from "./setup-file";

afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const TYPE_MESSAGE = "must be a PDF, Word document, image (JPG, PNG, GIF, WebP) or plain text file";

/** A well-formed PDF of exactly `size` bytes, or the smallest there is (330 bytes). */
const pdf = (size = 0) => minimalPdf(undefined, { size });
const png = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function post(form: FormData, headers: Record<string, string> = {}) {
  return new Request(`${BASE}/referral/attachments`, { method: "POST", body: form, headers });
}

function form(files: File[], fields: Record<string, string> = { csrf: "token-123" }, after: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append("attachments", file);
  for (const [k, v] of Object.entries(after)) f.append(k, v);
  return f;
}

/** A multipart body written out as a browser sends it (undici leaves out filename=""). */
function rawMultipart(parts: { name: string; filename?: string; body: string | Uint8Array }[]) {
  const boundary = "----WebKitFormBoundaryTest1234";
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
    const type = p.filename === undefined ? "" : "Content-Type: application/octet-stream\r\n";
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(typeof p.body === "string" ? enc.encode(p.body) : p.body);
    chunks.push(enc.encode("\r\n"));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return { body: new Blob(chunks as BlobPart[]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("reading attachments from the referral form", () => {
  it("reads the configured limits", () => {
    expect(attachmentLimits()).toMatchObject({ maxFiles: 3, maxMb: 1, maxFileBytes: MB, maxBodyBytes: 4 * MB });
  });

  it("accepts a PDF, by content, with a sanitised name, and returns the form's other fields", async () => {
    const bytes = pdf(2000);
    const result = await readAttachmentUploads(
      post(
        form(
          [new File([bytes], "C:\\fakepath\\Zoë's report.pdf.exe", { type: "application/x-msdownload" })],
          { csrf: "token-123" },
          { note: "after the file" },
        ),
      ),
      { alreadyAttached: 0 },
    );
    expect(result.error).toBeUndefined();
    expect(result.fields).toEqual({ csrf: "token-123", note: "after the file" });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.filename).toBe("Zoë's report.pdf");
    expect(result.files[0]!.mediaType).toBe("application/pdf");
    expect(Buffer.from(result.files[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("accepts several files up to the limit, each typed by content", async () => {
    const result = await readAttachmentUploads(
      post(form([new File([pdf()], "a.pdf"), new File([png()], "photo.jpg", { type: "image/jpeg" }), new File(["Notes £5\n"], "notes")])),
      { alreadyAttached: 0 },
    );
    expect(result.error).toBeUndefined();
    expect(result.files.map((f) => [f.filename, f.mediaType])).toEqual([
      ["a.pdf", "application/pdf"],
      ["photo.png", "image/png"],
      ["notes.txt", "text/plain; charset=utf-8"],
    ]);
  });

  it("refuses a file named .pdf whose content is HTML, naming the file", async () => {
    const result = await readAttachmentUploads(
      post(form([new File(["<!DOCTYPE html><script>alert(1)</script>"], "statement.pdf", { type: "application/pdf" })])),
      { alreadyAttached: 0 },
    );
    expect(result.files).toEqual([]);
    expect(result.error).toBe(`The selected file "statement.pdf" ${TYPE_MESSAGE}`);
    expect(result.fields.csrf).toBe("token-123");
  });

  it("refuses executables and plain ZIPs whatever they are called", async () => {
    for (const file of [
      new File([Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], "cv.docx"),
      new File([Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])], "letter.docx"),
      new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.png"),
    ]) {
      const result = await readAttachmentUploads(post(form([file])), { alreadyAttached: 0 });
      expect(result.error).toContain(TYPE_MESSAGE);
      expect(result.files).toEqual([]);
    }
  });

  it("accepts a file of exactly the size limit and refuses one byte more, still reading the fields after it", async () => {
    const exact = await readAttachmentUploads(post(form([new File([pdf(MB)], "exact.pdf")])), { alreadyAttached: 0 });
    expect(exact.error).toBeUndefined();
    expect(exact.files[0]!.bytes.byteLength).toBe(MB);

    const over = await readAttachmentUploads(post(form([new File([pdf(MB + 1)], "big.pdf")], { csrf: "t" }, { note: "kept" })), {
      alreadyAttached: 0,
    });
    expect(over.error).toBe('The selected file "big.pdf" must be smaller than 1 MB');
    expect(over.files).toEqual([]);
    expect(over.fields).toEqual({ csrf: "t", note: "kept" });
  });

  it("refuses a body declared far larger than allowed without reading it", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const req = new Request(`${BASE}/referral/attachments`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(500 * MB) },
    } as RequestInit);
    const result = await readAttachmentUploads(req, { alreadyAttached: 0 });
    expect(result).toEqual({ files: [], fields: {}, error: "The selected file must be smaller than 1 MB" });
    expect(pulls).toBeLessThanOrEqual(1); // a stream may pull once when created; nothing is parsed
  });

  it("abandons a body without a length once it is longer than every allowed file together", async () => {
    const { body, contentType } = rawMultipart([
      { name: "csrf", body: "t" },
      ...Array.from({ length: 5 }, (_, i) => ({ name: "attachments", filename: `f${i}.pdf`, body: pdf(MB - 100) })),
    ]);
    const req = new Request(`${BASE}/x`, {
      method: "POST",
      body: body.stream(),
      duplex: "half",
      headers: { "Content-Type": contentType },
    } as RequestInit);
    const result = await readAttachmentUploads(req, { alreadyAttached: 0 });
    expect(result.error).toBe("The selected file must be smaller than 1 MB");
    expect(result.files).toEqual([]);
  });

  it("stops reading a body without a length that never gets to a file", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61)); // a preamble with no boundary, for ever
      },
    });
    const req = new Request(`${BASE}/x`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "Content-Type": "multipart/form-data; boundary=never" },
    } as RequestInit);
    expect((await readAttachmentUploads(req, { alreadyAttached: 0 })).error).toBe("The selected file must be smaller than 1 MB");
    expect(sent).toBeLessThan(6 * MB);
  });

  it("refuses more files than allowed, counting those already attached", async () => {
    const four = [1, 2, 3, 4].map((i) => new File([pdf()], `${i}.pdf`));
    const tooMany = await readAttachmentUploads(post(form(four)), { alreadyAttached: 0 });
    expect(tooMany).toMatchObject({ files: [], error: "You can attach up to 3 files" });

    const two = four.slice(0, 2);
    expect((await readAttachmentUploads(post(form(two)), { alreadyAttached: 1 })).files).toHaveLength(2);
    expect(await readAttachmentUploads(post(form(two)), { alreadyAttached: 2 })).toMatchObject({
      files: [],
      error: "You can attach up to 3 files",
    });
  });

  it("refuses an empty file, naming it", async () => {
    const result = await readAttachmentUploads(post(form([new File([], "blank.txt")])), { alreadyAttached: 0 });
    expect(result).toMatchObject({ files: [], error: 'The selected file "blank.txt" is empty' });
  });

  it("treats a file input left empty as no file, not an error", async () => {
    const { body, contentType } = rawMultipart([
      { name: "csrf", body: "t" },
      { name: "attachments", filename: "", body: "" },
    ]);
    const req = new Request(`${BASE}/x`, { method: "POST", body, headers: { "Content-Type": contentType } });
    expect(await readAttachmentUploads(req, { alreadyAttached: 3 })).toEqual({ files: [], fields: { csrf: "t" } });
    // As Node's FormData sends an empty File (no filename at all).
    expect((await readAttachmentUploads(post(form([new File([], "")])), { alreadyAttached: 0 })).error).toBeUndefined();
  });

  it("ignores files sent under another field name", async () => {
    const f = form([new File([pdf()], "a.pdf")]);
    f.append("other", new File([pdf()], "b.pdf"));
    const result = await readAttachmentUploads(post(f), { alreadyAttached: 0 });
    expect(result.files.map((x) => x.filename)).toEqual(["a.pdf"]);
    expect(result.fields.other).toBeUndefined();
  });

  it("reads a urlencoded form (a Remove button) as fields only", async () => {
    const result = await readAttachmentUploads(request("/referral/attachments", { form: { csrf: "t", remove: "abc" } }), {
      alreadyAttached: 0,
    });
    expect(result).toEqual({ files: [], fields: { csrf: "t", remove: "abc" } });
  });

  it("answers a body it cannot read with a message, never an exception", async () => {
    const plain = new Request(`${BASE}/x`, { method: "POST", body: "hello", headers: { "Content-Type": "text/plain" } });
    expect((await readAttachmentUploads(plain, { alreadyAttached: 0 })).error).toMatch(/could not be uploaded/);

    // The parser splits Content-Disposition on ";": a name like this one defeats it.
    const { body, contentType } = rawMultipart([{ name: "attachments", filename: "minutes; final.pdf", body: pdf() }]);
    const semicolon = new Request(`${BASE}/x`, { method: "POST", body, headers: { "Content-Type": contentType } });
    expect((await readAttachmentUploads(semicolon, { alreadyAttached: 0 })).error).toMatch(/rename the file/);

    const truncated = new Request(`${BASE}/x`, {
      method: "POST",
      body: '------B\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\n\r\n%PDF-1.7',
      headers: { "Content-Type": "multipart/form-data; boundary=----B" },
    });
    expect((await readAttachmentUploads(truncated, { alreadyAttached: 0 })).error).toMatch(/could not be uploaded/);
  });
});

describe("storage", () => {
  it("keeps files under UPLOAD_DIR with a random key, mode 0600, and their sha256", async () => {
    expect(configuredDir()).toBe(path.resolve(uploadDir));
    const bytes = pdf(5000);
    const stored = await storeFile(bytes, new Date("2026-03-09T12:00:00Z"));
    expect(stored.storageKey).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    expect(isStorageKey(stored.storageKey)).toBe(true);
    expect(stored.sizeBytes).toBe(5000);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const onDisk = path.join(uploadDir, stored.storageKey);
    expect(fs.statSync(onDisk).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(onDisk)).mode & 0o077).toBe(0);
    expect(fs.readdirSync(path.dirname(onDisk)).filter((n) => n.endsWith(".part"))).toEqual([]);

    expect(Buffer.compare((await readDocument(stored.storageKey))!, Buffer.from(bytes))).toBe(0);
    const streamed = await openDocumentStream(stored.storageKey);
    expect(streamed!.sizeBytes).toBe(5000);
    expect(Buffer.compare(Buffer.from(await new Response(streamed!.stream).arrayBuffer()), Buffer.from(bytes))).toBe(0);

    expect(await deleteStoredFile(stored.storageKey)).toBe(true);
    expect(await deleteStoredFile(stored.storageKey)).toBe(false);
    expect(await readDocument(stored.storageKey)).toBeNull();
    expect(await openDocumentStream(stored.storageKey)).toBeNull();
  });

  it("never builds a path from anything but its own keys", async () => {
    for (const key of ["../../etc/passwd", "2026/03/../../x", "/etc/passwd", "2026/13/8f14e45f-ceea-4672-9d3b-d5e9b2f4c001", ""]) {
      expect(isStorageKey(key)).toBe(false);
      await expect(readDocument(key)).rejects.toThrow("Not a storage key");
      await expect(deleteStoredFile(key)).rejects.toThrow("Not a storage key");
    }
  });
});

async function newDraft(expiresAt = new Date(Date.now() + 7 * 86_400_000)) {
  return db.referralDraft.create({ data: { expiresAt } });
}

async function caseDocument(filename: string, bytes: Uint8Array, mediaType = "application/pdf") {
  const file = await createCase(db);
  const stored = await storeFile(bytes);
  const doc = await db.document.create({
    data: {
      kind: "ATTACHMENT",
      caseId: file.id,
      filename,
      mediaType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
    },
  });
  return { file, doc, stored };
}

describe("downloading a case's document", () => {
  it("gives staff the bytes as an attachment, with safe headers, and records the download", async () => {
    const bytes = pdf(4321);
    const { file, doc } = await caseDocument("Zoë's statement (final).pdf", bytes);
    const caller = await signedIn(["LADO"]);
    const { thrown, value } = await run(download.loader, request(`/documents/${doc.id}`, { caller }), { documentId: doc.id });
    expect(thrown).toBe(false);
    const res = value as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Length")).toBe("4321");
    expect(res.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"Zo_'s statement (final).pdf\"; filename*=UTF-8''Zo%C3%AB%27s%20statement%20%28final%29.pdf",
    );
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(bytes))).toBe(0);

    const events = await db.auditEvent.findMany({ where: { userId: caller.user.id, action: "document.download" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ caseId: file.id, subjectType: "document", subjectId: doc.id });
  });

  it("serves text with its recorded charset, still as an attachment", async () => {
    const { doc } = await caseDocument("notes.txt", new TextEncoder().encode("<b>not html</b>"), "text/plain; charset=utf-8");
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const res = (await run(download.loader, request(`/documents/${doc.id}`, { caller }), { documentId: doc.id })).value as Response;
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(await res.text()).toBe("<b>not html</b>");
  });

  it("refuses other roles and sends the signed-out to sign in, recording nothing", async () => {
    const { doc } = await caseDocument("x.pdf", pdf());
    const auditor = await signedIn(["AUDITOR"]);
    expect(statusOf((await run(download.loader, request(`/documents/${doc.id}`, { caller: auditor }), { documentId: doc.id })).value)).toBe(
      403,
    );
    const anonymous = (await run(download.loader, request(`/documents/${doc.id}`), { documentId: doc.id })).value as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/sign-in?returnTo=%2Fdocuments%2F${doc.id}`);
    expect(await db.auditEvent.count({ where: { action: "document.download", subjectId: doc.id } })).toBe(0);
  });

  it("never serves a draft's file: 404", async () => {
    const draft = await newDraft();
    const attached = await attachToDraft(draft.id, [{ filename: "draft.pdf", mediaType: "", bytes: pdf() }]);
    const doc = attached.ok ? attached.documents[0]! : expect.unreachable();
    const caller = await signedIn(["MANAGER"]);
    const { value } = await run(download.loader, request(`/documents/${doc.id}`, { caller }), { documentId: doc.id });
    expect(statusOf(value)).toBe(404);
    expect(await db.auditEvent.count({ where: { userId: caller.user.id, action: "document.download" } })).toBe(0);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    const caller = await signedIn(["LADO"]);
    for (const id of ["8f14e45f-ceea-4672-9d3b-d5e9b2f4c001", "not-an-id", "../../etc/passwd", ""]) {
      const { value } = await run(download.loader, request(`/documents/${encodeURIComponent(id)}`, { caller }), { documentId: id });
      expect(statusOf(value)).toBe(404);
    }
  });

  it("answers 404, and logs, when the record's file is missing", async () => {
    expectConsoleErrors(1);
    const { doc, stored } = await caseDocument("lost.pdf", pdf());
    await deleteStoredFile(stored.storageKey);
    const caller = await signedIn(["LADO"]);
    const { value } = await run(download.loader, request(`/documents/${doc.id}`, { caller }), { documentId: doc.id });
    expect(statusOf(value)).toBe(404);
  });
});
