// The employer's own investigation alongside an allegation: what it is
// looking into, its status, when it started and concluded, and its coded
// result with notes. The same EmployerInvestigation record a cause for
// concern keeps (app/triage/cause-for-concern.server.ts): a cause for concern
// revised to an allegation carries it on, and for an allegation it is shown
// and changed on the employer section. Versioned; each save audited.
import { db, type Prisma } from "~/db.server";
import type { EmployerInvestigationStatus, EmployerResult } from "~/generated/prisma/enums";
import { saveVersioned, type VersionedSave } from "./versioned.server";

export type InvestigationAnswers = {
  agreedActions: string;
  status: EmployerInvestigationStatus;
  startedOn: Date | null;
  concludedOn: Date | null;
  resultCode: EmployerResult | null;
  result: string | null;
};

const investigationFields = {
  agreedActions: true,
  status: true,
  startedAt: true,
  concludedAt: true,
  resultCode: true,
  result: true,
} as const;

/** What the employer section reads of it. */
export const employerInvestigationSelect = {
  version: true,
  agreedAt: true,
  investigator: true,
  ...investigationFields,
} as const satisfies Prisma.EmployerInvestigationSelect;

type InvestigationData = Prisma.EmployerInvestigationGetPayload<{ select: typeof investigationFields }>;

/**
 * Records the employer's investigation, or changes it from the version the
 * form showed. A new record counts as agreed with the employer when first recorded.
 */
export function recordEmployerInvestigation(
  { request, userId, caseId }: { request: Request; userId: string; caseId: string },
  version: number,
  answers: InvestigationAnswers,
): Promise<VersionedSave> {
  const data: InvestigationData = {
    agreedActions: answers.agreedActions,
    status: answers.status,
    startedAt: answers.startedOn,
    concludedAt: answers.concludedOn,
    resultCode: answers.resultCode,
    result: answers.result,
  };
  return db.$transaction((tx) =>
    saveVersioned<InvestigationData>(
      tx,
      {
        find: () => tx.employerInvestigation.findUnique({ where: { caseId }, select: { id: true, version: true, ...investigationFields } }),
        create: async (row) =>
          (await tx.employerInvestigation.createMany({ data: [{ ...row, caseId, agreedAt: new Date() }], skipDuplicates: true })).count,
        update: async (id, from, row) => (await tx.employerInvestigation.updateMany({ where: { id, version: from }, data: row })).count,
      },
      { version, data },
      { request, who: userId, what: "employer-investigation.record", type: "employer-investigation", caseId },
    ),
  );
}
