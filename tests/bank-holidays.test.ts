// Admins keep the bank holidays working days are counted from: a year's
// list, adding, changing and removing a day (each audited once), and loading
// from the date-holidays package, which fills a year once and never re-adds
// a day an admin removed. Each test uses its own far-future weekdays.
import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays, loadBankHolidays } from "~/calendar/bank-holidays.server";
import { addWorkingDays, isWorkingDay } from "~/calendar/working-days";
import { getBankHolidays } from "~/config/settings.server";
import { db } from "~/db.server";
import * as changeHoliday from "~/routes/settings.bank-holidays.$date._index";
import * as removeHoliday from "~/routes/settings.bank-holidays.$date.remove";
import * as list from "~/routes/settings.bank-holidays._index";
import * as newHoliday from "~/routes/settings.bank-holidays.new";
import { londonDay } from "~/utils/dates";
import { takeFlash } from "~/utils/flash.server";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";

type Failure = { errors: Record<string, string>; values: Record<string, string | string[]> };
type List = { year: number; holidays: { date: string; title: string }[]; previous: number | null; next: number | null };

/** The fields a GOV.UK date input posts for a day (yyyy-mm-dd), as a person would type it. */
function dateFields(day: string) {
  const [year, month, date] = day.split("-") as [string, string, string];
  return { "date-day": String(Number(date)), "date-month": String(Number(month)), "date-year": year };
}

const stored = (day: string) => new Date(`${day}T00:00:00Z`);
const holidayOn = (day: string) => db.bankHoliday.findUnique({ where: { date: stored(day) } });
const eventsAbout = (day: string) => db.auditEvent.findMany({ where: { subjectType: "bank-holiday", subjectId: day } });

async function flashOf(value: unknown) {
  const cookie = (value as Response).headers.get("Set-Cookie")!.split(";")[0]!;
  return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).message;
}

async function add(admin: Caller, day: string, title: string) {
  const { value } = await run(
    newHoliday.action,
    request("/settings/bank-holidays/new", { caller: admin, form: { ...dateFields(day), title } }),
  );
  return value;
}

async function listOf(admin: Caller, query = "") {
  const { value } = await run(list.loader, request(`/settings/bank-holidays${query}`, { caller: admin }));
  expect(statusOf(value)).toBe(200);
  return bodyOf<List>(value);
}

describe("the list of a year", () => {
  it("shows the year asked for, in date order, with the years either side", async () => {
    const admin = await signedIn(["ADMIN"]);
    const year = await listOf(admin, "?year=2026");
    expect(year.year).toBe(2026);
    expect(year.holidays).toContainEqual({ date: "2026-12-25", title: "Christmas Day" });
    expect(year.holidays.map((d) => d.date)).toEqual(englandAndWalesBankHolidays(2026, 2026).map((d) => d.date));
    expect(year).toMatchObject({ previous: 2025, next: 2027 });
  });

  it("goes back to 2014, so imported contacts are timed right", async () => {
    const admin = await signedIn(["ADMIN"]);
    const first = await listOf(admin, "?year=2014");
    expect(first.holidays.map((d) => d.date)).toContain("2014-12-26");
    expect(first.previous).toBeNull();
    expect(first.next).toBe(2015);
  });

  it("shows the current year for a missing, malformed or out-of-range year, never an error", async () => {
    const admin = await signedIn(["ADMIN"]);
    const thisYear = Number(londonDay(new Date()).slice(0, 4));
    for (const query of ["", "?year=", "?year=abc", "?year=2026.5", "?year=1999", "?year=2100", "?year=-1", "?year=1e9"]) {
      expect((await listOf(admin, query)).year, query).toBe(thisYear);
    }
  });

  it("is for admins only", async () => {
    const lado = await signedIn(["LADO"]);
    const { value } = await run(list.loader, request("/settings/bank-holidays?year=2026", { caller: lado }));
    expect(statusOf(value)).toBe(403);
  });
});

