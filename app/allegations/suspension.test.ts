import { describe, expect, it } from "vitest";
import { suspensionConfirmation, suspensionConfirmationDueBy } from "./suspension";

// England and Wales: Easter 2026 (Good Friday 3 April, Easter Monday 6 April), the early May bank holiday,
// Christmas 2026 (Friday 25, Boxing Day substitute Monday 28 December).
const holidays = new Set(["2026-04-03", "2026-04-06", "2026-05-04", "2026-12-25", "2026-12-28"]);

describe("written confirmation of a suspension is due", () => {
  it.each([
    // suspended, working days, due by
    ["2026-03-02", 1, "2026-03-03"], // Monday: Tuesday
    ["2026-03-06", 1, "2026-03-09"], // Friday: Monday
    ["2026-03-07", 1, "2026-03-09"], // Saturday: Monday
    ["2026-03-08", 1, "2026-03-09"], // Sunday: Monday
    ["2026-04-02", 1, "2026-04-07"], // Thursday before Easter: Tuesday after Easter Monday
    ["2026-04-03", 1, "2026-04-07"], // on Good Friday itself
    ["2026-05-01", 1, "2026-05-05"], // Friday before the early May bank holiday
    ["2026-12-24", 1, "2026-12-29"], // Christmas Eve: Tuesday 29 December
    ["2026-03-27", 1, "2026-03-30"], // Friday before the clocks go forward (29 March): Monday
    ["2026-10-23", 1, "2026-10-26"], // Friday before the clocks go back (25 October): Monday
    ["2026-03-02", 3, "2026-03-05"], // three working days
    ["2026-04-01", 3, "2026-04-08"], // three working days over Easter
  ])("suspended %s, %i working day(s): by %s", (suspendedOn, days, dueBy) => {
    expect(suspensionConfirmationDueBy(suspendedOn, days, holidays)).toBe(dueBy);
  });

  it("is met when confirmed by the day it is due, late after", () => {
    const check = (confirmedOn: string) => suspensionConfirmation({ suspendedOn: "2026-04-02", confirmedOn }, "2026-06-01", 1, holidays);
    expect(check("2026-04-02")).toEqual({ dueBy: "2026-04-07", state: "met" });
    expect(check("2026-04-07")).toEqual({ dueBy: "2026-04-07", state: "met" });
    expect(check("2026-04-08")).toEqual({ dueBy: "2026-04-07", state: "late" });
  });

  it("is due until the day it is due, overdue after, while not confirmed", () => {
    const on = (today: string) => suspensionConfirmation({ suspendedOn: "2026-03-06", confirmedOn: null }, today, 1, holidays).state;
    expect(on("2026-03-06")).toBe("due");
    expect(on("2026-03-09")).toBe("due");
    expect(on("2026-03-10")).toBe("overdue");
  });
});
