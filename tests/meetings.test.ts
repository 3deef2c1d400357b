// Meetings and actions on an allegation, through the section's forms:
// scheduling (ahead, or for a meeting already held; never before the contact
// was received), bad input refused field by field with the answers kept,
// recording who came and what was decided with actions agreed, a save from
// an out-of-date page refused with what changed, cancelling with a reason,
// the minutes as a tagged PDF (read back with pdftotext: CONFIDENTIAL and
// the reference on every page) emailed to each attendee with an address,
// actions added and updated (done needs a note), overdue actions listed for
// "My work", and who may post.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

Object.assign(process.env, { COUNCIL_NAME: "Barsetshire County Council", COUNCIL_ADDRESS: "County Hall\\nBarchester" });

const { db } = await import("~/db.server");
const meetingsPage = await import("~/routes/cases.$reference.meetings/route");
const { openActionsDue } = await import("~/allegations/actions.server");
const { meetingsDue } = await import("~/allegations/meetings.server");
const { readDocument } = await import("~/documents/storage.server");
const { createCase, createUser } = await import("./factories");
const { bodyOf, dateFields, request, run, signedIn, statusOf } = await import("./helpers");
const { londonDay, addDaysToDay } = await import("~/utils/dates");

type Caller = Awaited<ReturnType<typeof signedIn>>;
type Answer = { errors: Record<string, string>; values: Record<string, string> };

const today = londonDay(new Date());
const yesterday = addDaysToDay(today, -1);

/** An allegation received ten days ago. */
const allegation = () =>
  createCase(db, {
    receivedAt: new Date(Date.now() - 10 * 86_400_000),
    decisions: [{ category: "ALLEGATION" }],
    meetings: [],
    actions: [],
  });

async function post(reference: string, caller: Caller, form: Record<string, string>) {
  const { value } = await run(meetingsPage.action, request(`/cases/${reference}/meetings`, { caller, form }), { reference });
  return value;
}

async function load(reference: string, caller: Caller, query = "") {
  const { value } = await run(meetingsPage.loader, request(`/cases/${reference}/meetings${query}`, { caller }), { reference });
  return bodyOf<Awaited<ReturnType<typeof meetingsPage.loader>>>(value);
}

const arrangements = (day: string, fields: Record<string, string> = {}) => ({
  type: "EVALUATION",
  ...dateFields("heldDate", day),
  heldTime: "10:30",
  mode: "HYBRID",
  location: "Room 2, County Hall, and Teams",
  chair: "Priya Shah, LADO",
  ...fields,
});

const schedule = (reference: string, caller: Caller, day: string, fields: Record<string, string> = {}) =>
  post(reference, caller, { intent: "schedule", ...arrangements(day, fields) });

async function scheduled(reference: string, caller: Caller, day: string) {
  expect(statusOf(await schedule(reference, caller, day))).toBe(302);
  return db.meeting.findFirstOrThrow({ where: { case: { reference } }, orderBy: { createdAt: "desc" } });
}

function recordFields(meeting: { id: string }, version: number, day: string, ownerId = "") {
  return {
    intent: "record",
    meetingId: meeting.id,
    version: String(version),
    attendeeRows: "4",
    actionRows: "2",
    ...arrangements(day),
    "attendeeName-1": "Priya Shah",
    "attendeeAgency-1": "LADO service",
    "attendeeRole-1": "LADO (chair)",
    "attendeeEmail-1": "priya.shah@barsetshire.example.gov.uk",
    "attendeeAttended-1": "yes",
    "attendeeName-2": "Tom Okafor",
    "attendeeAgency-2": "St Mary's Primary School",
    "attendeeRole-2": "Headteacher",
    "attendeeEmail-2": "head@stmarys.example.org",
    "attendeeAttended-2": "yes",
    "attendeeName-3": "DC Ruth Lane",
    "attendeeAgency-3": "Barsetshire Police",
    "attendeeRole-3": "Investigating officer",
    "attendeeAttended-3": "no",
    informationShared: "The head summarised the concern.\n\nPolice have opened an investigation.",
    decisions: "Harm threshold confirmed. The employer to consider suspension.",
    "actionDescription-1": "Confirm the suspension in writing",
    "actionOwnerName-1": "Tom Okafor",
    "actionOwnerAgency-1": "St Mary's Primary School",
    "actionOwnerUser-1": ownerId,
    ...dateFields("actionDue-1", addDaysToDay(today, 3)),
    ...dateFields("nextReviewDate", addDaysToDay(day, 21)),
  };
}

