// Police liaison on an allegation: the involvement (versioned), the police's
// dated updates (the involvement's status follows the latest), the LADO's
// challenges and escalations and their answers, and children's social care's
// section 47 enquiry beside it. Every change is audited in its own
// transaction. The police-delay flag (./police-delay.ts) is read here for one
// case, for a set of cases ("My work", the team view), and counted at a
// date for the statistics.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { Prisma as Sql } from "~/generated/prisma/client";
import type { ChallengeKind, PoliceStatus } from "~/generated/prisma/enums";
import { londonMoment } from "~/utils/dates";
import { DELAY_STATUSES, policeDelay, type PoliceDelay, type PoliceDelayReason, type PoliceDelayThresholds } from "./police-delay";
import { saveVersioned, type VersionedSave } from "./versioned.server";

/** A calendar day (midnight UTC) as the start of that day in London, for a timestamp column given only a day. */
const londonMidnight = (day: Date) => londonMoment(day.toISOString().slice(0, 10));
const orNull = (day: Date | undefined | null) => (day ? londonMidnight(day) : null);

type Change = { request: Request; userId: string; caseId: string };

// ---------------------------------------------------------------------------
// The involvement

export type InvolvementAnswers = {
  force: string | null;
  reference: string | null;
  officerName: string | null;
  officerContact: string | null;
  informedOn: Date | null;
  status: PoliceStatus;
  openedOn: Date | null;
  concludedOn: Date | null;
};

/** The involvement's answers, as the section, the chronology and a save read them. */
export const involvementSelect = {
  force: true,
  reference: true,
  officerName: true,
  officerContact: true,
  informedAt: true,
  status: true,
  openedAt: true,
  concludedAt: true,
} as const;

type InvolvementData = Prisma.PoliceInvolvementGetPayload<{ select: typeof involvementSelect }>;

/** Records the police involvement, or changes it from the version the form showed. */
export function recordInvolvement({ request, userId, caseId }: Change, version: number, answers: InvolvementAnswers) {
  const data: InvolvementData = {
    force: answers.force,
    reference: answers.reference,
    officerName: answers.officerName,
    officerContact: answers.officerContact,
    informedAt: orNull(answers.informedOn),
    status: answers.status,
    openedAt: orNull(answers.openedOn),
    concludedAt: orNull(answers.concludedOn),
  };
  return db.$transaction((tx) =>
    saveVersioned<InvolvementData>(
      tx,
      {
        find: () => tx.policeInvolvement.findUnique({ where: { caseId }, select: { id: true, version: true, ...involvementSelect } }),
        create: async (row) => (await tx.policeInvolvement.createMany({ data: [{ ...row, caseId }], skipDuplicates: true })).count,
        update: async (id, from, row) => (await tx.policeInvolvement.updateMany({ where: { id, version: from }, data: row })).count,
      },
      { version, data },
      { request, who: userId, what: "police.record", type: "police", caseId },
    ),
  );
}

// ---------------------------------------------------------------------------
// Updates from the police

export type UpdateAnswers = { on: Date; status: PoliceStatus; note: string };

/**
 * Adds a dated update. The involvement's status follows the latest update
 * by date (one dated the same day as the latest counts as later, being
 * entered later); when that changes it, the involvement's version moves on
 * and the change names its status, so a form open on the old version is
 * refused. False when there is no involvement to add it to.
 */
export function addUpdate({ request, userId, caseId }: Change, answers: UpdateAnswers): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const police = await tx.policeInvolvement.findUnique({
      where: { caseId },
      select: { id: true, status: true, updates: { orderBy: { at: "desc" }, take: 1, select: { at: true } } },
    });
    if (!police) return false;
    const at = londonMidnight(answers.on);
    const update = await tx.policeUpdate.create({
      data: { policeId: police.id, at, status: answers.status, note: answers.note, recordedById: userId },
      select: { id: true },
    });
    const latest = police.updates[0]?.at;
    const follows = (!latest || at >= latest) && answers.status !== police.status;
    const moved = follows
      ? await tx.policeInvolvement.update({
          where: { id: police.id },
          data: { status: answers.status, version: { increment: 1 } },
          select: { version: true },
        })
      : null;
    await recordAudit(
      request,
      {
        who: userId,
        what: "police.update",
        subject: { type: "police", id: police.id },
        caseId,
        details: { updateId: update.id, status: answers.status, ...(moved ? { version: moved.version, changed: ["status"] } : {}) },
      },
      tx,
    );
    return true;
  });
}

