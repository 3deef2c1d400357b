// The case list, the case page and its audit trail.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as casePage from "~/routes/cases.$reference";
import * as caseTrail from "~/routes/cases.$reference.audit";
import * as casesIndex from "~/routes/cases._index";
import { createCase } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

describe("case page", () => {
  it("shows the case and writes a case.view audit event with who, when and the request id", async () => {
    const file = await createCase(db);
    const caller = await signedIn(["LADO"]);
    const req = request(`/cases/${file.reference}`, { caller });
    req.headers.set("X-Request-Id", "0b6b7c1e-8f0a-4d52-9a8e-2f9d3c1b4a55");
    const { value } = await run(casePage.loader, req, { reference: file.reference });
    expect(bodyOf<{ file: { reference: string } }>(value).file.reference).toBe(file.reference);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "case.view" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: caller.user.id, requestId: "0b6b7c1e-8f0a-4d52-9a8e-2f9d3c1b4a55" });
  });

  it("answers 404 for an unknown reference, and records nothing", async () => {
    const caller = await signedIn(["LADO"]);
    const { thrown, value } = await run(casePage.loader, request("/cases/LADO-1999-99999", { caller }), { reference: "LADO-1999-99999" });
    expect(thrown).toBe(true);
    expect(statusOf(value)).toBe(404);
    expect(await db.auditEvent.count({ where: { userId: caller.user.id, action: "case.view" } })).toBe(0);
  });

  it("lets a manager see who viewed the case", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    await run(casePage.loader, request(`/cases/${file.reference}`, { caller: lado }), { reference: file.reference });
    const manager = await signedIn(["MANAGER"]);
    const { value } = await run(caseTrail.loader, request(`/cases/${file.reference}/audit`, { caller: manager }), {
      reference: file.reference,
    });
    const trail = bodyOf<{ events: { label: string; user: { name: string } | null }[] }>(value);
    expect(trail.events.map((e) => [e.label, e.user?.name])).toContainEqual(["Viewed case", lado.user.name]);
  });
});

describe("case list", () => {
  it("lists cases newest first and finds one by reference", async () => {
    const older = await createCase(db, { receivedAt: new Date("2025-05-01T10:00:00Z") });
    const newer = await createCase(db, { receivedAt: new Date("2026-05-01T10:00:00Z") });
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const all = bodyOf<{ cases: { reference: string }[]; total: number }>(
      (await run(casesIndex.loader, request("/cases", { caller }))).value,
    );
    const order = all.cases.map((c) => c.reference).filter((r) => r === newer.reference || r === older.reference);
    expect(order).toEqual([newer.reference, older.reference]);
    const found = bodyOf<{ cases: { reference: string }[] }>(
      (await run(casesIndex.loader, request(`/cases?q=${older.reference.toLowerCase()}`, { caller }))).value,
    );
    expect(found.cases.map((c) => c.reference)).toEqual([older.reference]);
  });

  it("ignores a malformed page number instead of failing", async () => {
    const caller = await signedIn(["LADO"]);
    const { value } = await run(casesIndex.loader, request("/cases?page=-3", { caller }));
    expect(statusOf(value)).toBe(200);
    expect(bodyOf<{ query: { page: number } }>(value).query.page).toBe(1);
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
    await run(casePage.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference });
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
