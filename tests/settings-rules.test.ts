// Admins change the service's rules with numbers on one page: every setting
// with its words and default; a save writes only what changed (with who),
// counts at once (getSettings, the police-delay flag) and is audited once
// with the old and new values; bad answers are field errors with the answers
// kept, never a 500; another admin's change meanwhile is never overwritten.
import { describe, expect, it } from "vitest";
import { listPoliceDelays } from "~/allegations/police.server";
import { ruleValues } from "~/config/settings-form.server";
import { getSettings, settingsSchema } from "~/config/settings.server";
import { db } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import * as rules from "~/routes/settings.rules";
import { addDaysToDay, londonDay, londonMoment } from "~/utils/dates";
import { takeFlash } from "~/utils/flash.server";
import { createCase } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller, type FormAnswer } from "./helpers";

type Page = Awaited<ReturnType<typeof rules.loader>>;
type Field = { name: string; label: string; hint: string; unit: string; whole: boolean };

const defaults = settingsSchema.parse({});

async function page(admin: Caller) {
  const { value } = await run(rules.loader, request("/settings/rules", { caller: admin }));
  expect(statusOf(value)).toBe(200);
  return bodyOf<Page>(value);
}

/** The page's form as loaded, with `changes` typed over it. */
async function save(admin: Caller, changes: Record<string, string>, loaded?: Record<string, string | string[]>) {
  const form = { ...(loaded ?? (await page(admin)).values), ...changes };
  const { value } = await run(rules.action, request("/settings/rules", { caller: admin, form }));
  return value;
}

async function flashOf(value: unknown) {
  const cookie = (value as Response).headers.get("Set-Cookie")!.split(";")[0]!;
  return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).message;
}

const events = () => db.auditEvent.findMany({ where: { action: "settings.change" }, orderBy: { id: "asc" } });

/** Back to the defaults between tests (the file shares one database). */
async function reset() {
  await db.setting.deleteMany({ where: { key: { in: Object.keys(defaults) } } });
}

const fields = (p: Page): Field[] => p.questions.flatMap((q) => ("fields" in q ? q.fields : [q]));

describe("the page", () => {
  it("asks every setting, each with a label, what it governs and its default, showing its current value", async () => {
    await reset();
    const admin = await signedIn(["ADMIN"]);
    const loaded = await page(admin);
    const all = fields(loaded);
    // Every top-level number and one per outcome for retentionYears.
    const expected = Object.entries(defaults).flatMap(([key, value]) =>
      typeof value === "number" ? [key] : Object.keys(value).map((sub) => `${key}.${sub}`),
    );
    expect(all.map((f) => f.name)).toEqual(expected);
    for (const f of all) {
      expect(f.label, f.name).not.toBe("");
      expect(f.hint, f.name).toMatch(/Default: \d+/);
      expect(loaded.values[f.name], f.name).toMatch(/^\d+$/);
    }
    expect(all.find((f) => f.name === "evaluationMeetingWorkingDays")).toMatchObject({
      label: "Evaluation meeting",
      hint: "An allegation's evaluation meeting is due this many working days after the referral. Default: 5 working days.",
      whole: true,
    });
    expect(all.find((f) => f.name === "initialConsiderationWorkingDays")?.hint).toMatch(/Default: 1 working day\.$/);
    expect(all.find((f) => f.name === "concludedWithinOneMonthTarget")).toMatchObject({
      hint: expect.stringMatching(/Default: 80%\.$/),
      whole: false,
    });
    expect(loaded.questions.find((q) => "fields" in q)).toMatchObject({
      name: "retentionYears",
      legend: "Years to keep the LADO record after closure",
      fields: expect.arrayContaining([
        { name: "retentionYears.SUBSTANTIATED", label: "Substantiated", hint: "Default: 50 years.", unit: "years", whole: true },
      ]),
    });

    await db.setting.create({ data: { key: "policeOpenMonths", value: 4 } });
    expect((await page(admin)).values.policeOpenMonths).toBe("4");
    await reset();
  });

  it.each<Role>(["LADO", "MANAGER", "BUSINESS_SUPPORT", "AUDITOR"])(
    "is for admins only: %s gets 403, and nothing is saved",
    async (role) => {
      await reset();
      const someone = await signedIn([role]);
      expect(statusOf((await run(rules.loader, request("/settings/rules", { caller: someone }))).value)).toBe(403);
      const form = { ...ruleValues(await getSettings()), policeOpenMonths: "6" };
      expect(statusOf((await run(rules.action, request("/settings/rules", { caller: someone, form }))).value)).toBe(403);
      expect((await getSettings()).policeOpenMonths).toBe(3);
    },
  );

  it("refuses a form without the session's token (CSRF), saving nothing", async () => {
    await reset();
    const admin = await signedIn(["ADMIN"]);
    for (const csrf of ["", "forged", (await signedIn(["ADMIN"])).csrf]) {
      const value = await save(admin, { policeOpenMonths: "6", csrf });
      expect(statusOf(value), csrf).toBe(400);
      expect(bodyOf<{ message: string }>(value).message).toBe("tampered");
    }
    expect((await getSettings()).policeOpenMonths).toBe(3);
    expect(await events()).toHaveLength(0);
  });
});