describe("adding a bank holiday", () => {
  it("saves it, records it once and goes to its year with a message", async () => {
    const admin = await signedIn(["ADMIN"]);
    const value = await add(admin, "2090-03-13", "  Coronation of the King  ");
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/settings/bank-holidays?year=2090");
    expect(await flashOf(value)).toBe("Coronation of the King, Monday 13 March 2090, added");
    expect(await holidayOn("2090-03-13")).toMatchObject({ title: "Coronation of the King" });
    expect((await listOf(admin, "?year=2090")).holidays).toContainEqual({ date: "2090-03-13", title: "Coronation of the King" });

    const events = await eventsAbout("2090-03-13");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: admin.user.id, action: "bank-holiday.add", details: { title: "Coronation of the King" } });
  });

  it("refuses a day that already has one, on the date, keeping what was typed", async () => {
    const admin = await signedIn(["ADMIN"]);
    expect(statusOf(await add(admin, "2091-06-04", "Jubilee"))).toBe(302);
    const value = await add(admin, "2091-06-04", "Another jubilee");
    expect(statusOf(value)).toBe(400);
    const failure = bodyOf<Failure>(value);
    expect(failure.errors).toEqual({ date: "There is already a bank holiday on Monday 4 June 2091: change that one instead" });
    expect(failure.values).toMatchObject({ "date-day": "4", "date-month": "6", "date-year": "2091", title: "Another jubilee" });
    expect(await holidayOn("2091-06-04")).toMatchObject({ title: "Jubilee" });
    expect(await eventsAbout("2091-06-04")).toHaveLength(1);
  });

  it("refuses a weekend, an impossible date and empty fields, field by field, keeping what was typed", async () => {
    const admin = await signedIn(["ADMIN"]);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { ...dateFields("2090-03-04"), title: "A Saturday" },
        { date: "Date must be a weekday: for a bank holiday at a weekend, enter its substitute day" },
      ],
      [
        { "date-day": "30", "date-month": "02", "date-year": "2027", title: "Not a day" },
        { date: "Date must be a real date, like 27 12 2027" },
      ],
      [{ "date-day": "3", "date-month": "", "date-year": "2090", title: "No month" }, { date: "Date must include a month" }],
      [{ "date-day": "", "date-month": "3", "date-year": "", title: "No day or year" }, { date: "Date must include a day and year" }],
      [{ "date-day": "3", "date-month": "3", "date-year": "90", title: "Short year" }, { date: "Year must include 4 numbers" }],
      [
        { "date-day": "3rd", "date-month": "March", "date-year": "2090", title: "Words" },
        { date: "Date must be a real date, like 27 12 2027" },
      ],
      [{ ...dateFields("1999-12-31"), title: "Too early" }, { date: "Date must be in the years 2000 to 2099" }],
      [
        { "date-day": "", "date-month": "", "date-year": "", title: "   " },
        { date: "Enter the date of the bank holiday", title: "Enter the name of the bank holiday" },
      ],
      [{ ...dateFields("2090-03-20"), title: "x".repeat(101) }, { title: "Name must be 100 characters or fewer" }],
    ];
    // A form with no fields at all (not one the page sends) is told the same.
    cases.push([{}, { date: "Enter the date of the bank holiday", title: "Enter the name of the bank holiday" }]);
    for (const [form, errors] of cases) {
      const { value } = await run(newHoliday.action, request("/settings/bank-holidays/new", { caller: admin, form }));
      expect(statusOf(value), JSON.stringify(form)).toBe(400);
      const failure = bodyOf<Failure>(value);
      expect(failure.errors).toEqual(errors);
      expect(failure.values).toMatchObject(form);
    }
    expect(await db.bankHoliday.count({ where: { date: { in: ["2090-03-04", "2090-03-20"].map(stored) } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { userId: admin.user.id } })).toBe(0);
  });

  it("is for admins only", async () => {
    const manager = await signedIn(["MANAGER"]);
    expect(statusOf(await add(manager, "2090-03-27", "Not theirs"))).toBe(403);
    expect(await holidayOn("2090-03-27")).toBeNull();
  });
});

