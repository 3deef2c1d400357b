import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "./bank-holidays.server";

describe("England and Wales bank holidays", () => {
  const days = (year: number) => englandAndWalesBankHolidays(year, year).map((d) => d.date);

  it("has the eight usual days in an ordinary year", () => {
    expect(days(2026)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
  });
  it("has the one-off days", () => {
    expect(days(2020)).toContain("2020-05-08"); // VE day, moved early May
    expect(days(2020)).not.toContain("2020-05-04");
    expect(days(2022)).toEqual(expect.arrayContaining(["2022-06-02", "2022-06-03", "2022-09-19"]));
    expect(days(2023)).toContain("2023-05-08"); // coronation
  });
  it("keeps weekdays only, with substitute days", () => {
    expect(days(2022)).toEqual(expect.arrayContaining(["2022-01-03", "2022-12-26", "2022-12-27"]));
    expect(days(2022)).not.toContain("2022-12-25");
  });
  it("covers 2018 to 2030", () => {
    const all = englandAndWalesBankHolidays(2018, 2030);
    expect(all[0]?.date).toBe("2018-01-01");
    expect(all.at(-1)?.date).toBe("2030-12-26");
  });
});
