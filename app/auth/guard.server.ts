// The guard at the top of every staff loader and action.
import { redirect } from "@remix-run/node";
import { can, type Permission } from "./permissions";
import { currentSession } from "./session.server";
import { forbidden } from "~/utils/responses.server";

export type StaffUser = NonNullable<Awaited<ReturnType<typeof currentSession>>>["user"];

/**
 * The signed-in user, who must hold the permission. No session: a redirect
 * to sign-in that brings them back. Without the permission: 403.
 */
export async function requireUser(request: Request, permission?: Permission): Promise<StaffUser> {
  const session = await currentSession(request);
  if (!session) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
    throw redirect(`/sign-in?${new URLSearchParams({ returnTo: back })}`);
  }
  if (permission && !can(session.user.roles, permission)) throw forbidden();
  return session.user;
}
