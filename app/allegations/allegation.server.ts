// What the allegation sections' forms need to know of their case before
// taking an answer: whether it is an allegation (its threshold decision, in
// any revision), whether it is closed (docs/decisions/017: a closed case is
// changed only after reopening), and the day its contact was received,
// before which nothing on it can be dated.
import { db } from "~/db.server";
import { closedAt } from "~/triage/decisions.server";
import { londonDateTime, londonDay } from "~/utils/dates";

export const NOT_ALLEGATION_MESSAGE = "This case is not an allegation: record the threshold decision first";

/** Why a closed case takes no change. */
export const closedCaseMessage = (at: Date) => `This case was closed on ${londonDateTime(at)}: reopen it first`;

export async function allegationFacts(caseId: string) {
  const [found, closed] = await Promise.all([
    db.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { receivedAt: true, decisions: { where: { category: "ALLEGATION" }, take: 1, select: { id: true } } },
    }),
    closedAt(db, caseId),
  ]);
  return { receivedDay: londonDay(found.receivedAt), isAllegation: found.decisions.length > 0, closedAt: closed };
}

/** The problem with changing this case's allegation sections, if there is one. */
export function allegationProblem(facts: Awaited<ReturnType<typeof allegationFacts>>) {
  if (!facts.isAllegation) return NOT_ALLEGATION_MESSAGE;
  return facts.closedAt ? closedCaseMessage(facts.closedAt) : undefined;
}
