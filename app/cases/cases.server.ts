// Reading one case, for the case page. The case list is in case-list.server.ts.
import { z } from "zod";
import { db } from "~/db.server";
import { caseStage } from "./stage";

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
