// "My work" (a LADO's home page) and the team view (a manager's): what is
// due, overdue or flagged on the open cases of one LADO, of nobody, or of
// everyone, each item with the case section it is dealt with in. The rules
// are those of each part of the process, its own pure functions: initial
// consideration (app/triage/initial-consideration.ts), meetings
// (./meeting-due.ts), actions (./actions.ts), the police-delay flag
// (./police-delay.ts), the employer's report-back
// (app/triage/cause-for-concern.ts) and written confirmation of a suspension
// (./suspension.ts), reasons for delay (./delay-reasons.ts) and closure.
//
// Few queries, however many cases, all at once: one reads the open
// allegations in scope (by their current decision, starting from the
// decisions table) with the facts those rules read of each, flat, in one
// result set; the team's actions are read for them; the contacts waiting,
// report-backs and closures awaiting sign-off by their parts' own queries.
// A team has thousands of open allegations: reading each part's records for
// them through the client (meetings, police updates, reasons for delay) cost
// more than the rules (tests/my-work.test.ts checks the lists agree with
// each part's own functions).
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { sectionPath } from "~/cases/sections";
import { db, type Prisma } from "~/db.server";
import { Prisma as Sql } from "~/generated/prisma/client";
import { waiting } from "~/triage/queue.server";
import { initialConsideration, timeLeftLabel } from "~/triage/initial-consideration";
import { reportBackStatus } from "~/triage/cause-for-concern";
import { addDaysToDay, londonDay } from "~/utils/dates";
import type { EmployerInvestigationStatus, MeetingType, PoliceStatus } from "~/generated/prisma/enums";
import { actionOverdue, dayOf } from "./actions";
import { openActionsDue } from "./actions.server";
import { closuresAwaitingSignOff } from "./closure.server";
import { firstDayPast, missingDelayReasons, monthOf } from "./delay-reasons";
import { meetingTypeLabels } from "./labels";
import { nextMeetingDue } from "./meeting-due";
import { policeDelay } from "./police-delay";
import { suspensionConfirmation } from "./suspension";

/** "Due soon": due within this many days from today (London), so a week's work shows ahead of it. */
export const DUE_SOON_DAYS = 7;
/** The first timeliness target: allegations concluded within 1 month (../shared/docs/domain.md, "Timeliness targets"). */
export const FIRST_TARGET_MONTHS = 1;

/**
 * Whose work: one LADO's own (their allocated cases, and the actions they
 * own on anyone's), or the team's cases allocated to one LADO, to nobody,
 * or to anyone.
 */
export type WorkScope = { mine: string } | { team: "all" | "unallocated" | { ladoId: string } };

type Lado = { id: string; name: string } | null;

/** One thing to do on a case, and where on the case file it is done. */
type Item = { caseId: string; reference: string; href: string; allocatedTo: Lado };

export type Work = Awaited<ReturnType<typeof buildWork>>;

/** The cases `scope` covers, as a Case filter. */
function caseFilter(scope: WorkScope): Prisma.CaseWhereInput {
  if ("mine" in scope) return { allocatedToId: scope.mine };
  if (scope.team === "all") return {};
  if (scope.team === "unallocated") return { allocatedToId: null };
  return { allocatedToId: scope.team.ladoId };
}

/** The cases `scope` covers, as a condition on the Case row `c` (AND ...). */
function allocatedIn(scope: WorkScope) {
  const filter = caseFilter(scope);
  if (!("allocatedToId" in filter)) return Sql.empty;
  return filter.allocatedToId === null
    ? Sql.sql`AND c."allocatedToId" IS NULL`
    : Sql.sql`AND c."allocatedToId" = ${filter.allocatedToId}::uuid`;
}

/**
 * An open allegation in scope, with the facts the rules of its parts read:
 * the last meeting held (recorded, not cancelled: the meeting rule reads
 * no other), the police involvement and the time of its latest update, the
 * section 47 enquiry, the employer's investigation and suspension, whether
 * an outcome is recorded, the signed-off closures (reopened, as it is open),
 * the latest closure, and the months with a reason for delay.
 */
