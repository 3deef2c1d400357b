// Written confirmation of a suspension: due within a number of working days
// (setting suspensionConfirmationWorkingDays, by default 1) of the day the
// person was suspended, that is by the end of the nth working day after it
// (suspended on a Friday, or over a weekend, with 1: by the Monday, or the
// Tuesday when Monday is a bank holiday). Met or late once confirmed; due or
// overdue until then. Days are yyyy-mm-dd (London). Pure.
import { workingDaysAfter, type Holidays } from "~/calendar/working-days";

export type ConfirmationState = "met" | "late" | "due" | "overdue";

export type SuspensionConfirmation = { dueBy: string; state: ConfirmationState };

/** The last day written confirmation of a suspension on `suspendedOn` is in time. */
export function suspensionConfirmationDueBy(suspendedOn: string, workingDays: number, holidays: Holidays): string {
  return workingDaysAfter(suspendedOn, workingDays, holidays);
}

/**
 * Whether the written confirmation of a suspension was in time (met or
 * late), or, not yet sent, whether it is still in time today (due or overdue).
 */
export function suspensionConfirmation(
  suspension: { suspendedOn: string; confirmedOn: string | null },
  today: string,
  workingDays: number,
  holidays: Holidays,
): SuspensionConfirmation {
  const dueBy = suspensionConfirmationDueBy(suspension.suspendedOn, workingDays, holidays);
  if (suspension.confirmedOn) return { dueBy, state: suspension.confirmedOn <= dueBy ? "met" : "late" };
  return { dueBy, state: today <= dueBy ? "due" : "overdue" };
}
