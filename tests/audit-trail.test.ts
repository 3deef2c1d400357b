// Every audit action the app knows is fired here through the code that
// records it, and its event checked: who, what, what about, which case and
// the request id. An action added without a line here fails the first test.
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { auditActionLabels, type AuditAction } from "~/audit-trail/audit-trail.server";
import { createContact } from "~/contacts/create-contact.server";
import { db } from "~/db.server";
import { storeFile } from "~/documents/storage.server";
import { queueEmail } from "~/messages/outbox.server";
import { exportRecords } from "~/records/export.server";
import { importRecords } from "~/records/import.server";
import { csrfToken, findDraft, startDraft } from "~/referrals/drafts.server";
import * as adviceTracker from "~/routes/advice";
import * as adviceExport from "~/routes/advice[.]csv";
import * as trailByUser from "~/routes/audit-trail.users.$userId";
import * as advice from "~/routes/cases.$reference.advice/route";
import * as caseTrail from "~/routes/cases.$reference.audit-trail/route";
import * as allocate from "~/routes/cases.$reference_.allocate";
import * as linkContacts from "~/routes/cases.$reference_.link";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import * as priorHistory from "~/routes/cases.$reference.prior-history/route";
import * as summary from "~/routes/cases.$reference._index/route";
import * as contactsNew from "~/routes/contacts.new";
import * as download from "~/routes/documents.$documentId";
import * as outbox from "~/routes/outbox";
import * as deleteAnswers from "~/routes/refer.delete";
import * as changeHoliday from "~/routes/settings.bank-holidays.$date._index";
import * as removeHoliday from "~/routes/settings.bank-holidays.$date.remove";
import * as addHoliday from "~/routes/settings.bank-holidays.new";
import * as signIn from "~/routes/sign-in";
import * as signOut from "~/routes/sign-out";
import * as editUser from "~/routes/users.$userId";
import * as newUser from "~/routes/users.new";
import { createCase, createUser } from "./factories";
import { minimalPdf } from "./fixtures/files";
import { minimalContactForm, request, run, signedIn, statusOf } from "./helpers";

const PASSWORD = "a long enough password";
const REQUEST_ID = "5d2b9d1e-3f0a-4c52-8a8e-1f9d3c1b4a66";

/** The request a route gets, carrying the correlation id the server would set. */
function traced(...args: Parameters<typeof request>) {
  const req = request(...args);
  req.headers.set("X-Request-Id", REQUEST_ID);
  return req;
}

/** A later contact about someone known before, whose prior-history section has suggested the match. */
async function suggestedMatch() {
  const subject = { firstName: "Imogen", lastName: "Pennyworth", dateOfBirth: new Date("1979-08-21") };
  await createCase(db, { receivedAt: new Date("2025-01-06T10:00:00Z"), subject });
  const file = await createCase(db, { subject });
  const caller = await signedIn(["LADO"]);
  await run(priorHistory.loader, request(`/cases/${file.reference}/prior-history`, { caller }), { reference: file.reference });
  const match = await db.personMatch.findFirstOrThrow({ where: { person: { caseId: file.id }, status: "SUGGESTED" } });
  return { file, caller, matchId: match.id };
}

type Expected = { userId: string | null; subjectType: string | null; subjectId: string | null; caseId: string | null };

