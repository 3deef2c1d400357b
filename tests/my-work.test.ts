// "My work" and the team view: each kind of item listed for the LADO whose
// case it is, with a link that opens the right case section; nobody else's
// cases on "My work"; the team view shows every LADO's and filters by one;
// only those who may open each page can; each view is audited.
import { describe, expect, it } from "vitest";
import type { ShownWork } from "~/allegations/my-work.server";
import { db } from "~/db.server";
import * as closure from "~/routes/cases.$reference.closure/route";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import * as employer from "~/routes/cases.$reference.employer/route";
import * as meetings from "~/routes/cases.$reference.meetings/route";
import * as police from "~/routes/cases.$reference.police/route";
import * as myWork from "~/routes/my-work";
import * as team from "~/routes/team";
import { addDaysToDay, londonDay } from "~/utils/dates";
import { createCase, createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";

const DAY_MS = 86_400_000;
const today = londonDay(new Date());
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS);
/** A calendar day `n` days from today (midnight UTC), as @db.Date columns hold it. */
const day = (n: number) => new Date(`${addDaysToDay(today, n)}T00:00:00Z`);

type Parts = ShownWork["parts"];
type Row = { reference: string; href: string; allocatedTo: { id: string } | null };

async function openMyWork(caller: Caller) {
  const { value } = await run(myWork.loader, request("/my-work", { caller }));
  expect(statusOf(value)).toBe(200);
  return bodyOf<{ work: ShownWork }>(value).work;
}

async function openTeam(caller: Caller, query = "") {
  const { value } = await run(team.loader, request(`/team${query}`, { caller }));
  expect(statusOf(value)).toBe(200);
  return bodyOf<{ work: ShownWork; lado: string }>(value);
}

const references = (rows: readonly Row[]) => rows.map((r) => r.reference);
const everyReference = (parts: Parts) => new Set(Object.values(parts).flatMap((p) => references(p.rows as Row[])));

/** The case section each link opens, by its path's last segment. */
const sections: Record<string, { loader: (args: never) => unknown }> = { closure, decisions, employer, meetings, police };

/** Opens the link as its user would: the section's loader answers 200 for that case. */
async function follows(caller: Caller, href: string, reference: string) {
  const [path] = href.split("#");
  expect(path).toMatch(new RegExp(`^/cases/${reference}/(closure|decisions|employer|meetings|police)$`));
  const section = sections[path!.split("/").at(-1)!]!;
  const { value } = await run(section.loader, request(path!, { caller }), { reference });
  expect(statusOf(value), href).toBe(200);
}

/** An allegation allocated to `lado`, open, with nothing else unless given. */
function allegation(lado: { id: string; name: string }, fields: Parameters<typeof createCase>[1] = {}) {
  return createCase(db, {
    allocatedTo: lado,
    receivedAt: daysAgo(3),
    decisions: [{ category: "ALLEGATION" }],
    meetings: [],
    actions: [],
    delayReasons: [],
    closures: [],
    ...fields,
  });
}

