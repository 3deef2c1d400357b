// The public form's care for the referrer, through the real routes and
// database: deleting their answers from a shared computer, the privacy
// notice, what the confirmation says they will hear back, and what to do now
// in the receipt email.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { uploadDir } from "~/documents/storage.server";
import { attachToDraft, deleteDraft } from "~/referrals/draft-files.server";
import { findDraft } from "~/referrals/drafts.server";
import { hearingBack } from "~/referrals/feedback";
import { nextSteps } from "~/referrals/next-steps";
import * as check from "~/routes/refer.check";
import * as deleteAnswers from "~/routes/refer.delete";
import * as deleted from "~/routes/refer.deleted";
import * as privacy from "~/routes/refer.privacy";
import * as screener from "~/routes/refer.screener";
import * as sent from "~/routes/refer.sent";
import { minimalPdf } from "./fixtures/files";
import { bodyOf, run, statusOf } from "./helpers";
import { referralAnswers } from "./referral-answers";
import { completeAllPages, Referrer } from "./referrer";

const answers = referralAnswers();

/** A referrer part way through, with their answers to two pages and a document attached. */
async function referrerWithAnswersAndFile() {
  const referrer = new Referrer();
  await referrer.begin();
  await referrer.page("about-you", answers["about-you"]!);
  await referrer.page("person", answers.person!);
  const draft = (await findDraft(referrer.request("/refer/delete")))!;
  const attached = await attachToDraft(draft.id, [{ filename: "notes.pdf", mediaType: "", bytes: minimalPdf("What the child said") }]);
  if (!attached.ok) throw new Error(attached.error);
  const document = await db.document.findUniqueOrThrow({ where: { id: attached.documents[0]!.id } });
  return { referrer, draft, document, storedFile: path.join(uploadDir(), document.storageKey) };
}

const deletions = (draftId: string) => db.auditEvent.findMany({ where: { action: "referral.delete-draft", subjectId: draftId } });

describe("deleting my answers", () => {
  it("asks first, going back to the page the referrer came from (and only to a page of the form)", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const csrf = await referrer.csrf();
    const shown = async (query: string) =>
      bodyOf<{ csrf: string; back: string }>((await run(deleteAnswers.loader, referrer.request(`/refer/delete${query}`))).value);
    expect(await shown("?from=person")).toEqual({ csrf, back: "/refer/person" });
    expect((await shown("?from=attachments")).back).toBe("/refer/attachments");
    expect((await shown("?from=https://elsewhere.example")).back).toBe("/refer/check");
    expect((await shown("")).back).toBe("/refer/check");
  });

  it("deletes the draft and its files at once, forgets the cookie, and records that it happened without what was typed", async () => {
    const { referrer, draft, document, storedFile } = await referrerWithAnswersAndFile();
    expect(fs.existsSync(storedFile)).toBe(true);

    const done = (await referrer.post(deleteAnswers.action, "/refer/delete", {})) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/refer/deleted");
    expect(done.headers.get("Set-Cookie")).toMatch(/^lado_referral=; Max-Age=0; Path=\/refer;/);

    expect(await db.referralDraft.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await db.document.findUnique({ where: { id: document.id } })).toBeNull();
    expect(fs.existsSync(storedFile)).toBe(false);

    const events = await deletions(draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: null, subjectType: "referral-draft", subjectId: draft.id, caseId: null, details: {} });
    const recorded = JSON.stringify(events[0], (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const typed of ["Grace Okafor", "Riverside", "Hughes", "notes.pdf", document.storageKey]) expect(recorded).not.toContain(typed);

    // The browser has forgotten the draft: the form starts again, without saying anything expired.
    const after = await run(screener.loader, referrer.request("/refer/screener"));
    expect((after.value as Response).headers.get("Location")).toBe("/refer");
    expect(statusOf((await run(deleted.loader, referrer.request("/refer/deleted"))).value)).toBe(200);
  });

  it("refuses a forged token and deletes nothing", async () => {
    const { referrer, draft, document, storedFile } = await referrerWithAnswersAndFile();
    const { value } = await run(deleteAnswers.action, referrer.request("/refer/delete", { csrf: "forged" }));
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<{ message: string }>(value).message).toBe("tampered");
    expect((await findDraft(referrer.request("/refer/check")))?.answers.pages["about-you"]).toMatchObject(answers["about-you"]!);
    expect(await db.document.findUnique({ where: { id: document.id } })).not.toBeNull();
    expect(fs.existsSync(storedFile)).toBe(true);
    expect(await deletions(draft.id)).toEqual([]);
  });

  it("does not delete a referral already sent: it shows that referral's confirmation", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const draft = (await findDraft(referrer.request("/refer/check")))!;
    const csrf = await referrer.csrf();
    const draftCookie = referrer.cookie;
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });

    const late = new Referrer(referrer.address);
    late.cookie = draftCookie;
    const { value } = await run(deleteAnswers.action, late.request("/refer/delete", { csrf }));
    expect((value as Response).headers.get("Location")).toBe("/refer/sent");
    // Nor when the submission wins a race with the deletion after the page was checked.
    expect(await deleteDraft(late.request("/refer/delete"), draft.id)).toBe(false);
    expect(await db.referralDraft.findUnique({ where: { id: draft.id } })).not.toBeNull();
    expect(await deletions(draft.id)).toEqual([]);
  });

  it("says the answers are deleted only when they are: with a draft still open it asks instead", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const { value } = await run(deleted.loader, referrer.request("/refer/deleted"));
    expect((value as Response).headers.get("Location")).toBe("/refer/delete");
  });
});

