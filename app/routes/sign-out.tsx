import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { currentSession, endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await currentSession(request);
  if (session) await recordAudit(request, { who: session.user.id, what: "auth.sign-out" });
  return redirect("/sign-in", { headers: { "Set-Cookie": await endSession(request) } });
}

export async function loader() {
  return redirect("/");
}