// ---------------------------------------------------------------------------
// Challenges and escalations

export type ChallengeAnswers = { on: Date; kind: ChallengeKind; toWhom: string; detail: string };
export type AnswerAnswers = { challengeId: string; response: string; answeredOn: Date };

/** Records a challenge or escalation to the police. False when there is no involvement. */
export function addChallenge({ request, userId, caseId }: Change, answers: ChallengeAnswers): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const police = await tx.policeInvolvement.findUnique({ where: { caseId }, select: { id: true } });
    if (!police) return false;
    const challenge = await tx.policeChallenge.create({
      data: { policeId: police.id, at: londonMidnight(answers.on), kind: answers.kind, toWhom: answers.toWhom, detail: answers.detail },
      select: { id: true },
    });
    await recordAudit(
      request,
      {
        who: userId,
        what: "police.challenge",
        subject: { type: "police", id: police.id },
        caseId,
        details: { challengeId: challenge.id, part: "asked", kind: answers.kind },
      },
      tx,
    );
    return true;
  });
}

export type AnswerResult = { saved: true } | { saved: false; field: "challengeId" | "answeredAt"; message: string };

/** Records the police's answer to one of this case's unanswered challenges, given on or after the day it was made. */
export function answerChallenge({ request, userId, caseId }: Change, answers: AnswerAnswers): Promise<AnswerResult> {
  return db.$transaction(async (tx) => {
    const challenge = await tx.policeChallenge.findFirst({
      where: { id: answers.challengeId, police: { caseId } },
      select: { id: true, policeId: true, at: true, respondedAt: true },
    });
    if (!challenge) return { saved: false, field: "challengeId", message: "Select the challenge or escalation the police answered" };
    if (challenge.respondedAt) {
      return { saved: false, field: "challengeId", message: "That challenge has been answered already: reload the page to see the answer" };
    }
    const respondedAt = londonMidnight(answers.answeredOn);
    if (respondedAt < challenge.at) {
      return { saved: false, field: "answeredAt", message: "The date answered must be on or after the date of the challenge" };
    }
    const { count } = await tx.policeChallenge.updateMany({
      where: { id: challenge.id, respondedAt: null },
      data: { response: answers.response, respondedAt },
    });
    if (count === 0) {
      return { saved: false, field: "challengeId", message: "That challenge has been answered already: reload the page to see the answer" };
    }
    await recordAudit(
      request,
      {
        who: userId,
        what: "police.challenge",
        subject: { type: "police", id: challenge.policeId },
        caseId,
        details: { challengeId: challenge.id, part: "answer" },
      },
      tx,
    );
    return { saved: true };
  });
}

// ---------------------------------------------------------------------------
// Children's social care

export type Section47Answers = { referredOn: Date | null; held: boolean; startedOn: Date | null; result: string | null };

/** The enquiry's answers, as the section, the chronology and a save read them. */
export const section47Select = { referredAt: true, held: true, startedAt: true, result: true } as const;
type Section47Data = Prisma.Section47EnquiryGetPayload<{ select: typeof section47Select }>;

/** Records children's social care's referral and section 47 enquiry, or changes it from the version the form showed. */
export function recordSection47({ request, userId, caseId }: Change, version: number, answers: Section47Answers): Promise<VersionedSave> {
  const data: Section47Data = { referredAt: answers.referredOn, held: answers.held, startedAt: answers.startedOn, result: answers.result };
  return db.$transaction((tx) =>
    saveVersioned<Section47Data>(
      tx,
      {
        find: () => tx.section47Enquiry.findUnique({ where: { caseId }, select: { id: true, version: true, ...section47Select } }),
        create: async (row) => (await tx.section47Enquiry.createMany({ data: [{ ...row, caseId }], skipDuplicates: true })).count,
        update: async (id, from, row) => (await tx.section47Enquiry.updateMany({ where: { id, version: from }, data: row })).count,
      },
      { version, data },
      { request, who: userId, what: "social-care.record", type: "social-care", caseId },
    ),
  );
}

// ---------------------------------------------------------------------------
// The police-delay flag

/** What the flag is read from, as a select on PoliceInvolvement. */
export const policeDelaySelect = {
  status: true,
  informedAt: true,
  openedAt: true,
  updates: { orderBy: { at: "desc" }, take: 1, select: { at: true } },
} as const satisfies Prisma.PoliceInvolvementSelect;

type DelayRow = Prisma.PoliceInvolvementGetPayload<{ select: typeof policeDelaySelect }>;

