// Reading cases for the case list and the case page.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { caseStage } from "./stage";

export const PAGE_SIZE = 25;

export const caseListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Search terms must be 100 characters or fewer")
    .refine((q) => !/\p{Cc}/u.test(q), "Search terms cannot contain hidden control characters: type them again")
    .default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * A case reference from a URL, or null. References are ours (LADO-2026-00123)
 * or imported from a council's old system, so any short printable text is
 * looked up; anything else is not found without asking the database.
 */
function caseReference(param: string) {
  const parsed = z
    .string()
    .min(1)
    .max(60)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u)
    .safeParse(param);
  return parsed.success ? parsed.data : null;
}

const latestRecords = {
  decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
  closures: { orderBy: { proposedAt: "desc" }, take: 1, select: { signedOffAt: true, returnedReason: true, reopenedAt: true } },
} as const;

export async function listCases({ q, page }: z.infer<typeof caseListQuery>) {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 4);
  const where: Prisma.CaseWhereInput = words.length
    ? {
        AND: words.map((word) => ({
          OR: [
            { reference: { contains: word, mode: "insensitive" } },
            { subject: { firstName: { contains: word, mode: "insensitive" } } },
            { subject: { lastName: { contains: word, mode: "insensitive" } } },
            { referrer: { organisation: { name: { contains: word, mode: "insensitive" } } } },
          ],
        })),
      }
    : {};
  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { reference: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        reference: true,
        receivedAt: true,
        source: true,
        namedProfessional: true,
        subject: { select: { firstName: true, lastName: true, jobTitle: true } },
        referrer: { select: { organisation: { select: { name: true } } } },
        allocatedTo: { select: { name: true } },
        ...latestRecords,
      },
    }),
    db.case.count({ where }),
  ]);
  return {
    cases: rows.map(({ decisions, closures, ...row }) => ({ ...row, stage: caseStage(decisions, closures) })),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** A case's id and reference, or null: for pages about a case that do not show it. */
export async function findCaseId(param: string) {
  const reference = caseReference(param);
  return reference ? db.case.findUnique({ where: { reference }, select: { id: true, reference: true } }) : null;
}

/** Everything on one case file, or null. */
export async function findCase(param: string) {
  const reference = caseReference(param);
  if (!reference) return null;
  const found = await db.case.findUnique({
    where: { reference },
    include: {
      loggedBy: { select: { name: true } },
      allocatedTo: { select: { name: true } },
      referrer: { include: { organisation: true } },
      subject: { include: { employer: true } },
      children: true,
      decisions: { orderBy: { revision: "desc" }, include: { decidedBy: { select: { name: true } } } },
      advice: true,
      employerInvestigation: true,
      meetings: { orderBy: { heldAt: "asc" }, include: { attendees: true } },
      actions: { orderBy: { dueDate: "asc" } },
      police: { include: { updates: { orderBy: { at: "desc" } }, challenges: { orderBy: { at: "desc" } } } },
      section47: true,
      employerAction: true,
      outcome: true,
      onwardReferrals: { orderBy: { referredAt: "asc" } },
      closures: {
        orderBy: { proposedAt: "desc" },
        include: { proposedBy: { select: { name: true } }, signedOffBy: { select: { name: true } } },
      },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, filename: true, sizeBytes: true, createdAt: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
      },
    },
  });
  if (!found) return null;
  return { ...found, stage: caseStage(found.decisions, found.closures) };
}

export type CaseFile = NonNullable<Awaited<ReturnType<typeof findCase>>>;