describe("My work", () => {
  it("lists each kind of item on the LADO's own cases, each linking to the section it is dealt with in, and no one else's", async () => {
    const lado = await signedIn(["LADO"]);
    const manager = await createUser(db, { roles: ["MANAGER"] });
    const other = await createUser(db, { roles: ["LADO"] });

    const contact = await createCase(db, { allocatedTo: lado.user, receivedAt: daysAgo(4) });
    const overdueAction = await allegation(lado.user, {
      actions: [
        {
          description: "Send the chronology of earlier concerns",
          dueDate: day(-3),
          status: "OPEN",
          ownerName: "Jo Bloggs",
          ownerAgency: "Oakfield Primary",
        },
      ],
    });
    const meetingDue = await allegation(lado.user, { receivedAt: daysAgo(10) });
    const policeDelay = await allegation(lado.user, {
      receivedAt: daysAgo(45),
      police: { status: "INVESTIGATING", informedAt: daysAgo(44), openedAt: daysAgo(44), updates: [], challenges: [] },
    });
    const delayReason = await allegation(lado.user, { receivedAt: daysAgo(100) });
    const returned = await allegation(lado.user, {
      outcome: { outcome: "UNFOUNDED" },
      closures: [
        {
          proposedAt: daysAgo(2),
          proposedById: lado.user.id,
          returnedAt: daysAgo(1),
          returnedById: manager.id,
          returnedReason: "Add the employer's written confirmation of its final action first.",
        },
      ],
    });
    const suspended = await allegation(lado.user, {
      employerAction: { suspended: true, suspendedAt: day(-6), writtenConfirmationAt: null },
    });
    const concern = await createCase(db, {
      allocatedTo: lado.user,
      receivedAt: daysAgo(40),
      decisions: [{ category: "CAUSE_FOR_CONCERN" }],
      employerInvestigation: { reportBackBy: day(-2), resultReceivedAt: null, resultCode: null, result: null },
    });
    const theirs = await allegation(other, {
      receivedAt: daysAgo(100),
      actions: [{ description: "Not mine", dueDate: day(-3), status: "OPEN" }],
      police: { status: "INVESTIGATING", informedAt: daysAgo(99), openedAt: daysAgo(99), updates: [], challenges: [] },
    });
    const closed = await allegation(lado.user, {
      receivedAt: daysAgo(120),
      outcome: { outcome: "FALSE" },
      closures: [{ proposedAt: daysAgo(5), signedOffAt: daysAgo(4), signedOffById: manager.id }],
    });

    const revised = await allegation(lado.user, {
      receivedAt: daysAgo(10),
      decisions: [{ category: "ALLEGATION" }, { category: "NOT_LADO" }],
    });

    const work = await openMyWork(lado);
    const { parts } = work;
    expect(references(parts.considerations.rows)).toEqual([contact.reference]);
    expect(parts.considerations.rows[0]).toMatchObject({ overdue: true });

    const action = parts.actions.rows.find((r) => r.reference === overdueAction.reference)!;
    expect(action).toMatchObject({
      description: "Send the chronology of earlier concerns",
      owner: "Jo Bloggs, Oakfield Primary",
      overdue: true,
    });
    expect(parts.actions.overdue).toBe(1);

    expect(parts.meetings.rows.find((r) => r.reference === meetingDue.reference)).toMatchObject({ kind: "EVALUATION", overdue: true });
    expect(references(parts.policeDelays.rows)).toEqual([policeDelay.reference]);
    expect(parts.policeDelays.rows[0]!.reasons[0]).toMatch(/^No update from the police since/);

    expect(references(parts.pastDelayMonths.rows)).toEqual([delayReason.reference]);
    expect(parts.pastDelayMonths.rows[0]!.reasonsMissing.at(-1)).toBe(`${today.slice(0, 7)}-01`);
    expect(references(parts.pastFirstTarget.rows)).toEqual([policeDelay.reference]);

    expect(parts.returned.rows).toEqual([
      expect.objectContaining({
        reference: returned.reference,
        comment: "Add the employer's written confirmation of its final action first.",
        returnedBy: manager.name,
      }),
    ]);
    expect(parts.suspensions.rows).toEqual([expect.objectContaining({ reference: suspended.reference, overdue: true })]);
    expect(parts.reportBacks.rows).toEqual([expect.objectContaining({ reference: concern.reference, overdue: true })]);

    // Nobody else's, nothing closed, nothing no longer an allegation.
    const listed = everyReference(parts);
    expect(listed.has(theirs.reference)).toBe(false);
    expect(listed.has(closed.reference)).toBe(false);
    expect(listed.has(revised.reference)).toBe(false);

    // Each item opens its case section.
    for (const part of Object.values(parts)) {
      for (const row of part.rows as Row[]) await follows(lado, row.href, row.reference);
    }
    expect(parts.actions.rows[0]!.href).toBe(`/cases/${overdueAction.reference}/meetings#actions`);
    expect(parts.reportBacks.rows[0]!.href).toBe(`/cases/${concern.reference}/decisions#cause-for-concern`);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { userId: lado.user.id, action: "my-work.view" },
      orderBy: { at: "desc" },
    });
    expect(event).toMatchObject({ subjectType: "user", subjectId: lado.user.id, caseId: null });
    expect(event.details).toMatchObject({ actions: 1, policeDelays: 1, returned: 1, considerations: 1 });
  });

  it("lists the actions a LADO owns on someone else's case, and drops an action once done or not yet due this week", async () => {
    const lado = await signedIn(["LADO"]);
    const other = await createUser(db, { roles: ["LADO"] });
    const owned = await allegation(other, {
      actions: [
        { description: "Chase the police for the interview date", dueDate: day(2), status: "OPEN", ownerUserId: lado.user.id },
        { description: "Already done", dueDate: day(-2), status: "DONE", ownerUserId: lado.user.id },
        { description: "Next month", dueDate: day(20), status: "OPEN", ownerUserId: lado.user.id },
      ],
    });
    const { parts } = await openMyWork(lado);
    expect(parts.actions.rows.map((r) => [r.reference, r.description, r.overdue])).toEqual([
      [owned.reference, "Chase the police for the interview date", false],
    ]);
    expect(parts.actions.overdue).toBe(0);
  });

  it("is for LADOs and managers only", async () => {
    for (const role of ["BUSINESS_SUPPORT", "AUDITOR", "ADMIN"] as const) {
      const caller = await signedIn([role]);
      expect(statusOf((await run(myWork.loader, request("/my-work", { caller }))).value), role).toBe(403);
    }
    const { value } = await run(myWork.loader, request("/my-work"));
    expect(statusOf(value)).toBe(302);
  });
});