describe("changing a bank holiday", () => {
  it("starts the form from the day as saved", async () => {
    const admin = await signedIn(["ADMIN"]);
    const { value } = await run(changeHoliday.loader, request("/settings/bank-holidays/2026-12-25", { caller: admin }), {
      date: "2026-12-25",
    });
    expect(bodyOf(value)).toEqual({ holiday: { date: "2026-12-25", title: "Christmas Day" } });
  });

  it("renames it, recording what it was and is", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2092-09-01", "Jubilee");
    const { value } = await run(
      changeHoliday.action,
      request("/settings/bank-holidays/2092-09-01", { caller: admin, form: { ...dateFields("2092-09-01"), title: "Diamond Jubilee" } }),
      { date: "2092-09-01" },
    );
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/settings/bank-holidays?year=2092");
    expect(await flashOf(value)).toBe("Diamond Jubilee, Monday 1 September 2092, saved");
    expect(await holidayOn("2092-09-01")).toMatchObject({ title: "Diamond Jubilee" });

    const changes = await db.auditEvent.findMany({ where: { action: "bank-holiday.change", subjectId: "2092-09-01" } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      userId: admin.user.id,
      subjectType: "bank-holiday",
      details: { from: { date: "2092-09-01", title: "Jubilee" }, to: { date: "2092-09-01", title: "Diamond Jubilee" } },
    });
  });

  it("moves it to another day: the old day is gone, the new one there, in the new day's year", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2093-02-10", "Festival day");
    const { value } = await run(
      changeHoliday.action,
      request("/settings/bank-holidays/2093-02-10", { caller: admin, form: { ...dateFields("2094-10-05"), title: "Festival day" } }),
      { date: "2093-02-10" },
    );
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/settings/bank-holidays?year=2094");
    expect(await holidayOn("2093-02-10")).toBeNull();
    expect(await holidayOn("2094-10-05")).toMatchObject({ title: "Festival day" });

    const changes = await db.auditEvent.findMany({ where: { action: "bank-holiday.change", subjectType: "bank-holiday" } });
    const moved = changes.filter((e) => e.subjectId === "2094-10-05" || e.subjectId === "2093-02-10");
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      subjectId: "2094-10-05",
      details: { from: { date: "2093-02-10", title: "Festival day" }, to: { date: "2094-10-05", title: "Festival day" } },
    });
  });

  it("refuses to move it onto a day that has one, keeping both days and what was typed", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2093-02-11", "First");
    await add(admin, "2094-10-06", "Second");
    const form = { ...dateFields("2094-10-06"), title: "First, moved" };
    const { value } = await run(changeHoliday.action, request("/settings/bank-holidays/2093-02-11", { caller: admin, form }), {
      date: "2093-02-11",
    });
    expect(statusOf(value)).toBe(400);
    const failure = bodyOf<Failure>(value);
    expect(failure.errors).toEqual({ date: "There is already a bank holiday on Wednesday 6 October 2094: change that one instead" });
    expect(failure.values).toMatchObject(form);
    expect(await holidayOn("2093-02-11")).toMatchObject({ title: "First" });
    expect(await holidayOn("2094-10-06")).toMatchObject({ title: "Second" });
    expect(await db.auditEvent.count({ where: { action: "bank-holiday.change", subjectId: { in: ["2093-02-11", "2094-10-06"] } } })).toBe(
      0,
    );
  });

  it("shows field errors, keeping what was typed, and changes nothing", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2095-07-12", "Summer day");
    const form = { "date-day": "31", "date-month": "4", "date-year": "2095", title: "" };
    const { value } = await run(changeHoliday.action, request("/settings/bank-holidays/2095-07-12", { caller: admin, form }), {
      date: "2095-07-12",
    });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Failure>(value)).toMatchObject({
      errors: { date: "Date must be a real date, like 27 12 2027", title: "Enter the name of the bank holiday" },
      values: form,
    });
    expect(await holidayOn("2095-07-12")).toMatchObject({ title: "Summer day" });
  });

  it("saving it unchanged records nothing", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2096-11-14", "Autumn day");
    const { value } = await run(
      changeHoliday.action,
      request("/settings/bank-holidays/2096-11-14", { caller: admin, form: { ...dateFields("2096-11-14"), title: "Autumn day" } }),
      { date: "2096-11-14" },
    );
    expect(statusOf(value)).toBe(302);
    expect(await db.auditEvent.count({ where: { action: "bank-holiday.change", subjectId: "2096-11-14" } })).toBe(0);
  });
});

