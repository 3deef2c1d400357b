// The triage queue: contacts waiting for their initial consideration, those
// flagged (a child in immediate danger) first, then oldest first, each with
// the time left to the configured working-day target. It can show only the
// flagged ones.
import { z } from "zod";
import { subjectLabel } from "~/people/names";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { dueByLabel, initialConsideration, overdueBy, overdueCutoff, timeLeftLabel } from "./initial-consideration";

/** The queue's address: all waiting contacts, or only those with a child in immediate danger. */
export const triageQuery = z.object({ show: z.enum(["all", "flagged"]).catch("all") });

/** The most contacts listed at once; the counts cover them all. */
export const TRIAGE_QUEUE_LIMIT = 200;

/**
 * Waiting: no initial consideration recorded. Imported past records never
 * wait. The partial index Case_waiting_idx holds exactly these, oldest first,
 * so the list and its counts read a few hundred rows, not every case.
 */
export const waiting = { initialConsideredAt: null, importBatchId: null } satisfies Prisma.CaseWhereInput;

const flagged = { ...waiting, childInImmediateDanger: true } satisfies Prisma.CaseWhereInput;
const notFlagged = {
  ...waiting,
  OR: [{ childInImmediateDanger: false }, { childInImmediateDanger: null }],
} satisfies Prisma.CaseWhereInput;

/** The oldest `take` waiting contacts that `where` picks, with what the queue shows of each. */
function queuePage(where: Prisma.CaseWhereInput, take: number) {
  return db.case.findMany({
    where,
    orderBy: [{ receivedAt: "asc" }, { reference: "asc" }],
    take,
    select: {
      reference: true,
      receivedAt: true,
      source: true,
      namedProfessional: true,
      childInImmediateDanger: true,
      reportedHarmCategories: true,
      happenedOnline: true,
      policeInformed: true,
      // Looked up by id for the page's rows only: the waiting index still picks and orders them.
      allocatedTo: { select: { id: true, name: true } },
      subject: {
        select: {
          firstName: true,
          lastName: true,
          jobTitle: true,
          employerName: true,
          sector: true,
          employer: { select: { name: true } },
        },
      },
    },
  });
}

export async function triageQueue(now = new Date(), options: { flaggedOnly?: boolean } = {}) {
  const [settings, holidays] = await Promise.all([getSettings(), getBankHolidays()]);
  const workingDays = settings.initialConsiderationWorkingDays;
  const [flaggedRows, total, overdue, flaggedTotal] = await Promise.all([
    queuePage(flagged, TRIAGE_QUEUE_LIMIT),
    db.case.count({ where: waiting }),
    db.case.count({ where: { ...waiting, receivedAt: { lt: overdueCutoff(now, workingDays, holidays) } } }),
    db.case.count({ where: flagged }),
  ]);
  // Flagged first, then the rest (no, or not recorded), each oldest first.
  const room = TRIAGE_QUEUE_LIMIT - flaggedRows.length;
  const rows = options.flaggedOnly || room === 0 ? flaggedRows : [...flaggedRows, ...(await queuePage(notFlagged, room))];

  const contacts = rows.map((row) => {
    const due = initialConsideration(row.receivedAt, now, workingDays, holidays);
    return {
      reference: row.reference,
      receivedAt: row.receivedAt,
      source: row.source,
      childInImmediateDanger: row.childInImmediateDanger === true,
      /** Where the person works: the setting the concern is about (not the referrer's organisation). */
      employer: row.subject?.employer?.name ?? row.subject?.employerName ?? null,
      sector: row.subject?.sector ?? null,
      person: subjectLabel(row.namedProfessional, row.subject),
      jobTitle: row.subject?.jobTitle ?? null,
      harmCategories: row.reportedHarmCategories,
      happenedOnline: row.happenedOnline === true,
      policeInformed: row.policeInformed === "YES",
      /** The LADO who has it, or null when nobody does. */
      allocatedTo: row.allocatedTo,
      ...due,
      /** "Overdue by 2 hours", "3 hours 20 minutes left", "Due by 4pm Monday 30 November" */
      timeLeft: timeLeftLabel(due, now),
      /** "2 hours" when overdue, else "" */
      overdueBy: overdueBy(due, now),
      /** "by 4pm Monday 30 November" */
      dueBy: dueByLabel(due.dueAt, now),
    };
  });
  const next = contacts.find((c) => !c.overdue);

  return {
    contacts,
    total,
    overdue,
    flagged: flaggedTotal,
    flaggedOnly: options.flaggedOnly ?? false,
    limit: TRIAGE_QUEUE_LIMIT,
    workingDays,
    now,
    /** The first contact not yet overdue, if it is listed. */
    next: next ? { reference: next.reference, dueBy: next.dueBy } : null,
  };
}

export type TriageQueue = Awaited<ReturnType<typeof triageQueue>>;
export type TriageContact = TriageQueue["contacts"][number];
