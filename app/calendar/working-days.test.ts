import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days";
import { BANK_HOLIDAY_YEARS, englandAndWalesBankHolidays } from "./bank-holidays.server";

const holidays = new Set(englandAndWalesBankHolidays(BANK_HOLIDAY_YEARS.from, BANK_HOLIDAY_YEARS.to).map((d) => d.date));
const at = (iso: string) => new Date(iso);

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-23", true], // Monday
    ["2026-11-28", false], // Saturday
    ["2026-11-29", false], // Sunday
    ["2026-12-25", false], // Christmas Day
    ["2026-12-28", false], // Boxing Day substitute
    ["2022-09-19", false], // the state funeral
    ["2023-05-08", false], // the coronation
    ["2026-12-29", true],
  ])("%s is a working day: %s", (day, expected) => {
    expect(isWorkingDay(day, holidays)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // [received (UTC), working days, due (UTC), why]
    ["2026-11-23T10:00:00Z", 1, "2026-11-24T10:00:00Z", "Monday to Tuesday, same time"],
    ["2026-11-27T16:00:00Z", 1, "2026-11-30T16:00:00Z", "Friday 4pm to Monday 4pm"],
    ["2026-11-28T10:00:00Z", 1, "2026-12-01T00:00:00Z", "Saturday: by the end of Monday"],
    ["2026-11-28T10:00:00Z", 5, "2026-12-05T00:00:00Z", "Saturday plus five: by the end of Friday, Monday counting as the first"],
    ["2026-11-27T00:00:00Z", 1, "2026-11-28T00:00:00Z", "at midnight as Friday begins: by the end of Friday"],
    ["2026-11-26T23:59:00Z", 1, "2026-11-27T23:59:00Z", "a minute before: the same time on Friday"],
    ["2024-12-25T10:00:00Z", 1, "2024-12-28T00:00:00Z", "Christmas Day 2024: by the end of Friday 27 December, not the start of Monday 30"],
    ["2026-12-24T15:00:00Z", 1, "2026-12-29T15:00:00Z", "Christmas Eve skips Christmas and the Boxing Day substitute"],
    ["2026-04-02T09:00:00Z", 1, "2026-04-07T09:00:00Z", "Thursday before Easter: the Tuesday after Easter Monday"],
    ["2026-03-27T12:00:00Z", 1, "2026-03-30T11:00:00Z", "Friday noon GMT to Monday noon BST"],
    ["2026-10-23T12:00:00Z", 1, "2026-10-26T13:00:00Z", "Friday 1pm BST to Monday 1pm GMT"],
    ["2023-05-05T11:00:00Z", 1, "2023-05-09T11:00:00Z", "Friday before the coronation"],
    ["2026-11-23T10:00:00Z", 5, "2026-11-30T10:00:00Z", "five working days is a week"],
    ["2026-11-23T10:00:00Z", 0, "2026-11-23T10:00:00Z", "zero days is the moment itself on a working day"],
    ["2026-11-28T10:00:00Z", 0, "2026-11-30T00:00:00Z", "zero days from a weekend is the start of Monday"],
  ])("%s + %i working day(s) is %s (%s)", (from, n, due) => {
    expect(addWorkingDays(at(from), n, holidays).toISOString()).toBe(new Date(due).toISOString());
  });

  it("knows nothing of bank holidays it is not given", () => {
    expect(addWorkingDays(at("2026-12-24T15:00:00Z"), 1, new Set()).toISOString()).toBe("2026-12-25T15:00:00.000Z");
  });
});