describe("removing a bank holiday", () => {
  const removing = (caller: Caller, day: string, form: Record<string, string>) =>
    run(removeHoliday.action, request(`/settings/bank-holidays/${day}/remove`, { caller, form }), { date: day });

  it("asks first: no answer is an error, and no keeps it; neither is recorded", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2097-01-07", "New Year holiday");
    const unanswered = (await removing(admin, "2097-01-07", {})).value;
    expect(statusOf(unanswered)).toBe(400);
    expect(bodyOf<Failure>(unanswered).errors).toEqual({ remove: "Select yes if you want to remove this bank holiday" });
    expect(await holidayOn("2097-01-07")).not.toBeNull();

    const kept = (await removing(admin, "2097-01-07", { remove: "no" })).value;
    expect(statusOf(kept)).toBe(302);
    expect((kept as Response).headers.get("Location")).toBe("/settings/bank-holidays?year=2097");
    expect(await holidayOn("2097-01-07")).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "bank-holiday.remove", subjectId: "2097-01-07" } })).toBe(0);
  });

  it("yes removes it and records it once", async () => {
    const admin = await signedIn(["ADMIN"]);
    await add(admin, "2097-01-08", "Winter holiday");
    const { value } = await removing(admin, "2097-01-08", { remove: "yes" });
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/settings/bank-holidays?year=2097");
    expect(await flashOf(value)).toBe("Winter holiday, Tuesday 8 January 2097, removed");
    expect(await holidayOn("2097-01-08")).toBeNull();
    const removals = await db.auditEvent.findMany({ where: { action: "bank-holiday.remove", subjectId: "2097-01-08" } });
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ userId: admin.user.id, subjectType: "bank-holiday", details: { title: "Winter holiday" } });

    // Removed already: the page and its form now answer 404.
    expect(statusOf((await removing(admin, "2097-01-08", { remove: "yes" })).value)).toBe(404);
  });
});

describe("a day that is not a bank holiday", () => {
  const days = ["2097-01-09", "2097-02-30", "25-12-2026", "2026-12-25x", "not-a-day", "%2e%2e"];

  it("answers 404 to the change and remove pages, loader and action alike", async () => {
    const admin = await signedIn(["ADMIN"]);
    for (const date of days) {
      for (const [mod, suffix, form] of [
        [changeHoliday, "", { ...dateFields("2097-01-10"), title: "Anything" }],
        [removeHoliday, "/remove", { remove: "yes" }],
      ] as const) {
        const path = `/settings/bank-holidays/${encodeURIComponent(date)}${suffix}`;
        expect(statusOf((await run(mod.loader, request(path, { caller: admin }), { date })).value), `${path} loader`).toBe(404);
        expect(statusOf((await run(mod.action, request(path, { caller: admin, form }), { date })).value), `${path} action`).toBe(404);
      }
    }
    expect(await holidayOn("2097-01-10")).toBeNull();
  });
});