/** Each action: do what records it, and say what its event must hold. */
const fire: Record<AuditAction, () => Promise<Expected>> = {
  "auth.sign-in": async () => {
    const user = await createUser(db, { roles: ["LADO"], password: PASSWORD });
    const { value } = await run(signIn.action, traced("/sign-in", { form: { email: user.email, password: PASSWORD } }));
    expect(statusOf(value)).toBe(302);
    return { userId: user.id, subjectType: null, subjectId: null, caseId: null };
  },
  "auth.sign-in-failed": async () => {
    const user = await createUser(db, { roles: ["LADO"], password: PASSWORD });
    const { value } = await run(signIn.action, traced("/sign-in", { form: { email: user.email, password: "not the password" } }));
    expect(statusOf(value)).toBe(400);
    return { userId: user.id, subjectType: null, subjectId: null, caseId: null };
  },
  "auth.sign-out": async () => {
    const caller = await signedIn(["LADO"]);
    await run(signOut.action, traced("/sign-out", { caller, form: {} }));
    return { userId: caller.user.id, subjectType: null, subjectId: null, caseId: null };
  },
  "case.view": async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    await run(summary.loader, traced(`/cases/${file.reference}`, { caller }), { reference: file.reference });
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "case.allocate": async () => {
    const file = await createCase(db);
    const lado = await createUser(db, { roles: ["LADO"] });
    const caller = await signedIn(["MANAGER"]);
    const form = { intent: "allocate", lado: lado.id };
    const { value } = await run(allocate.action, traced(`/cases/${file.reference}/allocate`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "case.link": async () => {
    const first = await createCase(db, { receivedAt: new Date("2026-01-05T10:00:00Z") });
    const later = await createCase(db, { receivedAt: new Date("2026-01-06T10:00:00Z") });
    const caller = await signedIn(["LADO"]);
    const form = { reference: first.reference, reason: "DUPLICATE" };
    const { value } = await run(linkContacts.action, traced(`/cases/${later.reference}/link`, { caller, form }), {
      reference: later.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: later.id, caseId: later.id };
  },
  "referral.submit": async () => {
    const made = await createContact(
      traced("/refer/check"),
      { summary: "Sent online." },
      {
        source: "ONLINE_FORM",
        receivedAt: new Date(),
        loggedById: null,
      },
    );
    return { userId: null, subjectType: "case", subjectId: made.id, caseId: made.id };
  },
  "referral.delete-draft": async () => {
    const started = await startDraft();
    const cookie = started.cookie.split(";")[0]!;
    const draft = (await findDraft(request("/refer/delete", { cookie })))!;
    const { value } = await run(deleteAnswers.action, traced("/refer/delete", { cookie, form: { csrf: csrfToken(draft) } }));
    expect(statusOf(value)).toBe(302);
    return { userId: null, subjectType: "referral-draft", subjectId: started.id, caseId: null };
  },
  "contact.log": async () => {
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await run(
      contactsNew.action,
      traced("/contacts/new", {
        caller,
        form: minimalContactForm,
      }),
    );
    const reference = (value as Response).headers.get("Location")!.split("/").pop()!;
    const made = await db.case.findUniqueOrThrow({ where: { reference } });
    return { userId: caller.user.id, subjectType: "case", subjectId: made.id, caseId: made.id };
  },
  "document.download": async () => {
    const file = await createCase(db);
    const stored = await storeFile(minimalPdf("statement"));
    const doc = await db.document.create({
      data: { kind: "ATTACHMENT", caseId: file.id, filename: "statement.pdf", mediaType: "application/pdf", ...stored },
    });
    const caller = await signedIn(["LADO"]);
    const { value } = await run(download.loader, traced(`/documents/${doc.id}`, { caller }), { documentId: doc.id });
    await (value as Response).body?.cancel();
    return { userId: caller.user.id, subjectType: "document", subjectId: doc.id, caseId: file.id };
  },
  "message.resend": async () => {
    const file = await createCase(db);
    const message = await db.$transaction((tx) =>
      queueEmail(tx, { caseId: file.id, template: "referral-receipt", to: "dsl@example.org", subject: "Receipt", body: "Thank you." }),
    );
    await db.outboundMessage.update({ where: { id: message.id }, data: { status: "FAILED" } });
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    await run(outbox.action, traced("/outbox", { caller, form: { intent: "resend", id: message.id } }));
    return { userId: caller.user.id, subjectType: "message", subjectId: message.id, caseId: file.id };
  },
  "audit-trail.view-case": async () => {
    const file = await createCase(db);
    const caller = await signedIn(["MANAGER"]);
    await run(caseTrail.loader, traced(`/cases/${file.reference}/audit-trail`, { caller }), { reference: file.reference });
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "audit-trail.view-user": async () => {
    const someone = await createUser(db, { roles: ["LADO"] });
    const caller = await signedIn(["ADMIN"]);
    await run(trailByUser.loader, traced(`/audit-trail/users/${someone.id}`, { caller }), { userId: someone.id });
    return { userId: caller.user.id, subjectType: "user", subjectId: someone.id, caseId: null };
  },
  "user.create": async () => {
    const caller = await signedIn(["ADMIN"]);
    const email = `new.${Date.now()}@example.org`;
    await run(newUser.action, traced("/users/new", { caller, form: { name: "Nadia Khan", email, roles: "LADO", password: PASSWORD } }));
    const made = await db.user.findUniqueOrThrow({ where: { email } });
    return { userId: caller.user.id, subjectType: "user", subjectId: made.id, caseId: null };
  },
  "user.update": async () => {
    const someone = await createUser(db, { roles: ["LADO"] });
    const caller = await signedIn(["ADMIN"]);
    await run(
      editUser.action,
      traced(`/users/${someone.id}`, { caller, form: { roles: ["LADO", "MANAGER"], active: "yes", password: "" } }),
      {
        userId: someone.id,
      },
    );
    return { userId: caller.user.id, subjectType: "user", subjectId: someone.id, caseId: null };
  },
  "bank-holiday.add": async () => {
    const caller = await signedIn(["ADMIN"]);
    const form = { "date-day": "16", "date-month": "6", "date-year": "2098", title: "Founders' Day" };
    const { value } = await run(addHoliday.action, traced("/settings/bank-holidays/new", { caller, form }));
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "bank-holiday", subjectId: "2098-06-16", caseId: null };
  },
  "bank-holiday.change": async () => {
    await db.bankHoliday.create({ data: { date: new Date("2098-06-17T00:00:00Z"), title: "Founders' Day" } });
    const caller = await signedIn(["ADMIN"]);
    const form = { "date-day": "18", "date-month": "6", "date-year": "2098", title: "Founders' Day (moved)" };
    const { value } = await run(changeHoliday.action, traced("/settings/bank-holidays/2098-06-17", { caller, form }), {
      date: "2098-06-17",
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "bank-holiday", subjectId: "2098-06-18", caseId: null };
  },
  "case.initial-consideration": async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    const form = { intent: "consider", priorHistorySeen: "yes", immediateActions: "NONE" };
    const { value } = await run(decisions.action, traced(`/cases/${file.reference}/decisions`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "case.decide": async () => {
    const file = await createCase(db, { progress: { decision: null, considered: true } });
    const caller = await signedIn(["LADO"]);
    const form = { intent: "decide", basedOn: "0", category: "ADVICE", rationale: "Below the threshold: advice given." };
    const { value } = await run(decisions.action, traced(`/cases/${file.reference}/decisions`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "cause-for-concern.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN" }] });
    const caller = await signedIn(["LADO"]);
    const form = {
      intent: "agreement",
      agreedActions: "The head will interview the teacher and report back.",
      "agreedAt-day": "2",
      "agreedAt-month": "3",
      "agreedAt-year": "2026",
      "reportBackBy-day": "30",
      "reportBackBy-month": "3",
      "reportBackBy-year": "2026",
    };
    const { value } = await run(decisions.action, traced(`/cases/${file.reference}/decisions`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "prior-history.confirm": async () => {
    const { file, caller, matchId } = await suggestedMatch();
    const form = { intent: "confirm", match: matchId };
    const { value } = await run(priorHistory.action, traced(`/cases/${file.reference}/prior-history`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "person-match", subjectId: matchId, caseId: file.id };
  },
  "prior-history.reject": async () => {
    const { file, caller, matchId } = await suggestedMatch();
    const form = { intent: "reject", match: matchId };
    const { value } = await run(priorHistory.action, traced(`/cases/${file.reference}/prior-history`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "person-match", subjectId: matchId, caseId: file.id };
  },
  "bank-holiday.remove": async () => {
    await db.bankHoliday.create({ data: { date: new Date("2098-06-19T00:00:00Z"), title: "Founders' Day" } });
    const caller = await signedIn(["ADMIN"]);
    const { value } = await run(
      removeHoliday.action,
      traced("/settings/bank-holidays/2098-06-19/remove", { caller, form: { remove: "yes" } }),
      {
        date: "2098-06-19",
      },
    );
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "bank-holiday", subjectId: "2098-06-19", caseId: null };
  },
  "advice.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const caller = await signedIn(["LADO"]);
    const form = { intent: "advice", adviceGiven: "Keep a written record and monitor.", redirectedTo: "NONE" };
    const { value } = await run(advice.action, traced(`/cases/${file.reference}/advice`, { caller, form }), { reference: file.reference });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "advice.letter": async () => {
    const file = await createCase(db, { progress: { decision: "ADVICE" }, referrer: { type: "EMPLOYER", name: "Sam Okafor" } });
    const caller = await signedIn(["LADO"]);
    const form = { intent: "letter", method: "POST" };
    const { value } = await run(advice.action, traced(`/cases/${file.reference}/advice`, { caller, form }), { reference: file.reference });
    expect(statusOf(value)).toBe(302);
    const letter = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "document", subjectId: letter.followUpLetterId, caseId: file.id };
  },
  "advice-tracker.view": async () => {
    const caller = await signedIn(["MANAGER"]);
    await run(adviceTracker.loader, traced("/advice?named=no", { caller }));
    return { userId: caller.user.id, subjectType: "advice-tracker", subjectId: "advice", caseId: null };
  },
  "advice-tracker.export": async () => {
    const caller = await signedIn(["LADO"]);
    const { value } = await run(adviceExport.loader, traced("/advice.csv", { caller }), {}, { dataRequest: false });
    await (value as Response).text();
    return { userId: caller.user.id, subjectType: "advice-tracker", subjectId: "advice", caseId: null };
  },
  "records.import": async () => {
    const file = Buffer.from("reference,received_at,source\r\nAUDIT-IMPORT-1,2019-05-01,phone\r\n");
    const report = await importRecords(db, { open: () => Readable.from([file]), filename: "past.csv", who: null, requestId: REQUEST_ID });
    return { userId: null, subjectType: "import-batch", subjectId: report.batchId, caseId: null };
  },
  "records.export": async () => {
    await exportRecords(db, new PassThrough().resume(), { who: null, name: "everything.csv", requestId: REQUEST_ID });
    return { userId: null, subjectType: "export", subjectId: "everything.csv", caseId: null };
  },
};

describe("the audit trail records every action", () => {
  it("has a check here for every action the app knows", () => {
    expect(Object.keys(fire).sort()).toEqual(Object.keys(auditActionLabels).sort());
  });

  it.each(Object.keys(fire) as AuditAction[])("%s", async (action) => {
    const expected = await fire[action]();
    const events = await db.auditEvent.findMany({ where: { action, requestId: REQUEST_ID, userId: expected.userId } });
    const matching = events.filter((e) => e.subjectId === expected.subjectId);
    expect(matching, `events for ${action}: ${JSON.stringify(events, (_, v) => (typeof v === "bigint" ? String(v) : v))}`).toHaveLength(1);
    expect(matching[0]).toMatchObject(expected);
  });
});
