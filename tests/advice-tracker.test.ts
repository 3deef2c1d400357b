// The advice tracker: which cases it lists (current decision advice or not a
// LADO matter, or an advice record whatever the decision became), its
// filters, the counts at the top, paging, the CSV export for Excel (BOM,
// CRLF, ISO dates, formulas neutralised, accents kept), bad filters answered
// with errors rather than a crash, and each view and export audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { TrackerCounts, TrackerRow } from "~/advice/tracker.server";
import { exportRows, parseFilters } from "~/advice/tracker.server";
import * as trackerPage from "~/routes/advice";
import * as trackerCsv from "~/routes/advice[.]csv";
import { buildCase, createCase, createCases, createOrganisation, pickScenario, type CaseOverrides } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

type Page = { ok: true; counts: TrackerCounts; rows: TrackerRow[]; pages: number; filters: { page: number; from: string; to: string } };
type Refused = { ok: false; errors: Record<string, string>; values: Record<string, string> };

const at = (iso: string) => new Date(iso);
const noLetter = { followUpSentAt: null, followUpMethod: null };

/** Cases received in financial year 2019-20 (only this file's), by what each shows. */
const made: Record<string, { id: string; reference: string }> = {};

beforeAll(async () => {
  const school = await createOrganisation(db, { name: "Crèche Les Pâquerettes", sector: "EARLY_YEARS_NURSERY" });
  const laterCase = await createCase(db, { receivedAt: at("2020-01-10T10:00:00Z"), decisions: [{ category: "ALLEGATION" }] });
  const cases: [string, CaseOverrides][] = [
    [
      // Named, from a nursery, a letter sent, progressed to a later referral; its advice text starts like a formula.
      "progressed",
      {
        receivedAt: at("2019-05-10T09:00:00Z"),
        namedProfessional: true,
        referrer: { type: "EMPLOYER" },
        referrerOrganisation: school,
        subject: { sector: "EARLY_YEARS_NURSERY" },
        decisions: [{ category: "ADVICE" }],
        advice: {
          adviceGiven: '=HYPERLINK("http://evil.example","Click") and keep a note',
          redirectedTo: "NONE",
          progressedToCaseId: laterCase.id,
          followUpSentAt: at("2019-05-11T10:00:00Z"),
          followUpMethod: "EMAIL",
        },
      },
    ],
    [
      // Not a LADO matter, from a parent, no professional named, redirected to the police.
      "parent",
      {
        receivedAt: at("2019-08-01T12:00:00Z"),
        namedProfessional: false,
        referrer: { type: "PARENT_CARER" },
        subject: { sector: "SPORTS_LEISURE" },
        // No scenario is decided as "not a LADO matter": an advice one's story will do.
        scenario: pickScenario("ADVICE", false),
        decisions: [{ category: "NOT_LADO" }],
        advice: { adviceGiven: "Report it to the police on 101.", redirectedTo: "POLICE", ...noLetter },
      },
    ],
    [
      // Decided as advice, the advice not recorded yet: a gap the tracker shows.
      "notRecorded",
      {
        receivedAt: at("2019-11-20T12:00:00Z"),
        namedProfessional: true,
        referrer: { type: "OTHER_PROFESSIONAL" },
        subject: { sector: "SECONDARY_SCHOOL" },
        decisions: [{ category: "ADVICE" }],
      },
    ],
    [
      // Advice, later revised to an allegation: the advice was still given.
      "revised",
      {
        receivedAt: at("2020-02-03T12:00:00Z"),
        namedProfessional: true,
        referrer: { type: "EMPLOYER" },
        subject: { sector: "PRIMARY_SCHOOL" },
        decisions: [{ category: "ADVICE" }, { category: "ALLEGATION" }],
        advice: { adviceGiven: "-Speak to HR first", redirectedTo: "EMPLOYER_HR", ...noLetter },
      },
    ],
    // Not advice: not listed.
    ["causeForConcern", { receivedAt: at("2019-06-01T12:00:00Z"), decisions: [{ category: "CAUSE_FOR_CONCERN" }] }],
    ["undecided", { receivedAt: at("2019-07-01T12:00:00Z") }],
    // In the next financial year (1 April 2020, London time): not in 2019-20.
    [
      "nextYear",
      {
        receivedAt: at("2020-03-31T23:30:00Z"),
        namedProfessional: true,
        decisions: [{ category: "ADVICE" }],
        advice: { redirectedTo: null, ...noLetter },
      },
    ],
  ];
  for (const [name, overrides] of cases) made[name] = await createCase(db, overrides);
  // 55 consultations in 2017-18, for paging.
  await createCases(
    db,
    Array.from({ length: 55 }, (_, i) =>
      buildCase({
        receivedAt: new Date(Date.UTC(2017, 5, 1, 9) + i * 86_400_000),
        decisions: [{ category: "ADVICE" }],
        advice: { redirectedTo: null, ...noLetter },
      }),
    ),
  );
});

