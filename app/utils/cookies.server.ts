// The one way this service makes a cookie: signed with the session secrets
// (newest first, so they can rotate), HttpOnly, SameSite=Lax, Secure in
// production, for the whole site unless a path is given.
import { createCookie } from "@remix-run/node";
import { env } from "~/config/env.server";

export function appCookie(name: string, options: { path?: string; maxAge?: number } = {}) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    secrets: env().SESSION_SECRET,
    ...options,
  });
}
