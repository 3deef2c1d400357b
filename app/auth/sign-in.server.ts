// Staff sign-in with remix-auth's form strategy. Attempts are throttled per
// email address typed (whether or not an account has it, so nothing reveals
// which accounts exist) and per client address, with growing delays rather
// than a lock-out (sign-in-throttle.server.ts).
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import { db } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { clientAddress } from "~/utils/client-address.server";
import { decoyHash, verifyPassword } from "./password.server";
import { signInSucceeded, takeSignInAttempt, throttleKeys } from "./sign-in-throttle.server";

export class SignInError extends Error {
  constructor(
    readonly reason: "invalid" | "throttled",
    /** For "throttled": how long until the next attempt may be checked. */
    readonly waitMs = 0,
  ) {
    super(reason);
  }
}

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(200, "Password must be 200 characters or fewer"),
});

type SignedIn = { id: string; name: string; roles: Role[] };

export const authenticator = new Authenticator<SignedIn>();
authenticator.use(
  new FormStrategy(async ({ form, request }) => {
    const { email, password } = signInSchema.parse({ email: form.get("email"), password: form.get("password") });
    const now = new Date();
    const keys = throttleKeys(email, clientAddress(request));
    const attempt = await takeSignInAttempt(keys, now);
    const user = await db.user.findUnique({ where: { email } });
    if (!attempt.allowed) {
      // Refused before the password is checked: it costs no hashing.
      await recordAudit(request, { who: user?.id ?? null, what: "auth.sign-in-failed", details: { throttled: true } });
      throw new SignInError("throttled", attempt.waitMs);
    }

    const ok = await verifyPassword(password, user?.active ? user.passwordHash : await decoyHash);
    if (!ok || !user?.active) {
      await recordAudit(request, { who: user?.id ?? null, what: "auth.sign-in-failed", details: { failures: attempt.accountFailures } });
      throw new SignInError("invalid");
    }
    await signInSucceeded(keys, now);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await recordAudit(request, { who: user.id, what: "auth.sign-in" }, tx);
    });
    return { id: user.id, name: user.name, roles: user.roles };
  }),
  "form",
);