async function view(query: string) {
  const caller = await signedIn(["MANAGER"]);
  const { value } = await run(trackerPage.loader, request(`/advice${query}`, { caller }));
  return { caller, value, status: statusOf(value) };
}

const references = (page: Page) => page.rows.map((r) => r.reference);

describe("the advice tracker", () => {
  it("lists a financial year's advice, newest first, with counts; gaps and advice later revised included, other decisions not", async () => {
    const { value, status } = await view("?year=2019-20");
    expect(status).toBe(200);
    const page = bodyOf<Page>(value);
    expect(page.filters).toMatchObject({ from: "2019-04-01", to: "2020-03-31", page: 1 });
    expect(references(page)).toEqual([made.revised, made.notRecorded, made.parent, made.progressed].map((c) => c!.reference));
    expect(page.counts).toEqual({ total: 4, noNamedProfessional: 1, redirected: 2, progressed: 1, lettersSent: 1, notRecorded: 1 });
    const progressed = page.rows.find((r) => r.reference === made.progressed!.reference)!;
    expect(progressed).toMatchObject({
      referrerType: "EMPLOYER",
      referrerOrganisation: "Crèche Les Pâquerettes",
      sector: "EARLY_YEARS_NURSERY",
      decision: "ADVICE",
      redirectedTo: "NONE",
      followUpMethod: "EMAIL",
    });
    expect(progressed.progressedTo).toMatch(/^LADO-2020-/);
    expect(page.rows.find((r) => r.reference === made.revised!.reference)).toMatchObject({
      decision: "ALLEGATION",
      redirectedTo: "EMPLOYER_HR",
    });
    expect(page.rows.find((r) => r.reference === made.notRecorded!.reference)).toMatchObject({ recordedAt: null, adviceGiven: null });
  });

  it.each([
    ["referrerType=PARENT_CARER", ["parent"]],
    ["sector=EARLY_YEARS_NURSERY", ["progressed"]],
    ["named=no", ["parent"]],
    ["named=yes", ["revised", "notRecorded", "progressed"]],
    ["redirectedTo=POLICE", ["parent"]],
    ["redirectedTo=NONE", ["progressed"]],
    ["progressed=yes", ["progressed"]],
    ["progressed=no", ["revised", "notRecorded", "parent"]],
    ["from-day=1&from-month=8&from-year=2019&to-day=20&to-month=11&to-year=2019", ["notRecorded", "parent"]],
    // The last day is included, in London time: 31 March 2020 23:30 UTC is 1 April in London.
    ["from-day=1&from-month=3&from-year=2020&to-day=31&to-month=3&to-year=2020", []],
    ["from-day=1&from-month=3&from-year=2020&to-day=1&to-month=4&to-year=2020", ["nextYear"]],
  ])("filters by %s", async (query, expected) => {
    const within = query.includes("from-") ? query : `year=2019-20&${query}`;
    const page = bodyOf<Page>((await view(`?${within}`)).value);
    expect(references(page)).toEqual(expected.map((name) => made[name]!.reference));
    expect(page.counts.total).toBe(expected.length);
  });

  it("pages 50 at a time", async () => {
    const first = bodyOf<Page>((await view("?year=2017-18")).value);
    expect(first.counts.total).toBe(55);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(50);
    const second = bodyOf<Page>((await view("?year=2017-18&page=2")).value);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...references(first), ...references(second)]).size).toBe(55);
    // Newest first, across the pages.
    const all = [...first.rows, ...second.rows].map((r) => new Date(r.receivedAt).getTime());
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(bodyOf<Page>((await view("?year=2017-18&page=3")).value).rows).toEqual([]);
  });

  it("audits each view once, with its filters", async () => {
    const { caller } = await view("?year=2019-20&named=no&redirectedTo=POLICE");
    const events = await db.auditEvent.findMany({ where: { action: "advice-tracker.view", userId: caller.user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: "advice-tracker",
      subjectId: "advice",
      caseId: null,
      details: { from: "2019-04-01", to: "2020-03-31", named: false, redirectedTo: "POLICE" },
    });
  });

  it("answers bad filter values with an error for each, keeping them, never a crash", async () => {
    const { value, status, caller } = await view(
      "?from-day=31&from-month=2&from-year=2020&sector=NOPE&named=maybe&redirectedTo=MOON&progressed=1&referrerType=x&page=0",
    );
    expect(status).toBe(400);
    const refused = bodyOf<Refused>(value);
    expect(refused.errors).toEqual({
      from: "The date received from must be a real date, like 27 3 2026",
      referrerType: "Choose who asked from the list",
      sector: "Choose a sector from the list",
      named: "Choose whether a professional was named",
      redirectedTo: "Choose where it was redirected from the list",
      progressed: "Choose whether the advice progressed to a referral",
      page: "The page must be 1 or more",
    });
    expect(refused.values).toMatchObject({ "from-day": "31", sector: "NOPE" });
    expect(await db.auditEvent.count({ where: { action: "advice-tracker.view", userId: caller.user.id } })).toBe(0);

    for (const [query, field] of [
      ["?year=2019-21", "year"],
      ["?year=x", "year"],
      ["?page=abc", "page"],
      ["?page=9999", "page"],
      ["?from-day=2&from-month=5&from-year=2020&to-day=1&to-month=5&to-year=2020", "to"],
      ["?from-day=&from-month=13&from-year=2020", "from"],
    ] as const) {
      const answer = await view(query);
      expect(answer.status, query).toBe(400);
      expect(Object.keys(bodyOf<Refused>(answer.value).errors), query).toEqual([field]);
    }
  });

  it("takes the current financial year when no period is given, and dates over a year", () => {
    const now = at("2026-11-30T12:00:00Z");
    const parse = (query: string) => {
      const result = parseFilters(Object.fromEntries(new URLSearchParams(query)), now);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.filters;
    };
    expect(parse("")).toMatchObject({ from: "2026-04-01", to: "2027-03-31", year: "2026-27" });
    expect(parse("year=2024-25&from=2025-01-05")).toMatchObject({ from: "2025-01-05", to: "2026-11-30", year: null });
    expect(parse("to=2025-01-05")).toMatchObject({ from: "2024-04-01", to: "2025-01-05" });
  });
});

