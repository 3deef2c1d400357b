// The case list: the search (reference, names, organisation; every word;
// any case; % and _ as typed), paging by key forwards and back, pages that
// are not there, the capped count, and the query shapes the indexes serve.
import { describe, expect, it } from "vitest";
import { COUNT_LIMIT, caseListSql, PAGE_SIZE, type CaseList, type PageKey } from "~/cases/case-list.server";
import { searchWords } from "~/cases/search-words";
import { db } from "~/db.server";
import * as casesIndex from "~/routes/cases._index";
import { buildCase, createCase, createCases, createOrganisation } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";

type Listed = CaseList & { query: { q: string }; error: string | null };

async function list(caller: Caller, query: Record<string, string> = {}) {
  const { thrown, value } = await run(casesIndex.loader, request(`/cases?${new URLSearchParams(query)}`, { caller }));
  expect(thrown).toBe(false);
  return { status: statusOf(value), body: bodyOf<Listed>(value) };
}

const found = async (caller: Caller, q: string) => (await list(caller, { q })).body.cases.map((c) => c.reference);

describe("searching the case list", () => {
  it("finds a case by its whole reference or its start, in any case, but not by the middle", async () => {
    const caller = await signedIn(["LADO"]);
    const file = await createCase(db);
    expect(await found(caller, file.reference.toLowerCase())).toEqual([file.reference]);
    expect(await found(caller, file.reference.slice(0, -1))).toContain(file.reference);
    expect(await found(caller, file.reference.slice("LADO-".length))).not.toContain(file.reference);
  });

  it("finds a case by its number alone, with or without the leading zeros, in any year", async () => {
    const caller = await signedIn(["LADO"]);
    const file = await createCase(db);
    const number = file.reference.split("-").at(-1)!; // "00042"
    expect(await found(caller, number)).toContain(file.reference);
    expect(await found(caller, String(Number(number)))).toContain(file.reference);
    expect(await found(caller, `${Number(number)}9999`)).not.toContain(file.reference);
  });

  it("finds a case by any part of the person's first, last or previous name, in any case", async () => {
    const caller = await signedIn(["LADO"]);
    const file = await createCase(db, { subject: { firstName: "Gwendolyn", lastName: "Quillfeather", previousNames: ["Ashcombe"] } });
    for (const q of ["quillfeather", "QUILLF", "illfeat", "gwendolyn", "ashcombe"]) {
      expect(await found(caller, q), q).toEqual([file.reference]);
    }
  });

  it("finds a case by the referrer's organisation", async () => {
    const caller = await signedIn(["LADO"]);
    const academy = await createOrganisation(db, { name: "Zephyrine Academy", sector: "SECONDARY_SCHOOL" });
    const file = await createCase(db, { referrerOrganisation: academy });
    expect(await found(caller, "zephyrine")).toEqual([file.reference]);
  });

  it("needs every word to match somewhere, and says how many match", async () => {
    const caller = await signedIn(["LADO"]);
    const school = await createOrganisation(db, { name: "Larkspur Vale Primary School", sector: "PRIMARY_SCHOOL" });
    const file = await createCase(db, { subject: { firstName: "Ottoline", lastName: "Brackenbury" }, referrerOrganisation: school });
    await createCase(db, { subject: { firstName: "Ottoline", lastName: "Pemberton" } });
    expect(await found(caller, "Ottoline Brackenbury")).toEqual([file.reference]);
    expect(await found(caller, "ottoline larkspur")).toEqual([file.reference]);
    expect(await found(caller, "Ottoline Nobody")).toEqual([]);
    const { body } = await list(caller, { q: "ottoline" });
    expect(body.matches).toEqual({ count: 2, orMore: false });
  });

  it("looks for % and _ as typed, not as wildcards", async () => {
    const caller = await signedIn(["LADO"]);
    const tutors = await createOrganisation(db, { name: "Hollow 50% Tutors", sector: "PRIVATE_TUTORING_CHILDCARE" });
    const percent = await createCase(db, { referrerOrganisation: tutors });
    const underscore = await createCase(db, { subject: { firstName: "Fergus", lastName: "Mc_Gregor" } });
    await createCase(db, { subject: { firstName: "Fergus", lastName: "McaGregor" } });
    expect(await found(caller, "50%")).toEqual([percent.reference]);
    expect(await found(caller, "%")).toEqual([]); // no name starts with it; as a wildcard it would match every case
    expect(await found(caller, "c_G")).toEqual([underscore.reference]);
  });

  it("counts matches only up to its limit, then says there are more", async () => {
    const caller = await signedIn(["LADO"]);
    const club = await createOrganisation(db, { name: "Quorndon Harriers Athletics Club", sector: "SPORTS_LEISURE" });
    await createCases(
      db,
      Array.from({ length: COUNT_LIMIT + 1 }, () =>
        buildCase({ referrerOrganisation: club, receivedAt: new Date("2024-03-04T10:00:00Z") }),
      ),
    );
    const { body } = await list(caller, { q: "quorndon" });
    expect(body.matches).toEqual({ count: COUNT_LIMIT, orMore: true });
    expect(body.cases).toHaveLength(PAGE_SIZE);
  }, 60_000);
});

