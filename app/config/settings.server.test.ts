import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { getBankHolidays, getSettings } from "./settings.server";

describe("settings", () => {
  it("defaults to the domain guidance", async () => {
    const settings = await getSettings();
    expect(settings).toMatchObject({ initialConsiderationWorkingDays: 1, evaluationMeetingWorkingDays: 5, policeUpdateStaleDays: 28 });
  });
  it("takes a stored value and ignores a malformed one", async () => {
    await db.setting.create({ data: { key: "initialConsiderationWorkingDays", value: 2 } });
    await db.setting.create({ data: { key: "evaluationMeetingWorkingDays", value: "five" } });
    const settings = await getSettings();
    expect(settings.initialConsiderationWorkingDays).toBe(2);
    expect(settings.evaluationMeetingWorkingDays).toBe(5);
  });
  it("takes no working-day deadline under 1 working day", async () => {
    const key = "initialConsiderationWorkingDays";
    await db.setting.upsert({ where: { key }, create: { key, value: 0 }, update: { value: 0 } });
    expect((await getSettings()).initialConsiderationWorkingDays).toBe(1);
  });
  it("reads bank holidays loaded into the template database", async () => {
    const holidays = await getBankHolidays();
    expect(holidays.has("2026-12-25")).toBe(true);
    expect(holidays.has("2026-12-24")).toBe(false);
  });
});