/** pdftotext's reading of a PDF, one string per page. */
function pdfPages(bytes: Uint8Array) {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes })
    .toString("utf8")
    .split("\f")
    .filter((p) => p.trim());
}

const events = (action: string, caseId: string) => db.auditEvent.findMany({ where: { action, caseId }, orderBy: { at: "asc" } });

describe("scheduling a meeting", () => {
  it("schedules one ahead, audited, with the evaluation meeting still due until it is held", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const meeting = await scheduled(file.reference, lado, addDaysToDay(today, 2));
    expect(meeting).toMatchObject({
      type: "EVALUATION",
      mode: "HYBRID",
      location: "Room 2, County Hall, and Teams",
      chair: "Priya Shah, LADO",
      recordedAt: null,
      version: 1,
    });
    expect(londonDay(meeting.heldAt)).toBe(addDaysToDay(today, 2));
    const [event] = await events("meeting.schedule", file.id);
    expect(event).toMatchObject({ userId: lado.user.id, subjectType: "meeting", subjectId: meeting.id, details: { version: 1 } });
    const page = await load(file.reference, lado);
    expect(page.due).toMatchObject({ kind: "EVALUATION", overdue: true });
    expect(page.file.meetings.map((m) => m.id)).toEqual([meeting.id]);
  });

  it("refuses bad input field by field, keeping what was typed; a meeting before the contact is a field error", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const empty = await post(file.reference, lado, { intent: "schedule", chair: "Priya Shah" });
    expect(statusOf(empty)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(empty).errors)).toEqual(["type", "heldDate", "heldTime", "mode", "location"]);
    expect(bodyOf<Answer>(empty).values.chair).toBe("Priya Shah");

    const badTime = await schedule(file.reference, lado, today, { heldTime: "25:00" });
    expect(bodyOf<Answer>(badTime).errors).toEqual({ heldTime: "Enter the time of the meeting in 24-hour format, like 14:30" });
    const before = await schedule(file.reference, lado, addDaysToDay(today, -20));
    expect(statusOf(before)).toBe(400);
    expect(bodyOf<Answer>(before).errors.heldDate).toMatch(/^The date of the meeting must be on or after the day the contact was received/);
    expect(bodyOf<Answer>(before).values.location).toBe("Room 2, County Hall, and Teams");
    expect(await db.meeting.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("refuses a case that is not an allegation", async () => {
    const file = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    const value = await schedule(file.reference, lado, today);
    expect(statusOf(value)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(value).errors)).toEqual(["type"]);
  });
});

