// Files kept with a referral draft until it is sent: what an anonymous
// visitor can put on the disk, bounded per draft (under parallel uploads),
// per address per hour, across all drafts (with a warning to the team), and
// in time (deleted after REFERRAL_FILE_HOURS, sooner than the answers).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// Before env() is first read: small limits for this file.
vi.hoisted(() => {
  process.env.ATTACHMENT_MAX_FILES = "3";
  process.env.UNSENT_FILES_QUOTA_MB = "1";
  process.env.ATTACHMENT_MB_PER_HOUR = "2";
  process.env.REFERRAL_FILE_HOURS = "24";
});

import { createHash } from "node:crypto";
import { db } from "~/db.server";
import { uploadDir } from "~/documents/storage.server";
import type { AttachmentUpload } from "~/documents/uploads.server";
import { attachToDraft, removeFromDraft, sweepReferralDrafts } from "~/referrals/draft-files.server";
import { takeUploadBytes } from "~/referrals/limits.server";
import { minimalPdf } from "./fixtures/files";

const KB = 1024;
const HOUR_MS = 3_600_000;

const pdf = (size = 0) => minimalPdf(undefined, { size });
const file = (bytes = pdf(), filename = "notes.pdf"): AttachmentUpload => ({ filename, mediaType: "", bytes });

async function newDraft(expiresAt = new Date(Date.now() + 7 * 86_400_000)) {
  return db.referralDraft.create({ data: { expiresAt } });
}

function listFiles() {
  const dir = uploadDir();
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
}

async function attachOne(draftId: string, upload = file()) {
  const result = await attachToDraft(draftId, [upload]);
  if (!result.ok) throw new Error(result.error);
  return result.documents[0]!;
}

describe("attaching files to a draft", () => {
  it("stores the file under a safe name and the type its content shows, and removes it only from its draft", async () => {
    const draft = await newDraft();
    const other = await newDraft();
    const doc = await attachOne(draft.id, file(pdf(400), "evil\u202Etxt.exe"));
    expect(doc).toMatchObject({ filename: "eviltxt.pdf", mediaType: "application/pdf", sizeBytes: 400 });
    const row = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({
      kind: "ATTACHMENT",
      draftId: draft.id,
      caseId: null,
      sha256: createHash("sha256").update(pdf(400)).digest("hex"),
    });
    expect(fs.existsSync(path.join(uploadDir(), row.storageKey))).toBe(true);

    expect(await removeFromDraft(other.id, doc.id)).toBe(false);
    expect(await removeFromDraft(draft.id, "not-a-uuid")).toBe(false);
    expect(await removeFromDraft(draft.id, doc.id)).toBe(true);
    expect(fs.existsSync(path.join(uploadDir(), row.storageKey))).toBe(false);
    expect(await removeFromDraft(draft.id, doc.id)).toBe(false);
  });

  it("refuses to store what the upload check would refuse, and leaves no file for a draft that is gone or sent", async () => {
    const before = listFiles();
    const draft = await newDraft();
    await expect(attachToDraft(draft.id, [file(new TextEncoder().encode("<html>"))])).rejects.toThrow();
    await expect(attachToDraft("00000000-0000-4000-8000-000000000000", [file()])).rejects.toThrow();
    const sent = await db.referralDraft.create({
      data: { expiresAt: new Date(Date.now() + 86_400_000), submittedReference: "LADO-2026-00001", submittedAt: new Date() },
    });
    await expect(attachToDraft(sent.id, [file()])).rejects.toThrow();
    expect(listFiles()).toEqual(before);
  });

  it("keeps to the number allowed per draft when many uploads arrive at once", async () => {
    const draft = await newDraft();
    const before = listFiles().length;
    // Four parallel uploads of two files each, to a draft that may hold three.
    const results = await Promise.all(Array.from({ length: 4 }, () => attachToDraft(draft.id, [file(), file()])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok))
      expect(refused).toMatchObject({ error: "You can attach up to 3 files", status: 400 });
    expect(await db.document.count({ where: { draftId: draft.id } })).toBe(2);
    // The refused uploads left no file behind.
    expect(listFiles().length - before).toBe(2);
  });
});

