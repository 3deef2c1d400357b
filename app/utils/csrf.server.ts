// Cross-site request forgery. The server refuses a cross-site POST by its
// Origin and Sec-Fetch-Site headers (server/index.ts); on top of that every
// form that changes something carries a token only this browser can know: an
// HMAC, with the session secret, of the staff session's id or of the referral
// draft's id. A forged, missing or other browser's token gets the 400 page.
import { createHmac, timingSafeEqual } from "node:crypto";
import { data } from "@remix-run/node";
import { env } from "~/config/env.server";

/** The form field every token travels in. */
export const CSRF_FIELD = "csrf";

type Purpose = "staff" | "referral";

const token = (secret: string, purpose: Purpose, id: string) => createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");

/** The token for forms sent by the holder of this session or draft id. */
export function formToken(purpose: Purpose, id: string) {
  return token(env().SESSION_SECRET[0]!, purpose, id);
}

/** Throws the 400 "tampered" answer unless `sent` is the token for this id (under any current secret). */
export function checkFormToken(purpose: Purpose, id: string, sent: unknown) {
  const given = Buffer.from(typeof sent === "string" ? sent : "");
  const ok = env().SESSION_SECRET.some((secret) => {
    const expected = Buffer.from(token(secret, purpose, id));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw data({ message: "tampered" }, { status: 400 });
}
