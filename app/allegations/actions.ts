// An action agreed on an allegation is overdue while it is open and the day
// it was due has passed in London (due today is not yet overdue). Pure.
import type { ActionStatus } from "~/generated/prisma/enums";
import { londonDay } from "~/utils/dates";

/** The day a @db.Date names (midnight UTC), or a yyyy-mm-dd as it is. */
export const dayOf = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function actionOverdue(action: { status: ActionStatus; dueDate: Date | string }, now: Date) {
  return action.status === "OPEN" && dayOf(action.dueDate) < londonDay(now);
}
