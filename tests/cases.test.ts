// The case list, and the case file: a layout with a header and a section
// navigation around sections, each read on its own and audited once.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as caseFile from "~/routes/cases.$reference/route";
import * as summary from "~/routes/cases.$reference._index/route";
import * as caseTrail from "~/routes/cases.$reference.audit-trail/route";
import * as closure from "~/routes/cases.$reference.closure/route";
import * as adviceSection from "~/routes/cases.$reference.advice/route";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import * as documents from "~/routes/cases.$reference.documents/route";
import * as emails from "~/routes/cases.$reference.emails/route";
import * as employer from "~/routes/cases.$reference.employer/route";
import * as meetings from "~/routes/cases.$reference.meetings/route";
import * as outcome from "~/routes/cases.$reference.outcome/route";
import * as informing from "~/routes/cases.$reference.informing/route";
import * as police from "~/routes/cases.$reference.police/route";
import * as priorHistory from "~/routes/cases.$reference.prior-history/route";
import * as referral from "~/routes/cases.$reference.referral/route";
import * as chronology from "~/routes/cases.$reference.chronology/route";
import * as casesIndex from "~/routes/cases._index";
import { createCase } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

const sections = [
  ["summary", summary],
  ["referral", referral],
  ["prior-history", priorHistory],
  ["decisions", decisions],
  ["advice", adviceSection],
  ["meetings", meetings],
  ["police", police],
  ["informing", informing],
  ["employer", employer],
  ["outcome", outcome],
  ["closure", closure],
  ["chronology", chronology],
  ["documents", documents],
  ["emails", emails],
] as const;

/** A case well into the allegation process, so that every section has something to show. */
const allegation = () =>
  createCase(db, {
    decisions: [{ category: "ADVICE" }, { category: "ALLEGATION" }],
    meetings: [{ type: "EVALUATION" }],
    police: { status: "INVESTIGATING" },
    section47: { held: false },
    employerAction: { suspended: true },
    outcome: { outcome: "UNSUBSTANTIATED" },
    closures: [{}],
  });

describe("the case file", () => {
  it.each(sections)("the %s section reads its part of the case and records one view naming the section", async (section, route) => {
    const file = await allegation();
    const caller = await signedIn(["LADO"]);
    const path = section === "summary" ? `/cases/${file.reference}` : `/cases/${file.reference}/${section}`;
    const req = request(path, { caller });
    req.headers.set("X-Request-Id", "0b6b7c1e-8f0a-4d52-9a8e-2f9d3c1b4a55");
    const { value, thrown } = await run(route.loader, req, { reference: file.reference });
    expect(thrown).toBe(false);
    expect(bodyOf<{ reference: string }>(value).reference).toBe(file.reference);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      // The chronology's views (and prints) have their own action, with its filter in the details.
      action: section === "chronology" ? "case.chronology" : "case.view",
      userId: caller.user.id,
      subjectType: "case",
      subjectId: file.id,
      requestId: "0b6b7c1e-8f0a-4d52-9a8e-2f9d3c1b4a55",
      details: { section },
    });
  });

  it("the header says who, where the case stands and who has it, and offers the sections the case has", async () => {
    const file = await allegation();
    const caller = await signedIn(["LADO"]);
    const { value } = await run(caseFile.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference });
    const header = bodyOf<{ reference: string; stage: string; subject: string; sections: { slug: string }[] }>(value);
    expect(header).toMatchObject({ reference: file.reference, stage: "CLOSURE_PROPOSED" });
    expect(header.subject).not.toBe("");
    // A LADO sees the allegation's sections but not the audit trail; the header itself records no view.
    expect(header.sections.map((s) => s.slug)).toEqual([
      "",
      "referral",
      "prior-history",
      "decisions",
      "meetings",
      "police",
      "informing",
      "employer",
      "outcome",
      "closure",
      "chronology",
      "documents",
      "emails",
    ]);
    expect(await db.auditEvent.count({ where: { caseId: file.id } })).toBe(0);
    // Advice only: no allegation sections; a manager also sees the audit trail.
    const advice = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const manager = await signedIn(["MANAGER"]);
    const shown = bodyOf<{ sections: { slug: string }[] }>(
      (await run(caseFile.loader, request(`/cases/${advice.reference}`, { caller: manager }), { reference: advice.reference })).value,
    );
    expect(shown.sections.map((s) => s.slug)).toEqual([
      "",
      "referral",
      "prior-history",
      "decisions",
      "advice",
      "chronology",
      "documents",
      "emails",
      "audit-trail",
    ]);
  });

  it("flags at the top of every section a contact whose referrer said a child was in immediate danger", async () => {
    const file = await createCase(db, { childInImmediateDanger: true, receivedAt: new Date() });
    const caller = await signedIn(["LADO"]);
    const { value } = await run(caseFile.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference });
    const { flags } = bodyOf<{ flags: { text: string; urgent: boolean }[] }>(value);
    expect(flags[0]).toEqual({ text: "Child in immediate danger when referred", urgent: true });
  });

  it("answers 404 for an unknown or malformed reference, and records nothing", async () => {
    const caller = await signedIn(["LADO"]);
    for (const reference of ["LADO-1999-99999", "x".repeat(200), "LADO\u0000"]) {
      for (const route of [caseFile, summary, referral]) {
        const { thrown, value } = await run(route.loader, request(`/cases/${encodeURIComponent(reference)}`, { caller }), { reference });
        expect(thrown).toBe(true);
        expect(statusOf(value)).toBe(404);
      }
    }
    expect(await db.auditEvent.count({ where: { userId: caller.user.id } })).toBe(0);
  });

  it("refuses a role without access before looking the case up: 403 for a real case and a made-up one alike", async () => {
    const file = await createCase(db);
    const auditor = await signedIn(["AUDITOR"]);
    for (const reference of [file.reference, "LADO-1999-99999"]) {
      const { value } = await run(summary.loader, request(`/cases/${reference}`, { caller: auditor }), { reference });
      expect(statusOf(value)).toBe(403);
    }
    expect(await db.auditEvent.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("lets a manager see who viewed the case, recording that too", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    await run(referral.loader, request(`/cases/${file.reference}/referral`, { caller: lado }), { reference: file.reference });
    const manager = await signedIn(["MANAGER"]);
    const { value } = await run(caseTrail.loader, request(`/cases/${file.reference}/audit-trail`, { caller: manager }), {
      reference: file.reference,
    });
    const trail = bodyOf<{ events: { label: string; user: { name: string } | null }[] }>(value);
    expect(trail.events.map((e) => [e.label, e.user?.name])).toEqual([["Viewed case", lado.user.name]]);
    expect(await db.auditEvent.findMany({ where: { caseId: file.id, userId: manager.user.id } })).toMatchObject([
      { action: "audit-trail.view-case", subjectType: "case", subjectId: file.id },
    ]);
    // A LADO may not.
    const refused = await run(caseTrail.loader, request(`/cases/${file.reference}/audit-trail`, { caller: lado }), {
      reference: file.reference,
    });
    expect(statusOf(refused.value)).toBe(403);
  });
});

