// The triage queue: contacts waiting for their initial consideration, oldest
// first, each with the time left to the configured working-day target.
import { subjectLabel } from "~/people/names";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { dueByLabel, initialConsideration, overdueBy, overdueCutoff, timeLeftLabel } from "./initial-consideration";

/** The most contacts listed at once; the counts cover them all. */
export const TRIAGE_QUEUE_LIMIT = 200;

/**
 * Waiting: no initial consideration recorded. Imported past records never
 * wait. The partial index Case_waiting_idx holds exactly these, oldest first,
 * so the list and its counts read a few hundred rows, not every case.
 */
const waiting = { initialConsideredAt: null, importBatchId: null } satisfies Prisma.CaseWhereInput;

export async function triageQueue(now = new Date()) {
  const [settings, holidays] = await Promise.all([getSettings(), getBankHolidays()]);
  const workingDays = settings.initialConsiderationWorkingDays;
  const [rows, total, overdue] = await Promise.all([
    db.case.findMany({
      where: waiting,
      orderBy: [{ receivedAt: "asc" }, { reference: "asc" }],
      take: TRIAGE_QUEUE_LIMIT,
      select: {
        reference: true,
        receivedAt: true,
        source: true,
        namedProfessional: true,
        subject: { select: { firstName: true, lastName: true, jobTitle: true } },
        referrer: { select: { organisation: { select: { name: true, sector: true } } } },
      },
    }),
    db.case.count({ where: waiting }),
    db.case.count({ where: { ...waiting, receivedAt: { lt: overdueCutoff(now, workingDays, holidays) } } }),
  ]);

  const contacts = rows.map((row) => {
    const due = initialConsideration(row.receivedAt, now, workingDays, holidays);
    return {
      reference: row.reference,
      receivedAt: row.receivedAt,
      source: row.source,
      organisation: row.referrer?.organisation?.name ?? null,
      sector: row.referrer?.organisation?.sector ?? null,
      person: subjectLabel(row.namedProfessional, row.subject),
      jobTitle: row.subject?.jobTitle ?? null,
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
    limit: TRIAGE_QUEUE_LIMIT,
    workingDays,
    now,
    /** The first contact not yet overdue, if it is listed. */
    next: next ? { reference: next.reference, dueBy: next.dueBy } : null,
  };
}

export type TriageQueue = Awaited<ReturnType<typeof triageQueue>>;
export type TriageContact = TriageQueue["contacts"][number];
