// The chronology section of a case file: every event of an allegation with
// records of many kinds, in date order (and newest first), filtered by kind
// with a GET query (unknown kinds ignored), the allocation from the audit
// trail, each view and each print audited as case.chronology, and readable
// by anyone who may read the case (business support too).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { londonMoment } from "~/utils/dates";
import * as allocate from "~/routes/cases.$reference_.allocate";
import * as section from "~/routes/cases.$reference.chronology/route";
import * as police from "~/routes/cases.$reference.police/route";
import * as caseFile from "~/routes/cases.$reference/route";
import { caseOfEveryKind } from "./case-records";
import { createCase, createUser } from "./factories";
import { bodyOf, type Caller, dateFields, request, run, signedIn, statusOf } from "./helpers";

type Page = Awaited<ReturnType<typeof section.loader>>;

async function view(caller: Caller, reference: string, query = "") {
  const { value } = await run(section.loader, request(`/cases/${reference}/chronology${query}`, { caller }), { reference });
  expect(statusOf(value)).toBe(200);
  return bodyOf<Page>(value);
}

const titles = (page: Page) => page.entries.map((e) => e.title);

describe("the chronology of a case", () => {
  it("lists every event of the case's records in date order, each linked to its section", async () => {
    const { file } = await caseOfEveryKind();
    const page = await view(await signedIn(["LADO"]), file.reference);
    const expected = [
      "Incident (as referred)",
      "Employer became aware (as referred)",
      // The police's dates keep only the day (their forms ask no time): first on the day the contact came in.
      "Police informed",
      "Contact received: Phone",
      "Allocated to Lee Officer",
      "Initial consideration by Lee Officer",
      "Threshold decision: Advice and guidance by Lee Officer",
      "Referred to children's social care",
      "Document added: pupil-account-1.pdf",
      "Decision revised (revision 2): Allegation against staff or volunteer by Lee Officer",
      "Evaluation (ASV) meeting scheduled",
      "Police investigation opened",
      "Section 47 enquiry started",
      "Suspended",
      "Evaluation (ASV) meeting held",
      "Action added: Send the single central record entry (1)",
      "Employer's investigation agreed",
      "The person told of the allegation",
      "Employer's investigation started",
      "Suspension confirmed in writing",
      "Minutes of the evaluation (ASV) meeting sent",
      "Action done: Send the single central record entry (1)",
      "Police update: Investigating",
      "Reason for delay for April 2026 by Lee Officer",
      "Suspension reviewed",
      "Challenge to the police (Detective sergeant)",
      "Police answered the challenge",
      "Outcome: Substantiated by Lee Officer",
      "Referred to the Teaching Regulation Agency",
      "Outcome letter to the employer by Lee Officer",
      "Document added: outcome-letter-employer.pdf",
      "Email: The outcome of the LADO's enquiries (1)",
      "Closure proposed by Lee Officer",
      "Legal hold placed by Mo Manager",
    ];
    expect(titles(page)).toEqual(expected);
    expect(page.entries.find((e) => e.title === "Suspended")).toMatchObject({ date: "6 March 2026", time: null, section: "employer" });
    expect(page.entries.find((e) => e.title === "Police answered the challenge")).toMatchObject({
      date: "22 April 2026",
      time: null,
      detail: "File with the CPS by the end of the month.",
      section: "police",
    });
    expect(page.entries.find((e) => e.title.startsWith("Decision revised"))?.detail).toContain("the harm threshold is met");

    const newest = await view(await signedIn(["LADO"]), file.reference, "?order=newest");
    expect(titles(newest)).toEqual([...expected].reverse());
  });

  it("shows only the kinds chosen, ignoring kinds it does not know", async () => {
    const { file } = await caseOfEveryKind();
    const page = await view(await signedIn(["MANAGER"]), file.reference, "?kind=police&kind=social-care&kind=nonsense&order=sideways");
    expect(page.query).toEqual({ kind: ["police", "social-care"], order: "oldest", print: false });
    expect(titles(page)).toEqual([
      "Police informed",
      "Referred to children's social care",
      "Police investigation opened",
      "Section 47 enquiry started",
      "Police update: Investigating",
      "Challenge to the police (Detective sergeant)",
      "Police answered the challenge",
    ]);
    const nothingKnown = await view(await signedIn(["MANAGER"]), file.reference, "?kind=nonsense");
    expect(nothingKnown.query.kind).toEqual([]);
    expect(nothingKnown.entries.length).toBeGreaterThan(30);
  });

  it("takes who allocated the case, and when, from the audit trail", async () => {
    const file = await createCase(db, { receivedAt: new Date(Date.now() - 86_400_000) });
    const lado = await createUser(db, { roles: ["LADO"], name: "Ria Allocated" });
    const manager = await signedIn(["MANAGER"]);
    const { value } = await run(
      allocate.action,
      request(`/cases/${file.reference}/allocate`, { caller: manager, form: { intent: "allocate", lado: lado.id } }),
      {
        reference: file.reference,
      },
    );
    expect(statusOf(value)).toBe(302);
    const page = await view(await signedIn(["LADO"]), file.reference, "?kind=triage");
    expect(page.entries.map((e) => [e.title, e.detail])).toContainEqual(["Allocated to Ria Allocated", `By ${manager.user.name}`]);
  });

  it("shows the days the police's and the outcome's forms ask for as days, not as midnight, in summer time too", async () => {
    // Last July (British Summer Time: London midnight is 11pm UTC the day before).
    const now = new Date();
    const year = now.getUTCMonth() > 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const july = (day: number) => `${year}-07-${String(day).padStart(2, "0")}`;
    const file = await createCase(db, {
      receivedAt: londonMoment(july(2), 9 * 60),
      decisions: [{ category: "ALLEGATION" }],
      outcome: { outcome: "UNFOUNDED", decidedAt: londonMoment(july(20)) },
    });
    const lado = await signedIn(["LADO"]);
    const post = (form: Record<string, string>) =>
      run(police.action, request(`/cases/${file.reference}/police`, { caller: lado, form }), { reference: file.reference });
    const involvement = {
      intent: "involvement",
      version: "0",
      status: "INVESTIGATING",
      ...dateFields("informedAt", july(10)),
      ...dateFields("openedAt", july(11)),
    };
    expect(statusOf((await post(involvement)).value)).toBe(302);
    const update = {
      intent: "update",
      ...dateFields("updateDate", july(15)),
      updateStatus: "ON_BAIL",
      updateNote: "Released on bail pending the forensic examination.",
    };
    expect(statusOf((await post(update)).value)).toBe(302);

    const page = await view(lado, file.reference, "?kind=police&kind=outcome");
    const shown = page.entries.map((e) => [e.title, e.date, e.time]);
    expect(shown).toEqual([
      ["Police informed", `10 July ${year}`, null],
      ["Police investigation opened", `11 July ${year}`, null],
      ["Police update: On bail", `15 July ${year}`, null],
      ["Outcome: Unfounded", `20 July ${year}`, null],
    ]);
  });

  it("audits each view and each print as case.chronology, with the filter", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    await view(lado, file.reference, "?kind=meetings");
    const printed = await view(lado, file.reference, "?kind=meetings&order=newest&print=1");
    expect(printed.query.print).toBe(true);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "case.chronology" }, orderBy: { id: "asc" } });
    expect(events.map((e) => ({ userId: e.userId, subjectType: e.subjectType, subjectId: e.subjectId, details: e.details }))).toEqual([
      {
        userId: lado.user.id,
        subjectType: "case",
        subjectId: file.id,
        details: { section: "chronology", kinds: ["meetings"], order: "oldest", printed: false },
      },
      {
        userId: lado.user.id,
        subjectType: "case",
        subjectId: file.id,
        details: { section: "chronology", kinds: ["meetings"], order: "newest", printed: true },
      },
    ]);
  });

  it("is a section of every case, which business support may read (but not export)", async () => {
    const file = await createCase(db);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const page = await view(support, file.reference);
    expect(titles(page).some((t) => t.startsWith("Contact received"))).toBe(true);
    type Header = { sections: { slug: string }[]; may: { export: boolean } };
    const header = async (caller: Caller) =>
      bodyOf<Header>((await run(caseFile.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference })).value);
    expect((await header(support)).sections.map((s) => s.slug)).toContain("chronology");
    expect((await header(support)).may.export).toBe(false);
    expect((await header(await signedIn(["LADO"]))).may.export).toBe(true);
  });
});
