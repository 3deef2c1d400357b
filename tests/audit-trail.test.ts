// Every audit action the app knows is fired here through the code that
// records it, and its event checked: who, what, what about, which case and
// the request id. An action added without a line here fails the first test.
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { auditActionLabels, type AuditAction } from "~/audit-trail/audit-trail.server";
import { createContact } from "~/contacts/create-contact.server";
import { ruleValues } from "~/config/settings-form.server";
import { getSettings } from "~/config/settings.server";
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
import * as chronologyPage from "~/routes/cases.$reference.chronology/route";
import * as caseFilePdf from "~/routes/cases.$reference_.case-file[.]pdf";
import * as closure from "~/routes/cases.$reference.closure/route";
import * as allocate from "~/routes/cases.$reference_.allocate";
import * as linkContacts from "~/routes/cases.$reference_.link";
import * as meetings from "~/routes/cases.$reference.meetings/route";
import * as myWork from "~/routes/my-work";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import * as employer from "~/routes/cases.$reference.employer/route";
import * as informing from "~/routes/cases.$reference.informing/route";
import * as outcomeSection from "~/routes/cases.$reference.outcome/route";
import * as policeSection from "~/routes/cases.$reference.police/route";
import * as priorHistory from "~/routes/cases.$reference.prior-history/route";
import * as summary from "~/routes/cases.$reference._index/route";
import * as contactsNew from "~/routes/contacts.new";
import * as download from "~/routes/documents.$documentId";
import * as outbox from "~/routes/outbox";
import * as deleteAnswers from "~/routes/refer.delete";
import * as changeHoliday from "~/routes/settings.bank-holidays.$date._index";
import * as removeHoliday from "~/routes/settings.bank-holidays.$date.remove";
import * as addHoliday from "~/routes/settings.bank-holidays.new";
import * as serviceRules from "~/routes/settings.rules";
import * as signIn from "~/routes/sign-in";
import * as signOut from "~/routes/sign-out";
import * as team from "~/routes/team";
import * as editUser from "~/routes/users.$userId";
import * as newUser from "~/routes/users.new";
import type { Role } from "~/generated/prisma/enums";
import { londonDay } from "~/utils/dates";
import { createCase, createUser, type ClosureFields, type PoliceInput } from "./factories";
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

/** An allegation with its outcome and no open action, with `closures`, and one of its closure section's forms sent by a new user with `roles`. */
async function closureForm(roles: Role[], closures: ClosureFields[], form: Record<string, string>, receivedAt?: Date) {
  const file = await createCase(db, {
    ...(receivedAt ? { receivedAt } : {}),
    decisions: [{ category: "ALLEGATION" }],
    outcome: { outcome: "UNFOUNDED" },
    actions: [],
    delayReasons: [],
    closures,
  });
  const caller = await signedIn(roles);
  const { value } = await run(closure.action, traced(`/cases/${file.reference}/closure`, { caller, form }), { reference: file.reference });
  return { file, value, caller };
}

type Expected = { userId: string | null; subjectType: string | null; subjectId: string | null; caseId: string | null };

/** Each action: do what records it, and say what its event must hold. */
/** An allegation received a week ago, a LADO, and a form of its meetings section sent by them. */
async function meetingsForm(form: (caseId: string) => Promise<Record<string, string>>) {
  const file = await createCase(db, {
    receivedAt: new Date(Date.now() - 7 * 86_400_000),
    decisions: [{ category: "ALLEGATION" }],
    meetings: [],
    actions: [],
  });
  const caller = await signedIn(["LADO"]);
  const { value } = await run(meetings.action, traced(`/cases/${file.reference}/meetings`, { caller, form: await form(file.id) }), {
    reference: file.reference,
  });
  expect(statusOf(value)).toBe(302);
  return { file, caller };
}

