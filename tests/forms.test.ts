// How every form is read (app/utils/forms.server.ts): bytes counted as they
// arrive whatever the headers say, a cap on fields, one pass, control
// characters removed and flagged, and nothing the user typed lost.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, parseValues, readForm } from "~/utils/forms.server";
import * as contactsNew from "~/routes/contacts.new";
import { bodyOf, minimalContactForm, request, run, signedIn, statusOf } from "./helpers";

const KB = 1024;

/** A POST whose body arrives in chunks with no Content-Length, as a chunked upload does; counts what was pulled. */
function chunkedPost(chunks: Iterable<string>) {
  const source = chunks[Symbol.iterator]();
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = source.next();
      if (next.done) return controller.close();
      const bytes = new TextEncoder().encode(next.value);
      pulled.bytes += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
  const req = new Request("http://localhost/anything", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    duplex: "half",
  } as RequestInit);
  return { req, pulled };
}

async function thrownStatus(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { status: statusOf(error), message: bodyOf<{ message: string }>(error).message };
  }
  return null;
}

describe("reading a form", () => {
  it("reads fields in one pass: repeated names become lists, date parts are joined", async () => {
    const body = new URLSearchParams([
      ["name", "Ann"],
      ["roles", "LADO"],
      ["roles", "MANAGER"],
      ["when-day", "3"],
      ["when-month", "4"],
      ["when-year", "2026"],
      ["__proto__", "kept as a field"],
    ]);
    const values = await readForm(
      new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body }),
    );
    expect(values).toMatchObject({ name: "Ann", roles: ["LADO", "MANAGER"], when: "2026-04-03" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.hasOwn(values, "__proto__")).toBe(true);
  });

  it("stops reading a chunked body with no Content-Length at the limit: 413, the rest never pulled", async () => {
    // An endless body: 64 KB chunks for ever.
    const endless = (function* () {
      for (;;) yield `a=${"x".repeat(64 * KB - 2)}`;
    })();
    const { req, pulled } = chunkedPost(endless);
    const started = Date.now();
    expect(await thrownStatus(readForm(req))).toEqual({ status: 413, message: "too-large" });
    expect(Date.now() - started).toBeLessThan(2_000);
    // FORM_MAX_KB defaults to 512: no more than one chunk past it was taken (plus the stream's own read-ahead).
    expect(pulled.bytes).toBeLessThan(512 * KB + 3 * 64 * KB);
  });

  it("refuses 50,000 tiny fields well under a second with the 413 answer", async () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `f${i}=`).join("&");
    const req = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const started = performance.now();
    expect(await thrownStatus(readForm(req))).toEqual({ status: 413, message: "too-large" });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a body that is not an urlencoded form with a 400, and a declared oversize one unread", async () => {
    const text = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "a=1" });
    expect(await thrownStatus(readForm(text))).toMatchObject({ status: 400 });
    const declared = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(600 * KB) },
      body: "a=1",
    });
    expect(await thrownStatus(readForm(declared))).toMatchObject({ status: 413 });
  });

  it("reads the body once: a second call (the guard, then the action) gets the same values", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(await readForm(req)).toEqual({ a: "1" });
    expect(await readForm(req)).toEqual({ a: "1" });
  });

  it("removes NUL and other control characters, keeps line breaks and tabs, and flags the field", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Ann\u0000 Smith\u0007", summary: "Line one\r\nLine\ttwo" }),
    });
    const values = await readForm(req);
    expect(values).toEqual({ name: "Ann Smith", summary: "Line one\r\nLine\ttwo" });
    const parsed = parseValues(z.object({ name: z.string(), summary: z.string() }), values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.failure.errors).toEqual({ name: CONTROL_CHARACTER_MESSAGE });
      expect(parsed.failure.values).toEqual(values);
    }
  });
});

describe("control characters in a real form", () => {
  it("gives a staff form with a NUL byte a 400 with the field's message, keeping what was typed, never a 500", async () => {
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const { value, thrown } = await run(
      contactsNew.action,
      request("/contacts/new", {
        caller,
        form: { ...minimalContactForm, summary: "Said the coach\u0000 shouted at a child.\r\nSecond line." },
      }),
    );
    expect(thrown).toBe(false);
    expect(statusOf(value)).toBe(400);
    const body = bodyOf<{ errors: Record<string, string>; values: Record<string, string> }>(value);
    expect(body.errors.summary).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(body.values.summary).toBe("Said the coach shouted at a child.\r\nSecond line.");
  });
});
