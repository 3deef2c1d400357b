import { describe, expect, it } from "vitest";
import { delayReasonMonths, firstDayPast, missingDelayReasons, monthOf, type ClosedSpan } from "./delay-reasons";

const at = (iso: string) => new Date(iso);

describe("the first day past three months", () => {
  it.each([
    ["2027-01-15T10:00:00Z", "2027-04-16"],
    ["2027-01-31T10:00:00Z", "2027-05-01"], // 31 January + 3 months is 30 April
    ["2023-11-30T10:00:00Z", "2024-03-01"], // to 29 February in a leap year
    ["2022-11-30T10:00:00Z", "2023-03-01"], // to 28 February in a common year
    ["2023-11-29T10:00:00Z", "2024-03-01"], // 29 February exists in 2024
    ["2027-03-31T23:30:00Z", "2027-07-02"], // 12:30am on 1 April in London (BST): received on 1 April
    ["2026-12-31T23:30:00Z", "2027-04-01"], // 11:30pm on 31 December in London (GMT)
  ])("received %s: past on %s", (received, first) => {
    expect(firstDayPast(at(received), 3)).toBe(first);
  });
});

describe("months needing a reason for delay", () => {
  const open = (receivedAt: string, now: string, closures: ClosedSpan[] = [], afterMonths = 3) =>
    delayReasonMonths({ receivedAt: at(receivedAt), closures, afterMonths, now: at(now) });

  it.each([
    ["not yet past three months", "2027-01-15T10:00:00Z", "2027-04-15T22:59:00Z", []], // 11:59pm BST on 15 April
    ["past from the next London day", "2027-01-15T10:00:00Z", "2027-04-15T23:00:00Z", ["2027-04-01"]], // midnight BST
    ["each month since", "2027-01-15T10:00:00Z", "2027-06-10T09:00:00Z", ["2027-04-01", "2027-05-01", "2027-06-01"]],
    ["31 January: past from 1 May, not in April", "2027-01-31T10:00:00Z", "2027-04-30T12:00:00Z", []],
    ["31 January on 1 May", "2027-01-31T10:00:00Z", "2027-05-01T08:00:00Z", ["2027-05-01"]],
    ["30 November 2023, leap February", "2023-11-30T10:00:00Z", "2024-02-29T12:00:00Z", []],
    ["30 November 2023 on 1 March", "2023-11-30T10:00:00Z", "2024-03-01T09:00:00Z", ["2024-03-01"]],
    ["the last minute of May in London", "2027-01-15T10:00:00Z", "2027-05-31T22:59:00Z", ["2027-04-01", "2027-05-01"]],
    [
      "June from London's midnight (still May in UTC)",
      "2027-01-15T10:00:00Z",
      "2027-05-31T23:00:00Z",
      ["2027-04-01", "2027-05-01", "2027-06-01"],
    ],
    ["across a new year", "2026-10-20T10:00:00Z", "2027-02-01T10:00:00Z", ["2027-01-01", "2027-02-01"]],
  ] as const)("%s", (_, received, now, months) => {
    expect(open(received, now)).toEqual(months);
  });

  it("after the configured months", () => {
    expect(open("2027-01-15T10:00:00Z", "2027-03-01T10:00:00Z", [], 1)).toEqual(["2027-02-01", "2027-03-01"]);
  });

  it("none while the case is closed", () => {
    expect(open("2027-01-15T10:00:00Z", "2027-08-20T10:00:00Z", [{ closedAt: at("2027-05-10T14:00:00Z"), reopenedAt: null }])).toEqual([]);
  });

  it("once reopened, none for the months it was closed throughout", () => {
    const closures = [{ closedAt: at("2027-05-10T14:00:00Z"), reopenedAt: at("2027-08-05T09:00:00Z") }];
    expect(open("2027-01-15T10:00:00Z", "2027-08-20T10:00:00Z", closures)).toEqual(["2027-04-01", "2027-05-01", "2027-08-01"]);
  });

  it("counts the days it was closed and reopened as open", () => {
    // Closed on 30 June, reopened on 1 August: July was closed throughout.
    const closures = [{ closedAt: at("2027-06-30T15:00:00Z"), reopenedAt: at("2027-08-01T09:00:00Z") }];
    expect(open("2027-01-15T10:00:00Z", "2027-08-02T10:00:00Z", closures)).toEqual([
      "2027-04-01",
      "2027-05-01",
      "2027-06-01",
      "2027-08-01",
    ]);
    // Closed and reopened within a month: that month is due.
    const brief = [{ closedAt: at("2027-05-03T15:00:00Z"), reopenedAt: at("2027-05-20T09:00:00Z") }];
    expect(open("2027-01-15T10:00:00Z", "2027-05-25T10:00:00Z", brief)).toEqual(["2027-04-01", "2027-05-01"]);
  });

  it("closed twice: each stretch is left out", () => {
    const closures = [
      { closedAt: at("2027-09-30T15:00:00Z"), reopenedAt: at("2027-11-01T09:00:00Z") },
      { closedAt: at("2027-04-30T15:00:00Z"), reopenedAt: at("2027-06-01T09:00:00Z") },
    ];
    expect(open("2027-01-15T10:00:00Z", "2027-11-02T10:00:00Z", closures)).toEqual([
      "2027-04-01",
      "2027-06-01",
      "2027-07-01",
      "2027-08-01",
      "2027-09-01",
      "2027-11-01",
    ]);
  });

  it("leaves out the months with a reason recorded", () => {
    const facts = { receivedAt: at("2027-01-15T10:00:00Z"), closures: [], afterMonths: 3, now: at("2027-06-10T09:00:00Z") };
    expect(missingDelayReasons({ ...facts, recorded: ["2027-04-01"] })).toEqual(["2027-05-01", "2027-06-01"]);
    expect(missingDelayReasons({ ...facts, recorded: ["2027-04-01", "2027-05-01", "2027-06-01"] })).toEqual([]);
  });

  it("names a month by its first day", () => {
    expect(monthOf("2027-02-28")).toBe("2027-02-01");
  });
});