describe("paging through the case list", () => {
  /**
   * PAGE_SIZE * 2 + 10 cases from a children's home named `place` (a word no
   * other test uses, to search for), three at a time received at the same
   * moment, so the reference decides their order; newest first.
   */
  async function manyCases(place: string) {
    const setting = await createOrganisation(db, { name: `${place} Lodge Children's Home`, sector: "RESIDENTIAL_CHILDRENS_HOME" });
    const count = PAGE_SIZE * 2 + 10;
    const made = await createCases(
      db,
      Array.from({ length: count }, (_, i) =>
        buildCase({ referrerOrganisation: setting, receivedAt: new Date(Date.UTC(2025, 1, 3, 9, Math.floor(i / 3))) }),
      ),
    );
    const newestFirst = await db.case.findMany({
      where: { id: { in: made.map((c) => c.id) } },
      orderBy: [{ receivedAt: "desc" }, { reference: "desc" }],
      select: { reference: true },
    });
    return newestFirst.map((c) => c.reference);
  }

  it("goes forward and back through every case once, in order, and offers no page past the end", async () => {
    const caller = await signedIn(["LADO"]);
    const q = "wrenfold";
    const expected = await manyCases(q);

    const pages: Listed[] = [];
    let query: Record<string, string> = { q };
    for (;;) {
      const { status, body } = await list(caller, query);
      expect(status).toBe(200);
      pages.push(body);
      if (!body.older) break;
      query = { q, after: body.older };
    }
    expect(pages.map((p) => p.cases.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 10]);
    expect(pages.flatMap((p) => p.cases.map((c) => c.reference))).toEqual(expected);
    expect(pages[0]!.newer).toBeNull();
    expect(pages.at(-1)!.older).toBeNull();
    expect(pages.every((p) => p.matches.count === expected.length && !p.missing)).toBe(true);

    // Back from the last page, by each page's "Previous".
    let back = pages.at(-1)!;
    for (const page of pages.slice(0, -1).reverse()) {
      const { status, body } = await list(caller, { q, before: back.newer! });
      expect(status).toBe(200);
      expect(body.cases.map((c) => c.reference)).toEqual(page.cases.map((c) => c.reference));
      expect(body.older).toBe(page.older);
      expect(body.newer).toBe(page.newer);
      back = body;
    }
  });

  it("says a page past the end is not there, and never shows the first page instead", async () => {
    const caller = await signedIn(["LADO"]);
    const expected = await manyCases("Thistlecombe");
    const links: Record<string, string>[] = [
      { q: "thistlecombe", after: expected.at(-1)! }, // after the oldest
      { after: "LADO-1999-99999" }, // a case that is not there (or has gone)
      { before: "LADO-1999-99999" },
      { after: "LADO\u00002026" }, // not a reference at all
    ];
    for (const query of links) {
      const { status, body } = await list(caller, query);
      expect(status, JSON.stringify(query)).toBe(404);
      expect(body).toMatchObject({ missing: true, cases: [], newer: null, older: null });
    }
  });

  it("shows the newest whole page when going back reaches the start", async () => {
    const caller = await signedIn(["LADO"]);
    const expected = await manyCases("Brambleholt");
    const { body } = await list(caller, { q: "brambleholt", before: expected[3]! });
    expect(body.cases.map((c) => c.reference)).toEqual(expected.slice(0, PAGE_SIZE));
    expect(body.newer).toBeNull();
    expect(body.older).toBe(expected[PAGE_SIZE - 1]);
  });
});

describe("the case list's queries", () => {
  /** The plan PostgreSQL makes for the list's statement with some ways of reading tables forbidden. */
  async function plan(q: string, key: PageKey | null, forbidden: ("seqscan" | "indexscan")[]) {
    return db.$transaction(async (tx) => {
      for (const way of forbidden) await tx.$executeRawUnsafe(`SET LOCAL enable_${way} = off`);
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${caseListSql(searchWords(q), key)}`;
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }

  // On a test's few rows PostgreSQL would rather read a whole table or index,
  // so those ways are forbidden: an OR across joined tables could then only
  // be planned with a Seq Scan, which is what would read a million rows.
  it("search by the names' and organisations' trigram indexes, or the references' index, never reading a whole table", async () => {
    const file = await createCase(db);
    const trigrams = [
      "Person_firstName_trgm_idx",
      "Person_lastName_trgm_idx",
      "Person_previousNames_trgm_idx",
      "Organisation_name_trgm_idx",
    ];
    for (const [q, indexes] of [
      ["Quillfeather", trigrams],
      ["gwen quill", trigrams],
      ["Li", trigrams],
      [file.reference, ["Case_reference_lower_idx"]],
      ["123", ["Case_reference_lower_idx", "Case_reference_number_idx"]],
    ] as const) {
      const shown = await plan(q, null, ["seqscan", "indexscan"]);
      for (const index of indexes) expect(shown, q).toContain(index);
      expect(shown, q).not.toMatch(/Seq Scan/);
    }
  });

  it("read any page from the (receivedAt, reference) index, in its order, however far back", async () => {
    const file = await createCase(db);
    for (const key of [
      null,
      { direction: "after", reference: file.reference },
      { direction: "before", reference: file.reference },
    ] as const) {
      const shown = await plan("", key, ["seqscan"]);
      expect(shown).toContain("Case_receivedAt_reference_idx");
      expect(shown).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
