// Admins keep staff accounts and roles.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { verifyPassword } from "~/auth/password.server";
import * as editUser from "~/routes/users.$userId";
import * as newUser from "~/routes/users.new";
import { createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

type Failure = { errors: Record<string, string>; values: Record<string, string | string[]> };

describe("adding a user", () => {
  it("creates the account with a hashed password and records who did it", async () => {
    const admin = await signedIn(["ADMIN"]);
    const form = { name: "Priya Shah", email: "Priya.Shah@Example.org", roles: ["LADO", "MANAGER"], password: "twelve chars plus" };
    const { value } = await run(newUser.action, request("/users/new", { caller: admin, form }));
    expect(statusOf(value)).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "priya.shah@example.org" } });
    expect(user.roles).toEqual(["LADO", "MANAGER"]);
    expect(user.passwordHash).not.toContain("twelve");
    expect(await verifyPassword("twelve chars plus", user.passwordHash)).toBe(true);
    expect(await db.auditEvent.count({ where: { userId: admin.user.id, action: "user.create" } })).toBe(1);
  });

  it("shows each field's error, keeps what was typed but never the password", async () => {
    const admin = await signedIn(["ADMIN"]);
    const { value } = await run(
      newUser.action,
      request("/users/new", { caller: admin, form: { name: "", email: "not-an-email", password: "short" } }),
    );
    expect(statusOf(value)).toBe(400);
    const failure = bodyOf<Failure>(value);
    expect(failure.errors).toEqual({
      name: "Enter the person's full name",
      email: "Enter an email address in the correct format, like name@example.org",
      roles: "Select at least one role",
      password: "Password must be at least 12 characters",
    });
    expect(failure.values).toMatchObject({ email: "not-an-email", password: "" });
  });

  it("refuses a second account with the same email", async () => {
    const admin = await signedIn(["ADMIN"]);
    await createUser(db, { roles: ["LADO"], email: "taken@example.org" });
    const { value } = await run(
      newUser.action,
      request("/users/new", {
        caller: admin,
        form: { name: "X", email: "TAKEN@example.org", roles: "LADO", password: "long enough password" },
      }),
    );
    expect(bodyOf<Failure>(value).errors.email).toBe("A user with this email address already exists");
  });

  it("rejects a role that does not exist", async () => {
    const admin = await signedIn(["ADMIN"]);
    const { value } = await run(
      newUser.action,
      request("/users/new", {
        caller: admin,
        form: { name: "X", email: "x@example.org", roles: "SUPERUSER", password: "long enough password" },
      }),
    );
    expect(bodyOf<Failure>(value).errors["roles.0"] ?? bodyOf<Failure>(value).errors.roles).toBe("Choose a role from the list");
  });
});

describe("changing a user", () => {
  it("deactivating signs them out everywhere", async () => {
    const admin = await signedIn(["ADMIN"]);
    const lado = await signedIn(["LADO"]);
    const { value } = await run(
      editUser.action,
      request(`/users/${lado.user.id}`, { caller: admin, form: { roles: "LADO", active: "no", password: "" } }),
      { userId: lado.user.id },
    );
    expect(statusOf(value)).toBe(302);
    expect(await db.session.count({ where: { userId: lado.user.id, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: lado.user.id } })).active).toBe(false);
  });

  it("an admin cannot remove their own admin role", async () => {
    const admin = await signedIn(["ADMIN"]);
    const { value } = await run(
      editUser.action,
      request(`/users/${admin.user.id}`, { caller: admin, form: { roles: "LADO", active: "yes", password: "" } }),
      { userId: admin.user.id },
    );
    expect(statusOf(value)).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).roles).toEqual(["ADMIN"]);
  });

  it("answers 404 for an unknown or malformed user id", async () => {
    const admin = await signedIn(["ADMIN"]);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const { value } = await run(editUser.loader, request(`/users/${id}`, { caller: admin }), { userId: id });
      expect(statusOf(value)).toBe(404);
    }
  });
});
