import { describe, expect, it } from "vitest";
import { BANK_HOLIDAY_YEARS, englandAndWalesBankHolidays } from "~/calendar/bank-holidays.server";
import { isWorkingDay } from "~/calendar/working-days";
import { addDaysToDay, dayWithWeekday, londonDay, londonMinutes, londonMoment } from "~/utils/dates";
import {
  consideredAgainstDue,
  dueByLabel,
  immediateActionsProblem,
  initialConsideration,
  overdueBy,
  overdueCutoff,
  timeLeftLabel,
} from "./initial-consideration";

const holidays = new Set(englandAndWalesBankHolidays(BANK_HOLIDAY_YEARS.from, BANK_HOLIDAY_YEARS.to).map((d) => d.date));
const at = (iso: string) => new Date(iso);

/** The due time and the words for a contact received at `received`, seen at `now` (both UTC), with a 1-working-day target. */
function check(received: string, now: string, workingDays = 1) {
  const due = initialConsideration(at(received), at(now), workingDays, holidays);
  return { ...due, dueAt: due.dueAt.toISOString(), label: timeLeftLabel(due, at(now)), dueBy: dueByLabel(due.dueAt, at(now)) };
}

// 2026: Monday 23 November, Friday 27 November, Saturday 28 November, Monday 30 November.
const FRIDAY_5PM = "2026-11-27T17:00:00Z"; // GMT: London time is UTC

describe("at 5pm on a Friday", () => {
  it.each([
    // [received (UTC), due (UTC), overdue, minutes left, words]
    ["2026-11-25T10:00:00Z", "2026-11-26T10:00:00Z", true, -31 * 60, "Overdue by 1 day"],
    ["2026-11-23T09:00:00Z", "2026-11-24T09:00:00Z", true, -(3 * 24 + 8) * 60, "Overdue by 3 days"],
    ["2026-11-26T13:40:00Z", "2026-11-27T13:40:00Z", true, -200, "Overdue by 3 hours 20 minutes"],
    ["2026-11-26T15:00:00Z", "2026-11-27T15:00:00Z", true, -120, "Overdue by 2 hours"],
    ["2026-11-26T16:00:00Z", "2026-11-27T16:00:00Z", true, -60, "Overdue by 1 hour"],
    ["2026-11-26T16:55:00Z", "2026-11-27T16:55:00Z", true, -5, "Overdue by 5 minutes"],
    ["2026-11-26T16:59:00Z", "2026-11-27T16:59:00Z", true, -1, "Overdue by 1 minute"],
    ["2026-11-26T17:00:00Z", "2026-11-27T17:00:00Z", false, 0, "Less than a minute left"],
    ["2026-11-26T17:45:00Z", "2026-11-27T17:45:00Z", false, 45, "45 minutes left"],
    ["2026-11-26T18:30:00Z", "2026-11-27T18:30:00Z", false, 90, "1 hour 30 minutes left"],
    ["2026-11-26T20:20:00Z", "2026-11-27T20:20:00Z", false, 200, "3 hours 20 minutes left"],
    ["2026-11-26T23:30:00Z", "2026-11-27T23:30:00Z", false, 390, "6 hours 30 minutes left"],
    // Received today: due on Monday, said as a day and time rather than "2 days 16 hours".
    ["2026-11-27T09:15:00Z", "2026-11-30T09:15:00Z", false, (2 * 24 + 16) * 60 + 15, "Due by 9:15am Monday 30 November"],
    ["2026-11-27T16:00:00Z", "2026-11-30T16:00:00Z", false, (3 * 24 - 1) * 60, "Due by 4pm Monday 30 November"],
    ["2026-11-27T12:00:00Z", "2026-11-30T12:00:00Z", false, (2 * 24 + 19) * 60, "Due by midday Monday 30 November"],
  ])("received %s: due %s, overdue %s, %i minutes left: %s", (received, dueAt, overdue, minutesLeft, label) => {
    expect(check(received, FRIDAY_5PM)).toMatchObject({ dueAt: new Date(dueAt).toISOString(), overdue, minutesLeft, label });
  });

  it("is overdue the moment the due time has passed, by less than a minute", () => {
    expect(check("2026-11-26T17:00:00Z", "2026-11-27T17:00:30Z")).toMatchObject({
      overdue: true,
      minutesLeft: 0,
      label: "Overdue by less than a minute",
    });
    expect(check("2026-11-26T17:00:00Z", "2026-11-27T17:00:59.999Z")).toMatchObject({ overdue: true, minutesLeft: 0 });
    expect(check("2026-11-26T17:00:00Z", "2026-11-27T17:01:00Z")).toMatchObject({
      overdue: true,
      minutesLeft: -1,
      label: "Overdue by 1 minute",
    });
  });

  it("counts down in the last day, then names the time and day", () => {
    expect(check("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z").label).toBe("Due by 10am Tuesday 24 November");
    expect(check("2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z").label).toBe("23 hours 59 minutes left");
    expect(check("2026-11-23T10:00:00Z", "2026-11-23T17:00:00Z").label).toBe("17 hours left");
    expect(check("2026-11-23T10:00:00Z", "2026-11-24T09:59:00Z").label).toBe("1 minute left");
  });
});