describe("the team view", () => {
  it("shows every LADO's open cases with who has each, filters by LADO and to the unallocated, and splits closures by who may sign off", async () => {
    const manager = await signedIn(["MANAGER"]);
    const [first, second] = [await createUser(db, { roles: ["LADO"] }), await createUser(db, { roles: ["LADO"] })];
    const overdue = (lado: { id: string; name: string } | null) =>
      createCase(db, {
        ...(lado ? { allocatedTo: lado } : { allocatedToId: null }),
        receivedAt: daysAgo(45),
        decisions: [{ category: "ALLEGATION" }],
        meetings: [],
        delayReasons: [],
        closures: [],
        actions: [{ description: "Overdue action", dueDate: day(-1), status: "OPEN" }],
        police: { status: "INVESTIGATING", informedAt: daysAgo(44), openedAt: daysAgo(44), updates: [], challenges: [] },
      });
    const [a, b, none] = [await overdue(first), await overdue(second), await overdue(null)];
    // Closure proposed by this manager (another must sign it off) and by a LADO (this manager may).
    const ownProposal = await allegation(first, {
      outcome: { outcome: "UNFOUNDED" },
      closures: [{ proposedAt: daysAgo(1), proposedById: manager.user.id }],
    });
    const theirProposal = await allegation(second, {
      outcome: { outcome: "UNFOUNDED" },
      closures: [{ proposedAt: daysAgo(1), proposedById: second.id }],
    });

    const all = await openTeam(manager);
    for (const part of ["actions", "policeDelays", "meetings", "pastFirstTarget"] as const) {
      expect(references(all.work.parts[part].rows), part).toEqual(expect.arrayContaining([a.reference, b.reference, none.reference]));
    }
    const row = (reference: string) => all.work.parts.actions.rows.find((r) => r.reference === reference)!;
    expect(row(a.reference).allocatedTo).toEqual({ id: first.id, name: first.name });
    expect(row(none.reference).allocatedTo).toBeNull();
    const proposals = all.work.parts.awaitingSignOff.rows;
    expect(proposals.find((p) => p.reference === ownProposal.reference)?.proposedById).toBe(manager.user.id);
    expect(proposals.find((p) => p.reference === theirProposal.reference)?.proposedById).toBe(second.id);

    const firstOnly = await openTeam(manager, `?lado=${first.id}`);
    expect(firstOnly.lado).toBe(first.id);
    expect(everyReference(firstOnly.work.parts)).toEqual(new Set([a.reference, ownProposal.reference]));

    const unallocated = await openTeam(manager, "?lado=unallocated");
    const listed = everyReference(unallocated.work.parts);
    expect(listed.has(none.reference)).toBe(true);
    expect(listed.has(a.reference) || listed.has(b.reference)).toBe(false);

    // An address naming nobody shows everyone's, not an error.
    expect((await openTeam(manager, "?lado=not-a-lado")).lado).toBe("");

    const events = await db.auditEvent.findMany({ where: { userId: manager.user.id, action: "team.view" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.subjectType, e.subjectId])).toEqual([
      ["team", "all"],
      ["team", first.id],
      ["team", "unallocated"],
      ["team", "all"],
    ]);
  });

  it("is for managers only", async () => {
    for (const role of ["LADO", "BUSINESS_SUPPORT", "AUDITOR", "ADMIN"] as const) {
      const caller = await signedIn([role]);
      expect(statusOf((await run(team.loader, request("/team", { caller }))).value), role).toBe(403);
    }
  });
});

