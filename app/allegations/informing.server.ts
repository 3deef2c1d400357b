// Telling people about an allegation and its outcome: the person it is
// about (and whether police and children's social care agreed first),
// parents or carers told of the allegation and of the outcome, and the child
// given feedback suited to their age. One versioned record per kind, each
// done on a date by someone, or not done for a reason; each save audited.
import { db } from "~/db.server";
import type { InformingKind } from "~/generated/prisma/enums";
import type { Prisma } from "~/db.server";
import { saveVersioned, type VersionedSave } from "./versioned.server";

export type InformingAnswers =
  | {
      done: true;
      doneOn: Date;
      byWhom: string;
      /** The person told only; null where the police (or social care) were not involved. */
      policeAgreed: boolean | null;
      socialCareAgreed: boolean | null;
    }
  | { done: false; notDoneReason: string };

/** A telling's answers, as the section, the chronology and a save read them. */
export const informingSelect = {
  done: true,
  doneOn: true,
  byWhom: true,
  policeAgreed: true,
  socialCareAgreed: true,
  notDoneReason: true,
} as const;
type InformingData = Prisma.InformingGetPayload<{ select: typeof informingSelect }>;

/** Every column, so a change from done to not done (or back) clears what no longer applies. */
function columns(answers: InformingAnswers): InformingData {
  return answers.done
    ? {
        done: true,
        doneOn: answers.doneOn,
        byWhom: answers.byWhom,
        policeAgreed: answers.policeAgreed,
        socialCareAgreed: answers.socialCareAgreed,
        notDoneReason: null,
      }
    : { done: false, doneOn: null, byWhom: null, policeAgreed: null, socialCareAgreed: null, notDoneReason: answers.notDoneReason };
}

/** Records one kind of telling, or changes it from the version the form showed. */
export function recordInforming(
  { request, userId, caseId }: { request: Request; userId: string; caseId: string },
  kind: InformingKind,
  version: number,
  answers: InformingAnswers,
): Promise<VersionedSave> {
  const recorded = { recordedAt: new Date(), recordedById: userId };
  return db.$transaction((tx) =>
    saveVersioned<InformingData>(
      tx,
      {
        find: () =>
          tx.informing.findUnique({ where: { caseId_kind: { caseId, kind } }, select: { id: true, version: true, ...informingSelect } }),
        create: async (row) =>
          (await tx.informing.createMany({ data: [{ ...row, ...recorded, caseId, kind }], skipDuplicates: true })).count,
        update: async (id, from, row) =>
          (await tx.informing.updateMany({ where: { id, version: from }, data: { ...row, ...recorded } })).count,
      },
      { version, data: columns(answers) },
      { request, who: userId, what: "informing.record", type: "informing", caseId },
    ),
  );
}
