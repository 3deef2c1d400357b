// Staff sign-in, sessions and sign-out, through the real routes and database.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { currentSession } from "~/auth/session.server";
import * as signIn from "~/routes/sign-in";
import * as signOut from "~/routes/sign-out";
import * as casesIndex from "~/routes/cases._index";
import { createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

const PASSWORD = "a long enough password 2026";

async function attempt(email: string, password: string) {
  const { value } = await run(signIn.action, request("/sign-in", { form: { email, password, returnTo: "/cases?page=2" } }));
  return value;
}

describe("sign-in", () => {
  it("signs in with the right password: session row, httpOnly lax cookie, audit event, back to where they were", async () => {
    const user = await createUser(db, { roles: ["LADO"], email: "officer@example.org", password: PASSWORD });
    const res = (await attempt("  Officer@Example.org ", PASSWORD)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/cases?page=2");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^lado_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { userId: user.id, action: "auth.sign-in" } })).toBe(1);
    const session = await currentSession(request("/cases", { cookie: cookie.split(";")[0] }));
    expect(session?.user.id).toBe(user.id);
  });

  it("gives one generic message for a wrong password and for an unknown email", async () => {
    await createUser(db, { roles: ["LADO"], email: "known@example.org", password: PASSWORD });
    const wrong = await attempt("known@example.org", "not the password");
    const unknown = await attempt("nobody@example.org", "not the password");
    expect(statusOf(wrong)).toBe(400);
    expect(statusOf(unknown)).toBe(400);
    const errors = (v: unknown) => bodyOf<{ errors: Record<string, string> }>(v).errors;
    expect(errors(wrong)).toEqual({ email: "Enter a correct email address and password" });
    expect(errors(unknown)).toEqual(errors(wrong));
  });

  it("keeps the email typed and never the password when a field is missing", async () => {
    const result = await attempt("someone@example.org", "");
    expect(statusOf(result)).toBe(400);
    expect(bodyOf(result)).toEqual({ errors: { password: "Enter your password" }, values: { email: "someone@example.org" } });
  });

  it("pauses sign-in after repeated failures, for real and unknown accounts alike", async () => {
    await createUser(db, { roles: ["LADO"], email: "target@example.org", password: PASSWORD });
    for (const email of ["target@example.org", "ghost@example.org"]) {
      for (let i = 0; i < 5; i++) await attempt(email, "wrong");
      const locked = bodyOf<{ errors: Record<string, string> }>(await attempt(email, email === "target@example.org" ? PASSWORD : "x"));
      expect(locked.errors.email).toMatch(/^Too many failed attempts\. Try again after \d{1,2}:\d\d(am|pm)\.$/);
    }
  });

  it("does not follow a returnTo that leaves the site", async () => {
    await createUser(db, { roles: ["LADO"], email: "safe@example.org", password: PASSWORD });
    const { value } = await run(
      signIn.action,
      request("/sign-in", { form: { email: "safe@example.org", password: PASSWORD, returnTo: "//evil.example/x" } }),
    );
    expect((value as Response).headers.get("Location")).toBe("/cases");
  });
});

describe("sessions", () => {
  it("treats a tampered cookie as signed out, never an error", async () => {
    const { cookie } = await signedIn(["LADO"]);
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const { value } = await run(casesIndex.loader, request("/cases", { cookie: tampered }));
    expect(statusOf(value)).toBe(302);
    const garbage = await run(casesIndex.loader, request("/cases", { cookie: "lado_session=%%%not-base64" }));
    expect(statusOf(garbage.value)).toBe(302);
  });

  it("ends a session idle for longer than the idle timeout", async () => {
    const caller = await signedIn(["LADO"]);
    await db.session.updateMany({ where: { userId: caller.user.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(statusOf((await run(casesIndex.loader, request("/cases", { caller }))).value)).toBe(302);
  });

  it("ends a session past its absolute lifetime even if active", async () => {
    const caller = await signedIn(["LADO"]);
    await db.session.updateMany({ where: { userId: caller.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(statusOf((await run(casesIndex.loader, request("/cases", { caller }))).value)).toBe(302);
  });

  it("sign-out revokes the session in the database, so the old cookie no longer works", async () => {
    const caller = await signedIn(["MANAGER"]);
    const out = (await run(signOut.action, request("/sign-out", { caller, form: {} }))).value as Response;
    expect(out.headers.get("Location")).toBe("/sign-in");
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    const row = await db.session.findFirst({ where: { userId: caller.user.id } });
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(statusOf((await run(casesIndex.loader, request("/cases", { caller }))).value)).toBe(302);
    expect(await db.auditEvent.count({ where: { userId: caller.user.id, action: "auth.sign-out" } })).toBe(1);
  });

  it("reads the session once per request, however many loaders ask", async () => {
    const caller = await signedIn(["LADO"]);
    const req = request("/cases", { caller });
    expect(currentSession(req)).toBe(currentSession(req));
    expect(currentSession(request("/cases", { caller }))).not.toBe(currentSession(req));
    expect((await currentSession(req))?.user.id).toBe(caller.user.id);
  });

  it("signs out a deactivated user at once", async () => {
    const caller = await signedIn(["LADO"]);
    await db.user.update({ where: { id: caller.user.id }, data: { active: false } });
    expect(statusOf((await run(casesIndex.loader, request("/cases", { caller }))).value)).toBe(302);
  });
});