describe("case list", () => {
  it("lists cases newest first and finds one by reference", async () => {
    const older = await createCase(db, { receivedAt: new Date("2025-05-01T10:00:00Z") });
    const newer = await createCase(db, { receivedAt: new Date("2026-05-01T10:00:00Z") });
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const all = bodyOf<{ cases: { reference: string }[] }>((await run(casesIndex.loader, request("/cases", { caller }))).value);
    const order = all.cases.map((c) => c.reference).filter((r) => r === newer.reference || r === older.reference);
    expect(order).toEqual([newer.reference, older.reference]);
    const found = bodyOf<{ cases: { reference: string }[] }>(
      (await run(casesIndex.loader, request(`/cases?q=${older.reference.toLowerCase()}`, { caller }))).value,
    );
    expect(found.cases.map((c) => c.reference)).toEqual([older.reference]);
  });

  it.each([
    ["a NUL byte", "%00", /control characters/],
    ["a line break", "Smith%0D%0ABcc", /control characters/],
    ["500 characters", "x".repeat(500), /100 characters or fewer/],
  ])("refuses a search with %s with a 400 and a message by the search box, not an error page", async (_, q, message) => {
    const caller = await signedIn(["LADO"]);
    const { value, thrown } = await run(casesIndex.loader, request(`/cases?q=${q}`, { caller }));
    expect(thrown).toBe(false);
    expect(statusOf(value)).toBe(400);
    const body = bodyOf<{ error: string; query: { q: string }; cases: unknown[] }>(value);
    expect(body.error).toMatch(message);
    expect(body.query.q).not.toMatch(/\p{Cc}/u);
    expect(body.cases).toEqual([]);
  });
});

describe("audit trail", () => {
  // The app's database role may only read and add events; even the owner is
  // stopped by a trigger (tests/database-roles.test.ts).
  it("cannot be changed or deleted, even directly in the database", async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    await run(summary.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference });
    await expect(db.auditEvent.updateMany({ data: { action: "edited" } })).rejects.toThrow(/permission denied for table AuditEvent/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/permission denied for table AuditEvent/);
  });
});

describe("case references", () => {
  it("are unique and sequential under concurrent creation, and never reused", async () => {
    const receivedAt = new Date("2026-06-01T09:00:00Z");
    const made = await Promise.all(Array.from({ length: 12 }, () => createCase(db, { receivedAt })));
    const numbers = made.map((c) => Number(c.reference.split("-")[2])).sort((a, b) => a - b);
    expect(new Set(made.map((c) => c.reference)).size).toBe(12);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numbers[0]! + i));
    expect(made[0]!.reference).toMatch(/^LADO-2026-\d{5}$/);
  });
});
