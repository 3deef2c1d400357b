import { describe, expect, it } from "vitest";
import { addMonthsToDay, calendarMonth, financialYear, londonDate, londonDateTime, londonDay, londonTime } from "./dates";

describe("London dates", () => {
  it("shows summer times in BST, not UTC", () => {
    expect(londonTime("2026-07-01T16:07:00Z")).toBe("5:07pm");
    expect(londonDateTime("2026-07-01T23:30:00Z")).toBe("2 July 2026 at 12:30am");
  });
  it("shows winter times in GMT", () => {
    expect(londonTime("2026-11-23T09:05:00Z")).toBe("9:05am");
    expect(londonDate("2026-11-23T23:59:00Z")).toBe("23 November 2026");
  });
  it("takes the London calendar day across the clock change", () => {
    expect(londonDay("2026-03-28T23:30:00Z")).toBe("2026-03-28"); // GMT still
    expect(londonDay("2026-03-29T23:30:00Z")).toBe("2026-03-30"); // BST
  });
  it.each([
    ["2024-03-31T22:59:59Z", "2023-24"], // 23:59:59 BST on 31 March
    ["2024-03-31T23:00:00Z", "2024-25"], // midnight BST on 1 April
    ["2024-01-15T12:00:00Z", "2023-24"],
    ["2099-12-31T12:00:00Z", "2099-00"],
  ])("puts %s in financial year %s", (when, year) => {
    expect(financialYear(when)).toBe(year);
  });
});

describe("calendar months", () => {
  it.each([
    ["2027-01-15", 3, "2027-04-15"],
    ["2027-01-31", 1, "2027-02-28"], // the month's last day
    ["2028-01-31", 1, "2028-02-29"], // in a leap year
    ["2027-03-31", 3, "2027-06-30"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2027-12-15", 1, "2028-01-15"], // into the next year
    ["2027-03-31", -1, "2027-02-28"], // and back
    ["2028-02-29", 12, "2029-02-28"],
  ])("%s + %i months is %s", (day, n, expected) => {
    expect(addMonthsToDay(day, n)).toBe(expected);
  });

  it("names a month", () => {
    expect(calendarMonth("2027-03-01")).toBe("March 2027");
    expect(calendarMonth(new Date("2027-12-01T00:00:00Z"))).toBe("December 2027");
  });
});