type OpenAllegation = {
  id: string;
  reference: string;
  receivedAt: Date;
  allocatedToId: string | null;
  allocatedToName: string | null;
  lastType: MeetingType | null;
  lastHeldAt: Date | null;
  lastRecordedAt: Date | null;
  lastNextReviewDate: Date | null;
  policeStatus: PoliceStatus | null;
  policeInformedAt: Date | null;
  policeOpenedAt: Date | null;
  policeLastUpdateAt: Date | null;
  s47Held: boolean | null;
  s47Result: string | null;
  hasInvestigation: boolean;
  investigationStatus: EmployerInvestigationStatus | null;
  hasOutcome: boolean;
  suspendedAt: Date | null;
  /** JSON: [{ closedAt, reopenedAt }] of the signed-off closures. */
  closedSpans: { closedAt: string; reopenedAt: string | null }[];
  returnedReason: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  /** The months (yyyy-mm-01) with a reason for delay recorded. */
  reasonMonths: string[];
};

/**
 * The open allegations in scope, oldest first, with their facts, in one
 * statement: a current (latest) decision of allegation, and no closure
 * signed off and not reopened. Read from the allegation decisions (by the
 * index on category), not by walking every case: first the allegations not
 * closed (most allegations are closed, so few remain), then for only those
 * their latest revision, their case's row and each part's records, by key
 * (OFFSET 0 keeps the planner from joining every case instead). Only the
 * columns the rules read, so thousands of open cases cost one result set.
 */
function openAllegations(scope: WorkScope) {
  return db.$queryRaw<OpenAllegation[]>`
    WITH candidate AS MATERIALIZED (
      SELECT d."caseId", d.revision FROM "ThresholdDecision" d
      WHERE d.category = 'ALLEGATION'
        AND NOT EXISTS (SELECT 1 FROM "Closure" cl WHERE cl."caseId" = d."caseId" AND cl."signedOffAt" IS NOT NULL AND cl."reopenedAt" IS NULL)
    )
    SELECT c.id, c.reference, c."receivedAt", c."allocatedToId", u.name AS "allocatedToName",
      m.type::text AS "lastType", m."heldAt" AS "lastHeldAt", m."recordedAt" AS "lastRecordedAt", m."nextReviewDate" AS "lastNextReviewDate",
      p.status::text AS "policeStatus", p."informedAt" AS "policeInformedAt", p."openedAt" AS "policeOpenedAt",
      (SELECT max(pu.at) FROM "PoliceUpdate" pu WHERE pu."policeId" = p.id) AS "policeLastUpdateAt",
      s.held AS "s47Held", s.result AS "s47Result",
      ei.id IS NOT NULL AS "hasInvestigation", ei.status::text AS "investigationStatus",
      EXISTS (SELECT 1 FROM "Outcome" o WHERE o."caseId" = c.id) AS "hasOutcome",
      ea."suspendedAt",
      cl.spans AS "closedSpans", cl."returnedReason", cl."returnedAt", rb.name AS "returnedBy",
      ARRAY(SELECT to_char(r.month, 'YYYY-MM-DD') FROM "DelayReason" r WHERE r."caseId" = c.id) AS "reasonMonths"
    FROM candidate d
    CROSS JOIN LATERAL (SELECT max(x.revision) AS revision FROM "ThresholdDecision" x WHERE x."caseId" = d."caseId") latest
    CROSS JOIN LATERAL (SELECT * FROM "Case" c WHERE c.id = d."caseId" OFFSET 0) c
    LEFT JOIN "User" u ON u.id = c."allocatedToId"
    LEFT JOIN LATERAL (
      SELECT mt.type, mt."heldAt", mt."recordedAt", mt."nextReviewDate" FROM "Meeting" mt
      WHERE mt."caseId" = c.id AND mt."recordedAt" IS NOT NULL AND mt."cancelledAt" IS NULL
      ORDER BY mt."heldAt" DESC LIMIT 1
    ) m ON true
    LEFT JOIN "PoliceInvolvement" p ON p."caseId" = c.id
    LEFT JOIN "Section47Enquiry" s ON s."caseId" = c.id
    LEFT JOIN "EmployerInvestigation" ei ON ei."caseId" = c.id
    LEFT JOIN "EmployerAction" ea ON ea."caseId" = c.id AND ea.suspended AND ea."suspendedAt" IS NOT NULL AND ea."writtenConfirmationAt" IS NULL
    -- One pass over its closures: the signed-off ones, and the latest (returned, unless reopened).
    CROSS JOIN LATERAL (
      SELECT
        COALESCE(json_agg(json_build_object('closedAt', x."signedOffAt", 'reopenedAt', x."reopenedAt")) FILTER (WHERE x."signedOffAt" IS NOT NULL), '[]') AS spans,
        (array_agg(CASE WHEN x."reopenedAt" IS NULL THEN x."returnedReason" END ORDER BY x."proposedAt" DESC))[1] AS "returnedReason",
        (array_agg(x."returnedAt" ORDER BY x."proposedAt" DESC))[1] AS "returnedAt",
        (array_agg(x."returnedById" ORDER BY x."proposedAt" DESC))[1] AS "returnedById"
      FROM "Closure" x WHERE x."caseId" = c.id
    ) cl
    LEFT JOIN "User" rb ON rb.id = cl."returnedById"
    WHERE latest.revision = d.revision
      ${allocatedIn(scope)}
    ORDER BY c."receivedAt", c.reference`;
}

