// Outbound email through GOV.UK Notify, never lost to an outage. A message is
// written to OutboundMessage inside the same transaction as the thing it
// announces (a referral, say), then delivered afterwards: at once by
// deliverSoon(), and retried with back-off by the worker. With no Notify key
// the message is kept with status OUTBOX and shown on /outbox, not sent.
// docs/decisions/005-email.md explains the choices.
import { NotifyClient } from "notifications-node-client";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { env } from "~/config/env.server";
import { readDocument } from "~/documents/storage.server";
import { db, isDatabaseUnavailable, type Prisma } from "~/db.server";
import type { MessageStatus } from "~/generated/prisma/enums";
import { log as appLog } from "~/utils/log.server";

/** Messages claimed by one delivery run. */
const BATCH_SIZE = 50;
/** Waiting for Notify's answer to one message. */
const SEND_TIMEOUT_MS = 10_000;
/**
 * How long a claimed message is kept from other workers. Longer than a whole
 * batch can take (50 × 10 s), so a slow batch is never claimed twice.
 */
const LEASE_MS = 15 * 60_000;
/** Minutes to wait after the 1st, 2nd, 3rd... failure; hourly after these. */
const BACKOFF_MINUTES = [1, 5, 15, 60];
/** After this many failed attempts a message is FAILED, for staff to retry. */
const MAX_ATTEMPTS = 8;
const WORKER_INTERVAL_MS = 30_000;
/** Counts and errors only: never an address, subject or body. */
const log = appLog.with({ component: "email" });

type NewMessage = {
  caseId: string | null;
  template: string;
  to: string;
  subject: string;
  body: string;
  /** A stored letter to send with it, as a file the recipient downloads through Notify. */
  documentId?: string;
};

/**
 * Records an email to send, inside the caller's transaction: if the
 * transaction rolls back, no email; if it commits, the email is not lost.
 */
export async function queueEmail(tx: Prisma.TransactionClient, message: NewMessage): Promise<{ id: string }> {
  const configured = Boolean(env().NOTIFY_API_KEY);
  return tx.outboundMessage.create({
    data: {
      caseId: message.caseId,
      template: message.template,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      documentId: message.documentId ?? null,
      status: configured ? "QUEUED" : "OUTBOX",
      nextAttemptAt: configured ? new Date() : null,
    },
    select: { id: true },
  });
}

// ---------------------------------------------------------------------------
// GOV.UK Notify: the one place its client is made and its errors are read.
// ---------------------------------------------------------------------------

let client: { key: string; notify: NotifyClient } | undefined;

function notify(): { notify: NotifyClient; templateId: string; letterTemplateId: string | undefined; apiKey: string } | null {
  const { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_ID: templateId, NOTIFY_LETTER_TEMPLATE_ID: letterTemplateId } = env();
  if (!apiKey || !templateId) return null;
  if (client?.key !== apiKey) client = { key: apiKey, notify: new NotifyClient(apiKey) };
  return { notify: client.notify, templateId, letterTemplateId, apiKey };
}

/**
 * A letter goes as a file the recipient downloads from Notify: only after
 * typing their email address (the link alone is not enough, should the email
 * be forwarded), and for a limited time (they are asked to keep their copy).
 */
const LETTER_DOWNLOAD = { confirmEmailBeforeDownload: true, retentionPeriod: "4 weeks" } as const;

/** A message's letter as Notify's ((link_to_file)) personalisation; thrown failures are permanent (no retry can help). */
async function letterUpload(notifyClient: NotifyClient, documentId: string) {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { storageKey: true, filename: true } });
  const bytes = document && (await readDocument(document.storageKey));
  if (!document || !bytes) throw permanentFailure("The letter's stored file is missing");
  return notifyClient.prepareUpload(bytes, { filename: document.filename, ...LETTER_DOWNLOAD });
}

/** A message that cannot be sent as it stands, found before asking Notify: retrying cannot mend it. */
class NotSendable extends Error {}
const permanentFailure = (text: string) => new NotSendable(text);

type Failure = { status: number | null; text: string };

/**
 * What went wrong, for lastError: the HTTP status and Notify's own error
 * messages. Never the request (its headers carry a token signed with the
 * key) nor the email's body.
 */
