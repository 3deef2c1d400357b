// Outbound email: queued in the transaction, delivered through GOV.UK Notify
// (faked with msw), retried with back-off, failed after the last attempt, kept
// in the outbox with no key; and the staff page that shows it all.
import { randomUUID } from "node:crypto";
import { http, HttpResponse, delay } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConsoleErrors, http as notifyApi } from "./setup-file";

// env() reads process.env once, on first use: set the Notify key before any
// app module is loaded (they are imported dynamically below for that reason).
const SERVICE_ID = randomUUID();
const API_KEY = `lado_test-${SERVICE_ID}-${randomUUID()}`;
const TEMPLATE_ID = randomUUID();
process.env.NOTIFY_API_KEY = API_KEY;
process.env.NOTIFY_TEMPLATE_ID = TEMPLATE_ID;

const { env } = await import("~/config/env.server");
const { db } = await import("~/db.server");
const outbox = await import("~/messages/outbox.server");
const outboxPage = await import("~/routes/outbox");
const caseEmails = await import("~/routes/cases.$reference.emails/route");
const { createCase } = await import("./factories");
const { bodyOf, minimalContactForm, request, run, signedIn, statusOf } = await import("./helpers");

const NOTIFY_URL = "https://api.notifications.service.gov.uk/v2/notifications/email";
const MINUTE = 60_000;

type NotifyRequest = {
  template_id: string;
  email_address: string;
  personalisation: { subject: string; body: string };
  reference: string;
};

/** Fakes Notify: `answer` decides each response; every request is kept. */
function fakeNotify(answer: (body: NotifyRequest, n: number) => Response | Promise<Response> = () => created()) {
  const requests: { body: NotifyRequest; authorization: string | null }[] = [];
  notifyApi.use(
    http.post(NOTIFY_URL, async ({ request: req }) => {
      const body = (await req.json()) as NotifyRequest;
      requests.push({ body, authorization: req.headers.get("Authorization") });
      return answer(body, requests.length);
    }),
  );
  return requests;
}

const created = (id: string = randomUUID()) =>
  HttpResponse.json(
    {
      id,
      reference: null,
      content: { body: "…", subject: "…", from_email: "lado@notifications.service.gov.uk" },
      uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
      template: { id: TEMPLATE_ID, version: 1, uri: "https://api.notifications.service.gov.uk/v2/template/x" },
    },
    { status: 201 },
  );

const notifyError = (status: number, error: string, message: string) =>
  HttpResponse.json({ status_code: status, errors: [{ error, message }] }, { status });

async function queue(fields: Partial<{ caseId: string | null; to: string; subject: string; body: string }> = {}) {
  return db.$transaction((tx) =>
    outbox.queueEmail(tx, {
      caseId: fields.caseId ?? null,
      template: "referral-receipt",
      to: fields.to ?? "head.teacher@school.example.org",
      subject: fields.subject ?? "Your referral to the LADO: LADO-2026-00001",
      body: fields.body ?? "Thank you. Your reference is LADO-2026-00001. Confidential body text.",
    }),
  );
}

const message = (id: string) => db.outboundMessage.findUniqueOrThrow({ where: { id } });
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

beforeEach(async () => {
  await db.outboundMessage.deleteMany();
});

