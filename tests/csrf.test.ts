// Every staff form carries the session's CSRF token, checked by requireUser
// before the action runs; sign-out is a POST with the same protection. (The
// server's Origin and Sec-Fetch-Site check is in tests/e2e/server-defences.test.ts.)
import { describe, expect, it } from "vitest";
import { currentSession } from "~/auth/session.server";
import { db } from "~/db.server";
import * as newUser from "~/routes/users.new";
import * as signOut from "~/routes/sign-out";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

let made = 0;
/** A new admin account's form, with an email of its own each time. */
const newAdmin = () => ({ name: "Mallory", email: `mallory${++made}@example.org`, roles: ["ADMIN"], password: "twelve chars plus" });

describe("staff forms carry the session's token", () => {
  it.each([
    ["no token", { csrf: "" }],
    ["a forged token", { csrf: "forged" }],
  ])("refuses an admin's POST with %s: 400, and no account is made", async (_, token) => {
    const admin = await signedIn(["ADMIN"]);
    const form = { ...newAdmin(), ...token };
    const { value } = await run(newUser.action, request("/users/new", { caller: admin, form }));
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<{ message: string }>(value).message).toBe("tampered");
    expect(await db.user.count({ where: { email: form.email } })).toBe(0);
  });

  it("refuses another session's token, even another of the same person's sessions", async () => {
    const admin = await signedIn(["ADMIN"]);
    const other = await signedIn(["ADMIN"]);
    const form = { ...newAdmin(), csrf: other.csrf };
    const { value } = await run(newUser.action, request("/users/new", { caller: admin, form }));
    expect(statusOf(value)).toBe(400);
    expect(await db.user.count({ where: { email: form.email } })).toBe(0);
  });

  it("accepts the session's own token", async () => {
    const admin = await signedIn(["ADMIN"]);
    const form = newAdmin();
    const { value } = await run(newUser.action, request("/users/new", { caller: admin, form }));
    expect(statusOf(value)).toBe(302);
    expect(await db.user.count({ where: { email: form.email } })).toBe(1);
  });
});

describe("signing out", () => {
  it("needs the token: a forged sign-out leaves the session alone", async () => {
    const lado = await signedIn(["LADO"]);
    const { value } = await run(signOut.action, request("/sign-out", { caller: lado, form: { csrf: "forged" } }));
    expect(statusOf(value)).toBe(400);
    expect(await currentSession(request("/cases", { caller: lado }))).not.toBeNull();
  });

  it("with the token, revokes the session and clears the cookie", async () => {
    const lado = await signedIn(["LADO"]);
    const { value } = await run(signOut.action, request("/sign-out", { caller: lado, form: {} }));
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Set-Cookie")).toMatch(/lado_session=;.*Max-Age=0/i);
    expect(await currentSession(request("/cases", { caller: lado }))).toBeNull();
    expect(await db.auditEvent.count({ where: { userId: lado.user.id, action: "auth.sign-out" } })).toBe(1);
  });
});