function describeFailure(error: unknown, secrets: string[]): Failure {
  const e = (error ?? {}) as NotifyError;
  const status = typeof e.response?.status === "number" ? e.response.status : null;
  // With no answer, say why not (a timeout, a refused connection...).
  const detail = notifyErrorMessages(e.response?.data) || (status === null ? whyNoAnswer(e) : "");
  const text = status === null ? `No answer from GOV.UK Notify: ${detail}` : `HTTP ${status}${detail ? `: ${detail}` : ""}`;
  return { status, text: redact(text, secrets).slice(0, 500) };
}

/** What the Notify client throws: an HTTP error with Notify's answer, or a network error. */
type NotifyError = { response?: { status?: unknown; data?: unknown }; code?: unknown; message?: unknown };

/** Notify's own errors from the body of its answer ("BadRequestError: ..."), joined; "" when it gives none. */
function notifyErrorMessages(data: unknown): string {
  const errors = (data as { errors?: { error?: unknown; message?: unknown }[] } | undefined)?.errors;
  if (!Array.isArray(errors)) return "";
  return errors
    .map((x) => [x?.error, x?.message].filter((v) => typeof v === "string" && v).join(": "))
    .filter(Boolean)
    .join("; ");
}

/** Why Notify gave no answer: the error's code (such as ECONNREFUSED), else its message. */
function whyNoAnswer(e: NotifyError): string {
  if (typeof e.code === "string" && e.code) return e.code;
  return typeof e.message === "string" ? e.message : "unknown error";
}

/** The text with every (non-empty) secret in it replaced by "[removed]". */
function redact(text: string, secrets: string[]): string {
  let redacted = text;
  for (const secret of secrets) if (secret) redacted = redacted.split(secret).join("[removed]");
  return redacted;
}

/** 4xx other than 429 (rate limit): the request itself is wrong, so retrying cannot help. */
const permanent = (f: Failure) => f.status !== null && f.status >= 400 && f.status < 500 && f.status !== 429;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: `no answer within ${ms / 1000} seconds` })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  documentId: string | null;
  attempts: number;
  createdAt: Date;
};
type Counts = { sent: number; retrying: number; failed: number };

/**
 * Claims due messages (all, or only `ids`) in one statement: rows another
 * worker is claiming are skipped, and claimed rows get nextAttemptAt moved
 * past the lease, so no other run picks them until this one is done with them.
 */