describe("the lists' rules", () => {
  it("agree with each part's own functions on a table of open and closed allegations", async () => {
    const { buildWork } = await import("~/allegations/my-work.server");
    const { meetingsDue } = await import("~/allegations/meetings.server");
    const { listPoliceDelays } = await import("~/allegations/police.server");
    const { unconfirmedSuspensions } = await import("~/allegations/employer-action.server");
    const { casesMissingDelayReason } = await import("~/allegations/delay-reasons.server");
    const lado = await createUser(db, { roles: ["LADO"] });
    const manager = await createUser(db, { roles: ["MANAGER"] });
    const held = (n: number, fields: object = {}) => ({ type: "REVIEW" as const, heldAt: daysAgo(n), recordedAt: daysAgo(n), ...fields });
    const police = (status: "INVESTIGATING" | "ON_BAIL" | "CHARGED" | "NFA", openedDaysAgo: number, ...updatedDaysAgo: number[]) => ({
      status,
      informedAt: daysAgo(openedDaysAgo + 1),
      openedAt: daysAgo(openedDaysAgo),
      updates: updatedDaysAgo.map((n) => ({ at: daysAgo(n), status, note: "Update from the officer in the case." })),
      challenges: [],
    });
    const thisMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    const returned = await allegation(lado, {
      receivedAt: daysAgo(50),
      outcome: { outcome: "FALSE" },
      closures: [{ proposedAt: daysAgo(3), returnedAt: daysAgo(2), returnedById: manager.id, returnedReason: "Send the letters first." }],
    });
    const open = [
      await allegation(lado, { receivedAt: daysAgo(10) }),
      await allegation(lado, { receivedAt: daysAgo(1) }),
      // Held, then one planned and one cancelled after it: the review counts from the held one.
      await allegation(lado, {
        receivedAt: daysAgo(40),
        meetings: [
          held(25, { type: "EVALUATION" }),
          { type: "REVIEW", heldAt: daysAgo(-3), recordedAt: null },
          held(5, { cancelledAt: daysAgo(6), cancelledReason: "The chair was ill." }),
        ],
      }),
      await allegation(lado, {
        receivedAt: daysAgo(60),
        meetings: [held(50, { type: "EVALUATION" }), held(26, { nextReviewDate: day(1) })],
        police: police("CHARGED", 55, 30),
      }),
      await allegation(lado, {
        receivedAt: daysAgo(30),
        meetings: [held(10)],
        outcome: { outcome: "UNFOUNDED" },
        police: police("NFA", 25),
      }),
      await allegation(lado, { receivedAt: daysAgo(130), meetings: [held(29)], police: police("INVESTIGATING", 120, 40, 60) }),
      await allegation(lado, { receivedAt: daysAgo(15), police: police("ON_BAIL", 10, 2) }),
      await allegation(lado, { receivedAt: daysAgo(12), police: police("INVESTIGATING", 11) }),
      await allegation(lado, {
        receivedAt: daysAgo(8),
        employerAction: { suspended: true, suspendedAt: day(-6), writtenConfirmationAt: null },
      }),
      await allegation(lado, {
        receivedAt: daysAgo(2),
        employerAction: { suspended: true, suspendedAt: day(0), writtenConfirmationAt: null },
      }),
      await allegation(lado, {
        receivedAt: daysAgo(9),
        employerAction: { suspended: true, suspendedAt: day(-7), writtenConfirmationAt: day(-6) },
      }),
      // Closed for a while and reopened; some months' reasons recorded.
      await allegation(lado, {
        receivedAt: daysAgo(220),
        meetings: [held(200, { type: "EVALUATION" })],
        outcome: { outcome: "UNSUBSTANTIATED" },
        closures: [
          {
            proposedAt: daysAgo(160),
            signedOffAt: daysAgo(150),
            signedOffById: manager.id,
            reopenedAt: daysAgo(90),
            reopenedById: manager.id,
          },
        ],
        delayReasons: [{ month: new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - 2, 1)), recordedById: lado.id }],
      }),
      await allegation(lado, { receivedAt: daysAgo(100), delayReasons: [{ month: thisMonth, recordedById: lado.id }] }),
      returned,
      // Returned, then proposed again: no longer listed as returned.
      await allegation(lado, {
        receivedAt: daysAgo(50),
        outcome: { outcome: "FALSE" },
        closures: [
          { proposedAt: daysAgo(5), returnedAt: daysAgo(4), returnedById: manager.id, returnedReason: "Send the letters first." },
          { proposedAt: daysAgo(1) },
        ],
      }),
      ...(await Promise.all([0, 1, 2, 3, 4, 5].map(() => createCase(db, { allocatedTo: lado, progress: { decision: "ALLEGATION" } })))),
    ];
    const closed = await allegation(lado, {
      receivedAt: daysAgo(130),
      police: police("INVESTIGATING", 120, 40),
      employerAction: { suspended: true, suspendedAt: day(-100), writtenConfirmationAt: null },
      outcome: { outcome: "FALSE" },
      closures: [{ proposedAt: daysAgo(5), signedOffAt: daysAgo(4), signedOffById: manager.id }],
    });
    const now = new Date();
    const work = await buildWork({ team: { ladoId: lado.id } }, now);
    const ids = open.map((c) => c.id);

    const due = await meetingsDue([...ids, closed.id], now);
    expect(Object.fromEntries(work.meetings.map((m) => [m.reference, [m.kind, m.dueOn, m.overdue]]))).toEqual(
      Object.fromEntries(
        open.flatMap((c) => {
          const d = due.get(c.id);
          return d && d.dueOn <= work.dueBy ? [[c.reference, [d.kind, d.dueOn, d.overdue]]] : [];
        }),
      ),
    );
    expect(work.policeDelays.map((p) => [p.reference, p.reasons])).toEqual(
      (await listPoliceDelays({ allocatedToId: lado.id }, now)).map((p) => [p.reference, p.reasons.map((r) => r.text)]),
    );
    expect(new Set(work.suspensions.map((s) => [s.reference, s.dueOn, s.overdue].join()))).toEqual(
      new Set((await unconfirmedSuspensions({ id: { in: ids } }, today)).map((s) => [s.reference, s.dueBy, s.state === "overdue"].join())),
    );
    const missing = await casesMissingDelayReason({ allocatedToId: lado.id }, now);
    expect(work.pastDelayMonths.filter((c) => c.reasonsMissing.length > 0).map((c) => [c.reference, c.reasonsMissing])).toEqual(
      missing.map((c) => [c.reference, c.missing]),
    );
    expect(work.returned.map((r) => [r.reference, r.comment, r.returnedBy])).toEqual([
      [returned.reference, "Send the letters first.", manager.name],
    ]);
    // Not vacuous: the table raises each.
    expect([work.meetings.length, work.policeDelays.length, work.suspensions.length, missing.length].every((n) => n > 0)).toBe(true);
    const rows = Object.values(work).flatMap((list) => (Array.isArray(list) ? (list as { reference: string }[]) : []));
    expect(rows.map((r) => r.reference)).not.toContain(closed.reference);
  });
});