describe("recording a meeting", () => {
  it("records who came or sent apologies, what was decided and the actions agreed; reviews then fall due", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const owner = await createUser(db, { roles: ["LADO"], name: "Priya Shah" });
    const day = addDaysToDay(today, -2);
    const meeting = await scheduled(file.reference, lado, day);
    const value = await post(file.reference, lado, recordFields(meeting, 1, day, owner.id));
    expect(statusOf(value)).toBe(302);
    const saved = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { attendees: true, actions: true } });
    expect(saved.version).toBe(2);
    expect(saved.recordedAt).toBeInstanceOf(Date);
    expect(saved.decisions).toBe("Harm threshold confirmed. The employer to consider suspension.");
    expect(saved.attendees.map((a) => [a.name, a.attended, a.email]).sort()).toEqual([
      ["DC Ruth Lane", false, null],
      ["Priya Shah", true, "priya.shah@barsetshire.example.gov.uk"],
      ["Tom Okafor", true, "head@stmarys.example.org"],
    ]);
    expect(saved.actions).toMatchObject([
      { description: "Confirm the suspension in writing", ownerName: "Tom Okafor", ownerUserId: owner.id, status: "OPEN", version: 1 },
    ]);
    expect((await events("meeting.record", file.id))[0]).toMatchObject({
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { version: 2, first: true, attended: 2, apologies: 1, actionsAgreed: 1 },
    });
    expect((await events("action.add", file.id))[0]).toMatchObject({ subjectType: "action", subjectId: saved.actions[0]!.id });
    // With the evaluation meeting held and no outcome yet, a review is due by the next review date asked for.
    expect((await load(file.reference, lado)).due).toEqual({ kind: "REVIEW", dueOn: addDaysToDay(day, 21), overdue: false });
  });

  it("keeps bad input with its errors: a meeting in the future, no one there, half a row, a stranger as owner", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const ahead = addDaysToDay(today, 3);
    const meeting = await scheduled(file.reference, lado, ahead);
    const form = recordFields(meeting, 1, ahead);
    const value = await post(file.reference, lado, {
      ...form,
      "attendeeName-1": "",
      "attendeeAgency-1": "",
      "attendeeRole-1": "",
      "attendeeEmail-1": "",
      "attendeeAgency-2": "",
      "attendeeEmail-3": "not an email",
      "actionOwnerName-1": "",
      decisions: "",
    });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Answer>(value).errors).toMatchObject({
      heldDate: "A meeting is recorded once held: its date and time must be in the past",
      "attendeeAgency-2": "Enter the agency of attendee 2",
      "attendeeEmail-3": "Enter an email address in the correct format, like name@example.org",
      decisions: "Enter the decisions made at the meeting",
      "actionOwnerName-1": "Enter who owns action 1",
    });
    expect(bodyOf<Answer>(value).values.informationShared).toBe(form.informationShared);

    const nobody = Object.fromEntries(Object.entries(recordFields(meeting, 1, yesterday)).filter(([k]) => !k.startsWith("attendee")));
    expect(bodyOf<Answer>(await post(file.reference, lado, nobody)).errors).toEqual({
      "attendeeName-1": "Enter at least one person who attended or sent apologies",
    });
    const stranger = await createUser(db, { roles: ["BUSINESS_SUPPORT"] });
    expect(bodyOf<Answer>(await post(file.reference, lado, recordFields(meeting, 1, yesterday, stranger.id))).errors).toEqual({
      "actionOwnerUser-1": "Choose a member of staff from the list",
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).recordedAt).toBeNull();
  });

  it("brings the form back with another row, saving nothing", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const meeting = await scheduled(file.reference, lado, yesterday);
    const value = await post(file.reference, lado, { ...recordFields(meeting, 1, yesterday), intent: "add-attendee" });
    expect(statusOf(value)).toBe(200);
    expect(bodyOf<Answer>(value)).toMatchObject({
      errors: {},
      values: { attendeeRows: "5", actionRows: "2", "attendeeName-2": "Tom Okafor" },
    });
    const more = await post(file.reference, lado, { ...recordFields(meeting, 1, yesterday), intent: "add-action", actionRows: "2" });
    expect(bodyOf<Answer>(more).values.actionRows).toBe("3");
    expect(await db.meetingAttendee.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("refuses a save from an out-of-date page, saying who changed what, with the answers kept", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const other = await signedIn(["MANAGER"]);
    const meeting = await scheduled(file.reference, lado, yesterday);
    expect(statusOf(await post(file.reference, other, recordFields(meeting, 1, yesterday)))).toBe(302);
    const stale = await post(file.reference, lado, { ...recordFields(meeting, 1, yesterday), decisions: "My version of the decisions." });
    expect(statusOf(stale)).toBe(409);
    const answer = bodyOf<Answer>(stale);
    expect(answer.errors.version).toContain(`${other.user.name} changed`);
    expect(answer.errors.version).toContain("the attendees");
    expect(answer.values).toMatchObject({ decisions: "My version of the decisions.", version: "2" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).decisions).not.toBe("My version of the decisions.");
    // Saved again from the version it came back with, it goes through.
    expect(statusOf(await post(file.reference, lado, { ...answer.values, intent: "record" }))).toBe(302);
  });
});