/**
 * The team's open actions on `cases` (open allegations, by id) due on or
 * before `dueBy`, soonest first (overdue first), as openActionsDue lists
 * them, read flat: one array parameter, and only what the list shows.
 */
async function teamActionsDue(cases: OpenAllegation[], dueBy: string, now: Date) {
  const references = new Map(cases.map((c) => [c.id, c.reference]));
  const rows = await db.$queryRaw<
    { id: string; caseId: string; description: string; ownerName: string; ownerAgency: string; dueDate: Date }[]
  >`
    SELECT a.id, a."caseId", a.description, a."ownerName", a."ownerAgency", a."dueDate"
    FROM "Action" a
    WHERE a."caseId" = ANY(${[...references.keys()]}::uuid[]) AND a.status = 'OPEN' AND a."dueDate" <= ${dueBy}::date
    ORDER BY a."dueDate", a."createdAt"`;
  return rows.map((a) => ({
    ...a,
    reference: references.get(a.caseId)!,
    overdue: actionOverdue({ status: "OPEN", dueDate: a.dueDate }, now),
  }));
}

/** Contacts in scope waiting for their initial consideration (the triage queue's), oldest first. */
function waitingContacts(scope: WorkScope) {
  return db.case.findMany({
    where: { ...waiting, ...caseFilter(scope) },
    orderBy: [{ receivedAt: "asc" }, { reference: "asc" }],
    select: { id: true, reference: true, receivedAt: true, allocatedTo: { select: { id: true, name: true } } },
  });
}

/**
 * Employer investigations in scope whose report back to the LADO is due by
 * `dueBy` and has not come (no result received, or for an allegation not
 * concluded), on cases not closed.
 */
