// Calling loaders and actions with real Requests, as a signed-in member of
// staff or as nobody; a case file section's loader and action; the fields of
// a GOV.UK date input.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { staffFormToken } from "~/auth/guard.server";
import { startSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { addDaysToDay, londonDay } from "~/utils/dates";
import { createUser } from "./factories";

export const BASE = "http://localhost";

/** A signed-in member of staff: their session cookie, and the CSRF token their forms carry. */
export type Caller = { cookie: string; csrf: string; user: { id: string; name: string } };

export async function signedIn(roles: Role[]): Promise<Caller> {
  const user = await createUser(db, { roles });
  const setCookie = await startSession(user.id);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  return { cookie: setCookie.split(";")[0]!, csrf: staffFormToken(session.id), user };
}

export function request(path: string, init: { caller?: Caller | null; form?: Record<string, string | string[]>; cookie?: string } = {}) {
  const headers = new Headers();
  const cookie = init.cookie ?? init.caller?.cookie;
  if (cookie) headers.set("Cookie", cookie);
  if (!init.form) return new Request(`${BASE}${path}`, { headers });
  const body = new URLSearchParams();
  // A caller's form carries their token, as the page would, unless the test sends its own.
  const fields = init.caller && !("csrf" in init.form) ? { csrf: init.caller.csrf, ...init.form } : init.form;
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`${BASE}${path}`, { method: "POST", headers, body });
}

type Handler<A> = (args: A) => unknown;

/** A Response, or Remix's data() answer: what a loader or action may throw on purpose. */
function isAnswer(value: unknown): value is Response | { type: "DataWithResponseInit" } {
  return (
    value instanceof Response ||
    (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit")
  );
}

/**
 * Runs a loader or action; a thrown Response or data() comes back as the
 * result. Anything else thrown (a TypeError, a database error) fails the
 * test: a route that crashes must never pass for one that answered.
 */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  req: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = {},
) {
  try {
    return { thrown: false as const, value: await handler({ request: req, params, context } as A) };
  } catch (value) {
    if (isAnswer(value)) return { thrown: true as const, value };
    throw value;
  }
}

/** The status of a loader's or action's answer: Response, data() or a plain object (200). */
export function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status;
  if (value && typeof value === "object" && "init" in value && (value as { type?: string }).type === "DataWithResponseInit") {
    return (value as { init: { status?: number } | null }).init?.status ?? 200;
  }
  return 200;
}

export function bodyOf<T = Record<string, unknown>>(value: unknown): T {
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    return (value as { data: T }).data;
  }
  return value as T;
}

/** What a form refused answers: the field errors, and the answers kept to show again. */
export type FormAnswer = { errors: Record<string, string>; values: Record<string, string | string[]> };

/**
 * A case file section's route (`/cases/REFERENCE/slug`), called as a member
 * of staff: `view` answers the loader's data (and fails the test unless it is
 * a 200), `post` the action's result, thrown or not.
 */
export function caseSection<Loader extends Handler<LoaderFunctionArgs>>(
  route: { loader: Loader; action: Handler<ActionFunctionArgs> },
  slug: string,
) {
  return {
    async view(caller: Caller, reference: string, query = "") {
      const { value } = await run(route.loader, request(`/cases/${reference}/${slug}${query}`, { caller }), { reference });
      expect(statusOf(value)).toBe(200);
      return bodyOf<Awaited<ReturnType<Loader>>>(value);
    },
    post: (caller: Caller, reference: string, form: Record<string, string | string[]>) =>
      run(route.action, request(`/cases/${reference}/${slug}`, { caller, form }), { reference }),
  };
}

/** The London day (yyyy-mm-dd) `n` days before today. */
export const daysAgo = (n: number) => addDaysToDay(londonDay(new Date()), -n);

/** A London day (yyyy-mm-dd) as a GOV.UK date input's three boxes, `name-day`, `name-month` and `name-year`. */
export function dateFields(name: string, day: string) {
  const [year, month, date] = day.split("-");
  return { [`${name}-day`]: String(Number(date)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
}

/** The least a member of staff must give to log a contact (a phone call, no professional named). */
export const minimalContactForm = {
  source: "PHONE",
  "receivedDate-day": "20",
  "receivedDate-month": "11",
  "receivedDate-year": "2026",
  receivedTime: "16:45",
  childInImmediateDanger: "no",
  namedProfessional: "no",
  summary: "Ofsted inspector asked for advice about a nursery worker's social media posts. No name given.",
};
