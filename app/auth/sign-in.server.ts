// Staff sign-in with remix-auth's form strategy. Failures are counted per
// e-mail address typed (whether or not an account has it) and pause sign-in
// after too many, so nothing reveals which accounts exist.
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { recordAudit } from "~/audit/audit.server";
import { decoyHash, verifyPassword } from "./password.server";

export class SignInError extends Error {
  constructor(
    readonly reason: "invalid" | "locked",
    readonly lockedUntil?: Date,
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

type SignedIn = { id: string; name: string };

export const authenticator = new Authenticator<SignedIn>();
authenticator.use(
  new FormStrategy(async ({ form, request }) => {
    const { email, password } = signInSchema.parse({ email: form.get("email"), password: form.get("password") });
    const now = new Date();
    const throttle = await db.signInThrottle.findUnique({ where: { email } });
    if (throttle?.lockedUntil && throttle.lockedUntil > now) throw new SignInError("locked", throttle.lockedUntil);

    const user = await db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(password, user?.active ? user.passwordHash : await decoyHash);
    if (!ok || !user?.active) {
      const failures = (throttle?.failures ?? 0) + 1;
      const lockedUntil = failures >= env().SIGN_IN_MAX_FAILURES ? new Date(now.getTime() + env().SIGN_IN_LOCK_MINUTES * 60_000) : null;
      await db.signInThrottle.upsert({
        where: { email },
        create: { email, failures, lastFailedAt: now, lockedUntil },
        update: { failures, lastFailedAt: now, lockedUntil },
      });
      await recordAudit(request, { who: user?.id ?? null, what: "auth.sign-in-failed", details: { failures } });
      throw lockedUntil ? new SignInError("locked", lockedUntil) : new SignInError("invalid");
    }
    await db.signInThrottle.deleteMany({ where: { email } });
    await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(request, { who: user.id, what: "auth.sign-in" });
    return { id: user.id, name: user.name };
  }),
  "form",
);
