// Signing out: a POST carrying the session's CSRF token (requireUser checks
// it), which revokes the session row and clears the cookie.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { requireUser } from "~/auth/guard.server";
import { endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await recordAudit(request, { who: user.id, what: "auth.sign-out" });
  return redirect("/sign-in", { headers: { "Set-Cookie": await endSession(request) } });
}

export async function loader() {
  return redirect("/");
}
