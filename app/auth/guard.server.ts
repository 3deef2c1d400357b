// The guard at the top of every staff loader and action.
import { redirect } from "@remix-run/node";
import { can, type Permission } from "./permissions";
import { currentSession } from "./session.server";
import { checkFormToken, CSRF_FIELD, formToken } from "~/utils/csrf.server";
import { findCaseId } from "~/cases/cases.server";
import { readForm } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/responses.server";

export type StaffUser = NonNullable<Awaited<ReturnType<typeof currentSession>>>["user"];

/**
 * The signed-in user, who must hold the permission. No session: a redirect
 * to sign-in that brings them back. Without the permission: 403. Then, for
 * any request that is not a GET, the form is read (once: the action's readForm
 * gets the same values) and must carry this session's CSRF token.
 */
export async function requireUser(request: Request, permission?: Permission): Promise<StaffUser> {
  const session = await permittedSession(request, permission);
  if (request.method !== "GET" && request.method !== "HEAD") {
    checkFormToken("staff", session.id, (await readForm(request))[CSRF_FIELD]);
  }
  return session.user;
}

/**
 * As requireUser, for an upload (multipart/form-data), whose body the action
 * reads itself, a part at a time: the user, and the check of the CSRF token
 * read from it (it throws the 400 answer unless the token is this session's),
 * to be made before anything sent is kept.
 */
export async function requireUploader(request: Request, permission: Permission) {
  const session = await permittedSession(request, permission);
  return { user: session.user, checkCsrf: (sent: unknown) => checkFormToken("staff", session.id, sent) };
}

async function permittedSession(request: Request, permission: Permission | undefined) {
  const session = await currentSession(request);
  if (!session) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
    throw redirect(`/sign-in?${new URLSearchParams({ returnTo: back })}`);
  }
  if (permission && !can(session.user.roles, permission)) throw forbidden();
  return session;
}

/** The token the signed-in user's forms carry (the root loader hands it to every page). */
export function staffFormToken(sessionId: string) {
  return formToken("staff", sessionId);
}

/**
 * The one decision whether this user may open this case: the permission
 * first (a 403 says nothing about whether the case exists), then the case
 * (404). Today the role decides; restricted cases and case-file audit
 * samples will add their rules here, and every case route asks through it.
 */
export async function requireCaseAccess(request: Request, reference: string | undefined, permission: Permission = "case:read") {
  const user = await requireUser(request, permission);
  const found = await findCaseId(reference ?? "");
  if (!found) throw notFound();
  return { user, case: found };
}
