// The public referral form's progress, kept server-side in ReferralDraft so
// nothing typed is lost on an error, the back button or a refresh. The
// browser holds only a signed cookie with the draft's id. Each form page
// carries a CSRF token derived from that id.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/config/env.server";
import { db, isDatabaseUnavailable } from "~/db.server";
import { appCookie } from "~/utils/cookies.server";
import { checkFormToken, formToken } from "~/utils/csrf.server";
import type { FormValues } from "~/utils/forms.server";
import { FEEDBACK_KINDS, type FeedbackKind } from "./feedback";

const DAY_MS = 86_400_000;

function referralCookie() {
  return appCookie("lado_referral", { path: "/refer", maxAge: env().REFERRAL_DRAFT_DAYS * 86_400 });
}

/** What a draft holds: the raw values of each page as typed, and small bits of progress. */
export const draftAnswers = z.object({
  pages: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).default({}),
  childCount: z.number().int().min(1).default(1),
});
export type DraftAnswers = z.infer<typeof draftAnswers>;
export type Draft = {
  id: string;
  answers: DraftAnswers;
  expiresAt: Date;
  filesDeletedAt: Date | null;
  /** The database could not be reached: this stands in, from the cookie alone, so a page can still take back what was typed. */
  offline?: true;
};

/**
 * The cookie holds the draft's id while it is filled in; once sent, the
 * reference for the confirmation page and the feedback the referrer can
 * expect (null when not known, as in cookies set before it was kept).
 */
const cookieValue = z.union([
  z.object({ draftId: z.uuid() }),
  z.object({
    submitted: z.string().transform((reference) => reference.slice(0, 40)),
    feedback: z.enum(FEEDBACK_KINDS).nullable().catch(null),
  }),
]);
type CookieValue = z.infer<typeof cookieValue>;

async function readCookie(request: Request): Promise<CookieValue | null> {
  const parsed = cookieValue.safeParse(await referralCookie().parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}

export async function startDraft() {
  const draft = await db.referralDraft.create({
    data: { answers: {}, expiresAt: new Date(Date.now() + env().REFERRAL_DRAFT_DAYS * DAY_MS) },
  });
  return { id: draft.id, cookie: await referralCookie().serialize({ draftId: draft.id }) };
}

/** The cookie's draft: one being filled in, the reference it was sent as, or nothing (none, or expired). */
async function lookUp(cookie: CookieValue | null): Promise<{ draft: Draft } | { submitted: string } | null> {
  if (!cookie || !("draftId" in cookie)) return null;
  const row = await db.referralDraft.findUnique({
    where: { id: cookie.draftId },
    select: { id: true, answers: true, expiresAt: true, filesDeletedAt: true, submittedReference: true },
  });
  if (!row || row.expiresAt <= new Date()) return null;
  if (row.submittedReference) return { submitted: row.submittedReference };
  const { submittedReference: _, answers, ...rest } = row;
  return { draft: { ...rest, answers: draftAnswers.parse(answers ?? {}) } };
}

/** The request's draft being filled in, or null. */
export async function findDraft(request: Request): Promise<Draft | null> {
  const found = await lookUp(await readCookie(request));
  return found && "draft" in found ? found.draft : null;
}

/**
 * The draft being filled in, or a redirect: to the confirmation once it has
 * been sent (a Back, a replay or a second click shows the same reference),
 * otherwise to the start (saying so when the answers expired).
 */
export async function requireDraft(request: Request): Promise<Draft> {
  const cookie = await readCookie(request);
  const found = await lookUp(cookie).catch((error: unknown) => {
    if (!isDatabaseUnavailable(error) || !cookie || !("draftId" in cookie)) throw error;
    const answers = draftAnswers.parse({});
    return { draft: { id: cookie.draftId, answers, expiresAt: new Date(), filesDeletedAt: null, offline: true as const } };
  });
  if (found && "draft" in found) return found.draft;
  if (found) throw redirect("/refer/sent", { headers: { "Set-Cookie": await submittedCookie(found.submitted) } });
  if (cookie && "submitted" in cookie) throw redirect("/refer/sent");
  throw redirect(cookie ? "/refer?expired=1" : "/refer");
}

/**
 * The answer when a page could not be saved because the database is
 * unavailable: the page again, with everything typed and a notice (503), so
 * nothing is lost. Any other error goes on.
 */
export function keptWhileUnavailable(error: unknown, values: FormValues) {
  if (!isDatabaseUnavailable(error)) throw error;
  return data({ errors: {} as Record<string, string>, values, unavailable: true as const }, { status: 503 });
}

/** Saves a page's values as typed (valid or not) and pushes the expiry back; never into a sent draft. */
export async function savePage(draft: Draft, page: string, values: FormValues, extra: Partial<DraftAnswers> = {}) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => key !== "csrf" && key !== "intent" && key !== "website"));
  const answers: DraftAnswers = { ...draft.answers, ...extra, pages: { ...draft.answers.pages, [page]: kept } };
  await db.referralDraft.updateMany({
    where: { id: draft.id, submittedReference: null },
    data: { answers: answers as Prisma.InputJsonObject, expiresAt: new Date(Date.now() + env().REFERRAL_DRAFT_DAYS * DAY_MS) },
  });
  draft.answers = answers;
}

/** The cookie after submission: remembers the reference, and what the referrer will hear back, for the confirmation page. */
export function submittedCookie(reference: string, feedback: FeedbackKind | null = null) {
  return referralCookie().serialize({ submitted: reference, feedback });
}

/** The referral this browser sent, for the confirmation page, or null. */
export async function submittedReferral(request: Request) {
  const cookie = await readCookie(request);
  return cookie && "submitted" in cookie ? { reference: cookie.submitted, feedback: cookie.feedback } : null;
}

/** The cookie after the referrer deleted their answers: the browser forgets the draft too. */
export function forgottenCookie() {
  return referralCookie().serialize("", { maxAge: 0 });
}

/** The token every page of this draft's form carries (utils/csrf.server.ts). */
export function csrfToken(draft: Draft) {
  return formToken("referral", draft.id);
}

export function checkCsrf(draft: Draft, sent: unknown) {
  checkFormToken("referral", draft.id, sent);
}