describe("the quota for files not yet sent", () => {
  it("refuses files past the quota with a clear message, keeps the referral sendable, and tells the team once a day", async () => {
    await db.document.deleteMany({ where: { draftId: { not: null } } });
    const one = await newDraft();
    const two = await newDraft();
    const three = await newDraft();
    // UNSENT_FILES_QUOTA_MB = 1: 700 KB is fine, a further 200 KB passes 80% (the team is told), a further 200 KB is refused.
    await attachOne(one.id, file(pdf(700 * KB)));
    expect(await db.outboundMessage.count({ where: { template: "unsent-files-quota" } })).toBe(0);
    await attachOne(two.id, file(pdf(200 * KB)));
    const alerts = await db.outboundMessage.findMany({ where: { template: "unsent-files-quota" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ toAddress: "lado-team@example.org", subject: expect.stringMatching(/at 87% of their limit/) });

    const refused = await attachToDraft(three.id, [file(pdf(200 * KB))]);
    expect(refused).toMatchObject({ ok: false, status: 503, error: expect.stringMatching(/^We cannot take any more files at the moment/) });
    expect(await db.document.count({ where: { draftId: three.id } })).toBe(0);
    // Told once, not at every refusal.
    expect(await db.outboundMessage.count({ where: { template: "unsent-files-quota" } })).toBe(1);
  });
});

describe("uploads per address per hour", () => {
  const from = (address: string) => new Request("http://localhost/refer/attachments", { headers: { "x-client-address": address } });

  it("lets one address upload ATTACHMENT_MB_PER_HOUR in an hour, and another address its own", () => {
    const now = Date.now();
    const MB = 1024 * KB;
    expect(takeUploadBytes(from("203.0.113.7"), 1.5 * MB, now)).toBe(true);
    expect(takeUploadBytes(from("203.0.113.7"), 0.6 * MB, now)).toBe(false);
    expect(takeUploadBytes(from("203.0.113.7"), 0.5 * MB, now)).toBe(true);
    expect(takeUploadBytes(from("198.51.100.2"), 2 * MB, now)).toBe(true);
    // An hour on, the allowance is back.
    expect(takeUploadBytes(from("203.0.113.7"), 2 * MB, now + HOUR_MS + 1)).toBe(true);
  });
});

describe("the clean-up", () => {
  it("deletes expired drafts with their files, and older files of open drafts (noting it), and nothing else", async () => {
    await db.document.deleteMany({ where: { draftId: { not: null } } });
    const now = new Date();
    const expired = await newDraft(new Date(now.getTime() - 1000));
    const expiresNow = await newDraft(now);
    const open = await newDraft(new Date(now.getTime() + 86_400_000));
    const a = await attachOne(expired.id);
    const c = await attachOne(expiresNow.id);
    const old = await attachOne(open.id);
    const recent = await attachOne(open.id);
    await db.document.update({ where: { id: old.id }, data: { createdAt: new Date(now.getTime() - 25 * HOUR_MS) } });
    const keyOf = async (id: string) => (await db.document.findUniqueOrThrow({ where: { id } })).storageKey;
    const goneKeys = [await keyOf(a.id), await keyOf(c.id), await keyOf(old.id)];
    const keptKey = await keyOf(recent.id);

    expect(await sweepReferralDrafts(now)).toEqual({ drafts: 2, documents: 3, files: 3 });
    expect(await db.referralDraft.count({ where: { id: { in: [expired.id, expiresNow.id] } } })).toBe(0);
    for (const key of goneKeys) expect(fs.existsSync(path.join(uploadDir(), key))).toBe(false);
    expect(fs.existsSync(path.join(uploadDir(), keptKey))).toBe(true);
    // The open draft keeps its answers and its recent file, and says its older files went.
    const after = await db.referralDraft.findUniqueOrThrow({ where: { id: open.id } });
    expect(after.filesDeletedAt).toEqual(now);
    expect(await db.document.count({ where: { draftId: open.id } })).toBe(1);
    expect(await sweepReferralDrafts(now)).toEqual({ drafts: 0, documents: 0, files: 0 });
  });
});
