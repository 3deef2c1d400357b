// The record form's repeated rows: how many of attendees and of actions it
// starts with, the most it grows to, and the count a sent form asks for
// (its hidden `attendeeRows` and `actionRows`), within those bounds.
export const ROWS = { attendees: 4, actions: 2, maxAttendees: 30, maxActions: 20 };

export function rowCount(value: unknown, start: number, max: number) {
  const n = Number(value);
  return Number.isInteger(n) && n >= start ? Math.min(n, max) : start;
}