/** A form sent to an allegation's police section (with `police` recorded first when given). */
async function policeForm(form: Record<string, string>, police?: PoliceInput) {
  const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }], police });
  const caller = await signedIn(["LADO"]);
  const { value } = await run(policeSection.action, traced(`/cases/${file.reference}/police`, { caller, form }), {
    reference: file.reference,
  });
  expect(statusOf(value)).toBe(302);
  return { file, caller };
}

/** The fields of a GOV.UK date input for the London day `days` from today. */
function dayFields(name: string, days: number) {
  const [y, m, d] = londonDay(new Date(Date.now() + days * 86_400_000)).split("-");
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

const meetingArrangements = (days: number) => ({
  type: "EVALUATION",
  ...dayFields("heldDate", days),
  heldTime: "10:00",
  mode: "ONLINE",
  location: "Teams",
  chair: "Priya Shah",
});

const aMeeting = (caseId: string, days: number, recorded = false) =>
  db.meeting.create({
    data: {
      caseId,
      type: "EVALUATION",
      heldAt: new Date(Date.now() + days * 86_400_000),
      recordedAt: recorded ? new Date() : null,
      attendees: recorded ? { create: [{ name: "Tom Okafor", agency: "School", email: "head@school.example.org" }] } : undefined,
    },
  });

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
  "settings.change": async () => {
    const caller = await signedIn(["ADMIN"]);
    const form = { ...ruleValues(await getSettings()), concludedWithinOneMonthTarget: "75" };
    const { value } = await run(serviceRules.action, traced("/settings/rules", { caller, form }));
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "setting", subjectId: "concludedWithinOneMonthTarget", caseId: null };
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
  "my-work.view": async () => {
    const caller = await signedIn(["LADO"]);
    expect(statusOf((await run(myWork.loader, traced("/my-work", { caller }))).value)).toBe(200);
    return { userId: caller.user.id, subjectType: "user", subjectId: caller.user.id, caseId: null };
  },
  "team.view": async () => {
    const caller = await signedIn(["MANAGER"]);
    expect(statusOf((await run(team.loader, traced("/team?lado=unallocated", { caller }))).value)).toBe(200);
    return { userId: caller.user.id, subjectType: "team", subjectId: "unallocated", caseId: null };
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
  "meeting.schedule": async () => {
    const { file, caller } = await meetingsForm(async () => ({ intent: "schedule", ...meetingArrangements(3) }));
    const meeting = await db.meeting.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "meeting", subjectId: meeting.id, caseId: file.id };
  },
  "meeting.record": async () => {
    let meetingId = "";
    const { file, caller } = await meetingsForm(async (caseId) => {
      meetingId = (await aMeeting(caseId, -1)).id;
      return {
        intent: "record",
        meetingId,
        version: "1",
        ...meetingArrangements(-1),
        "attendeeName-1": "Tom Okafor",
        "attendeeAgency-1": "School",
        "attendeeAttended-1": "yes",
        informationShared: "The concern.",
        decisions: "Threshold met.",
      };
    });
    return { userId: caller.user.id, subjectType: "meeting", subjectId: meetingId, caseId: file.id };
  },
  "meeting.cancel": async () => {
    let meetingId = "";
    const { file, caller } = await meetingsForm(async (caseId) => {
      meetingId = (await aMeeting(caseId, 2)).id;
      return { intent: "cancel", meetingId, version: "1", cancelReason: "Police asked for a delay." };
    });
    return { userId: caller.user.id, subjectType: "meeting", subjectId: meetingId, caseId: file.id };
  },
  "meeting.minutes": async () => {
    let meetingId = "";
    const { file, caller } = await meetingsForm(async (caseId) => {
      meetingId = (await aMeeting(caseId, -1, true)).id;
      return { intent: "minutes", meetingId };
    });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    return { userId: caller.user.id, subjectType: "document", subjectId: meeting.minutesId, caseId: file.id };
  },
  "action.add": async () => {
    const { file, caller } = await meetingsForm(async () => ({
      intent: "action",
      description: "Chase the police.",
      ownerName: "Priya Shah",
      ownerAgency: "LADO service",
      ...dayFields("dueDate", 2),
    }));
    const action = await db.action.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "action", subjectId: action.id, caseId: file.id };
  },
  "action.update": async () => {
    let actionId = "";
    const { file, caller } = await meetingsForm(async (caseId) => {
      const action = await db.action.create({
        data: {
          caseId,
          description: "Chase the police.",
          ownerName: "Priya Shah",
          ownerAgency: "LADO",
          dueDate: new Date(`${londonDay(new Date())}T00:00:00Z`),
        },
      });
      actionId = action.id;
      return { intent: "action-update", actionId, version: "1", status: "DONE", completionNote: "Chased.", ...dayFields("dueDate", 0) };
    });
    return { userId: caller.user.id, subjectType: "action", subjectId: actionId, caseId: file.id };
  },
  "closure.propose": async () => {
    const { file, value, caller } = await closureForm(["LADO"], [], {
      intent: "propose",
      closureReason: "Outcome recorded, letters sent.",
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.closure.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "closure", subjectId: row.id, caseId: file.id };
  },
  "closure.sign-off": async () => {
    const { file, value, caller } = await closureForm(["MANAGER"], [{}], { intent: "sign-off" });
    expect(statusOf(value)).toBe(302);
    const row = await db.closure.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "closure", subjectId: row.id, caseId: file.id };
  },
  "closure.return": async () => {
    const { file, value, caller } = await closureForm(["MANAGER"], [{}], {
      intent: "return",
      returnComment: "Send the outcome letter first.",
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.closure.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "closure", subjectId: row.id, caseId: file.id };
  },
  "closure.reopen": async () => {
    const signedOff = { signedOffAt: new Date(Date.now() - 60_000) };
    const { file, value, caller } = await closureForm(["LADO"], [signedOff], {
      intent: "reopen",
      reopenReason: "New information received.",
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.closure.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "closure", subjectId: row.id, caseId: file.id };
  },
  "delay-reason.record": async () => {
    const month = `${londonDay(new Date()).slice(0, 7)}-01`;
    const form = { intent: "delay-reason", month, delayReason: "Awaiting a charging decision." };
    const { file, value, caller } = await closureForm(["LADO"], [], form, new Date(Date.now() - 200 * 86_400_000));
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "legal-hold.place": async () => {
    const { file, value, caller } = await closureForm(["MANAGER"], [], { intent: "place-hold", holdReason: "Public inquiry direction." });
    expect(statusOf(value)).toBe(302);
    const hold = await db.legalHold.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "legal-hold", subjectId: hold.id, caseId: file.id };
  },
  "legal-hold.lift": async () => {
    const placer = await createUser(db, { roles: ["MANAGER"] });
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }], closures: [] });
    const hold = await db.legalHold.create({ data: { caseId: file.id, reason: "Litigation", placedById: placer.id } });
    const caller = await signedIn(["MANAGER"]);
    const form = { intent: "lift-hold", holdId: hold.id };
    const { value } = await run(closure.action, traced(`/cases/${file.reference}/closure`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    return { userId: caller.user.id, subjectType: "legal-hold", subjectId: hold.id, caseId: file.id };
  },
  "employer-action.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const caller = await signedIn(["LADO"]);
    const form = { intent: "employer-action", version: "0", suspensionConsidered: "no", suspended: "no", redeployed: "no" };
    const { value } = await run(employer.action, traced(`/cases/${file.reference}/employer`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "employer-action", subjectId: row.id, caseId: file.id };
  },
  "outcome.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const caller = await signedIn(["LADO"]);
    const [year, month, day] = londonDay(new Date()).split("-");
    const form = {
      intent: "outcome",
      version: "0",
      outcome: "UNFOUNDED",
      rationale: "No evidence supports the allegation being made.",
      "decidedAt-day": day!,
      "decidedAt-month": month!,
      "decidedAt-year": year!,
    };
    const { value } = await run(outcomeSection.action, traced(`/cases/${file.reference}/outcome`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.outcome.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "outcome", subjectId: row.id, caseId: file.id };
  },
  "onward-referral.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const caller = await signedIn(["LADO"]);
    const [year, month, day] = londonDay(new Date()).split("-");
    const form = {
      intent: "onward-referral",
      body: "TRA",
      "referredAt-day": day!,
      "referredAt-month": month!,
      "referredAt-year": year!,
      referredBy: "The headteacher",
    };
    const { value } = await run(outcomeSection.action, traced(`/cases/${file.reference}/outcome`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.onwardReferral.findFirstOrThrow({ where: { caseId: file.id, body: "TRA" } });
    return { userId: caller.user.id, subjectType: "onward-referral", subjectId: row.id, caseId: file.id };
  },
  "outcome-letter.send": async () => {
    const file = await createCase(db, { progress: { decision: "ALLEGATION", concluded: { outcome: "FALSE" } } });
    const caller = await signedIn(["LADO"]);
    const form = { intent: "outcome-letter", recipient: "EMPLOYER", method: "POST" };
    const { value } = await run(outcomeSection.action, traced(`/cases/${file.reference}/outcome`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const letter = await db.outcomeLetter.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "document", subjectId: letter.documentId, caseId: file.id };
  },
  "police.record": async () => {
    const { file, caller } = await policeForm({ intent: "involvement", version: "0", status: "INVESTIGATING" });
    const police = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "police", subjectId: police.id, caseId: file.id };
  },
  "police.update": async () => {
    const form = { intent: "update", ...dayFields("updateDate", 0), updateStatus: "ON_BAIL", updateNote: "Arrested and bailed." };
    const { file, caller } = await policeForm(form, { status: "INVESTIGATING", updates: [] });
    const police = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "police", subjectId: police.id, caseId: file.id };
  },
  "police.challenge": async () => {
    const form = {
      intent: "challenge",
      ...dayFields("challengeDate", 0),
      challengeKind: "CHALLENGE",
      challengeTo: "DC Hussain",
      challengeDetail: "Progress?",
    };
    const { file, caller } = await policeForm(form, { status: "INVESTIGATING", updates: [], challenges: [] });
    const police = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "police", subjectId: police.id, caseId: file.id };
  },
  "social-care.record": async () => {
    const { file, caller } = await policeForm({ intent: "section47", version: "0", held: "no" });
    const enquiry = await db.section47Enquiry.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "social-care", subjectId: enquiry.id, caseId: file.id };
  },
  "employer-investigation.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const caller = await signedIn(["LADO"]);
    const form = {
      intent: "employer-investigation",
      version: "0",
      investigationAgreed: "HR investigate.",
      investigationStatus: "NOT_STARTED",
    };
    const { value } = await run(employer.action, traced(`/cases/${file.reference}/employer`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.employerInvestigation.findUniqueOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "employer-investigation", subjectId: row.id, caseId: file.id };
  },
  "informing.record": async () => {
    const file = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const caller = await signedIn(["LADO"]);
    const form = { kind: "CHILD_FEEDBACK", version: "0", done: "no", notDoneReason: "The child's parents asked that we wait." };
    const { value } = await run(informing.action, traced(`/cases/${file.reference}/informing`, { caller, form }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.informing.findFirstOrThrow({ where: { caseId: file.id } });
    return { userId: caller.user.id, subjectType: "informing", subjectId: row.id, caseId: file.id };
  },
  "case.chronology": async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    await run(chronologyPage.loader, traced(`/cases/${file.reference}/chronology`, { caller }), { reference: file.reference });
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
  },
  "case.file-export": async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    const { value } = await run(
      caseFilePdf.loader,
      traced(`/cases/${file.reference}/case-file.pdf`, { caller }),
      { reference: file.reference },
      { dataRequest: false },
    );
    expect(statusOf(value)).toBe(200);
    return { userId: caller.user.id, subjectType: "case", subjectId: file.id, caseId: file.id };
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