describe("cancelling a meeting", () => {
  it("needs a reason, is audited, and a held meeting cannot be cancelled", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const meeting = await scheduled(file.reference, lado, addDaysToDay(today, 1));
    const form = { intent: "cancel", meetingId: meeting.id, version: "1" };
    expect(bodyOf<Answer>(await post(file.reference, lado, form)).errors).toEqual({ cancelReason: "Enter why the meeting is cancelled" });
    expect(statusOf(await post(file.reference, lado, { ...form, cancelReason: "The police asked for it to wait a week." }))).toBe(302);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      cancelledReason: "The police asked for it to wait a week.",
      version: 2,
    });
    expect((await events("meeting.cancel", file.id))[0]).toMatchObject({ subjectId: meeting.id, details: { version: 2 } });

    const held = await scheduled(file.reference, lado, yesterday);
    await post(file.reference, lado, recordFields(held, 1, yesterday));
    const refused = await post(file.reference, lado, { intent: "cancel", meetingId: held.id, version: "2", cancelReason: "Too late" });
    expect(statusOf(refused)).toBe(409);
    expect(bodyOf<Answer>(refused).errors).toEqual({ version: "This meeting has been held and recorded, so it cannot be cancelled" });
  });
});

describe("the minutes", () => {
  it("are a tagged PDF marked CONFIDENTIAL with the reference on every page, kept on the case and emailed to each attendee with an address", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const meeting = await scheduled(file.reference, lado, yesterday);
    const notYet = await post(file.reference, lado, { intent: "minutes", meetingId: meeting.id });
    expect(bodyOf<Answer>(notYet).errors).toEqual({ version: "Record the meeting before making its minutes" });
    await post(file.reference, lado, {
      ...recordFields(meeting, 1, yesterday),
      // Long enough to run onto a second page.
      informationShared: Array.from({ length: 40 }, (_, i) => `Point ${i + 1}: what was shared at the meeting.`).join("\n\n"),
    });
    expect(statusOf(await post(file.reference, lado, { intent: "minutes", meetingId: meeting.id }))).toBe(302);

    const saved = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { minutes: true } });
    expect(saved.minutesSentAt).toBeInstanceOf(Date);
    const document = saved.minutes!;
    expect(document).toMatchObject({ caseId: file.id, kind: "MEETING_MINUTES", mediaType: "application/pdf", uploadedById: lado.user.id });
    const bytes = (await readDocument(document.storageKey))!;
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain("CONFIDENTIAL");
      expect(page).toContain(`Reference ${file.reference}`);
    }
    const text = pages.join("\n").replace(/\s+/g, " ");
    for (const expected of [
      "Minutes: Evaluation (ASV) meeting",
      "Hybrid (in person and online)",
      "Chair: Priya Shah, LADO",
      "Tom Okafor, Headteacher, St Mary's Primary School",
      "Apologies",
      "DC Ruth Lane, Investigating officer, Barsetshire Police",
      "Point 40: what was shared at the meeting.",
      "Harm threshold confirmed.",
      "Confirm the suspension in writing Owner: Tom Okafor (St Mary's Primary School).",
      "Next review",
    ]) {
      expect(text).toContain(expected);
    }
    expect(execFileSync("pdfinfo", ["-"], { input: bytes }).toString()).toMatch(/Tagged:\s+yes/);

    const messages = await db.outboundMessage.findMany({ where: { caseId: file.id, template: "meeting-minutes" } });
    expect(messages.map((m) => m.toAddress).sort()).toEqual(["head@stmarys.example.org", "priya.shah@barsetshire.example.gov.uk"]);
    for (const m of messages) {
      expect(m).toMatchObject({ documentId: document.id, status: "OUTBOX" });
      expect(m.subject).toContain(file.reference);
    }
    expect((await events("meeting.minutes", file.id))[0]).toMatchObject({
      userId: lado.user.id,
      subjectType: "document",
      subjectId: document.id,
      details: { meetingId: meeting.id, emailed: 2 },
    });
    // The section links to them for download.
    expect((await load(file.reference, lado)).file.meetings[0]!.minutes?.id).toBe(document.id);
  });
});

