import { describe, expect, it } from "vitest";
import { reportBackStatus } from "./cause-for-concern";

describe("reportBackStatus", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`); // a @db.Date
  it("is due up to the end of the day in London, then overdue", () => {
    expect(reportBackStatus(day("2026-12-11"), false, new Date("2026-12-11T23:59:00Z"))).toEqual({
      label: "Due by 11 December 2026",
      overdue: false,
    });
    expect(reportBackStatus(day("2026-12-11"), false, new Date("2026-12-12T00:00:00Z"))).toEqual({
      label: "Due by 11 December 2026",
      overdue: true,
    });
    // In summer time London's next day starts at 23:00 UTC.
    expect(reportBackStatus(day("2026-06-11"), false, new Date("2026-06-11T23:30:00Z"))?.overdue).toBe(true);
  });

  it("is nothing once the result is in, or with no date", () => {
    expect(reportBackStatus(day("2026-12-11"), true, new Date("2027-01-01T12:00:00Z"))).toBeNull();
    expect(reportBackStatus(null, false, new Date())).toBeNull();
  });
});
