import { describe, expect, it } from "vitest";
import { progressFigures, timeLeft } from "./progress";

describe("progressFigures", () => {
  const start = new Date("2026-11-30T10:00:00Z");
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  it("gives rows a second and the time left from the fraction done", () => {
    expect(progressFigures({ rowsDone: 20_000, fraction: 0.25, phaseStartedAt: start, progressAt: at(10) })).toEqual({
      rows: 20_000,
      percent: 25,
      perSecond: 2_000,
      secondsLeft: 30,
    });
  });

  it("gives no rate or time left before any time has passed or any row is done", () => {
    expect(progressFigures({ rowsDone: 0, fraction: 0, phaseStartedAt: start, progressAt: start })).toEqual({
      rows: 0,
      percent: 0,
      perSecond: null,
      secondsLeft: null,
    });
    expect(progressFigures({ rowsDone: 5, fraction: null, phaseStartedAt: null, progressAt: null }).secondsLeft).toBeNull();
  });

  it("keeps the fraction within 0 and 1 (a file that grew while read)", () => {
    expect(progressFigures({ rowsDone: 10, fraction: 1.2, phaseStartedAt: start, progressAt: at(4) })).toMatchObject({
      percent: 100,
      secondsLeft: 0,
    });
  });

  it("accepts the dates as JSON strings, as a page's data has them", () => {
    expect(
      progressFigures({ rowsDone: 100, fraction: 0.5, phaseStartedAt: start.toISOString(), progressAt: at(2).toISOString() }),
    ).toMatchObject({ perSecond: 50, secondsLeft: 2 });
  });
});

describe("timeLeft", () => {
  it.each([
    [0, "less than a minute"],
    [59, "less than a minute"],
    [60, "about 1 minute"],
    [150, "about 3 minutes"],
    [3600, "about 1 hour"],
    [3900, "about 1 hour 5 minutes"],
    [7260, "about 2 hours 1 minute"],
  ])("%i seconds: %s", (seconds, text) => expect(timeLeft(seconds)).toBe(text));
});