describe("weekends", () => {
  it("gives a contact received on Saturday until the end of Monday", () => {
    const sat = check("2026-11-28T11:00:00Z", "2026-11-28T11:00:00Z");
    expect(sat).toMatchObject({ dueAt: "2026-12-01T00:00:00.000Z", overdue: false, label: "Due by the end of Monday 30 November" });
    expect(sat.dueBy).toBe("by the end of Monday 30 November");
    expect(check("2026-11-29T23:59:00Z", "2026-11-30T20:00:00Z").label).toBe("4 hours left");
    expect(check("2026-11-28T11:00:00Z", "2026-12-01T09:00:00Z").label).toBe("Overdue by 9 hours");
    expect(check("2026-11-28T11:00:00Z", "2026-12-02T00:00:00Z").label).toBe("Overdue by 1 day");
  });

  it("gives a contact received late on Friday until the same time on Monday", () => {
    expect(check("2026-11-27T23:30:00Z", "2026-11-28T10:00:00Z")).toMatchObject({
      dueAt: "2026-11-30T23:30:00.000Z",
      label: "Due by 11:30pm Monday 30 November",
    });
  });

  it("counts overdue in calendar days, weekend included", () => {
    // Due Friday 10am; seen on Monday at 10am and at 9:59am.
    expect(check("2026-11-26T10:00:00Z", "2026-11-30T10:00:00Z").label).toBe("Overdue by 3 days");
    expect(check("2026-11-26T10:00:00Z", "2026-11-30T09:59:00Z").label).toBe("Overdue by 2 days");
    expect(check("2026-11-26T10:00:00Z", "2026-11-29T09:59:00Z").label).toBe("Overdue by 1 day");
    expect(check("2026-11-26T10:00:00Z", "2026-11-28T10:00:00Z").label).toBe("Overdue by 1 day");
    expect(check("2026-11-26T10:00:00Z", "2026-11-28T09:59:00Z").label).toBe("Overdue by 23 hours 59 minutes");
  });
});

describe("bank holidays", () => {
  it("skips Christmas Day and the Boxing Day substitute", () => {
    const eve = check("2026-12-24T15:00:00Z", "2026-12-24T17:00:00Z");
    expect(eve).toMatchObject({ dueAt: "2026-12-29T15:00:00.000Z", overdue: false, label: "Due by 3pm Tuesday 29 December" });
    expect(check("2026-12-24T15:00:00Z", "2026-12-30T15:00:00Z").label).toBe("Overdue by 1 day");
  });

  it("gives the year when the due day is not in this year", () => {
    const seen = check("2026-12-24T15:00:00Z", "2027-01-04T15:00:00Z");
    expect(seen.label).toBe("Overdue by 6 days");
    expect(seen.dueBy).toBe("by 3pm Tuesday 29 December 2026");
    // New Year's Day is a holiday: received on New Year's Eve, due the Monday after.
    expect(check("2026-12-31T09:00:00Z", "2026-12-31T10:00:00Z")).toMatchObject({
      dueAt: "2027-01-04T09:00:00.000Z",
      label: "Due by 9am Monday 4 January 2027",
    });
    expect(check("2026-12-30T11:00:00Z", "2026-12-30T12:00:00Z").label).toBe("23 hours left");
  });

  it("gives a contact received on a bank holiday until the end of the next working day", () => {
    // Summer bank holiday, Monday 31 August 2026 (BST).
    const due = check("2026-08-31T09:00:00Z", "2026-08-31T09:00:00Z");
    expect(due).toMatchObject({ dueAt: "2026-09-01T23:00:00.000Z", label: "Due by the end of Tuesday 1 September" });
  });

  it("skips Good Friday and Easter Monday", () => {
    expect(check("2026-04-02T09:00:00Z", "2026-04-02T10:00:00Z")).toMatchObject({
      dueAt: "2026-04-07T09:00:00.000Z",
      label: "Due by 10am Tuesday 7 April",
    });
  });

  it("knows only the holidays it is given", () => {
    const due = initialConsideration(at("2026-12-24T15:00:00Z"), at("2026-12-24T17:00:00Z"), 1, new Set());
    expect(timeLeftLabel(due, at("2026-12-24T17:00:00Z"))).toBe("22 hours left");
  });
});

