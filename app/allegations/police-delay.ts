// The police-delay flag (docs/decisions/017-allegation-process.md, "Police
// delay"): derived from the police involvement and its updates, never
// stored. Raised while an investigation is open when the police have sent no
// update for `staleDays` days, or when it has been open more than
// `openMonths` calendar months. Counted in London calendar days, so a clock
// change never moves it by an hour. Pure: `now` is passed in.
import type { PoliceStatus } from "~/generated/prisma/enums";
import { addDaysToDay, addMonthsToDay, calendarDate, londonDay } from "~/utils/dates";

/**
 * The stages at which the police are still deciding whether to charge, so
 * the LADO chases them. Once charged (and at court) the delay is the
 * court's, not the investigation's; no further action and concluded are
 * over; not involved never began.
 */
export const DELAY_STATUSES = [
  "CONSIDERING",
  "INVESTIGATING",
  "RELEASED_UNDER_INVESTIGATION",
  "ON_BAIL",
  "AWAITING_CHARGING_DECISION",
] as const satisfies readonly PoliceStatus[];

export const raisesPoliceDelay = (status: PoliceStatus) => (DELAY_STATUSES as readonly PoliceStatus[]).includes(status);

export type PoliceDelayInput = {
  status: PoliceStatus;
  informedAt: Date | string | null;
  openedAt: Date | string | null;
  /** The latest update's time, if any. */
  lastUpdateAt: Date | string | null;
};

export type PoliceDelayThresholds = { policeUpdateStaleDays: number; policeOpenMonths: number };

export type PoliceDelayReason =
  | { kind: "stale"; /** London day of the last update, or of the start when there is none */ since: string; text: string }
  | { kind: "open"; /** London day the investigation opened (else was reported to the police) */ since: string; text: string };

export type PoliceDelay = { raised: boolean; reasons: PoliceDelayReason[] };

const dayOf = (d: Date | string | null) => (d === null ? null : londonDay(d));
const shown = (day: string) => calendarDate(`${day}T00:00:00Z`);

/**
 * Whether the flag is up at `now`, and why: "No update from the police
 * since 3 March 2026" when the last update (or, with none, the start) is
 * `policeUpdateStaleDays` or more London days before today; "Open since 30
 * November 2025, more than 3 months" from the day after the same day
 * `policeOpenMonths` months on (clamped to the month's end). The start is
 * the day the investigation opened, else the day the police were told; with
 * neither nothing can be counted and the flag stays down.
 */
export function policeDelay(police: PoliceDelayInput, now: Date, thresholds: PoliceDelayThresholds): PoliceDelay {
  const start = dayOf(police.openedAt) ?? dayOf(police.informedAt);
  if (!raisesPoliceDelay(police.status) || !start) return { raised: false, reasons: [] };
  const today = londonDay(now);
  const reasons: PoliceDelayReason[] = [];

  const last = dayOf(police.lastUpdateAt) ?? start;
  if (today >= addDaysToDay(last, thresholds.policeUpdateStaleDays)) {
    const text = police.lastUpdateAt
      ? `No update from the police since ${shown(last)}`
      : `No update from the police since the investigation started on ${shown(last)}`;
    reasons.push({ kind: "stale", since: last, text });
  }
  if (today > addMonthsToDay(start, thresholds.policeOpenMonths)) {
    const months = `${thresholds.policeOpenMonths} ${thresholds.policeOpenMonths === 1 ? "month" : "months"}`;
    reasons.push({ kind: "open", since: start, text: `Investigation open since ${shown(start)}, more than ${months}` });
  }
  return { raised: reasons.length > 0, reasons };
}
