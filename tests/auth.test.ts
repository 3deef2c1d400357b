// Staff sign-in, sessions and sign-out, through the real routes and database.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { currentSession } from "~/auth/session.server";
import { deleteStaleSignInThrottles, takeSignInAttempt, throttleKeys } from "~/auth/sign-in-throttle.server";
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

  it("does not follow a returnTo that leaves the site", async () => {
    await createUser(db, { roles: ["LADO"], email: "safe@example.org", password: PASSWORD });
    const { value } = await run(
      signIn.action,
      request("/sign-in", { form: { email: "safe@example.org", password: PASSWORD, returnTo: "//evil.example/x" } }),
    );
    // Home instead: a LADO's is My work (tests/home.test.ts has every role's).
    expect((value as Response).headers.get("Location")).toBe("/my-work");
  });
});

describe("sign-in throttling", () => {
  // Defaults: 5 free attempts per account, then 1 s doubling to 60 s; 20 per address, then up to 15 minutes.
  const START = new Date("2026-03-09T09:00:00Z");
  const OFFICE = "192.0.2.10";

  beforeEach(async () => {
    await db.signInThrottle.deleteMany();
    // Only Date is faked: the clock stands still unless a test moves it, and timers and I/O run as usual.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function attemptFrom(address: string, email: string, password: string) {
    const req = request("/sign-in", { form: { email, password } });
    req.headers.set("x-client-address", address); // as the server sets it
    return (await run(signIn.action, req)).value;
  }
  const message = (value: unknown) => bodyOf<{ errors: Record<string, string> }>(value).errors.email;
  const failuresOf = async (key: string) => (await db.signInThrottle.findUnique({ where: { key } }))?.failures;
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms);
  /** Moves the clock to when the key may next be tried. */
  async function waitFor(key: string) {
    vi.setSystemTime((await db.signInThrottle.findUniqueOrThrow({ where: { key } })).nextAttemptAt);
  }
  /** Failed sign-ins whose password was checked (a throttled attempt is recorded with `throttled`). */
  async function passwordsChecked() {
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign-in-failed" }, select: { details: true } });
    return events.filter((e) => !(e.details as { throttled?: boolean }).throttled).length;
  }

  it("counts 50 parallel wrong passwords exactly, and checks only the free attempts and one more", async () => {
    await createUser(db, { roles: ["LADO"], email: "burst@example.org", password: PASSWORD });
    const before = await passwordsChecked();
    // From 50 addresses, so the account's count is the one tested.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attemptFrom(`198.51.100.${i}`, "burst@example.org", "wrong")));
    const statuses = results.map(statusOf);
    expect(statuses.filter((s) => s === 400)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(44);
    expect((await passwordsChecked()) - before).toBe(6);
    // Six attempts were made (checked); the 44 refused cost nothing and counted nothing.
    expect(await failuresOf("account:burst@example.org")).toBe(6);
    const addresses = await db.signInThrottle.findMany({ where: { key: { startsWith: "address:198.51.100." } } });
    expect(addresses.map((a) => a.failures).sort()).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("refuses the right password after 39 parallel wrong ones while the delay runs, and lets it in after", async () => {
    await createUser(db, { roles: ["LADO"], email: "raced@example.org", password: PASSWORD });
    const wrong = await Promise.all(Array.from({ length: 39 }, () => attemptFrom(OFFICE, "raced@example.org", "wrong")));
    expect(wrong.map(statusOf).filter((s) => s === 400)).toHaveLength(6);
    const refused = await attemptFrom(OFFICE, "raced@example.org", PASSWORD);
    expect(statusOf(refused)).toBe(429);
    expect(message(refused)).toBe("Too many attempts to sign in. Wait 1 second and try again.");
    expect(new Headers((refused as { init: ResponseInit }).init.headers).get("Retry-After")).toBe("1");
    expect(bodyOf(refused)).toMatchObject({ values: { email: "raced@example.org" } });
    later(1000);
    expect(statusOf(await attemptFrom(OFFICE, "raced@example.org", PASSWORD))).toBe(302);
  });

  it("doubles the delay after the free attempts up to the cap, for real and unknown accounts alike", async () => {
    await createUser(db, { roles: ["LADO"], email: "target@example.org", password: PASSWORD });
    for (const [email, address] of [
      ["target@example.org", "192.0.2.21"],
      ["ghost@example.org", "192.0.2.22"],
    ] as const) {
      // Tries again at once after every checked attempt, and as soon as allowed after every refusal.
      const waits: string[] = [];
      let checked = 0;
      while (waits.length < 8) {
        const result = await attemptFrom(address, email, "wrong");
        if (statusOf(result) === 400) {
          checked++;
          continue;
        }
        waits.push(message(result).replace(/^Too many attempts to sign in\. Wait (.+) and try again\.$/, "$1"));
        await waitFor(`account:${email}`);
      }
      expect(checked).toBe(13);
      expect(waits).toEqual(["1 second", "2 seconds", "4 seconds", "8 seconds", "16 seconds", "32 seconds", "1 minute", "1 minute"]);
    }
  });

  it("lets an officer in within the cap however often a colleague types their email wrongly", async () => {
    await createUser(db, { roles: ["LADO"], email: "named.officer@example.org", password: PASSWORD });
    // Fifteen typos, each as soon as it is allowed: the wait never passes a minute.
    for (let i = 0; i < 15; i++) {
      await waitFor("account:named.officer@example.org").catch(() => {}); // no row before the first
      expect(statusOf(await attemptFrom("192.0.2.31", "named.officer@example.org", "typo"))).toBe(400);
      const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: "account:named.officer@example.org" } });
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    }
    const refused = await attemptFrom("192.0.2.32", "named.officer@example.org", PASSWORD);
    expect(message(refused)).toBe("Too many attempts to sign in. Wait 1 minute and try again.");
    later(60_000);
    expect(statusOf(await attemptFrom("192.0.2.32", "named.officer@example.org", PASSWORD))).toBe(302);
    expect(await failuresOf("account:named.officer@example.org")).toBeUndefined();
  });

  it("throttles one address trying many different emails, and no other address", async () => {
    const emails = Array.from({ length: 23 }, (_, i) => `guess${i}@example.org`);
    for (const email of emails.slice(0, 21)) expect(statusOf(await attemptFrom("203.0.113.9", email, "wrong"))).toBe(400);
    const refused = await attemptFrom("203.0.113.9", emails[21]!, "wrong");
    expect(statusOf(refused)).toBe(429);
    expect(message(refused)).toBe("Too many attempts to sign in. Wait 1 second and try again.");
    expect(await failuresOf(`account:${emails[21]}`)).toBeUndefined(); // a refused attempt counts nowhere
    expect(statusOf(await attemptFrom("203.0.113.10", emails[21]!, "wrong"))).toBe(400);

    later(1000);
    expect(statusOf(await attemptFrom("203.0.113.9", emails[22]!, "wrong"))).toBe(400);
    expect(message(await attemptFrom("203.0.113.9", emails[0]!, "wrong"))).toBe(
      "Too many attempts to sign in. Wait 2 seconds and try again.",
    );
    expect(await failuresOf("address:203.0.113.9")).toBe(22);
  });

  it("starts the account afresh on success and gives the address its attempt back", async () => {
    await createUser(db, { roles: ["LADO"], email: "forgetful@example.org", password: PASSWORD });
    for (let i = 0; i < 3; i++) await attemptFrom(OFFICE, "forgetful@example.org", "wrong");
    expect(await failuresOf("account:forgetful@example.org")).toBe(3);
    expect(await failuresOf(`address:${OFFICE}`)).toBe(3);
    expect(statusOf(await attemptFrom(OFFICE, "forgetful@example.org", PASSWORD))).toBe(302);
    expect(await failuresOf("account:forgetful@example.org")).toBeUndefined();
    expect(await failuresOf(`address:${OFFICE}`)).toBe(3);
  });

  it("never delays an office of staff signing in from one address", async () => {
    // More staff than the address's 20 free attempts, sharing one hash to keep the test quick.
    const { passwordHash } = await createUser(db, { roles: ["LADO"], email: "staff0@example.org", password: PASSWORD });
    const emails = Array.from({ length: 25 }, (_, i) => `staff${i}@example.org`);
    await db.user.createMany({ data: emails.slice(1).map((email) => ({ email, name: email, roles: ["LADO"], passwordHash })) });
    for (const email of emails) expect(statusOf(await attemptFrom(OFFICE, email, PASSWORD))).toBe(302);
    expect(await failuresOf(`address:${OFFICE}`)).toBe(0);
  });

  it("deletes rows once their count has lapsed: 15 minutes for an account, 30 for an address", async () => {
    const at = (minutesAgo: number) => new Date(START.getTime() - minutesAgo * 60_000);
    await db.signInThrottle.createMany({
      data: [
        { key: "account:kept@example.org", failures: 2, lastFailedAt: at(14), nextAttemptAt: at(14) },
        { key: "account:lapsed@example.org", failures: 9, lastFailedAt: at(15), nextAttemptAt: at(14) },
        { key: "address:192.0.2.41", failures: 30, lastFailedAt: at(29), nextAttemptAt: at(14) },
        { key: "address:192.0.2.42", failures: 30, lastFailedAt: at(30), nextAttemptAt: at(15) },
      ],
    });
    expect(await deleteStaleSignInThrottles(START)).toBe(2);
    expect((await db.signInThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "account:kept@example.org",
      "address:192.0.2.41",
    ]);
  });

  it("counts an attempt that read the clock just before one already counted, rather than refusing it", async () => {
    // Parallel requests read the clock, then queue for the database: the later reading may be counted first.
    const keys = throttleKeys("skew@example.org", "192.0.2.61");
    expect(await takeSignInAttempt(keys, new Date(START.getTime() + 5))).toEqual({ allowed: true, accountFailures: 1 });
    expect(await takeSignInAttempt(keys, START)).toEqual({ allowed: true, accountFailures: 2 });
  });

  it("starts a key's count again after a quiet spell", async () => {
    for (let i = 0; i < 6; i++) await attemptFrom("192.0.2.51", "quiet@example.org", "wrong");
    expect(await failuresOf("account:quiet@example.org")).toBe(6);
    later(15 * 60_000);
    expect(statusOf(await attemptFrom("192.0.2.51", "quiet@example.org", "wrong"))).toBe(400);
    expect(await failuresOf("account:quiet@example.org")).toBe(1);
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