describe("the privacy notice", () => {
  it("is public, and says how long records are kept from the retention settings (the shortest, as 'at least')", async () => {
    const shown = async () =>
      bodyOf<{ leastYears: number; draftDays: number; fileHours: number }>(
        (await run(privacy.loader, new Request("http://localhost/refer/privacy"))).value,
      );
    expect(await shown()).toEqual({ leastYears: 6, draftDays: 7, fileHours: 24 });
    await db.setting.create({
      data: {
        key: "retentionYears",
        value: { SUBSTANTIATED: 50, UNSUBSTANTIATED: 25, UNFOUNDED: 12, FALSE: 12, MALICIOUS: 12, NO_ALLEGATION: 8 },
      },
    });
    try {
      expect((await shown()).leastYears).toBe(8);
    } finally {
      await db.setting.delete({ where: { key: "retentionYears" } });
    }
  });
});

describe("the confirmation and the receipt", () => {
  async function send(referrerType: string) {
    const referrer = new Referrer();
    await completeAllPages(referrer, { "who-you-are": { referrerType } });
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    return bodyOf<{ reference: string; feedbackText: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value);
  }

  it.each([
    ["EMPLOYER", "professional"],
    ["REGULATOR", "professional"],
    ["PARENT_CARER", "limited"],
    ["MEMBER_OF_PUBLIC", "limited"],
  ] as const)("tells a referrer of type %s what they will hear back (%s feedback)", async (type, kind) => {
    expect((await send(type)).feedbackText).toBe(hearingBack(kind));
  });

  it("says what each kind of referrer hears when it does not know who this one is (a replay after sending)", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer, { "who-you-are": { referrerType: "PARENT_CARER" } });
    const csrf = await referrer.csrf();
    const draftCookie = referrer.cookie;
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    const replaying = new Referrer(referrer.address);
    replaying.cookie = draftCookie;
    replaying.keep((await run(check.action, replaying.request("/refer/check", { csrf, declaration: "yes" }))).value);
    const shown = bodyOf<{ feedbackText: string }>((await run(sent.loader, replaying.request("/refer/sent"))).value);
    expect(shown.feedbackText).toBe(hearingBack(null));
    expect(hearingBack(null)).toMatch(/^Professionals .* Parents and members of the public/);
  });

  it("emails the referrer what to do now, in the same words as the pages", async () => {
    const { reference } = await send("EMPLOYER");
    const receipt = await db.outboundMessage.findFirstOrThrow({ where: { template: "referral-receipt", case: { reference } } });
    expect(receipt.body).toContain("What to do now:\n");
    for (const step of nextSteps) expect(receipt.body).toContain(`- ${step}`);
  });
});
