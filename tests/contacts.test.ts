// Staff log a contact received by phone, email, letter or in person.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { londonDay } from "~/utils/dates";
import * as logContact from "~/routes/contacts.new";
import { bodyOf, minimalContactForm, request, run, signedIn, statusOf } from "./helpers";

const minimal = minimalContactForm;

describe("logging a contact", () => {
  it("starts with today's date and the time now, in London", async () => {
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await run(logContact.loader, request("/contacts/new", { caller: support }));
    const { values } = bodyOf<{ values: Record<string, string> }>(value);
    const [y, m, d] = londonDay(new Date()).split("-").map(Number);
    expect(values).toMatchObject({ "receivedDate-day": String(d), "receivedDate-month": String(m), "receivedDate-year": String(y) });
    expect(values.receivedTime).toMatch(/^\d\d:\d\d$/);
  });

  it("needs only the source, when it came in and a summary, and records advice with no named professional", async () => {
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await run(logContact.action, request("/contacts/new", { caller: support, form: minimal }));
    expect(statusOf(value)).toBe(302);
    const reference = (value as Response).headers.get("Location")!.replace("/cases/", "");
    const file = await db.case.findUniqueOrThrow({
      where: { reference },
      include: { subject: true, referrer: true, auditEvents: true, messages: true },
    });
    expect(file).toMatchObject({ source: "PHONE", loggedById: support.user.id, namedProfessional: false, summary: minimal.summary });
    // 16:45 on 20 November is GMT: 16:45 UTC.
    expect(file.receivedAt.toISOString()).toBe("2026-11-20T16:45:00.000Z");
    expect(file.auditEvents).toMatchObject([{ action: "contact.log", userId: support.user.id }]);
    expect(file.messages.map((m) => m.template)).toEqual(["referral-team-alert"]);
  });

  it("reads a summer time as British Summer Time", async () => {
    const lado = await signedIn(["LADO"]);
    const form = { ...minimal, "receivedDate-day": "1", "receivedDate-month": "7", receivedTime: "9.30" };
    const { value } = await run(logContact.action, request("/contacts/new", { caller: lado, form }));
    const reference = (value as Response).headers.get("Location")!.replace("/cases/", "");
    expect((await db.case.findUniqueOrThrow({ where: { reference } })).receivedAt.toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  it("shows every missing required answer at once and keeps what was typed", async () => {
    const lado = await signedIn(["LADO"]);
    const { value } = await run(
      logContact.action,
      request("/contacts/new", {
        caller: lado,
        form: {
          referrerName: "Sam Patel",
          receivedTime: "25:00",
          "receivedDate-day": "31",
          "receivedDate-month": "2",
          "receivedDate-year": "2026",
        },
      }),
    );
    expect(statusOf(value)).toBe(400);
    const { errors, values } = bodyOf<{ errors: Record<string, string>; values: Record<string, string> }>(value);
    expect(errors).toMatchObject({
      source: "Choose how the contact came in",
      receivedDate: "Date received must be a real date, like 27 3 2026",
      receivedTime: "Enter the time received in 24-hour format, like 14:30",
      childInImmediateDanger: "Say whether a child is in immediate danger",
      namedProfessional: "Say whether you can give the person's name",
      summary: "Describe what happened",
    });
    expect(values.referrerName).toBe("Sam Patel");
  });

  it("refuses a time in the future", async () => {
    const lado = await signedIn(["LADO"]);
    const future = new Date(Date.now() + 2 * 86_400_000);
    const form = {
      ...minimal,
      "receivedDate-day": String(future.getUTCDate()),
      "receivedDate-month": String(future.getUTCMonth() + 1),
      "receivedDate-year": String(future.getUTCFullYear()),
    };
    const { value } = await run(logContact.action, request("/contacts/new", { caller: lado, form }));
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(value).errors.receivedDate).toBe("Date received must be today or in the past");
  });

  it("refuses an oversized form with a clear 413, before reading it", async () => {
    const lado = await signedIn(["LADO"]);
    const req = request("/contacts/new", { caller: lado, form: { ...minimal, summary: "x".repeat(600 * 1024) } });
    req.headers.set("Content-Length", String(600 * 1024 + 500));
    const { thrown, value } = await run(logContact.action, req);
    expect(thrown).toBe(true);
    expect(statusOf(value)).toBe(413);
  });
});
