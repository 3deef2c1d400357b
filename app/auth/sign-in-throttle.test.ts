import { describe, expect, it } from "vitest";
import { delaySchedule, restartAfterSeconds, waitInWords } from "./sign-in-throttle";

describe("delaySchedule", () => {
  it("lets the free attempts through, then doubles from 1 second up to the cap", () => {
    expect(delaySchedule({ freeAttempts: 5, maxDelaySeconds: 60 })).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60]);
  });
  it("ends on the cap exactly when it is a doubling", () => {
    expect(delaySchedule({ freeAttempts: 1, maxDelaySeconds: 8 })).toEqual([0, 1, 2, 4, 8]);
  });
  it("reaches a cap of 15 minutes after the free attempts and ten doublings", () => {
    const schedule = delaySchedule({ freeAttempts: 20, maxDelaySeconds: 900 });
    expect(schedule).toHaveLength(31);
    expect(schedule.slice(19)).toEqual([0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
  });
  it("waits the cap at once when the cap is 1 second", () => {
    expect(delaySchedule({ freeAttempts: 2, maxDelaySeconds: 1 })).toEqual([0, 0, 1]);
  });
});

describe("restartAfterSeconds", () => {
  it.each([
    [60, 900],
    [450, 900],
    [900, 1800],
    [3600, 7200],
  ])("with a cap of %i s, starts counting again after %i s of quiet", (maxDelaySeconds, expected) => {
    expect(restartAfterSeconds({ freeAttempts: 5, maxDelaySeconds })).toBe(expected);
  });
});

describe("waitInWords", () => {
  it.each([
    [0, "1 second"],
    [1, "1 second"],
    [1000, "1 second"],
    [1001, "2 seconds"],
    [32_000, "32 seconds"],
    [59_000, "59 seconds"],
    [59_001, "1 minute"],
    [60_000, "1 minute"],
    [61_000, "2 minutes"],
    [15 * 60_000, "15 minutes"],
  ])("says %i ms as %s", (ms, words) => {
    expect(waitInWords(ms)).toBe(words);
  });
});