describe("the due time and its words never name a weekend or bank holiday", () => {
  // Received on a working day: the same time on the nth working day after.
  // Received on a weekend or bank holiday, or at midnight as a working day
  // begins: by the end of the nth working day, the next working day counting
  // as the first. Words are as seen on the day of receipt (the year shows
  // when the due day is in the next one). Winter times are GMT (UTC); April,
  // July and the 2024 Easter after 31 March are BST (UTC+1).
  it.each([
    // [received (UTC), working days, due (UTC), words]
    // Christmas 2024: Wednesday 25 and Thursday 26 December, New Year's Day on a Wednesday.
    ["2024-12-24T15:00:00Z", 1, "2024-12-27T15:00:00Z", "by 3pm Friday 27 December"],
    ["2024-12-24T15:00:00Z", 5, "2025-01-03T15:00:00Z", "by 3pm Friday 3 January 2025"],
    ["2024-12-25T10:00:00Z", 1, "2024-12-28T00:00:00Z", "by the end of Friday 27 December"],
    ["2024-12-25T10:00:00Z", 5, "2025-01-04T00:00:00Z", "by the end of Friday 3 January 2025"],
    ["2024-12-26T18:00:00Z", 1, "2024-12-28T00:00:00Z", "by the end of Friday 27 December"],
    ["2024-12-27T09:30:00Z", 1, "2024-12-30T09:30:00Z", "by 9:30am Monday 30 December"],
    ["2024-12-27T09:30:00Z", 5, "2025-01-06T09:30:00Z", "by 9:30am Monday 6 January 2025"],
    // Christmas 2026: Friday 25, and Monday 28 December for Boxing Day on the Saturday.
    ["2026-12-24T15:00:00Z", 1, "2026-12-29T15:00:00Z", "by 3pm Tuesday 29 December"],
    ["2026-12-24T15:00:00Z", 5, "2027-01-05T15:00:00Z", "by 3pm Tuesday 5 January 2027"],
    ["2026-12-25T11:00:00Z", 1, "2026-12-30T00:00:00Z", "by the end of Tuesday 29 December"],
    ["2026-12-25T11:00:00Z", 5, "2027-01-06T00:00:00Z", "by the end of Tuesday 5 January 2027"],
    ["2026-12-26T11:00:00Z", 1, "2026-12-30T00:00:00Z", "by the end of Tuesday 29 December"],
    ["2026-12-28T09:00:00Z", 1, "2026-12-30T00:00:00Z", "by the end of Tuesday 29 December"],
    ["2026-12-28T09:00:00Z", 5, "2027-01-06T00:00:00Z", "by the end of Tuesday 5 January 2027"],
    // New Year: 2027's on a Friday, 2025's on a Wednesday, 2022's on Monday 3 January for the Saturday.
    ["2026-12-31T17:00:00Z", 1, "2027-01-04T17:00:00Z", "by 5pm Monday 4 January 2027"],
    ["2026-12-31T17:00:00Z", 5, "2027-01-08T17:00:00Z", "by 5pm Friday 8 January 2027"],
    ["2027-01-01T10:00:00Z", 1, "2027-01-05T00:00:00Z", "by the end of Monday 4 January"],
    ["2027-01-01T10:00:00Z", 5, "2027-01-09T00:00:00Z", "by the end of Friday 8 January"],
    ["2025-01-01T12:00:00Z", 1, "2025-01-03T00:00:00Z", "by the end of Thursday 2 January"],
    ["2025-01-01T12:00:00Z", 5, "2025-01-09T00:00:00Z", "by the end of Wednesday 8 January"],
    ["2021-12-31T16:00:00Z", 1, "2022-01-04T16:00:00Z", "by 4pm Tuesday 4 January 2022"],
    ["2021-12-31T16:00:00Z", 5, "2022-01-10T16:00:00Z", "by 4pm Monday 10 January 2022"],
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April (BST).
    ["2026-04-02T15:30:00Z", 1, "2026-04-07T15:30:00Z", "by 4:30pm Tuesday 7 April"],
    ["2026-04-02T15:30:00Z", 5, "2026-04-13T15:30:00Z", "by 4:30pm Monday 13 April"],
    ["2026-04-03T09:00:00Z", 1, "2026-04-07T23:00:00Z", "by the end of Tuesday 7 April"],
    ["2026-04-03T09:00:00Z", 5, "2026-04-13T23:00:00Z", "by the end of Monday 13 April"],
    ["2026-04-06T08:00:00Z", 1, "2026-04-07T23:00:00Z", "by the end of Tuesday 7 April"],
    ["2026-04-06T08:00:00Z", 5, "2026-04-13T23:00:00Z", "by the end of Monday 13 April"],
    // Easter 2024 across the clock change (Sunday 31 March): Thursday noon GMT to Tuesday noon BST.
    ["2024-03-28T12:00:00Z", 1, "2024-04-02T11:00:00Z", "by midday Tuesday 2 April"],
    ["2024-03-29T12:00:00Z", 5, "2024-04-08T23:00:00Z", "by the end of Monday 8 April"],
    // Ordinary weekends, and receipt at midnight as a working day begins.
    ["2026-11-27T16:00:00Z", 1, "2026-11-30T16:00:00Z", "by 4pm Monday 30 November"],
    ["2026-11-27T16:00:00Z", 5, "2026-12-04T16:00:00Z", "by 4pm Friday 4 December"],
    ["2026-11-28T10:00:00Z", 1, "2026-12-01T00:00:00Z", "by the end of Monday 30 November"],
    ["2026-11-28T10:00:00Z", 5, "2026-12-05T00:00:00Z", "by the end of Friday 4 December"],
    ["2026-11-29T23:59:00Z", 5, "2026-12-05T00:00:00Z", "by the end of Friday 4 December"],
    ["2026-11-26T23:59:00Z", 1, "2026-11-27T23:59:00Z", "by 11:59pm Friday 27 November"],
    ["2026-11-27T00:00:00Z", 1, "2026-11-28T00:00:00Z", "by the end of Friday 27 November"],
    ["2026-11-27T00:00:00Z", 5, "2026-12-04T00:00:00Z", "by the end of Thursday 3 December"],
    ["2026-11-27T23:59:00Z", 1, "2026-11-30T23:59:00Z", "by 11:59pm Monday 30 November"],
    ["2026-11-30T00:00:00Z", 1, "2026-12-01T00:00:00Z", "by the end of Monday 30 November"],
    ["2026-07-05T23:00:00Z", 1, "2026-07-06T23:00:00Z", "by the end of Monday 6 July"],
    ["2026-07-04T10:00:00Z", 5, "2026-07-10T23:00:00Z", "by the end of Friday 10 July"],
  ])("received %s, %i working day(s): due %s, %s", (received, workingDays, dueAt, words) => {
    const due = initialConsideration(at(received), at(received), workingDays, holidays);
    expect(due.dueAt.toISOString()).toBe(new Date(dueAt).toISOString());
    expect(dueByLabel(due.dueAt, at(received))).toBe(words);
  });

  it("holds for receipt at any time in the days around every bank holiday from 2014 to 2030", () => {
    const days = new Set([...holidays].flatMap((holiday) => [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((n) => addDaysToDay(holiday, n))));
    const wrong: string[] = [];
    for (const day of days) {
      // From midnight as the day begins, through the day at odd minutes.
      for (let t = londonMoment(day).getTime(); londonDay(new Date(t)) === day; t += 127 * 60_000) {
        const received = new Date(t);
        for (const workingDays of [1, 5]) {
          const { dueAt } = initialConsideration(received, received, workingDays, holidays);
          const named = londonMinutes(dueAt) === 0 ? addDaysToDay(londonDay(dueAt), -1) : londonDay(dueAt);
          const words = dueByLabel(dueAt, received);
          if (!isWorkingDay(named, holidays) || !words.includes(dayWithWeekday(named, { year: false })) || dueAt <= received) {
            wrong.push(`${received.toISOString()} + ${workingDays}: ${words}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("across the clock change", () => {
  it("keeps the London time of day, not the UTC one, in spring", () => {
    // Friday 27 March 2026 noon GMT; the clocks go forward on Sunday 29 March.
    const due = check("2026-03-27T12:00:00Z", "2026-03-27T17:00:00Z");
    expect(due).toMatchObject({ dueAt: "2026-03-30T11:00:00.000Z", minutesLeft: 66 * 60, label: "Due by midday Monday 30 March" });
    expect(check("2026-03-27T12:00:00Z", "2026-03-30T11:00:00Z").label).toBe("Less than a minute left");
    expect(check("2026-03-27T12:00:00Z", "2026-03-30T12:00:00Z").label).toBe("Overdue by 1 hour");
  });

  it("keeps the London time of day in autumn", () => {
    // Friday 23 October 2026 1pm BST; the clocks go back on Sunday 25 October.
    const due = check("2026-10-23T12:00:00Z", "2026-10-23T16:00:00Z");
    expect(due).toMatchObject({ dueAt: "2026-10-26T13:00:00.000Z", minutesLeft: 69 * 60, label: "Due by 1pm Monday 26 October" });
  });

  it("counts overdue days on the London clock, not in blocks of 24 hours", () => {
    // Due Friday noon GMT, seen Monday noon BST: 71 hours, but three days as anyone would say.
    expect(check("2026-03-26T12:00:00Z", "2026-03-30T11:00:00Z").label).toBe("Overdue by 3 days");
    // Due Friday 1pm BST, seen Monday 12:30pm GMT: 72.5 hours, but not yet three days.
    expect(check("2026-10-22T12:00:00Z", "2026-10-26T12:30:00Z").label).toBe("Overdue by 2 days");
    expect(check("2026-10-22T12:00:00Z", "2026-10-26T13:00:00Z").label).toBe("Overdue by 3 days");
  });

  it("says the end of the day for midnight in summer time as in winter", () => {
    // Saturday 4 July 2026: due at midnight BST, 23:00 UTC on the Monday.
    const due = check("2026-07-04T10:00:00Z", "2026-07-04T10:00:00Z");
    expect(due).toMatchObject({ dueAt: "2026-07-06T23:00:00.000Z", label: "Due by the end of Monday 6 July" });
    expect(check("2026-07-04T10:00:00Z", "2026-07-06T20:00:00Z").label).toBe("3 hours left");
  });
});

describe("other targets", () => {
  it("takes the configured number of working days", () => {
    expect(check("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", 2).dueAt).toBe("2026-11-25T10:00:00.000Z");
    expect(check("2026-11-26T10:00:00Z", "2026-11-26T10:00:00Z", 3).label).toBe("Due by 10am Tuesday 1 December");
    expect(check("2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", 0).label).toBe("Overdue by 2 hours");
  });
});

describe("dueByLabel", () => {
  it.each([
    ["2026-11-30T16:30:00Z", "by 4:30pm Monday 30 November"],
    ["2026-11-30T16:00:00Z", "by 4pm Monday 30 November"],
    ["2026-11-30T09:05:00Z", "by 9:05am Monday 30 November"],
    ["2026-11-30T12:00:00Z", "by midday Monday 30 November"],
    ["2026-11-30T12:01:00Z", "by 12:01pm Monday 30 November"],
    ["2026-11-30T00:30:00Z", "by 12:30am Monday 30 November"],
    ["2026-12-01T00:00:00Z", "by the end of Monday 30 November"],
    ["2026-06-01T15:30:00Z", "by 4:30pm Monday 1 June"],
    ["2026-06-01T23:00:00Z", "by the end of Monday 1 June"],
    ["2027-01-01T00:00:00Z", "by the end of Thursday 31 December"],
    ["2027-01-04T10:00:00Z", "by 10am Monday 4 January 2027"],
  ])("%s is %s", (dueAt, words) => {
    expect(dueByLabel(at(dueAt), at("2026-11-27T17:00:00Z"))).toBe(words);
  });
});

describe("overdueBy", () => {
  it("is empty when not overdue", () => {
    const due = initialConsideration(at("2026-11-26T18:00:00Z"), at(FRIDAY_5PM), 1, holidays);
    expect(overdueBy(due, at(FRIDAY_5PM))).toBe("");
  });
  it("is the words after Overdue by", () => {
    const due = initialConsideration(at("2026-11-26T15:59:00Z"), at(FRIDAY_5PM), 1, holidays);
    expect(overdueBy(due, at(FRIDAY_5PM))).toBe("1 hour 1 minute");
  });
});

describe("overdueCutoff", () => {
  it("is the receipt time whose due time is now, on a working day", () => {
    expect(overdueCutoff(at(FRIDAY_5PM), 1, holidays).toISOString()).toBe("2026-11-26T17:00:00.000Z");
  });

  it("is a minute into Friday, seen on a Saturday: one received at midnight was due by the end of Friday", () => {
    expect(overdueCutoff(at("2026-11-28T10:00:00Z"), 1, holidays).toISOString()).toBe("2026-11-27T00:01:00.000Z");
  });

  it("leaves weekend contacts on time until the end of Monday", () => {
    expect(overdueCutoff(at("2026-12-01T00:00:00Z"), 1, holidays).toISOString()).toBe("2026-11-28T00:00:00.000Z");
  });

  it.each([
    [FRIDAY_5PM, 1],
    ["2026-11-30T08:30:00Z", 1], // Monday morning
    ["2026-12-29T15:00:00Z", 1], // after Christmas
    ["2026-03-30T11:00:00Z", 1], // after the spring clock change
    ["2026-10-26T12:30:00Z", 1], // after the autumn clock change
    ["2026-11-28T13:00:00Z", 0],
    ["2026-12-02T10:00:00Z", 5],
  ])("splits the queue exactly as the due times do, at %s with %i working day(s)", (now, days) => {
    const cutoff = overdueCutoff(at(now), days, holidays).getTime();
    const start = at(now).getTime() - 14 * 86_400_000;
    const mismatches: string[] = [];
    for (let t = start; t < at(now).getTime() + 86_400_000; t += 7 * 60_000 + 1_013) {
      for (const r of [t, cutoff - 1, cutoff]) {
        const { overdue } = initialConsideration(new Date(r), at(now), days, holidays);
        if (overdue !== r < cutoff) mismatches.push(new Date(r).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("consideredAgainstDue: met or missed, in words", () => {
  it.each([
    // [considered (UTC), due (UTC), met, words]
    ["2026-11-27T13:00:00Z", "2026-11-27T15:00:00Z", true, "Considered 2 hours before it was due"],
    ["2026-11-27T14:40:00Z", "2026-11-27T15:00:00Z", true, "Considered 20 minutes before it was due"],
    ["2026-11-27T15:00:00Z", "2026-11-27T15:00:00Z", true, "Considered less than a minute before it was due"],
    ["2026-11-27T15:00:30Z", "2026-11-27T15:00:00Z", false, "Considered less than a minute late"],
    ["2026-11-27T16:30:00Z", "2026-11-27T15:00:00Z", false, "Considered 1 hour 30 minutes late"],
    ["2026-11-28T15:00:00Z", "2026-11-27T15:00:00Z", false, "Considered 1 day late"],
    // Friday 3pm to Monday 10am: 2 whole days on the London clock (as the queue counts overdue).
    ["2026-11-30T10:00:00Z", "2026-11-27T15:00:00Z", false, "Considered 2 days late"],
    ["2026-11-27T09:00:00Z", "2026-11-30T09:15:00Z", true, "Considered 3 days before it was due"],
  ])("considered %s, due %s: met %s, %s", (consideredAt, dueAt, met, label) => {
    expect(consideredAgainstDue(at(consideredAt), at(dueAt))).toEqual({ met, label });
  });

  it("counts days on the London clock across the clock change", () => {
    // Saturday 28 to Monday 30 March 2026 (BST from Sunday): 47 hours, 2 days.
    expect(consideredAgainstDue(at("2026-03-30T09:00:00Z"), at("2026-03-28T10:00:00Z")).label).toBe("Considered 2 days late");
  });
});

describe("immediateActionsProblem", () => {
  it("lets no immediate action stand alone only", () => {
    expect(immediateActionsProblem(["NONE"], undefined)).toBeUndefined();
    expect(immediateActionsProblem(["NONE", "POLICE_INFORMED"], undefined)).toMatchObject({ field: "immediateActions" });
  });

  it("asks what the other action was", () => {
    expect(immediateActionsProblem(["POLICE_INFORMED", "OTHER"], undefined)).toEqual({
      field: "immediateActionDetail",
      message: "Enter the other immediate action taken",
    });
    expect(immediateActionsProblem(["OTHER"], "Moved to another class")).toBeUndefined();
    expect(immediateActionsProblem(["POLICE_INFORMED", "SOCIAL_CARE_INFORMED", "EMPLOYER_ADVISED_REMOVE"], undefined)).toBeUndefined();
  });
});
