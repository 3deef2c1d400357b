// A reviewer's checks of issue 15's pages from outside: bad and tampered
// input answered with field errors (never a crash), unknown and malformed
// references, races, the CSV export, the follow-up letter with awkward input,
// and what a LADO would find wrong.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import * as advicePage from "~/routes/cases.$reference.advice/route";
import * as priorHistoryPage from "~/routes/cases.$reference.prior-history/route";
import * as allocatePage from "~/routes/cases.$reference_.allocate";
import * as linkPage from "~/routes/cases.$reference_.link";
import * as tracker from "~/routes/advice";
import * as trackerCsv from "~/routes/advice[.]csv";
import { adviceLetterPdf, type AdviceLetter } from "~/advice/letter-pdf.server";
import { createCase, createOrganisation } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";
import { expectConsoleErrors } from "./setup-file";

type Answer = { errors: Record<string, string>; values: Record<string, string | string[]> };

const ref = (reference: string) => ({ reference });
const post = (
  route: { action: (a: never) => unknown },
  path: string,
  caller: Caller,
  form: Record<string, string | string[]>,
  reference: string,
) => run(route.action as never, request(path, { caller, form }), ref(reference));

describe("malformed and unknown references", () => {
  it("answers 404, not 500, on every new page and form", async () => {
    const lado = await signedIn(["LADO"]);
    const routes = [
      [decisions, "decisions"],
      [advicePage, "advice"],
      [priorHistoryPage, "prior-history"],
      [allocatePage, "allocate"],
      [linkPage, "link"],
    ] as const;
    for (const reference of ["LADO-2099-99999", "'; drop table", "\u0000", "x".repeat(500)]) {
      for (const [route, slug] of routes) {
        const path = `/cases/${encodeURIComponent(reference)}/${slug}`;
        expect(statusOf((await run(route.loader as never, request(path, { caller: lado }), ref(reference))).value)).toBe(404);
        expect(statusOf((await post(route, path, lado, { intent: "x" }, reference)).value)).toBe(404);
      }
    }
  });
});

describe("decisions: bad input", () => {
  const considered = { progress: { decision: null, considered: true } } as const;
  const base = { intent: "decide", basedOn: "0", category: "ADVICE", rationale: "Reasons." };
  it("answers field errors for wrong types, repeated and oversized fields", async () => {
    const file = await createCase(db, considered);
    const lado = await signedIn(["LADO"]);
    const path = `/cases/${file.reference}/decisions`;
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...base, category: "SOMETHING" }, "category"],
      [{ ...base, rationale: "x".repeat(10_001) }, "rationale"],
      [{ ...base, rationale: ["a", "b"] }, "rationale"],
      [{ ...base, category: ["ADVICE", "ALLEGATION"] }, "category"],
      [{ ...base, harmCriteria: "NOT_A_CRITERION" }, "harmCriteria"],
    ];
    for (const [form, field] of cases) {
      const { value } = await post(decisions, path, lado, form, file.reference);
      expect(statusOf(value), field).toBe(400);
      expect(Object.keys(bodyOf<Answer>(value).errors), field).toContain(field);
    }
    expect(statusOf((await post(decisions, path, lado, { ...base, intent: ["decide", "consider"] }, file.reference)).value)).toBe(400);
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("refuses an impossible date in the employer agreement as a field error", async () => {
    const file = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN" }] });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(
      decisions,
      `/cases/${file.reference}/decisions`,
      lado,
      {
        intent: "agreement",
        agreedActions: "Investigate.",
        "agreedAt-day": "31",
        "agreedAt-month": "02",
        "agreedAt-year": "2026",
        "reportBackBy-day": "1",
        "reportBackBy-month": "1",
        "reportBackBy-year": "99999",
      },
      file.reference,
    );
    expect(statusOf(value)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(value).errors)).toEqual(["agreedAt", "reportBackBy"]);
  });
});

