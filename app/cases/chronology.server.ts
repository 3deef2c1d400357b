// The chronology's reads: the case's records the chronology is built from
// (app/cases/chronology.ts), and who allocated it, from the audit trail. The
// filter is a GET query, checked here: kinds it does not know are ignored.
import { z } from "zod";
import { employerActionAnswersSelect } from "~/allegations/employer-action.server";
import { informingSelect } from "~/allegations/informing.server";
import { meetingSelect } from "~/allegations/meetings.server";
import { outcomeSelect } from "~/allegations/outcome.server";
import { involvementSelect, section47Select } from "~/allegations/police.server";
import type { Prisma } from "~/db.server";
import { CHRONOLOGY_KINDS, type Allocation, type ChronologyKind } from "./chronology";

const named = { select: { name: true } } as const;

/** Everything the chronology reads from the case, in one query. */
export const chronologySelect = {
  receivedAt: true,
  source: true,
  loggedBy: named,
  incidentFrom: true,
  incidentTo: true,
  employerAwareAt: true,
  initialConsideredAt: true,
  initialConsideredBy: named,
  initialConsideration: true,
  immediateActions: true,
  allocatedAt: true,
  allocatedTo: named,
  sameMatterAs: { select: { reason: true, linkedAt: true, linkedBy: named, sameMatterAs: { select: { reference: true } } } },
  sameMatterContacts: { select: { reason: true, linkedAt: true, linkedBy: named, case: { select: { reference: true } } } },
  decisions: {
    orderBy: { revision: "asc" },
    select: {
      revision: true,
      category: true,
      rationale: true,
      decidedAt: true,
      decidedBy: named,
      harmCriteria: true,
      harmCategories: true,
    },
  },
  advice: {
    select: {
      recordedAt: true,
      recordedBy: named,
      adviceGiven: true,
      referrerActions: true,
      redirectedTo: true,
      redirectDetail: true,
      followUpSentAt: true,
      followUpMethod: true,
      progressedToCase: { select: { reference: true } },
    },
  },
  employerInvestigation: {
    select: {
      agreedAt: true,
      agreedActions: true,
      investigator: true,
      reportBackBy: true,
      status: true,
      startedAt: true,
      concludedAt: true,
      resultCode: true,
      result: true,
      resultReceivedAt: true,
    },
  },
  meetings: {
    orderBy: [{ heldAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      createdAt: true,
      ...meetingSelect,
      cancelledReason: true,
      minutesSentAt: true,
      attendees: { orderBy: { id: "asc" }, select: { name: true, agency: true, role: true, attended: true } },
    },
  },
  actions: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      meetingId: true,
      description: true,
      ownerName: true,
      ownerAgency: true,
      dueDate: true,
      status: true,
      createdAt: true,
      completedAt: true,
      completionNote: true,
    },
  },
  police: {
    select: {
      ...involvementSelect,
      updates: { orderBy: { at: "asc" }, select: { at: true, status: true, note: true } },
      challenges: {
        orderBy: { at: "asc" },
        select: { at: true, kind: true, toWhom: true, detail: true, response: true, respondedAt: true },
      },
    },
  },
  section47: { select: section47Select },
  employerAction: { select: employerActionAnswersSelect },
  informing: {
    orderBy: { kind: "asc" },
    select: { kind: true, ...informingSelect, recordedAt: true },
  },
  outcome: { select: { ...outcomeSelect, recordedBy: named } },
  onwardReferrals: {
    orderBy: [{ referredAt: "asc" }, { id: "asc" }],
    select: { body: true, referredAt: true, referredBy: true, reference: true, detail: true },
  },
  outcomeLetters: {
    orderBy: { createdAt: "asc" },
    select: { recipient: true, createdAt: true, sentTo: true, createdBy: named, document: { select: { filename: true } } },
  },
  delayReasons: { orderBy: { month: "asc" }, select: { month: true, reason: true, recordedBy: named } },
  closures: {
    orderBy: { proposedAt: "asc" },
    select: {
      proposedAt: true,
      proposedBy: named,
      note: true,
      openActionsReason: true,
      returnedAt: true,
      returnedBy: named,
      returnedReason: true,
      signedOffAt: true,
      signedOffBy: named,
      reopenedAt: true,
      reopenedBy: named,
      reopenReason: true,
    },
  },
  legalHolds: { orderBy: { placedAt: "asc" }, select: { reason: true, placedAt: true, placedBy: named, liftedAt: true } },
  documents: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, filename: true, mediaType: true, sizeBytes: true, sha256: true, createdAt: true, uploadedBy: named },
  },
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
  },
} as const satisfies Prisma.CaseSelect;

/** The case's records the chronology (and the case file PDF) is built from. */
export function chronologyRecords(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({ where: { id: caseId }, select: chronologySelect });
}

/** Who allocated the case, to whom and when, from the audit trail (ids in "case.allocate" details, named here). */
export async function allocationsOf(tx: Prisma.TransactionClient, caseId: string): Promise<Allocation[]> {
  const events = await tx.auditEvent.findMany({
    where: { caseId, action: "case.allocate" },
    orderBy: { id: "asc" },
    select: { at: true, details: true, user: named },
  });
  const toIds = events.map((e) => allocationDetails.safeParse(e.details).data?.to).filter((id): id is string => !!id);
  const users = toIds.length ? await tx.user.findMany({ where: { id: { in: toIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return events.map((e) => {
    const to = allocationDetails.safeParse(e.details).data?.to;
    return { at: e.at, to: to ? (names.get(to) ?? "a user no longer known") : null, by: e.user?.name ?? null };
  });
}

const allocationDetails = z.object({ to: z.string().nullable().optional() });

/** The chronology's filter as a GET query: ?kind=police&kind=meetings&order=newest. Unknown kinds are ignored. */
export const chronologyQuery = z.object({
  kind: z
    .array(z.string())
    .default([])
    .transform((kinds) => kinds.filter((k): k is ChronologyKind => (CHRONOLOGY_KINDS as string[]).includes(k))),
  order: z.enum(["oldest", "newest"]).catch("oldest"),
  /** "Print": the same view, audited as printed, for the browser's print dialogue. */
  print: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

export type ChronologyQuery = z.infer<typeof chronologyQuery>;

export function parseChronologyQuery(params: URLSearchParams): ChronologyQuery {
  return chronologyQuery.parse({
    kind: params.getAll("kind"),
    order: params.get("order") ?? undefined,
    print: params.get("print") ?? undefined,
  });
}
