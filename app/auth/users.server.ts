// Staff accounts, kept by admins.
import { z } from "zod";
import { Role } from "~/generated/prisma/enums";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db } from "~/db.server";
import { hashPassword } from "./password.server";

const roles = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(Role, "Choose a role from the list")).min(1, "Select at least one role"),
);

export const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's full name").max(120, "Name must be 120 characters or fewer"),
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org"))
    .transform((e) => e.toLowerCase()),
  roles,
  password: z.string().min(12, "Password must be at least 12 characters").max(200, "Password must be 200 characters or fewer"),
});

export const editUserSchema = z.object({
  roles,
  active: z.enum(["yes", "no"], "Select whether the account is active"),
  password: z
    .string()
    .max(200, "Password must be 200 characters or fewer")
    .refine((p) => p === "" || p.length >= 12, "Password must be at least 12 characters"),
});

/** Makes the account and records who made it, in one transaction. */
export async function createStaffUser(request: Request, adminId: string, input: z.infer<typeof newUserSchema>) {
  const passwordHash = await hashPassword(input.password); // before the transaction: hashing waits its turn
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: input.name, email: input.email, roles: input.roles, passwordHash } });
    await recordAudit(
      request,
      { who: adminId, what: "user.create", subject: { type: "user", id: user.id }, details: { roles: user.roles } },
      tx,
    );
    return user;
  });
}

/**
 * Saves roles, active and an optional new password, and records the change,
 * in one transaction; deactivating or a new password ends their sessions.
 */
export async function updateStaffUser(request: Request, adminId: string, id: string, input: z.infer<typeof editUserSchema>) {
  const active = input.active === "yes";
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { roles: input.roles, active, ...(passwordHash ? { passwordHash } : {}) } });
    if (!active || passwordHash) {
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit(
      request,
      {
        who: adminId,
        what: "user.update",
        subject: { type: "user", id },
        details: { roles: input.roles, active, passwordReset: Boolean(passwordHash) },
      },
      tx,
    );
  });
}

/** Every account, active ones first, for the admins' list. */
export function listStaffUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, roles: true, active: true, lastSignInAt: true },
  });
}

/** The account with this id (from a URL), or null for a malformed or unknown id. */
export async function findStaffUser(param: string | undefined) {
  const id = z.uuid().safeParse(param);
  if (!id.success) return null;
  return db.user.findUnique({ where: { id: id.data }, select: { id: true, name: true, email: true, roles: true, active: true } });
}

export async function emailInUse(email: string) {
  return (await db.user.count({ where: { email } })) > 0;
}