describe("queueing", () => {
  it("stores a QUEUED message due now, inside the caller's transaction", async () => {
    const before = Date.now();
    const { id } = await queue();
    const row = await message(id);
    expect(row).toMatchObject({
      status: "QUEUED",
      attempts: 0,
      template: "referral-receipt",
      toAddress: "head.teacher@school.example.org",
    });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("leaves nothing behind when the transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await outbox.queueEmail(tx, { caseId: null, template: "t", to: "a@example.org", subject: "s", body: "b" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.outboundMessage.count()).toBe(0);
  });
});

describe("delivery through GOV.UK Notify", () => {
  it("sends with the template id, subject and body as personalisation, and the message id as reference; then SENT", async () => {
    const notifyId = randomUUID();
    const requests = fakeNotify(() => created(notifyId));
    const file = await createCase(db);
    const { id } = await queue({ caseId: file.id });
    expect(await outbox.deliverDueMessages()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toEqual({
      template_id: TEMPLATE_ID,
      email_address: "head.teacher@school.example.org",
      personalisation: {
        subject: "Your referral to the LADO: LADO-2026-00001",
        body: "Thank you. Your reference is LADO-2026-00001. Confidential body text.",
      },
      reference: id,
    });
    // Signed with the key's secret, issued by the key's service id.
    const token = requests[0]!.authorization!.replace(/^Bearer /, "");
    expect(JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).iss).toBe(SERVICE_ID);

    const row = await message(id);
    expect(row).toMatchObject({ status: "SENT", notifyId, attempts: 1, nextAttemptAt: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await outbox.deliverDueMessages()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("keeps a message QUEUED after a Notify 500, with the error and a later attempt, and sends it then", async () => {
    const requests = fakeNotify((_, n) => (n === 1 ? notifyError(500, "Exception", "Internal server error") : created()));
    const { id } = await queue();
    const now = new Date();
    expect(await outbox.deliverDueMessages(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });

    const failed = await message(id);
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "HTTP 500: Exception: Internal server error" });
    expect(failed.nextAttemptAt!.getTime()).toBe(later(now, 1).getTime());
    expect(failed.lastError).not.toContain(API_KEY.slice(-36));
    expect(failed.lastError).not.toContain("Confidential");

    // Not due yet: nothing is sent.
    expect(await outbox.deliverDueMessages(later(now, 0.5))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(requests).toHaveLength(1);

    expect(await outbox.deliverDueMessages(later(now, 1))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await message(id)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(requests).toHaveLength(2);
  });

  it("backs off 1, 5, 15, 60 minutes then hourly, and marks the message FAILED after 8 attempts", async () => {
    const requests = fakeNotify(() => notifyError(503, "ServiceUnavailable", "Down for maintenance"));
    const { id } = await queue();
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      expect(await outbox.deliverDueMessages(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await message(id);
      expect(row).toMatchObject({ status: "QUEUED", attempts: attempt });
      waits.push((row.nextAttemptAt!.getTime() - now.getTime()) / MINUTE);
      now = row.nextAttemptAt!;
    }
    expect(waits).toEqual([1, 5, 15, 60, 60, 60, 60]);
    expect(await outbox.deliverDueMessages(now)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await message(id)).toMatchObject({
      status: "FAILED",
      attempts: 8,
      nextAttemptAt: null,
      lastError: "HTTP 503: ServiceUnavailable: Down for maintenance",
    });
    expect(requests).toHaveLength(8);
    expect(await outbox.deliverDueMessages(later(now, 600))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("fails at once on a 400 (retrying cannot fix a bad address) but retries a 429", async () => {
    fakeNotify((body) =>
      body.email_address === "not-an-address"
        ? notifyError(400, "ValidationError", "email_address Not a valid email address")
        : notifyError(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"),
    );
    const bad = await queue({ to: "not-an-address" });
    const limited = await queue();
    expect(await outbox.deliverDueMessages()).toEqual({ sent: 0, retrying: 1, failed: 1 });
    expect(await message(bad.id)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      nextAttemptAt: null,
      lastError: "HTTP 400: ValidationError: email_address Not a valid email address",
    });
    expect(await message(limited.id)).toMatchObject({ status: "QUEUED", attempts: 1 });
  });

  it("fails a letter at once, without asking Notify, when there is no template for letters (NOTIFY_LETTER_TEMPLATE_ID)", async () => {
    const requests = fakeNotify();
    const file = await createCase(db);
    const document = await db.document.create({
      data: {
        caseId: file.id,
        kind: "ADVICE_LETTER",
        filename: "letter.pdf",
        mediaType: "application/pdf",
        sizeBytes: 1,
        sha256: "0".repeat(64),
        storageKey: `2026/11/${randomUUID()}`,
      },
    });
    const { id } = await db.$transaction((tx) =>
      outbox.queueEmail(tx, {
        caseId: file.id,
        template: "advice-letter",
        to: "dsl@school.example.org",
        subject: "s",
        body: "b",
        documentId: document.id,
      }),
    );
    expect(await outbox.deliverDueMessages()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(requests).toHaveLength(0);
    expect(await message(id)).toMatchObject({
      status: "FAILED",
      documentId: document.id,
      lastError: "NOTIFY_LETTER_TEMPLATE_ID is not set, so a letter cannot be sent by email (see the README)",
    });
  });

  it("retries when Notify cannot be reached at all", async () => {
    fakeNotify(() => HttpResponse.error());
    const { id } = await queue();
    expect(await outbox.deliverDueMessages()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await message(id);
    expect(row.status).toBe("QUEUED");
    expect(row.lastError).toMatch(/^No answer from GOV\.UK Notify: /);
  });

  it("sends each message once when two workers run at the same time", async () => {
    const requests = fakeNotify(async () => {
      await delay(20);
      return created();
    });
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await queue({ to: `person${i}@example.org` })).id);
    const [a, b] = await Promise.all([outbox.deliverDueMessages(), outbox.deliverDueMessages()]);
    expect(a.sent + b.sent).toBe(12);
    const references = requests.map((r) => r.body.reference).sort();
    expect(references).toEqual([...ids].sort());
    expect(await db.outboundMessage.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("deliverSoon sends just the messages it is given, and never rejects", async () => {
    const requests = fakeNotify((body) =>
      body.email_address === "down@example.org" ? notifyError(500, "Exception", "Internal server error") : created(),
    );
    const mine = await queue({ to: "mine@example.org" });
    const other = await queue({ to: "other@example.org" });
    const down = await queue({ to: "down@example.org" });
    await expect(outbox.deliverSoon([mine.id, down.id])).resolves.toBeUndefined();
    expect(requests.map((r) => r.body.email_address).sort()).toEqual(["down@example.org", "mine@example.org"]);
    expect((await message(mine.id)).status).toBe("SENT");
    expect((await message(other.id)).status).toBe("QUEUED");
    expect(await message(down.id)).toMatchObject({ status: "QUEUED", attempts: 1 });
  });

  it("deliverSoon logs a database error instead of rejecting", async () => {
    expectConsoleErrors(1);
    await expect(outbox.deliverSoon(["not-a-uuid"])).resolves.toBeUndefined();
    const [line] = (console.error as unknown as { mock: { calls: unknown[][] } }).mock.calls[0] ?? [];
    expect(JSON.parse(String(line))).toMatchObject({ level: "error", msg: expect.stringMatching(/^Email delivery failed before sending/) });
  });

  it("resend puts a FAILED message back in the queue, due now, with fresh attempts", async () => {
    fakeNotify(() => notifyError(400, "BadRequestError", "Can't send to this recipient using a team-only API key"));
    const { id } = await queue();
    await outbox.deliverDueMessages();
    expect((await message(id)).status).toBe("FAILED");
    const staff = await signedIn(["BUSINESS_SUPPORT"]);
    const resend = () => outbox.resend(request("/outbox", { caller: staff }), staff.user.id, id);
    expect(await resend()).toBe(true);
    const row = await message(id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0 });
    expect(row.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await resend()).toBe(false); // not FAILED any more
    // Recorded once, with the change, naming the message.
    const events = await db.auditEvent.findMany({ where: { action: "message.resend", userId: staff.user.id } });
    expect(events).toMatchObject([{ subjectType: "message", subjectId: id }]);
  });

  it("the worker delivers on start and stops when asked", async () => {
    fakeNotify();
    const { id } = await queue();
    const stop = outbox.startMessageWorker();
    try {
      for (let i = 0; i < 100 && (await message(id)).status !== "SENT"; i++) await delay(50);
    } finally {
      stop();
    }
    expect((await message(id)).status).toBe("SENT");
  });
});

describe("without a Notify key", () => {
  // env() has already been read with the key; take it away from the parsed
  // configuration for these tests only.
  const config = env();
  beforeEach(() => {
    config.NOTIFY_API_KEY = undefined;
  });
  afterEach(() => {
    config.NOTIFY_API_KEY = API_KEY;
  });

  it("keeps messages in the OUTBOX and sends nothing (msw fails any request)", async () => {
    const { id } = await queue();
    expect(await message(id)).toMatchObject({ status: "OUTBOX", nextAttemptAt: null, attempts: 0 });
    expect(await outbox.deliverDueMessages(later(new Date(), 60))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await outbox.deliverSoon([id]);
    outbox.startMessageWorker()();
    expect(await message(id)).toMatchObject({ status: "OUTBOX", sentAt: null });
  });
});

describe("the Email page", () => {
  async function seed() {
    const file = await createCase(db);
    const rows = [
      { status: "SENT", subject: "Sent one", sentAt: new Date("2026-03-02T10:00:00Z"), caseId: file.id },
      { status: "FAILED", subject: "Failed one", attempts: 8, lastError: "HTTP 400: ValidationError: bad address", caseId: file.id },
      { status: "QUEUED", subject: "Queued one", attempts: 2, nextAttemptAt: new Date("2026-03-03T10:20:00Z"), caseId: null },
      { status: "OUTBOX", subject: "Outbox one", caseId: null },
    ] as const;
    const made = [];
    for (const [i, row] of rows.entries()) {
      made.push(
        await db.outboundMessage.create({
          data: {
            template: "referral-receipt",
            toAddress: `person${i}@example.org`,
            body: `Body ${i}`,
            createdAt: new Date(Date.UTC(2026, 2, 1 + i, 9)),
            ...row,
          },
        }),
      );
    }
    return { file, made };
  }

  type Page = {
    messages: { id: string; subject: string; status: string; case: { reference: string } | null; body: string }[];
    counts: Record<string, number>;
    total: number;
    pages: number;
    query: { status: string; page: number };
    notifyConfigured: boolean;
    canReadCases: boolean;
  };

  it("lists emails newest first, with counts, and filters by status", async () => {
    const { file } = await seed();
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const all = bodyOf<Page>((await run(outboxPage.loader, request("/outbox", { caller }))).value);
    expect(all.messages.map((m) => m.subject)).toEqual(["Outbox one", "Queued one", "Failed one", "Sent one"]);
    expect(all.counts).toEqual({ all: 4, queued: 1, sent: 1, failed: 1, outbox: 1 });
    expect(all.messages.find((m) => m.subject === "Sent one")!.case?.reference).toBe(file.reference);
    expect(all).toMatchObject({ notifyConfigured: true, canReadCases: true, pages: 1 });

    const failed = bodyOf<Page>((await run(outboxPage.loader, request("/outbox?status=failed", { caller }))).value);
    expect(failed.messages.map((m) => m.subject)).toEqual(["Failed one"]);
    expect(failed.total).toBe(1);
  });

  it("pages 25 at a time and ignores nonsense in the query", async () => {
    await db.outboundMessage.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        template: "t",
        toAddress: `p${i}@example.org`,
        subject: `Message ${i}`,
        body: "b",
        status: "OUTBOX" as const,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const caller = await signedIn(["ADMIN"]);
    const second = bodyOf<Page>((await run(outboxPage.loader, request("/outbox?page=2", { caller }))).value);
    expect(second.messages).toHaveLength(5);
    expect(second.pages).toBe(2);
    expect(second.canReadCases).toBe(false); // an administrator sees the reference, not a link to the case
    const { value } = await run(outboxPage.loader, request("/outbox?page=-1&status=%3Cscript%3E", { caller }));
    expect(statusOf(value)).toBe(200);
    expect(bodyOf<Page>(value).query).toEqual({ status: "all", page: 1 });
  });

  it("Try again puts a failed email back in the queue and redirects back with a message", async () => {
    const { made } = await seed();
    const failed = made.find((m) => m.status === "FAILED")!;
    const requests = fakeNotify();
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await run(outboxPage.action, request("/outbox?status=failed", { caller, form: { intent: "resend", id: failed.id } }));
    const res = value as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/outbox?status=failed");
    expect(res.headers.get("Set-Cookie")).toMatch(/^lado_flash=/);
    // Sent straight away in the background (deliverSoon); the worker would otherwise pick it up.
    for (let i = 0; i < 100 && (await message(failed.id)).status !== "SENT"; i++) await delay(20);
    expect(await message(failed.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(requests.map((r) => r.body.reference)).toEqual([failed.id]);
  });

  it("Try again on an email that has not failed changes nothing; a bad id is a 400", async () => {
    const { made } = await seed();
    const sent = made.find((m) => m.status === "SENT")!;
    const caller = await signedIn(["LADO"]);
    const again = await run(outboxPage.action, request("/outbox", { caller, form: { intent: "resend", id: sent.id } }));
    expect((again.value as Response).headers.get("Location")).toBe("/outbox");
    expect(await message(sent.id)).toMatchObject({ status: "SENT" });
    const bad = await run(outboxPage.action, request("/outbox", { caller, form: { intent: "resend", id: "not-a-uuid" } }));
    expect(statusOf(bad.value)).toBe(400);
  });
});

describe("the case file's emails", () => {
  it("lists the case's emails, oldest first", async () => {
    const file = await createCase(db);
    const made = [await queue({ caseId: file.id, subject: "First" }), await queue({ caseId: file.id, subject: "Second" })];
    await db.outboundMessage.update({ where: { id: made[0]!.id }, data: { createdAt: new Date("2026-03-01T09:00:00Z") } });
    await db.outboundMessage.update({ where: { id: made[1]!.id }, data: { createdAt: new Date("2026-03-01T09:01:00Z") } });
    const caller = await signedIn(["LADO"]);
    const { value } = await run(caseEmails.loader, request(`/cases/${file.reference}/emails`, { caller }), { reference: file.reference });
    const messages = bodyOf<{ messages: { id: string; subject: string; status: string }[] }>(value).messages;
    expect(messages.map((m) => [m.id, m.subject, m.status])).toEqual([
      [made[0]!.id, "First", "QUEUED"],
      [made[1]!.id, "Second", "QUEUED"],
    ]);
  });
});

describe("a contact made while GOV.UK Notify is down", () => {
  it("is kept, with its email queued for a retry and the failure visible", async () => {
    const calls = fakeNotify(() => notifyError(500, "Exception", "Internal server error"));
    const logContact = await import("~/routes/contacts.new");
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const form = { ...minimalContactForm, source: "EMAIL", summary: "A nursery manager emailed about a member of staff." };
    const { value } = await run(logContact.action, request("/contacts/new", { caller: support, form }));
    expect(statusOf(value)).toBe(302);
    const reference = (value as Response).headers.get("Location")!.replace("/cases/", "");
    // The attempt made straight after the transaction runs in the background.
    let message;
    for (let i = 0; i < 50; i++) {
      message = await db.outboundMessage.findFirstOrThrow({ where: { case: { reference } } });
      if (message.attempts > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await db.case.count({ where: { reference } })).toBe(1);
    expect(message).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringMatching(/^HTTP 500/) });
    expect(message!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(calls).toHaveLength(1);
  });
});
