// The triage queue: which contacts wait, in what order, and how late.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as triagePage from "~/routes/triage";
import { TRIAGE_QUEUE_LIMIT, triageQueue, type TriageQueue } from "~/triage/queue.server";
import { buildCase, createCase, createCases, createOrganisation, createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

// Friday 27 November 2026, 5pm (GMT, so London time is UTC).
const FRIDAY_5PM = new Date("2026-11-27T17:00:00Z");
const at = (iso: string) => new Date(iso);

const mine = (queue: TriageQueue, references: string[]) => queue.contacts.filter((c) => references.includes(c.reference));

describe("triage queue", () => {
  it("lists a contact with a child in immediate danger first, and can show only those, with the concern and police involvement", async () => {
    // Not recorded (an older staff-logged contact) and no sort together, by age, after the flagged one.
    const older = await createCase(db, { receivedAt: at("2026-11-20T09:00:00Z"), policeInformed: "YES", childInImmediateDanger: null });
    const newer = await createCase(db, { receivedAt: at("2026-11-23T09:00:00Z"), childInImmediateDanger: false });
    const danger = await createCase(db, {
      receivedAt: at("2026-11-27T16:00:00Z"),
      childInImmediateDanger: true,
      reportedHarmCategories: ["SEXUAL"],
      happenedOnline: true,
    });
    const queue = await triageQueue(FRIDAY_5PM);
    const listed = mine(queue, [newer.reference, older.reference, danger.reference]);
    expect(listed.map((c) => c.reference)).toEqual([danger.reference, older.reference, newer.reference]);
    expect(queue.contacts[0]!.reference).toBe(danger.reference);
    expect(listed[0]).toMatchObject({ childInImmediateDanger: true, harmCategories: ["SEXUAL"], happenedOnline: true });
    expect(listed[1]).toMatchObject({ childInImmediateDanger: false, policeInformed: true });
    expect(queue.flagged).toBe(
      await db.case.count({ where: { initialConsideredAt: null, importBatchId: null, childInImmediateDanger: true } }),
    );

    const caller = await signedIn(["LADO"]);
    const onlyFlagged = bodyOf<TriageQueue>((await run(triagePage.loader, request("/triage?show=flagged", { caller }))).value);
    expect(onlyFlagged.flaggedOnly).toBe(true);
    expect(onlyFlagged.contacts.every((c) => c.childInImmediateDanger)).toBe(true);
    expect(onlyFlagged.contacts.map((c) => c.reference)).toContain(danger.reference);

    // Considered now, so it leaves the top of the queue for the tests that follow.
    await db.case.update({ where: { id: danger.id }, data: { initialConsideredAt: FRIDAY_5PM } });
  });

  it("lists only contacts without an initial consideration that were not imported, oldest first, with due times", async () => {
    const school = await createOrganisation(db, { name: "Millbrook Primary School", sector: "PRIMARY_SCHOOL" });
    const lado = await createUser(db, { roles: ["LADO"], name: "Aisha Khan" });
    const batch = await db.importBatch.create({ data: { filename: "2019-20.csv", sha256: "0".repeat(64), added: 1, skipped: 0 } });

    const dueMonday = await createCase(db, { receivedAt: at("2026-11-27T09:15:00Z"), source: "EMAIL" });
    const overdueByADay = await createCase(db, {
      receivedAt: at("2026-11-25T10:00:00Z"),
      source: "ONLINE_FORM",
      employer: school,
      subject: { firstName: "Gareth", lastName: "Hughes", jobTitle: "Teaching assistant", sector: "PRIMARY_SCHOOL" },
      allocatedTo: lado,
    });
    const dueSoon = await createCase(db, {
      receivedAt: at("2026-11-26T18:30:00Z"),
      source: "PHONE",
      namedProfessional: false,
      subject: { jobTitle: "Swimming coach" },
    });
    const overdueByHours = await createCase(db, { receivedAt: at("2026-11-26T13:40:00Z"), source: "LETTER" });
    const weekend = await createCase(db, { receivedAt: at("2026-11-28T11:00:00Z"), source: "ONLINE_FORM" });
    const considered = await createCase(db, {
      receivedAt: at("2026-11-24T09:00:00Z"),
      initialConsideredAt: at("2026-11-24T11:00:00Z"),
      initialConsideration: "No prior history.",
    });
    const imported = await createCase(db, { receivedAt: at("2026-11-24T09:30:00Z"), importBatchId: batch.id });

    const all = [dueMonday, overdueByADay, dueSoon, overdueByHours, weekend, considered, imported].map((c) => c.reference);
    const queue = await triageQueue(FRIDAY_5PM);
    const listed = mine(queue, all);

    expect(listed.map((c) => c.reference)).toEqual([overdueByADay, overdueByHours, dueSoon, dueMonday, weekend].map((c) => c.reference));
    expect(listed.map((c) => [c.overdue, c.timeLeft])).toEqual([
      [true, "Overdue by 1 day"],
      [true, "Overdue by 3 hours 20 minutes"],
      [false, "1 hour 30 minutes left"],
      [false, "Due by 9:15am Monday 30 November"],
      [false, "Due by the end of Monday 30 November"],
    ]);
    expect(listed.map((c) => c.dueAt.toISOString())).toEqual([
      "2026-11-26T10:00:00.000Z",
      "2026-11-27T13:40:00.000Z",
      "2026-11-27T18:30:00.000Z",
      "2026-11-30T09:15:00.000Z",
      "2026-12-01T00:00:00.000Z",
    ]);
    expect(listed[0]).toMatchObject({
      source: "ONLINE_FORM",
      employer: "Millbrook Primary School",
      sector: "PRIMARY_SCHOOL",
      person: "Gareth Hughes",
      jobTitle: "Teaching assistant",
      overdueBy: "1 day",
      dueBy: "by 10am Thursday 26 November",
      minutesLeft: -31 * 60,
    });
    expect(listed[2]).toMatchObject({ person: "No named professional", jobTitle: "Swimming coach", overdueBy: "" });

    // The counts cover the whole queue and agree with each contact's own flag.
    const waiting = await db.case.count({ where: { initialConsideredAt: null, importBatchId: null } });
    expect(queue.total).toBe(waiting);
    expect(queue.overdue).toBe(queue.contacts.filter((c) => c.overdue).length);
    expect(queue.next?.reference).toBe(queue.contacts.find((c) => !c.overdue)?.reference);
    expect(queue.workingDays).toBe(1);
  });

  it("takes the working-day target from the settings", async () => {
    const contact = await createCase(db, { receivedAt: at("2026-11-25T10:00:00Z") });
    await db.setting.create({ data: { key: "initialConsiderationWorkingDays", value: 3 } });
    try {
      const [listed] = mine(await triageQueue(FRIDAY_5PM), [contact.reference]);
      expect(listed).toMatchObject({ overdue: false, timeLeft: "Due by 10am Monday 30 November" });
    } finally {
      await db.setting.delete({ where: { key: "initialConsiderationWorkingDays" } });
    }
  });

  it("skips bank holidays from the table", async () => {
    const christmasEve = await createCase(db, { receivedAt: at("2026-12-24T15:00:00Z") });
    const [listed] = mine(await triageQueue(at("2026-12-28T12:00:00Z")), [christmasEve.reference]);
    expect(listed).toMatchObject({ overdue: false, timeLeft: "Due by 3pm Tuesday 29 December" });
  });

  it("lists at most the oldest 200 but counts them all, overdue ones included", async () => {
    // Received a minute apart on a Monday in 2020: all long overdue.
    const old = Array.from({ length: TRIAGE_QUEUE_LIMIT + 5 }, (_, i) => buildCase({ receivedAt: new Date(Date.UTC(2020, 0, 6, 10, i)) }));
    const made = await createCases(db, old);
    try {
      const queue = await triageQueue(FRIDAY_5PM);
      const waiting = await db.case.count({ where: { initialConsideredAt: null, importBatchId: null } });
      // At 5pm on Friday, a contact is overdue when received before 5pm on Thursday.
      const overdue = await db.case.count({
        where: { initialConsideredAt: null, importBatchId: null, receivedAt: { lt: at("2026-11-26T17:00:00Z") } },
      });
      expect(queue.contacts).toHaveLength(TRIAGE_QUEUE_LIMIT);
      expect(queue.contacts[0]!.reference).toBe(made[0]!.reference);
      expect(queue.contacts.every((c) => c.overdue)).toBe(true);
      expect(queue.total).toBe(waiting);
      expect(queue.total).toBeGreaterThan(TRIAGE_QUEUE_LIMIT);
      expect(queue.overdue).toBe(overdue);
      expect(queue.overdue).toBeGreaterThan(TRIAGE_QUEUE_LIMIT);
      expect(queue.next).toBeNull();
    } finally {
      // Considered now, so they leave the queue for the tests that follow.
      await db.case.updateMany({ where: { id: { in: made.map((c) => c.id) } }, data: { initialConsideredAt: FRIDAY_5PM } });
    }
  });
});

describe("triage page", () => {
  it("loads the queue for a LADO", async () => {
    const contact = await createCase(db);
    const caller = await signedIn(["LADO"]);
    const { thrown, value } = await run(triagePage.loader, request("/triage", { caller }));
    expect(thrown).toBe(false);
    expect(statusOf(value)).toBe(200);
    const queue = bodyOf<TriageQueue>(value);
    expect(queue.contacts.map((c) => c.reference)).toContain(contact.reference);
    expect(queue.total).toBeGreaterThanOrEqual(1);
  });

  it("loads for a manager too, but not for business support or anyone signed out", async () => {
    const manager = await signedIn(["MANAGER"]);
    expect(statusOf((await run(triagePage.loader, request("/triage", { caller: manager }))).value)).toBe(200);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await run(triagePage.loader, request("/triage", { caller: support }))).value)).toBe(403);
    const { value } = await run(triagePage.loader, request("/triage"));
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/sign-in?returnTo=%2Ftriage");
  });
});
