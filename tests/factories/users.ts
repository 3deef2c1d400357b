// Staff users: LADOs, managers, business support, auditors and admins, who
// sign in with a password (tests use DEFAULT_PASSWORD unless they give one).
import { hashPassword } from "~/auth/password.server";
import type { Db } from "~/db.server";
import type { Role } from "~/generated/prisma/client";
import { personName } from "./people";
import { faker, slug } from "./shared";

export const DEFAULT_PASSWORD = "correct horse battery staple";

export type UserInput = { roles: Role[]; email?: string; name?: string; password?: string; active?: boolean };

export async function createUser(db: Db, { roles, email, name, password = DEFAULT_PASSWORD, active = true }: UserInput) {
  const made = personName();
  const fullName = name ?? made.full;
  const address = (email ?? `${slug(made.first)}.${slug(made.last)}.${faker.string.numeric(4)}@example.org`).toLowerCase();
  return db.user.create({
    data: { name: fullName, email: address, roles, active, passwordHash: await hashPassword(password) },
  });
}