describe("saving", () => {
  it("writes only what changed, with the admin, counts at once (the police-delay flag) and is audited with old and new values", async () => {
    await reset();
    const before = (await events()).length;
    // An investigation updated 15 days ago: not stale after the default 28 days.
    const today = londonDay(new Date());
    const file = await createCase(db, {
      receivedAt: londonMoment(addDaysToDay(today, -40)),
      decisions: [{ category: "ALLEGATION" }],
      police: {
        status: "INVESTIGATING",
        informedAt: londonMoment(addDaysToDay(today, -30)),
        openedAt: londonMoment(addDaysToDay(today, -30)),
        updates: [{ at: londonMoment(addDaysToDay(today, -15)), status: "INVESTIGATING" }],
      },
    });
    expect(await listPoliceDelays({ caseIds: [file.id] })).toEqual([]);

    const admin = await signedIn(["ADMIN"]);
    const value = await save(admin, { policeUpdateStaleDays: " 14 ", "retentionYears.SUBSTANTIATED": "60" });
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/settings/rules");
    expect(await flashOf(value)).toBe("Saved: Days without a police update; Years to keep the LADO record after closure (substantiated)");

    const settings = await getSettings();
    expect(settings.policeUpdateStaleDays).toBe(14);
    expect(settings.retentionYears).toEqual({ ...defaults.retentionYears, SUBSTANTIATED: 60 });
    expect(settings).toEqual({ ...defaults, policeUpdateStaleDays: 14, retentionYears: { ...defaults.retentionYears, SUBSTANTIATED: 60 } });
    const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaults) } }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.value, r.updatedById])).toEqual([
      ["policeUpdateStaleDays", 14, admin.user.id],
      ["retentionYears", { ...defaults.retentionYears, SUBSTANTIATED: 60 }, admin.user.id],
    ]);

    const flagged = await listPoliceDelays({ caseIds: [file.id] });
    expect(flagged.map((c) => c.reference)).toEqual([file.reference]);
    expect(flagged[0]!.reasons.map((r) => r.kind)).toEqual(["stale"]);

    const audited = (await events()).slice(before);
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      userId: admin.user.id,
      subjectType: "setting",
      subjectId: "policeUpdateStaleDays,retentionYears",
      caseId: null,
      details: {
        changes: { policeUpdateStaleDays: { from: 28, to: 14 }, "retentionYears.SUBSTANTIATED": { from: 50, to: 60 } },
      },
    });

    // Back again: the old values are the new ones' "from".
    expect(statusOf(await save(admin, { policeUpdateStaleDays: "28" }))).toBe(302);
    expect((await events()).at(-1)?.details).toEqual({ changes: { policeUpdateStaleDays: { from: 14, to: 28 } } });
    expect(await listPoliceDelays({ caseIds: [file.id] })).toEqual([]);
    await reset();
  });

  it("saves nothing and records nothing when nothing changed", async () => {
    await reset();
    const before = (await events()).length;
    const admin = await signedIn(["ADMIN"]);
    const value = await save(admin, {});
    expect(statusOf(value)).toBe(302);
    expect(await flashOf(value)).toBe("Nothing changed");
    expect(await db.setting.count({ where: { key: { in: Object.keys(defaults) } } })).toBe(0);
    expect(await events()).toHaveLength(before);
  });

  it("takes a whole number as 007 or a target with a point", async () => {
    await reset();
    const admin = await signedIn(["ADMIN"]);
    expect(statusOf(await save(admin, { reviewMeetingWeeks: "006", concludedWithinOneMonthTarget: "82.5" }))).toBe(302);
    expect(await getSettings()).toMatchObject({ reviewMeetingWeeks: 6, concludedWithinOneMonthTarget: 82.5 });
    await reset();
  });
});