async function claim(now: Date, ids: string[] | null): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboundMessage" SET "nextAttemptAt" = ${leaseUntil}::timestamptz
    WHERE "id" IN (
      SELECT "id" FROM "OutboundMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}::timestamptz
        AND (${ids}::uuid[] IS NULL OR "id" = ANY(${ids}::uuid[]))
      ORDER BY "createdAt", "id"
      LIMIT ${BATCH_SIZE}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "subject", "body", "documentId", "attempts", "createdAt"`;
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The template for a message: with a letter, the one that has ((link_to_file)). */
function templateFor(config: NonNullable<ReturnType<typeof notify>>, message: Claimed) {
  if (!message.documentId) return config.templateId;
  if (!config.letterTemplateId) {
    throw permanentFailure("NOTIFY_LETTER_TEMPLATE_ID is not set, so a letter cannot be sent by email (see the README)");
  }
  return config.letterTemplateId;
}

async function deliver(now: Date, ids: string[] | null): Promise<Counts> {
  const counts: Counts = { sent: 0, retrying: 0, failed: 0 };
  const config = notify();
  if (!config) return counts; // no key: nothing is sent (new messages go to the outbox)
  for (const message of await claim(now, ids)) {
    const attempts = message.attempts + 1;
    try {
      const response = await withTimeout(
        config.notify.sendEmail(templateFor(config, message), message.toAddress, {
          personalisation: {
            subject: message.subject,
            body: message.body,
            ...(message.documentId ? { link_to_file: await letterUpload(config.notify, message.documentId) } : {}),
          },
          reference: message.id,
        }),
        SEND_TIMEOUT_MS,
      );
      const notifyId = typeof response?.data?.id === "string" ? response.data.id : null;
      await db.outboundMessage.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), notifyId, attempts, nextAttemptAt: null },
      });
      counts.sent++;
    } catch (error) {
      const failure =
        error instanceof NotSendable ? { status: null, text: error.message } : describeFailure(error, [config.apiKey, message.body]);
      const giveUp = error instanceof NotSendable || permanent(failure) || attempts >= MAX_ATTEMPTS;
      const wait = BACKOFF_MINUTES[attempts - 1] ?? 60;
      await db.outboundMessage.update({
        where: { id: message.id },
        data: {
          attempts,
          lastError: failure.text,
          status: giveUp ? "FAILED" : "QUEUED",
          nextAttemptAt: giveUp ? null : new Date(now.getTime() + wait * 60_000),
        },
      });
      if (giveUp) counts.failed++;
      else counts.retrying++;
    }
  }
  return counts;
}

/**
 * Sends the queued messages that are due, oldest first, one batch. A Notify
 * error never throws: it is recorded on the message, which is retried with
 * back-off or, after the last attempt or a 4xx that retrying cannot fix,
 * marked FAILED. Only a database error rejects.
 */
export function deliverDueMessages(now = new Date()): Promise<Counts> {
  return deliver(now, null);
}

/**
 * Right after a transaction that queued messages commits: try them now, in
 * the background, so a receipt normally goes within a second. Never rejects;
 * whatever is not sent here the worker retries.
 */
export async function deliverSoon(ids: string[]): Promise<void> {
  if (!ids.length) return;
  try {
    await deliver(new Date(), ids);
  } catch (error) {
    log.error(`Email delivery failed before sending; the worker will retry: ${(error as Error)?.message ?? error}`);
  }
}

/**
 * Delivers due messages every 30 seconds while the server runs (only when a
 * Notify key is set). Logs one line per batch that did something, with counts
 * only. Returns the function that stops it.
 */
export function startMessageWorker(): () => void {
  if (!env().NOTIFY_API_KEY) {
    log.info("Email: no NOTIFY_API_KEY, so emails are kept in the outbox (/outbox) and not sent.");
    return () => {};
  }
  let running = false;
  const tick = async () => {
    if (running) return; // the previous batch is still going
    running = true;
    try {
      const { sent, retrying, failed } = await deliverDueMessages();
      if (sent + retrying + failed) log.info(`Email: ${sent} sent, ${retrying} to retry, ${failed} failed`, { sent, retrying, failed });
    } catch (error) {
      // An unavailable database is reported once by the server's watch; the next run tries again.
      if (!isDatabaseUnavailable(error)) log.error(`Email: delivery run failed: ${(error as Error)?.message ?? error}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), WORKER_INTERVAL_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Staff's "Try again": a FAILED message goes back in the queue with a fresh
 * set of attempts (its last error stays until the next attempt), and who did
 * it is recorded, in one transaction. Without a Notify key it goes to the
 * outbox instead. False if it was not FAILED (nothing changed or recorded).
 */
export async function resend(request: Request, userId: string, id: string): Promise<boolean> {
  const configured = Boolean(env().NOTIFY_API_KEY);
  return db.$transaction(async (tx) => {
    const [message] = await tx.outboundMessage.updateManyAndReturn({
      where: { id, status: "FAILED" },
      data: configured ? { status: "QUEUED", attempts: 0, nextAttemptAt: new Date() } : { status: "OUTBOX", nextAttemptAt: null },
      select: { caseId: true },
    });
    if (!message) return false;
    await recordAudit(request, { who: userId, what: "message.resend", subject: { type: "message", id }, caseId: message.caseId }, tx);
    return true;
  });
}

/** A page of messages, newest first, with the count of each status, for the Email page. */
export async function messagePage(status: MessageStatus | undefined, page: number, pageSize: number) {
  const where: Prisma.OutboundMessageWhereInput = { status };
  const [messages, total, grouped] = await Promise.all([
    db.outboundMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        toAddress: true,
        subject: true,
        body: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        case: { select: { reference: true } },
      },
    }),
    db.outboundMessage.count({ where }),
    db.outboundMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return { messages, total, grouped };
}