function awaitedReportBacks(scope: WorkScope, dueBy: string) {
  return db.$queryRaw<
    {
      reportBackBy: Date;
      id: string;
      reference: string;
      allocatedToId: string | null;
      allocatedToName: string | null;
      category: string | null;
    }[]
  >`
    SELECT e."reportBackBy", c.id, c.reference, c."allocatedToId", u.name AS "allocatedToName",
      (SELECT d.category::text FROM "ThresholdDecision" d WHERE d."caseId" = c.id ORDER BY d.revision DESC LIMIT 1) AS category
    FROM "EmployerInvestigation" e
    JOIN "Case" c ON c.id = e."caseId"
    LEFT JOIN "User" u ON u.id = c."allocatedToId"
    WHERE e."reportBackBy" <= ${dueBy}::date AND e."resultReceivedAt" IS NULL AND (e.status IS NULL OR e.status <> 'CONCLUDED')
      AND NOT EXISTS (SELECT 1 FROM "Closure" cl WHERE cl."caseId" = c.id AND cl."signedOffAt" IS NOT NULL AND cl."reopenedAt" IS NULL)
      ${allocatedIn(scope)}
    ORDER BY e."reportBackBy"`;
}

/** Overdue first, then soonest due. */
const byUrgency = <T extends { overdue: boolean; dueOn: string; reference: string }>(rows: T[]) =>
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));

/**
 * What is due, overdue or flagged in `scope` at `now`: every list complete,
 * most urgent first. Items "due" are those due within DUE_SOON_DAYS.
 */