describe("bad answers", () => {
  it("are field errors with the answers kept, never a 500, and save nothing", async () => {
    await reset();
    const before = (await events()).length;
    const admin = await signedIn(["ADMIN"]);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ policeUpdateStaleDays: "abc" }, { policeUpdateStaleDays: "Days without a police update must be a whole number" }],
      [
        { initialConsiderationWorkingDays: "-1" },
        { initialConsiderationWorkingDays: "Initial consideration of a contact must be between 1 and 3650 working days" },
      ],
      [
        { initialConsiderationWorkingDays: "0" },
        { initialConsiderationWorkingDays: "Initial consideration of a contact must be between 1 and 3650 working days" },
      ],
      [{ policeOpenMonths: "99999" }, { policeOpenMonths: "Months a police investigation is open must be between 0 and 3650 months" }],
      [{ reviewMeetingWeeks: "2.5" }, { reviewMeetingWeeks: "Review meetings must be a whole number" }],
      [{ reviewMeetingWeeks: "1e3" }, { reviewMeetingWeeks: "Review meetings must be a whole number" }],
      [{ reviewMeetingWeeks: "   " }, { reviewMeetingWeeks: "Enter a number for review meetings" }],
      [{ normalPensionAge: "45" }, { normalPensionAge: "Normal pension age must be between 50 and 80 years old" }],
      [
        { concludedWithinThreeMonthsTarget: "101" },
        { concludedWithinThreeMonthsTarget: "Target for allegations concluded within three months must be between 0% and 100%" },
      ],
      [
        { concludedWithinOneMonthTarget: "eighty" },
        { concludedWithinOneMonthTarget: "Target for allegations concluded within one month must be a number" },
      ],
      [
        { "retentionYears.MALICIOUS": "-3", policeOpenMonths: "4" },
        { "retentionYears.MALICIOUS": "Years to keep the LADO record after closure (malicious) must be between 0 and 3650 years" },
      ],
      [
        { evaluationMeetingWorkingDays: "", "retentionYears.NO_ALLEGATION": "x" },
        {
          evaluationMeetingWorkingDays: "Enter a number for evaluation meeting",
          "retentionYears.NO_ALLEGATION": "Years to keep the LADO record after closure (no allegation outcome) must be a whole number",
        },
      ],
    ];
    for (const [changes, errors] of cases) {
      const value = await save(admin, changes);
      expect(statusOf(value), JSON.stringify(changes)).toBe(400);
      const answer = bodyOf<FormAnswer>(value);
      expect(answer.errors).toEqual(errors);
      expect(answer.values).toMatchObject(changes);
      expect(answer.values.employerRecordYears).toBe("10");
    }
    expect(await db.setting.count({ where: { key: { in: Object.keys(defaults) } } })).toBe(0);
    expect(await events()).toHaveLength(before);
  });

  it("an empty form (not one the page sends) is told field by field", async () => {
    const admin = await signedIn(["ADMIN"]);
    const { value } = await run(rules.action, request("/settings/rules", { caller: admin, form: {} }));
    expect(statusOf(value)).toBe(400);
    const errors = bodyOf<FormAnswer>(value).errors;
    expect(Object.keys(errors)).toHaveLength(fields(await page(admin)).length);
    expect(errors.initialConsiderationWorkingDays).toBe("Enter a number for initial consideration of a contact");
  });
});

describe("two admins at once", () => {
  it("keeps the other admin's change to a number this one left alone", async () => {
    await reset();
    const [first, second] = [await signedIn(["ADMIN"]), await signedIn(["ADMIN"])];
    const firstForm = (await page(first)).values;
    expect(statusOf(await save(second, { policeOpenMonths: "5" }))).toBe(302);
    expect(statusOf(await save(first, { delayReasonAfterMonths: "2" }, firstForm))).toBe(302);
    expect(await getSettings()).toMatchObject({ policeOpenMonths: 5, delayReasonAfterMonths: 2 });
    expect((await events()).at(-1)?.details).toEqual({ changes: { delayReasonAfterMonths: { from: 3, to: 2 } } });
    await reset();
  });

  it("refuses to overwrite a number both changed, showing the other's value, then takes a second save", async () => {
    await reset();
    const [first, second] = [await signedIn(["ADMIN"]), await signedIn(["ADMIN"])];
    const firstForm = (await page(first)).values;
    expect(statusOf(await save(second, { policeOpenMonths: "5", reviewMeetingWeeks: "3" }))).toBe(302);
    const before = (await events()).length;

    const value = await save(first, { policeOpenMonths: "6", delayReasonAfterMonths: "2" }, firstForm);
    expect(statusOf(value)).toBe(409);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({
      policeOpenMonths: "Another admin changed this to 5 months while you were editing: check it and save again",
    });
    // What this admin typed is kept; what the other changed is shown as it is now.
    expect(answer.values).toMatchObject({ policeOpenMonths: "6", delayReasonAfterMonths: "2", reviewMeetingWeeks: "3" });
    expect(await events()).toHaveLength(before);
    expect((await getSettings()).policeOpenMonths).toBe(5);

    expect(statusOf(await save(first, {}, answer.values))).toBe(302);
    expect(await getSettings()).toMatchObject({ policeOpenMonths: 6, delayReasonAfterMonths: 2, reviewMeetingWeeks: 3 });
    await reset();
  });

  it("treats a missing or malformed record of what was shown as the values now", async () => {
    await reset();
    const admin = await signedIn(["ADMIN"]);
    for (const seen of ["", "not json", '{"policeOpenMonths":"x"}']) {
      expect(statusOf(await save(admin, { seen, policeOpenMonths: "7" })), seen).toBe(302);
      expect((await getSettings()).policeOpenMonths).toBe(7);
      await reset();
    }
  });
});
