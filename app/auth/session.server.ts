// Staff sessions. The cookie holds only a signed session id; the session is a
// row in the Session table so it can be revoked. Idle timeout and absolute
// lifetime are enforced here on every request. The signed-in user's id goes
// into the request's log context (never their name or email address).
import { randomBytes } from "node:crypto";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { appCookie } from "~/utils/cookies.server";
import { annotateRequest } from "~/utils/log.server";

const TOUCH_AFTER_MS = 60_000; // write lastSeenAt at most once a minute

function sessionCookie() {
  return appCookie("lado_session");
}

export async function startSession(userId: string) {
  const now = new Date();
  const session = await db.session.create({
    data: {
      id: randomBytes(32).toString("base64url"),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    },
  });
  annotateRequest({ userId });
  return sessionCookie().serialize(session.id);
}

async function sessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length <= 64 ? value : null;
}

const looked = new WeakMap<Request, ReturnType<typeof lookUpSession>>();

/**
 * The signed-in user, or null for no, expired, revoked or tampered sessions.
 * Looked up once per request: the root loader and the page's guard share it.
 */
export function currentSession(request: Request) {
  let session = looked.get(request);
  if (!session) looked.set(request, (session = lookUpSession(request)));
  return session;
}

async function lookUpSession(request: Request) {
  const id = await sessionId(request);
  if (!id) return null;
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, name: true, email: true, roles: true, active: true } } },
  });
  const now = Date.now();
  if (
    !session ||
    session.revokedAt ||
    !session.user.active ||
    session.expiresAt.getTime() <= now ||
    session.lastSeenAt.getTime() + env().SESSION_IDLE_MINUTES * 60_000 <= now
  ) {
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  annotateRequest({ userId: session.user.id });
  return { id: session.id, user: session.user };
}

/** Revokes the request's session and returns a Set-Cookie header that clears it. */
export async function endSession(request: Request) {
  const id = await sessionId(request);
  if (id) await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return sessionCookie().serialize("", { maxAge: 0 });
}