describe("advice: bad input", () => {
  it("answers field errors for a wrong redirection, an oversized or repeated field, and this case's own reference in lower case", async () => {
    const file = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    const path = `/cases/${file.reference}/advice`;
    const base = { intent: "advice", adviceGiven: "Advice.", redirectedTo: "NONE", progressedTo: "" };
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...base, redirectedTo: "SOMETHING" }, "redirectedTo"],
      [{ ...base, adviceGiven: "x".repeat(10_001) }, "adviceGiven"],
      [{ ...base, adviceGiven: ["a", "b"] }, "adviceGiven"],
      [{ ...base, progressedTo: file.reference.toLowerCase() }, "progressedTo"],
      [{ ...base, progressedTo: "x".repeat(61) }, "progressedTo"],
      [{ ...base, intent: "SOMETHING" }, "intent"],
    ];
    for (const [form, field] of cases) {
      const { value } = await post(advicePage, path, lado, form, file.reference);
      expect(statusOf(value), field).toBe(400);
      expect(Object.keys(bodyOf<Answer>(value).errors), field).toContain(field);
    }
    expect(await db.adviceRecord.count({ where: { caseId: file.id } })).toBe(0);
  });
});

describe("allocation, links and prior history: bad input", () => {
  it("answers field errors, never a crash", async () => {
    const file = await createCase(db);
    const manager = await signedIn(["MANAGER"]);
    const lado = await signedIn(["LADO"]);
    const a = `/cases/${file.reference}/allocate`;
    const forms: Record<string, string | string[]>[] = [
      { intent: "allocate", lado: "abc" },
      { intent: "allocate", lado: manager.user.id },
      { intent: "SOMETHING" },
      { intent: ["take", "allocate"] },
    ];
    for (const form of forms) {
      expect(statusOf((await post(allocatePage, a, manager, form, file.reference)).value), JSON.stringify(form)).toBe(400);
    }
    const l = `/cases/${file.reference}/link`;
    for (const form of [
      { intent: "link", reference: "x".repeat(61), reason: "DUPLICATE" },
      { intent: "link", reference: "LADO-2000-00001", reason: "SOMETHING" },
      { intent: "link", reference: ["a", "b"], reason: "DUPLICATE" },
    ]) {
      expect(statusOf((await post(linkPage, l, lado, form, file.reference)).value), JSON.stringify(form)).toBe(400);
    }
    const p = `/cases/${file.reference}/prior-history`;
    for (const form of [
      { intent: "confirm", match: "abc" },
      { intent: "maybe", match: crypto.randomUUID() },
      { intent: "confirm", match: [crypto.randomUUID(), crypto.randomUUID()] },
    ]) {
      expect(statusOf((await post(priorHistoryPage, p, lado, form, file.reference)).value), JSON.stringify(form)).toBe(400);
    }
    // A well-formed match that is not this case's.
    expect(statusOf((await post(priorHistoryPage, p, lado, { intent: "confirm", match: crypto.randomUUID() }, file.reference)).value)).toBe(
      404,
    );
  });

  it("refuses a staff form without its CSRF token", async () => {
    const file = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    for (const [route, slug] of [
      [decisions, "decisions"],
      [advicePage, "advice"],
      [priorHistoryPage, "prior-history"],
      [allocatePage, "allocate"],
      [linkPage, "link"],
    ] as const) {
      const { value } = await post(route, `/cases/${file.reference}/${slug}`, lado, { csrf: "", intent: "take" }, file.reference);
      expect(statusOf(value), slug).toBe(400);
      expect(bodyOf<{ message: string }>(value).message, slug).toBe("tampered");
    }
  });
});

describe("the advice tracker: bad filters", () => {
  const view = async (query: string) => {
    const manager = await signedIn(["MANAGER"]);
    return (await run(tracker.loader as never, request(`/advice?${query}`, { caller: manager }))).value;
  };
  const csv = async (query: string) => {
    const manager = await signedIn(["MANAGER"]);
    return (await run(trackerCsv.loader as never, request(`/advice.csv?${query}`, { caller: manager }))).value;
  };
  it("answers 400 for pages out of range, a reversed period, and extreme years, on the page and the CSV", async () => {
    for (const query of [
      "page=999999",
      "page=-1",
      "page=abc",
      "page=1.5",
      "from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026",
      "from-day=31&from-month=2&from-year=2026",
      "year=0000-01",
      "year=9999-00",
      "from-day=31&from-month=12&from-year=9999",
      "year=0123-24",
      "from-day=31&from-month=12&from-year=9999&to-day=31&to-month=12&to-year=9999",
      "from-day=1&from-month=1&from-year=2026&to-day=31&to-month=12&to-year=9999",
    ]) {
      expect(statusOf(await view(query)), query).toBe(400);
      expect(statusOf(await csv(query)), query).toBe(400);
    }
  });
});