describe("the CSV export", () => {
  async function exported(query: string) {
    const caller = await signedIn(["LADO"]);
    const { value } = await run(trackerCsv.loader, request(`/advice.csv${query}`, { caller }), {}, { dataRequest: false });
    return { caller, response: value as Response };
  }

  it("opens cleanly in Excel: UTF-8 with BOM, CRLF, ISO dates, formulas neutralised, accents kept; the page's filters", async () => {
    const { response, caller } = await exported("?year=2019-20&named=yes");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="advice-tracker-2019-04-01-to-2020-03-31-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r]/);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines[0]).toBe(
      "Reference,Received,Referrer type,Referrer organisation,Named professional,Subject's sector,Current decision,Advice recorded,Advice given,Referrer asked to,Redirected to,Redirection details,Progressed to referral,Letter sent,Letter sent by,Recorded by",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([made.revised, made.notRecorded, made.progressed].map((c) => c!.reference));
    const progressed = lines.find((l) => l.startsWith(made.progressed!.reference))!;
    expect(progressed).toContain(
      `${made.progressed!.reference},2019-05-10,"The person's employer, or the setting where it happened",Crèche Les Pâquerettes,Yes,Early years: nursery,Advice and guidance,`,
    );
    expect(progressed).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"") and keep a note",`);
    expect(progressed).toMatch(/,None,,LADO-2020-\d{5},2019-05-11,Email,/);
    const revised = lines.find((l) => l.startsWith(made.revised!.reference))!;
    expect(revised).toContain(",'-Speak to HR first,");
    expect(revised).toContain(",Allegation against staff or volunteer,");
    expect(lines.find((l) => l.startsWith(made.notRecorded!.reference))).toContain(",Not recorded yet,");

    const events = await db.auditEvent.findMany({ where: { action: "advice-tracker.export", userId: caller.user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: "advice-tracker",
      subjectId: "advice",
      details: { from: "2019-04-01", to: "2020-03-31", named: true },
    });
  });

  it("exports every page's rows, read in batches by key", async () => {
    const { response } = await exported("?year=2017-18");
    const lines = (await response.text()).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(55);

    const caller = await signedIn(["LADO"]);
    const parsed = parseFilters({ year: "2017-18" });
    if (!parsed.ok) throw new Error("the filters should parse");
    const batches: TrackerRow[][] = [];
    for await (const rows of exportRows(request("/advice.csv", { caller }), caller.user.id, parsed.filters, 20)) batches.push(rows);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 15]);
    const all = batches.flat().map((r) => r.reference);
    expect(new Set(all).size).toBe(55);
    expect(all.join()).toBe(lines.map((l) => l.split(",")[0]).join());
  });

  it("refuses bad filters with a plain 400 naming them, and exports nothing", async () => {
    const { response, caller } = await exported("?sector=NOPE");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose a sector from the list");
    expect(await db.auditEvent.count({ where: { action: "advice-tracker.export", userId: caller.user.id } })).toBe(0);
  });
});