/** The flag for an involvement read with policeDelaySelect. */
export const policeDelayOf = (police: DelayRow, now: Date, thresholds: PoliceDelayThresholds): PoliceDelay =>
  policeDelay({ ...police, lastUpdateAt: police.updates[0]?.at ?? null }, now, thresholds);

/** The case header's flag: none, or one saying why it is up. */
export function policeDelayFlags(police: DelayRow | null, now: Date, thresholds: PoliceDelayThresholds) {
  const delay = police ? policeDelayOf(police, now, thresholds) : null;
  return delay?.raised ? [{ text: `Police delay: ${delay.reasons.map((r) => r.text).join("; ")}`, urgent: true }] : [];
}

export type PoliceDelayedCase = {
  caseId: string;
  reference: string;
  allocatedTo: { id: string; name: string } | null;
  reasons: PoliceDelayReason[];
};

/**
 * The open cases whose police-delay flag is up, longest-waiting first: of
 * the cases given, of one LADO's allocated cases, or (with neither) of every
 * open case, for "My work" and the team view. A case is open unless its
 * latest closure is signed off and not reopened.
 */
export async function listPoliceDelays(
  filter: { caseIds?: string[]; allocatedToId?: string } = {},
  now = new Date(),
): Promise<PoliceDelayedCase[]> {
  const [rows, settings] = await Promise.all([
    db.policeInvolvement.findMany({
      where: {
        status: { in: [...DELAY_STATUSES] },
        case: {
          ...(filter.caseIds ? { id: { in: filter.caseIds } } : {}),
          ...(filter.allocatedToId ? { allocatedToId: filter.allocatedToId } : {}),
          closures: { none: { signedOffAt: { not: null }, reopenedAt: null } },
        },
      },
      select: {
        ...policeDelaySelect,
        case: { select: { id: true, reference: true, allocatedTo: { select: { id: true, name: true } } } },
      },
    }),
    getSettings(),
  ]);
  const flagged = rows.flatMap((row) => {
    const delay = policeDelayOf(row, now, settings);
    if (!delay.raised) return [];
    return [{ caseId: row.case.id, reference: row.case.reference, allocatedTo: row.case.allocatedTo, reasons: delay.reasons }];
  });
  const oldest = (c: PoliceDelayedCase) => c.reasons.map((r) => r.since).sort()[0]!;
  return flagged.sort((a, b) => oldest(a).localeCompare(oldest(b)) || a.reference.localeCompare(b.reference));
}

/**
 * How many police investigations had the flag up at `at`, counted in
 * PostgreSQL by the same rule as ./police-delay.ts (tests/police.test.ts
 * checks the two agree). As the records stood at `at`: an investigation
 * started by then (opened, else reported to the police) and not concluded
 * by then; its status, that of the latest update dated on or before `at`
 * (with none, the involvement's own); its last update, the latest on or
 * before `at`. Days are London days; PostgreSQL's month arithmetic clamps to
 * the month's end as addMonthsToDay does.
 */
export async function countPoliceDelaysAt(at: Date, client: Pick<Prisma.TransactionClient, "$queryRaw"> = db): Promise<number> {
  const settings = await getSettings();
  const statuses = Sql.join(DELAY_STATUSES.map((s) => Sql.sql`${s}`));
  const [row] = await client.$queryRaw<{ count: bigint }[]>`
    WITH at_then AS (
      SELECT
        COALESCE(
          (SELECT u.status::text FROM "PoliceUpdate" u WHERE u."policeId" = p.id AND u.at <= ${at} ORDER BY u.at DESC LIMIT 1),
          p.status::text
        ) AS status,
        (COALESCE(p."openedAt", p."informedAt") AT TIME ZONE 'Europe/London')::date AS start,
        ((SELECT max(u.at) FROM "PoliceUpdate" u WHERE u."policeId" = p.id AND u.at <= ${at}) AT TIME ZONE 'Europe/London')::date AS last
      FROM "PoliceInvolvement" p
      WHERE COALESCE(p."openedAt", p."informedAt") <= ${at}
        AND (p."concludedAt" IS NULL OR p."concludedAt" > ${at})
    )
    SELECT count(*) AS count
    FROM at_then, (SELECT (${at}::timestamptz AT TIME ZONE 'Europe/London')::date AS today) d
    WHERE status IN (${statuses})
      AND (
        d.today >= COALESCE(last, start) + ${settings.policeUpdateStaleDays}::int
        OR d.today > (start + make_interval(months => ${settings.policeOpenMonths}::int))::date
      )`;
  return Number(row?.count ?? 0);
}
