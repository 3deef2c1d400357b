// Reasons for delay on allegations open past the configured months
// (app/allegations/delay-reasons.ts): which months a case needs one for,
// recording one, and the cases missing this month's, for "My work" and the
// team view.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { Prisma as PrismaRuntime } from "~/generated/prisma/client";
import { addDaysToDay, addMonthsToDay, londonDay, londonMoment } from "~/utils/dates";
import { delayReasonMonths, monthOf } from "./delay-reasons";

type Tx = Pick<Prisma.TransactionClient, "case">;

const asMonth = (d: Date) => d.toISOString().slice(0, 10);
const monthDate = (month: string) => new Date(`${month}T00:00:00Z`);

/** What the rule reads of a case: when it came in, its current decision, its signed-off closures and the reasons recorded. */
const delaySelect = {
  id: true,
  reference: true,
  receivedAt: true,
  allocatedTo: { select: { id: true, name: true } },
  decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
  closures: { where: { signedOffAt: { not: null } }, select: { signedOffAt: true, reopenedAt: true } },
  delayReasons: { orderBy: { month: "asc" }, select: { month: true, reason: true, recordedBy: { select: { name: true } } } },
} satisfies Prisma.CaseSelect;

type DelayCase = Prisma.CaseGetPayload<{ select: typeof delaySelect }>;

/** What the lists of cases missing a reason read: the rule's facts, and only the months of the reasons recorded. */
const missingSelect = { ...delaySelect, delayReasons: { select: { month: true } } } satisfies Prisma.CaseSelect;

/** The months the case needs a reason for (none unless it is an allegation now), and which of them have none. */
function monthsOf(file: Omit<DelayCase, "delayReasons"> & { delayReasons: { month: Date }[] }, afterMonths: number, now: Date) {
  if (file.decisions[0]?.category !== "ALLEGATION") return { due: [], missing: [] };
  const due = delayReasonMonths({
    receivedAt: file.receivedAt,
    closures: file.closures.map((c) => ({ closedAt: c.signedOffAt!, reopenedAt: c.reopenedAt })),
    afterMonths,
    now,
  });
  const recorded = new Set(file.delayReasons.map((r) => asMonth(r.month)));
  return { due, missing: due.filter((m) => !recorded.has(m)) };
}

/** For the closure section: the reasons recorded, the months due, and those still missing (oldest first). */
export async function delayReasonsOf(tx: Tx, caseId: string, now = new Date()) {
  const [file, settings] = await Promise.all([tx.case.findUniqueOrThrow({ where: { id: caseId }, select: delaySelect }), getSettings()]);
  return {
    afterMonths: settings.delayReasonAfterMonths,
    recorded: file.delayReasons.map((r) => ({ month: asMonth(r.month), reason: r.reason, recordedBy: r.recordedBy.name })),
    ...monthsOf(file, settings.delayReasonAfterMonths, now),
  };
}

export type DelayReasonResult = { done: true } | { done: false; errors: Record<string, string>; status: 400 | 409 };

/**
 * Records the reason for delay for one month the case needs one for and has
 * none (refused on "month" otherwise, or when another was recorded meanwhile).
 */
export async function recordDelayReason(
  request: Request,
  userId: string,
  caseId: string,
  answers: { month: string; reason: string },
  now = new Date(),
): Promise<DelayReasonResult> {
  const { missing } = await delayReasonsOf(db, caseId, now);
  if (!missing.includes(answers.month)) {
    return { done: false, errors: { month: "Choose a month that needs a reason for delay and has none yet" }, status: 409 };
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.delayReason.create({ data: { caseId, month: monthDate(answers.month), reason: answers.reason, recordedById: userId } });
      await recordAudit(
        request,
        { who: userId, what: "delay-reason.record", subject: { type: "case", id: caseId }, details: { month: answers.month } },
        tx,
      );
    });
  } catch (error) {
    if (!(error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return { done: false, errors: { month: "A reason for this month was recorded meanwhile" }, status: 409 };
  }
  return { done: true };
}

/**
 * Allegations missing this month's reason for delay, oldest contact first:
 * on every case, on those allocated to one LADO, or among the cases given.
 * For "My work" and the team view, each with every month it is missing
 * (this one last).
 */
export async function casesMissingDelayReason(where: { allocatedToId?: string; caseIds?: string[] } = {}, now = new Date()) {
  const { delayReasonAfterMonths } = await getSettings();
  const today = londonDay(now);
  const thisMonth = monthOf(today);
  // Only contacts received before (a day or so after) the day that many months ago: the rule decides exactly.
  const receivedBefore = londonMoment(addDaysToDay(addMonthsToDay(today, -delayReasonAfterMonths), 2));
  const candidates = await db.case.findMany({
    where: {
      receivedAt: { lt: receivedBefore },
      decisions: { some: { category: "ALLEGATION" } },
      delayReasons: { none: { month: monthDate(thisMonth) } },
      // Closed now (a closure signed off and not reopened): the rule needs nothing of it, so it is not read.
      closures: { none: { signedOffAt: { not: null }, reopenedAt: null } },
      ...(where.allocatedToId ? { allocatedToId: where.allocatedToId } : {}),
      ...(where.caseIds ? { id: { in: where.caseIds } } : {}),
    },
    orderBy: { receivedAt: "asc" },
    select: missingSelect,
  });
  return candidates.flatMap((file) => {
    const { missing } = monthsOf(file, delayReasonAfterMonths, now);
    if (!missing.includes(thisMonth)) return [];
    return [{ id: file.id, reference: file.reference, receivedAt: file.receivedAt, allocatedTo: file.allocatedTo, missing }];
  });
}
