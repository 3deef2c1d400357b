import { describe, expect, it } from "vitest";
import type { PoliceStatus } from "~/generated/prisma/enums";
import { policeDelay, type PoliceDelayInput } from "./police-delay";

const thresholds = { policeUpdateStaleDays: 28, policeOpenMonths: 3 };
const investigating = (fields: Partial<PoliceDelayInput>): PoliceDelayInput => ({
  status: "INVESTIGATING",
  informedAt: null,
  openedAt: null,
  lastUpdateAt: null,
  ...fields,
});

describe("no update for 28 days", () => {
  it.each([
    // [last update (a London midnight, as stored), now, raised, why]
    ["2026-03-01T00:00:00Z", "2026-03-28T23:59:00Z", false, "27 days: late on 28 March"],
    ["2026-03-01T00:00:00Z", "2026-03-29T00:00:00Z", true, "28 days: midnight as 29 March begins"],
    // Spring forward on Sunday 29 March 2026: 28 London days are 27 days 23 hours.
    ["2026-03-29T00:00:00Z", "2026-04-25T22:59:00Z", false, "11:59pm BST on 25 April: 27 days"],
    ["2026-03-29T00:00:00Z", "2026-04-25T23:30:00Z", true, "12:30am BST on 26 April: 28 days, though under 28 x 24 hours"],
    // Fall back on Sunday 25 October 2026: 28 London days are 28 days 1 hour.
    ["2026-10-24T23:00:00Z", "2026-11-21T23:30:00Z", false, "11:30pm GMT on 21 November: 27 days, though over 28 x 24 hours"],
    ["2026-10-24T23:00:00Z", "2026-11-22T00:00:00Z", true, "midnight GMT as 22 November begins"],
    // Month ends and the year end.
    ["2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", true, "31 January to 28 February"],
    ["2026-12-10T00:00:00Z", "2027-01-06T12:00:00Z", false, "across the new year, 27 days"],
    ["2026-12-10T00:00:00Z", "2027-01-07T12:00:00Z", true, "across the new year, 28 days"],
  ])("last update %s, now %s: %s (%s)", (last, now, raised) => {
    const delay = policeDelay(investigating({ openedAt: "2026-01-01T10:00:00Z", lastUpdateAt: last }), new Date(now), thresholds);
    expect(delay.reasons.some((r) => r.kind === "stale")).toBe(raised);
  });

  it("counts from the start when there is no update, and says so", () => {
    const delay = policeDelay(investigating({ informedAt: "2026-05-04T09:00:00Z" }), new Date("2026-06-01T09:00:00Z"), thresholds);
    expect(delay).toEqual({
      raised: true,
      reasons: [{ kind: "stale", since: "2026-05-04", text: "No update from the police since the investigation started on 4 May 2026" }],
    });
  });

  it("says when the last update was", () => {
    const delay = policeDelay(
      investigating({ openedAt: "2026-05-04T09:00:00Z", lastUpdateAt: "2026-05-10T23:00:00Z" }),
      new Date("2026-06-08T09:00:00Z"),
      thresholds,
    );
    expect(delay.reasons).toEqual([{ kind: "stale", since: "2026-05-11", text: "No update from the police since 11 May 2026" }]);
  });
});

describe("open more than 3 months", () => {
  it.each([
    // [opened, now, raised, why]
    ["2025-11-30T10:00:00Z", "2026-02-28T23:00:00Z", false, "30 November: three months end on 28 February"],
    ["2025-11-30T10:00:00Z", "2026-03-01T00:00:00Z", true, "more than three months from 1 March"],
    ["2027-11-30T10:00:00Z", "2028-02-29T12:00:00Z", false, "leap year: three months end on 29 February"],
    ["2027-11-30T10:00:00Z", "2028-03-01T12:00:00Z", true, "leap year: from 1 March"],
    ["2026-01-31T10:00:00Z", "2026-04-30T22:59:00Z", false, "31 January: three months end on 30 April (11:59pm BST)"],
    ["2026-01-31T10:00:00Z", "2026-04-30T23:30:00Z", true, "12:30am BST on 1 May"],
    // 12:30am BST on 1 July is still 30 June in UTC: the London day counts.
    ["2026-06-30T23:30:00Z", "2026-10-01T12:00:00Z", false, "opened 1 July (London): not on 1 October"],
    ["2026-06-30T23:30:00Z", "2026-10-02T12:00:00Z", true, "opened 1 July (London): from 2 October"],
    ["2026-07-25T10:00:00Z", "2026-10-25T12:00:00Z", false, "the day the clocks go back, three months to the day"],
    ["2026-07-25T10:00:00Z", "2026-10-26T00:30:00Z", true, "the day after, just past midnight GMT"],
  ])("opened %s, now %s: %s (%s)", (opened, now, raised) => {
    // An update the day before `now` keeps the other reason out of it.
    const lastUpdateAt = new Date(new Date(now).getTime() - 86_400_000);
    const delay = policeDelay(investigating({ openedAt: opened, lastUpdateAt }), new Date(now), thresholds);
    expect(delay.raised).toBe(raised);
    expect(delay.reasons.map((r) => r.kind)).toEqual(raised ? ["open"] : []);
  });

  it("counts from when the police were told when there is no opening date, and says so", () => {
    const delay = policeDelay(
      investigating({ informedAt: "2026-01-05T10:00:00Z", lastUpdateAt: "2026-04-20T10:00:00Z" }),
      new Date("2026-05-06T10:00:00Z"),
      thresholds,
    );
    expect(delay.reasons).toEqual([
      { kind: "open", since: "2026-01-05", text: "Investigation open since 5 January 2026, more than 3 months" },
    ]);
  });

  it("follows the configured thresholds", () => {
    const input = investigating({ openedAt: "2026-01-05T10:00:00Z", lastUpdateAt: "2026-02-01T10:00:00Z" });
    const now = new Date("2026-02-10T10:00:00Z");
    expect(policeDelay(input, now, thresholds).raised).toBe(false);
    const tight = policeDelay(input, now, { policeUpdateStaleDays: 7, policeOpenMonths: 1 });
    expect(tight.reasons.map((r) => r.text)).toEqual([
      "No update from the police since 1 February 2026",
      "Investigation open since 5 January 2026, more than 1 month",
    ]);
  });
});

describe("which stages raise it", () => {
  const long = { openedAt: "2025-01-06T10:00:00Z", lastUpdateAt: "2025-02-01T10:00:00Z" };
  const now = new Date("2026-01-06T10:00:00Z");
  it.each<[PoliceStatus, boolean]>([
    ["CONSIDERING", true],
    ["INVESTIGATING", true],
    ["RELEASED_UNDER_INVESTIGATION", true],
    ["ON_BAIL", true],
    ["AWAITING_CHARGING_DECISION", true],
    ["CHARGED", false],
    ["COURT", false],
    ["NFA", false],
    ["CONCLUDED", false],
    ["NOT_INVOLVED", false],
  ])("%s: %s", (status, raised) => {
    const delay = policeDelay(investigating({ ...long, status }), now, thresholds);
    expect(delay.raised).toBe(raised);
    expect(delay.reasons).toHaveLength(raised ? 2 : 0);
  });

  it("stays down with no date to count from", () => {
    expect(policeDelay(investigating({}), now, thresholds)).toEqual({ raised: false, reasons: [] });
  });
});