export async function buildWork(scope: WorkScope, now = new Date()) {
  const today = londonDay(now);
  const dueBy = addDaysToDay(today, DUE_SOON_DAYS);
  // Everything at once; only the team's actions wait for the open allegations they are on.
  const openCases = openAllegations(scope);
  const [settings, holidays, open, contacts, actions, reportBacks, proposals] = await Promise.all([
    getSettings(),
    getBankHolidays(),
    openCases,
    waitingContacts(scope),
    "mine" in scope ? openActionsDue({ ladoId: scope.mine }, { now, dueBy }) : openCases.then((cases) => teamActionsDue(cases, dueBy, now)),
    awaitedReportBacks(scope, dueBy),
    closuresAwaitingSignOff("mine" in scope ? { allocatedToId: scope.mine } : {}),
  ]);
  const byId = new Map(open.map((c) => [c.id, c]));
  const lado = (caseId: string): Lado => {
    const c = byId.get(caseId);
    return c?.allocatedToId ? { id: c.allocatedToId, name: c.allocatedToName ?? "" } : null;
  };
  const item = (caseId: string, reference: string, slug: string, anchor?: string): Item => ({
    caseId,
    reference,
    href: `${sectionPath(reference, slug)}${anchor ? `#${anchor}` : ""}`,
    allocatedTo: lado(caseId),
  });
  const pastFirst = open.filter((c) => firstDayPast(c.receivedAt, FIRST_TARGET_MONTHS) <= today);
  const pastDelay = new Set(pastFirst.filter((c) => firstDayPast(c.receivedAt, settings.delayReasonAfterMonths) <= today));
  const inTeam = (allocatedTo: Lado) =>
    "mine" in scope || scope.team === "all" || (scope.team === "unallocated" ? !allocatedTo : allocatedTo?.id === scope.team.ladoId);

  // Each open allegation through the rules of its parts, as the case's own sections apply them.
  const thisMonth = monthOf(today);
  const judged = open.map((c) => {
    const meeting = nextMeetingDue(
      {
        receivedAt: c.receivedAt,
        // The last meeting held (read not cancelled) is all the rule reads of the meetings.
        meetings:
          c.lastType && c.lastHeldAt
            ? [
                {
                  type: c.lastType,
                  heldAt: c.lastHeldAt,
                  recordedAt: c.lastRecordedAt,
                  cancelledAt: null,
                  nextReviewDate: c.lastNextReviewDate,
                },
              ]
            : [],
        police: c.policeStatus ? { status: c.policeStatus } : null,
        section47: c.s47Held === null ? null : { held: c.s47Held, result: c.s47Result },
        employerInvestigation: c.hasInvestigation ? { status: c.investigationStatus } : null,
        hasOutcome: c.hasOutcome,
        closed: false,
      },
      now,
      settings,
      holidays,
    );
    const police =
      c.policeStatus &&
      policeDelay(
        { status: c.policeStatus, informedAt: c.policeInformedAt, openedAt: c.policeOpenedAt, lastUpdateAt: c.policeLastUpdateAt },
        now,
        settings,
      );
    const suspension =
      c.suspendedAt &&
      suspensionConfirmation(
        { suspendedOn: dayOf(c.suspendedAt), confirmedOn: null },
        today,
        settings.suspensionConfirmationWorkingDays,
        holidays,
      );
    // With this month's reason recorded nothing is listed as missing, so the rule is not run.
    const missing =
      pastDelay.has(c) && !c.reasonMonths.includes(thisMonth)
        ? missingDelayReasons({
            receivedAt: c.receivedAt,
            closures: c.closedSpans.map((x) => ({
              closedAt: new Date(x.closedAt),
              reopenedAt: x.reopenedAt ? new Date(x.reopenedAt) : null,
            })),
            recorded: c.reasonMonths,
            afterMonths: settings.delayReasonAfterMonths,
            now,
          })
        : [];
    return { c, meeting, police, suspension, reasonsMissing: missing.includes(thisMonth) ? missing : [] };
  });
  const oldestReason = (reasons: { since: string }[]) => reasons.map((r) => r.since).sort()[0]!;

  return {
    today,
    dueBy,
    delayReasonAfterMonths: settings.delayReasonAfterMonths,
    considerations: contacts.map((c) => {
      const due = initialConsideration(c.receivedAt, now, settings.initialConsiderationWorkingDays, holidays);
      return {
        ...item(c.id, c.reference, "decisions"),
        allocatedTo: c.allocatedTo,
        receivedAt: c.receivedAt,
        overdue: due.overdue,
        timeLeft: timeLeftLabel(due, now),
      };
    }),
    meetings: byUrgency(
      judged.flatMap(({ c, meeting: due }) => {
        if (!due || due.dueOn > dueBy) return [];
        return [{ ...item(c.id, c.reference, "meetings", "next-meeting-due"), what: meetingTypeLabels[due.kind], ...due }];
      }),
    ),
    actions: actions.map((a) => ({
      ...item(a.caseId, a.reference, "meetings", "actions"),
      id: a.id,
      description: a.description,
      owner: `${a.ownerName}, ${a.ownerAgency}`,
      dueOn: dayOf(a.dueDate),
      overdue: a.overdue,
    })),
    // Longest waiting first.
    policeDelays: judged
      .flatMap(({ c, police }) => (police && police.raised ? [{ c, reasons: police.reasons }] : []))
      .sort((a, b) => oldestReason(a.reasons).localeCompare(oldestReason(b.reasons)) || a.c.reference.localeCompare(b.c.reference))
      .map(({ c, reasons }) => ({ ...item(c.id, c.reference, "police", "police-delay"), reasons: reasons.map((r) => r.text) })),
    reportBacks: byUrgency(
      reportBacks.flatMap((r) => {
        const status = reportBackStatus(r.reportBackBy, false, now);
        if (!status) return [];
        const allegation = r.category === "ALLEGATION";
        return [
          {
            ...(allegation
              ? item(r.id, r.reference, "employer", "employer-investigation")
              : item(r.id, r.reference, "decisions", "cause-for-concern")),
            allocatedTo: r.allocatedToId ? { id: r.allocatedToId, name: r.allocatedToName ?? "" } : null,
            dueOn: dayOf(r.reportBackBy),
            overdue: status.overdue,
          },
        ];
      }),
    ),
    suspensions: byUrgency(
      judged.flatMap(({ c, suspension: s }) =>
        s ? [{ ...item(c.id, c.reference, "employer"), dueOn: s.dueBy, overdue: s.state === "overdue" }] : [],
      ),
    ),
    // Past the first target but not yet needing reasons for delay, and past that.
    pastFirstTarget: pastFirst
      .filter((c) => !pastDelay.has(c))
      .map((c) => ({ ...item(c.id, c.reference, "closure"), receivedAt: c.receivedAt })),
    pastDelayMonths: judged
      .filter(({ c }) => pastDelay.has(c))
      .map(({ c, reasonsMissing }) => ({
        ...item(c.id, c.reference, "closure", "reasons-for-delay"),
        receivedAt: c.receivedAt,
        /** Months (yyyy-mm-01) still without a reason for delay, this one last; empty when this month's is recorded. */
        reasonsMissing,
      })),
    // The latest proposal returned with a comment, not proposed again since nor reopened.
    returned: open.flatMap((c) =>
      c.returnedReason
        ? [
            {
              ...item(c.id, c.reference, "closure", "closure"),
              comment: c.returnedReason,
              returnedAt: c.returnedAt,
              returnedBy: c.returnedBy,
            },
          ]
        : [],
    ),
    awaitingSignOff: proposals
      .filter((p) => inTeam(p.allocatedTo))
      .map((p) => ({
        caseId: p.id,
        reference: p.reference,
        href: `${sectionPath(p.reference, "closure")}#closure`,
        allocatedTo: p.allocatedTo,
        proposedAt: p.proposedAt,
        proposedById: p.proposedById,
        proposedBy: p.proposedBy,
      })),
  };
}