describe("working days", () => {
  it("count a change at once", async () => {
    const admin = await signedIn(["ADMIN"]);
    const friday4pm = new Date("2088-06-11T15:00:00Z"); // British Summer Time: 4pm in London
    expect(isWorkingDay("2088-06-14", await getBankHolidays())).toBe(true);
    expect(addWorkingDays(friday4pm, 1, await getBankHolidays()).toISOString()).toBe("2088-06-14T15:00:00.000Z");

    await add(admin, "2088-06-14", "Extra bank holiday");
    expect(isWorkingDay("2088-06-14", await getBankHolidays())).toBe(false);
    expect(addWorkingDays(friday4pm, 1, await getBankHolidays()).toISOString()).toBe("2088-06-15T15:00:00.000Z");

    await run(removeHoliday.action, request("/settings/bank-holidays/2088-06-14/remove", { caller: admin, form: { remove: "yes" } }), {
      date: "2088-06-14",
    });
    expect(isWorkingDay("2088-06-14", await getBankHolidays())).toBe(true);
  });
});

describe("loading from the package", () => {
  const filledYears = async () => (await db.setting.findUnique({ where: { key: "bankHolidayYearsFilled" } }))?.value;
  const daysIn = async (year: number) =>
    (
      await db.bankHoliday.findMany({
        where: { date: { gte: stored(`${year}-01-01`), lte: stored(`${year}-12-31`) } },
        orderBy: { date: "asc" },
      })
    ).map((r) => r.date.toISOString().slice(0, 10));

  it("has filled 2014 to 2030 once, and loading again adds nothing, not even a day an admin removed", async () => {
    const admin = await signedIn(["ADMIN"]);
    expect(await filledYears()).toEqual(Array.from({ length: 17 }, (_, i) => 2014 + i));
    await run(removeHoliday.action, request("/settings/bank-holidays/2027-08-30/remove", { caller: admin, form: { remove: "yes" } }), {
      date: "2027-08-30",
    });
    expect(await holidayOn("2027-08-30")).toBeNull();
    expect(await loadBankHolidays(db)).toBe(0);
    expect(await holidayOn("2027-08-30")).toBeNull();
  });

  it("fills a year not yet filled, keeping a day an admin added in it", async () => {
    const admin = await signedIn(["ADMIN"]);
    await db.bankHoliday.deleteMany({ where: { date: { gte: stored("2029-01-01"), lte: stored("2029-12-31") } } });
    await db.setting.update({
      where: { key: "bankHolidayYearsFilled" },
      data: { value: Array.from({ length: 17 }, (_, i) => 2014 + i).filter((y) => y !== 2029) },
    });
    await add(admin, "2029-12-25", "Christmas Day, as the admin named it");

    const package2029 = englandAndWalesBankHolidays(2029, 2029);
    expect(await loadBankHolidays(db)).toBe(package2029.length - 1);
    expect(await daysIn(2029)).toEqual(package2029.map((d) => d.date));
    expect(await holidayOn("2029-12-25")).toMatchObject({ title: "Christmas Day, as the admin named it" });
    expect(await filledYears()).toEqual(Array.from({ length: 17 }, (_, i) => 2014 + i));
  });

  it("on a database from before years were recorded, fills only the years with no days", async () => {
    await db.setting.delete({ where: { key: "bankHolidayYearsFilled" } });
    await db.bankHoliday.deleteMany({ where: { date: { gte: stored("2014-01-01"), lte: stored("2017-12-31") } } });
    const removed = await db.bankHoliday.delete({ where: { date: stored("2026-05-25") } });

    const older = englandAndWalesBankHolidays(2014, 2017);
    expect(await loadBankHolidays(db)).toBe(older.length);
    expect(await daysIn(2015)).toEqual(englandAndWalesBankHolidays(2015, 2015).map((d) => d.date));
    expect(await holidayOn("2026-05-25")).toBeNull();
    expect(await filledYears()).toEqual(expect.arrayContaining(Array.from({ length: 17 }, (_, i) => 2014 + i)));

    await db.bankHoliday.create({ data: removed }); // as the template had it, for any later test
  });
});
