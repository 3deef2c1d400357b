// The public referral form's progress, kept server-side in ReferralDraft so
// nothing typed is lost on an error, the back button or a refresh. The
// browser holds only a signed cookie with the draft's id. Each form page
// carries a CSRF token derived from that id.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import type { FormValues } from "~/utils/forms.server";

const DAY_MS = 86_400_000;

function referralCookie() {
  return createCookie("lado_referral", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/refer",
    maxAge: env().REFERRAL_DRAFT_DAYS * 86_400,
    secrets: env().SESSION_SECRET,
  });
}

/** What a draft holds: the raw values of each page as typed, and small bits of progress. */
export const draftAnswers = z.object({
  pages: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).default({}),
  childCount: z.number().int().min(1).default(1),
});
export type DraftAnswers = z.infer<typeof draftAnswers>;
export type Draft = { id: string; answers: DraftAnswers; expiresAt: Date };

type CookieValue = { draftId: string } | { submitted: string };

async function readCookie(request: Request): Promise<CookieValue | null> {
  const value: unknown = await referralCookie().parse(request.headers.get("Cookie"));
  if (value && typeof value === "object") {
    if ("draftId" in value && typeof value.draftId === "string" && z.uuid().safeParse(value.draftId).success)
      return { draftId: value.draftId };
    if ("submitted" in value && typeof value.submitted === "string") return { submitted: value.submitted.slice(0, 40) };
  }
  return null;
}

export async function startDraft() {
  const draft = await db.referralDraft.create({
    data: { answers: {}, expiresAt: new Date(Date.now() + env().REFERRAL_DRAFT_DAYS * DAY_MS) },
  });
  return { id: draft.id, cookie: await referralCookie().serialize({ draftId: draft.id }) };
}

/** The request's draft, or null if there is none or it has expired. */
export async function findDraft(request: Request): Promise<Draft | null> {
  const cookie = await readCookie(request);
  if (!cookie || !("draftId" in cookie)) return null;
  const row = await db.referralDraft.findUnique({ where: { id: cookie.draftId } });
  if (!row || row.expiresAt <= new Date()) return null;
  return { id: row.id, answers: draftAnswers.parse(row.answers ?? {}), expiresAt: row.expiresAt };
}

/** The draft, or a redirect to the start (with why) when there is none. */
export async function requireDraft(request: Request): Promise<Draft> {
  const draft = await findDraft(request);
  if (draft) return draft;
  const cookie = await readCookie(request);
  if (cookie && "submitted" in cookie) throw redirect("/refer/sent");
  throw redirect(cookie ? "/refer?expired=1" : "/refer");
}

/** Saves a page's values as typed (valid or not) and pushes the expiry back. */
export async function savePage(draft: Draft, page: string, values: FormValues, extra: Partial<DraftAnswers> = {}) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => key !== "csrf" && key !== "intent" && key !== "website"));
  const answers: DraftAnswers = { ...draft.answers, ...extra, pages: { ...draft.answers.pages, [page]: kept } };
  await db.referralDraft.update({
    where: { id: draft.id },
    data: { answers: answers as Prisma.InputJsonObject, expiresAt: new Date(Date.now() + env().REFERRAL_DRAFT_DAYS * DAY_MS) },
  });
  draft.answers = answers;
}

/** The cookie after submission: remembers the reference for the confirmation page. */
export function submittedCookie(reference: string) {
  return referralCookie().serialize({ submitted: reference });
}

export async function submittedReference(request: Request) {
  const cookie = await readCookie(request);
  return cookie && "submitted" in cookie ? cookie.submitted : null;
}

// ---------------------------------------------------------------------------
// CSRF: an HMAC of the draft id with the session secret.

function token(secret: string, draftId: string) {
  return createHmac("sha256", secret).update(`referral:${draftId}`).digest("base64url");
}

export function csrfToken(draft: Draft) {
  return token(env().SESSION_SECRET[0]!, draft.id);
}

/** Throws a 400 "tampered" answer unless the form carries this draft's token. */
export function checkCsrf(draft: Draft, sent: FormDataEntryValue | string | string[] | null | undefined) {
  const given = Buffer.from(typeof sent === "string" ? sent : "");
  const ok = env().SESSION_SECRET.some((secret) => {
    const expected = Buffer.from(token(secret, draft.id));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw data({ message: "tampered" }, { status: 400 });
}