describe("the CSV export's cells", () => {
  it("neutralises formulas in every text cell, names and organisations included, and quotes a quote and a newline", async () => {
    const org = await createOrganisation(db, { name: '=HYPERLINK("http://x")', sector: "PRIMARY_SCHOOL" });
    const recorder = await signedIn(["LADO"]);
    await db.user.update({ where: { id: recorder.user.id }, data: { name: "@SUM(1+1)" } });
    const file = await createCase(db, {
      receivedOn: new Date("2026-05-06T10:00:00Z"),
      decisions: [{ category: "ADVICE" }],
      referrerOrganisation: org,
      referrer: { type: "EMPLOYER", name: "A", email: "a@example.org" },
      advice: {
        adviceGiven: 'He said "no"\nthen -1',
        referrerActions: "+44 call",
        redirectedTo: "OTHER_LA_LADO",
        redirectDetail: "-Barset",
        recordedById: recorder.user.id,
      },
    });
    const manager = await signedIn(["MANAGER"]);
    const { value } = await run(
      trackerCsv.loader as never,
      request(`/advice.csv?from-day=6&from-month=5&from-year=2026&to-day=6&to-month=5&to-year=2026`, { caller: manager }),
    );
    // Read as bytes: Response.text() drops a byte order mark.
    const bytes = new Uint8Array(await (value as Response).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const line = text.split("\r\n").find((l) => l.startsWith(file.reference))!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(`"He said ""no""\nthen -1"`);
    expect(line).toContain(",'+44 call,");
    expect(line).toContain(",'-Barset,");
    expect(line.endsWith(",'@SUM(1+1)")).toBe(true);
  });
});

describe("the follow-up letter with awkward input", () => {
  const letter = (over: Partial<AdviceLetter> = {}): AdviceLetter => ({
    council: { name: "Barsetshire County Council", address: ["County Hall"], ladoPhone: "01632 960 123" },
    reference: "LADO-2026-00001",
    sentAt: new Date("2026-05-06T10:00:00Z"),
    contactedAt: new Date("2026-05-01T10:00:00Z"),
    to: {
      name: "<script>alert(1)</script>" + "N".repeat(5000),
      role: null,
      organisation: "O".repeat(300),
      address: Array.from({ length: 80 }, (_, i) => `Line ${i}`).join("\n"),
    },
    decision: "ADVICE",
    adviceGiven: "Advice.",
    referrerActions: null,
    redirectedTo: "NONE",
    redirectDetail: null,
    from: "A LADO",
    ...over,
  });
  it("makes a letter for a very long name with markup and an address of many lines", async () => {
    const bytes = await adviceLetterPdf(letter());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });
  it("makes a letter, not a crash, when the logo file has gone since start-up", async () => {
    expectConsoleErrors(1); // the operator is told
    const bytes = await adviceLetterPdf(letter({ council: { ...letter().council, logoPath: "/nonexistent/logo.png" } }));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("races", () => {
  it("of a confirm and a reject of one match at the same moment, exactly one is recorded and the other is told", async () => {
    for (let round = 0; round < 3; round++) {
      const school = await createOrganisation(db, { name: `Review Academy ${round}`, sector: "SECONDARY_SCHOOL" });
      const subject = {
        firstName: "Philippa",
        lastName: `Quarrington${"x".repeat(round)}`,
        dateOfBirth: new Date(Date.UTC(1979, 2, 3 + round)),
      };
      await createCase(db, { receivedAt: new Date("2024-02-05T10:00:00Z"), employer: school, subject });
      const later = await createCase(db, { receivedAt: new Date("2026-11-20T10:00:00Z"), employer: school, subject });
      const [a, b] = await Promise.all([signedIn(["LADO"]), signedIn(["MANAGER"])]);
      const path = `/cases/${later.reference}/prior-history`;
      const page = bodyOf<{ check: { named: boolean; groups: { matchId: string | null }[] } }>(
        (await run(priorHistoryPage.loader as never, request(path, { caller: a }), ref(later.reference))).value,
      );
      const match = page.check.groups[0]!.matchId!;
      const answers = await Promise.all([
        post(priorHistoryPage, path, a, { intent: "confirm", match }, later.reference),
        post(priorHistoryPage, path, b, { intent: "reject", match }, later.reference),
      ]);
      expect(answers.map((r) => statusOf(r.value)).sort()).toEqual([302, 409]);
      const events = await db.auditEvent.count({
        where: { subjectId: match, action: { in: ["prior-history.confirm", "prior-history.reject"] } },
      });
      expect(events).toBe(1);
    }
  });
});

describe("what a LADO would find wrong", () => {
  it("does not send a letter saying the matter is below the threshold once the decision has been revised to an allegation", async () => {
    const file = await createCase(db, {
      decisions: [{ category: "ADVICE" }, { category: "ALLEGATION", harmCriteria: ["HARMED_CHILD"] }],
      referrer: { type: "EMPLOYER", name: "Dee Sell", email: "dsl@example.org" },
      advice: { adviceGiven: "Advice.", redirectedTo: "NONE" },
    });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(advicePage, `/cases/${file.reference}/advice`, lado, { intent: "letter", method: "POST" }, file.reference);
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Answer>(value).errors.method).toMatch(/allegation/);
    expect(await db.document.count({ where: { caseId: file.id, kind: "ADVICE_LETTER" } })).toBe(0);
  });
});

describe("a closed case", () => {
  it("takes no new decision: the form is replaced by what to do instead, and a decision sent anyway is refused and kept", async () => {
    const file = await createCase(db, { progress: { decision: "ADVICE" } });
    const closure = await db.closure.findFirst({ where: { caseId: file.id } });
    if (closure) await db.closure.update({ where: { id: closure.id }, data: { signedOffAt: new Date(), reopenedAt: null } });
    else await db.closure.create({ data: { caseId: file.id, proposedAt: new Date(), signedOffAt: new Date() } });
    const lado = await signedIn(["LADO"]);
    const path = `/cases/${file.reference}/decisions`;
    const page = bodyOf<{ closedNotice: string | null }>(
      (await run(decisions.loader, request(path, { caller: lado }), ref(file.reference))).value,
    );
    expect(page.closedNotice).toMatch(/^This case was closed on .*Log the new information as a new contact and link it to this case/);

    const current = await db.thresholdDecision.count({ where: { caseId: file.id } });
    const form = {
      intent: "decide",
      basedOn: String(current),
      category: "ALLEGATION",
      harmCriteria: "HARMED_CHILD",
      rationale: "New information.",
    };
    const { value } = await post(decisions, path, lado, form, file.reference);
    expect(statusOf(value)).toBe(409);
    expect(bodyOf<Answer>(value).errors.category).toMatch(/^This case was closed on/);
    expect(bodyOf<Answer>(value).values.rationale).toBe("New information.");
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(current);
  });
});

describe("a tampered checkbox list", () => {
  it("puts the error on the field itself, where the page shows it, not on an item of it", async () => {
    const file = await createCase(db, { progress: { decision: null, considered: true } });
    const lado = await signedIn(["LADO"]);
    const form = { intent: "decide", basedOn: "0", category: "ADVICE", harmCategories: ["PHYSICAL", "BOGUS"], rationale: "Advice." };
    const { value } = await post(decisions, `/cases/${file.reference}/decisions`, lado, form, file.reference);
    expect(statusOf(value)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(value).errors)).toEqual(["harmCategories"]);
  });
});

describe("the advice tracker's period", () => {
  it("puts the error on the start when a start alone is in the future", async () => {
    const { parseFilters } = await import("~/advice/tracker.server");
    const result = parseFilters({ from: "2099-01-01", to: "" }, new Date("2026-11-30T12:00:00Z"));
    expect(result).toEqual({ ok: false, errors: { from: "The date received from must be today or in the past" } });
  });
});