describe("actions", () => {
  it("are added outside a meeting; done or cancelled needs a completion note; a stale update is refused; overdue ones are listed", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await db.case.update({ where: { id: file.id }, data: { allocatedToId: lado.user.id } });
    const bad = await post(file.reference, lado, {
      intent: "action",
      description: "Chase the police",
      ...dateFields("dueDate", "2001-01-01"),
    });
    expect(bodyOf<Answer>(bad).errors).toMatchObject({ ownerName: "Enter who owns the action", ownerAgency: "Enter the owner's agency" });
    expect(bodyOf<Answer>(bad).errors.dueDate).toMatch(/^The due date must be on or after the day the contact was received/);
    const form = {
      intent: "action",
      description: "Chase the police for the interview date",
      ownerName: "Priya Shah",
      ownerAgency: "LADO service",
      ...dateFields("dueDate", addDaysToDay(today, -1)),
    };
    expect(statusOf(await post(file.reference, lado, form))).toBe(302);
    const action = await db.action.findFirstOrThrow({ where: { caseId: file.id } });
    expect(action).toMatchObject({ meetingId: null, status: "OPEN", version: 1 });
    expect((await events("action.add", file.id))[0]).toMatchObject({ subjectType: "action", subjectId: action.id });

    // Overdue: open, due before today in London. On the section and for "My work".
    expect((await load(file.reference, lado)).overdue).toEqual([action.id]);
    expect(await openActionsDue({ caseIds: [file.id] })).toMatchObject([{ id: action.id, reference: file.reference, overdue: true }]);
    expect((await openActionsDue({ ladoId: lado.user.id })).map((a) => a.id)).toEqual([action.id]);

    const update = {
      intent: "action-update",
      actionId: action.id,
      version: "1",
      status: "DONE",
      ...dateFields("dueDate", addDaysToDay(today, -1)),
    };
    expect(bodyOf<Answer>(await post(file.reference, lado, update)).errors).toEqual({
      completionNote: "Enter a completion note saying what was done",
    });
    expect(statusOf(await post(file.reference, lado, { ...update, completionNote: "Interview set for Tuesday." }))).toBe(302);
    const done = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(done).toMatchObject({ status: "DONE", completionNote: "Interview set for Tuesday.", version: 2 });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect((await events("action.update", file.id))[0]).toMatchObject({
      subjectId: action.id,
      details: { version: 2, changed: ["status", "completionNote"] },
    });
    expect(await openActionsDue({ caseIds: [file.id] })).toEqual([]);

    const stale = await post(file.reference, lado, { ...update, status: "CANCELLED", completionNote: "Not needed." });
    expect(statusOf(stale)).toBe(409);
    expect(bodyOf<Answer>(stale).errors.version).toContain("the status");
  });
});

describe("who may post", () => {
  it("refuses business support (403) and lets a LADO and a manager", async () => {
    const file = await allegation();
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf(await schedule(file.reference, support, today))).toBe(403);
    expect(statusOf(await schedule(file.reference, await signedIn(["MANAGER"]), today))).toBe(302);
    expect(statusOf(await schedule(file.reference, await signedIn(["LADO"]), today))).toBe(302);
    // Business support may read the section, without the forms.
    const page = await load(file.reference, support);
    expect(page.canWrite).toBe(false);
    expect(page.file.meetings).toHaveLength(2);
    expect(await meetingsDue([file.id])).toHaveProperty("size", 1);
  });
});