/** The most items a list shows; its count covers them all. */
export const LIST_LIMIT = 100;

type Lists = Omit<Work, "today" | "dueBy" | "delayReasonAfterMonths">;
type Shown<T> = { count: number; overdue: number; rows: T[] };

/** Each list as shown: its first LIST_LIMIT items, how many there are, and how many of them are overdue (or need a reason for delay). */
function shown({ today, dueBy, delayReasonAfterMonths, ...lists }: Work) {
  const urgent = (row: object) =>
    ("overdue" in row && row.overdue === true) ||
    ("reasonsMissing" in row && Array.isArray(row.reasonsMissing) && row.reasonsMissing.length > 0);
  const cap = <T extends object>(rows: T[]): Shown<T> => ({
    count: rows.length,
    overdue: rows.filter(urgent).length,
    rows: rows.slice(0, LIST_LIMIT),
  });
  const parts = Object.fromEntries(Object.entries(lists).map(([key, rows]) => [key, cap(rows as object[])])) as {
    [K in keyof Lists]: Shown<Lists[K][number]>;
  };
  return { today, dueBy, delayReasonAfterMonths, limit: LIST_LIMIT, parts };
}

export type ShownWork = ReturnType<typeof shown>;

/** How many of each, for the view's audit event. */
const counts = (work: ShownWork) => Object.fromEntries(Object.entries(work.parts).map(([key, part]) => [key, part.count]));

/**
 * A LADO's own work, recorded as viewed (my-work.view). The parts are read
 * by each area's own functions through the shared client, so the event is
 * written once they have all been read and before anything is shown: a
 * view that cannot be recorded fails and shows nothing.
 */
export async function viewMyWork(request: Request, userId: string, now = new Date()) {
  const work = shown(await buildWork({ mine: userId }, now));
  await recordAudit(request, { who: userId, what: "my-work.view", subject: { type: "user", id: userId }, details: counts(work) });
  return work;
}

/** The team's work, of every LADO or one (or of nobody), recorded as viewed (team.view) as viewMyWork is. */
export async function viewTeamWork(request: Request, userId: string, team: Exclude<WorkScope, { mine: string }>["team"], now = new Date()) {
  const work = shown(await buildWork({ team }, now));
  const filter = typeof team === "string" ? team : team.ladoId;
  await recordAudit(request, { who: userId, what: "team.view", subject: { type: "team", id: filter }, details: counts(work) });
  return work;
}

/** Everyone cases can be allocated to (LADOs, active or not: a LADO who has left may still hold cases), by name. */
export function teamLados() {
  return db.user.findMany({
    where: { roles: { has: "LADO" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, active: true },
  });
}
