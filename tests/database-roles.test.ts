// The audit trail cannot be switched off from the app's connection. When the
// app connected as the superuser, `SET session_replication_role = replica`
// then DELETE committed, and TRUNCATE and DISABLE TRIGGER worked. Now the app
// connects as a role that owns nothing and may only read and add audit
// events; migrations run as the owner and grant it exactly that, every time.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/db.server";
import { openDatabaseServer, withDatabase } from "../server/database";
import { appRoleWarning } from "../server/database-roles";
import { migrate, type MigrationTarget } from "../server/migrate";
import { createUser } from "./factories";

const { adminUrl, owner } = inject("database");
const appUrl = process.env.DATABASE_URL!; // this file's database, as the app's role (tests/setup-file.ts)
const appRole = decodeURIComponent(new URL(appUrl).username);
const databaseName = decodeURIComponent(new URL(appUrl).pathname.slice(1));
const asOwner: MigrationTarget = { url: withDatabase(adminUrl, databaseName), owner, appRole };

const app = new pg.Client({ connectionString: appUrl });
const admin = new pg.Client({ connectionString: asOwner.url }); // a superuser, on this file's database
beforeAll(async () => {
  await app.connect();
  await admin.connect();
});
afterAll(async () => {
  await app.end();
  await admin.end();
});

describe("the app's database role", () => {
  it.each([
    ["SET session_replication_role = replica", /permission denied to set parameter "session_replication_role"/],
    [`DELETE FROM "AuditEvent"`, /permission denied for table AuditEvent/],
    [`UPDATE "AuditEvent" SET action = 'edited'`, /permission denied for table AuditEvent/],
    [`TRUNCATE "AuditEvent"`, /permission denied for table AuditEvent/],
    [`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`, /must be owner of table AuditEvent/],
    [`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`, /must be owner of (table|relation) AuditEvent/],
    [`CREATE TABLE x (id int)`, /permission denied for schema public/],
    [`DROP TABLE "Case"`, /must be owner of table Case/],
    [`TRUNCATE "Case"`, /permission denied for table Case/],
    [`DELETE FROM "_prisma_migrations"`, /permission denied for table _prisma_migrations/],
  ])("is refused %s", async (sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
  });

  it("reads and adds audit events, and changes the rows of other tables", async () => {
    await app.query(`INSERT INTO "AuditEvent" (action, "requestId") VALUES ('test.roles', 'roles-test')`);
    expect((await app.query(`SELECT action FROM "AuditEvent" WHERE "requestId" = 'roles-test'`)).rows).toEqual([{ action: "test.roles" }]);
    const user = await createUser(db, { roles: ["LADO"] });
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("owns nothing, is no superuser, and set-up would not warn about it", async () => {
    const { rows } = await admin.query<{ owned: string; superuser: boolean }>(
      `SELECT count(*) FILTER (WHERE relowner = to_regrole($1)) AS owned, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS superuser
       FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
      [appRole],
    );
    expect(rows).toEqual([{ owned: "0", superuser: false }]);
    expect(await appRoleWarning(appUrl)).toBeNull();
    expect(await appRoleWarning(asOwner.url)).toMatch(
      /a superuser, so it could switch off the audit trail's protection.*README, "Database roles"/,
    );
  });
});

describe("the owner", () => {
  it("meets the append-only trigger too", async () => {
    await admin.query(`SET ROLE ${pg.escapeIdentifier(owner)}`);
    try {
      await expect(admin.query(`UPDATE "AuditEvent" SET action = 'edited'`)).rejects.toThrow(/append-only: UPDATE is not allowed/);
      await expect(admin.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE is not allowed/);
    } finally {
      await admin.query("RESET ROLE");
    }
  });
});

describe("migrating", () => {
  /** Every table's and sequence's owner, and what the app's role may do with it. */
  async function privileges() {
    const { rows } = await admin.query<{ name: string; kind: string; owner: string; app: string }>(
      `SELECT c.relname AS name, c.relkind AS kind, pg_get_userbyid(c.relowner) AS owner,
              coalesce((SELECT string_agg(a.privilege_type, ',' ORDER BY a.privilege_type)
                        FROM aclexplode(c.relacl) a WHERE a.grantee = to_regrole($1)), '') AS app
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S') ORDER BY c.relname`,
      [appRole],
    );
    return rows;
  }

  it("gives the owner everything and the app's role exactly its rights, the same every time", async () => {
    expect(await migrate(asOwner)).toEqual([]);
    const first = await privileges();
    expect(await migrate(asOwner)).toEqual([]);
    expect(await privileges()).toEqual(first);

    expect(first.filter((r) => r.owner !== owner)).toEqual([]);
    const rights = Object.fromEntries(first.map((r) => [r.name, r.app]));
    expect(rights).toMatchObject({
      AuditEvent: "INSERT,SELECT",
      _prisma_migrations: "SELECT",
      AuditEvent_id_seq: "SELECT,USAGE",
      Case: "DELETE,INSERT,SELECT,UPDATE",
      User: "DELETE,INSERT,SELECT,UPDATE",
    });
    const tables = first.filter((r) => r.kind !== "S" && r.name !== "AuditEvent" && r.name !== "_prisma_migrations");
    expect(tables.filter((r) => r.app !== "DELETE,INSERT,SELECT,UPDATE")).toEqual([]);
    expect(first.filter((r) => r.kind === "S" && r.app !== "SELECT,USAGE")).toEqual([]);
  });

  it("hands objects an older install left to the superuser to the owner, and grants on them", async () => {
    await admin.query(`ALTER SCHEMA public OWNER TO CURRENT_USER`);
    await admin.query(`CREATE TYPE "LeftoverKind" AS ENUM ('A', 'B')`);
    await admin.query(`CREATE TABLE "Leftover" (id SERIAL PRIMARY KEY, kind "LeftoverKind")`);
    await admin.query(`CREATE FUNCTION "leftover_count"() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM "Leftover"'`);
    try {
      await migrate(asOwner);
      const owners = await admin.query<{ owner: string }>(
        `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'public'
         UNION ALL SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typname = 'LeftoverKind'
         UNION ALL SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname IN ('Leftover', 'Leftover_id_seq')
         UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'leftover_count'`,
      );
      expect(owners.rows.map((r) => r.owner)).toEqual([owner, owner, owner, owner, owner]);
      await app.query(`INSERT INTO "Leftover" (kind) VALUES ('A')`);
      await app.query(`DELETE FROM "Leftover"`);
    } finally {
      await admin.query(`DROP FUNCTION "leftover_count"(); DROP TABLE "Leftover"; DROP TYPE "LeftoverKind"`);
    }
  });

  it("works as the app's own role when nothing is pending, though it cannot create tables", async () => {
    expect(await migrate({ url: appUrl })).toEqual([]);
  });
});

describe("an operator's server (DATABASE_URL)", () => {
  const source = {
    DATABASE_URL: "postgresql://lado_app:app-secret@db.internal:5432/lado",
    DATABASE_MIGRATION_URL: "postgresql://lado_owner:owner-secret@db.internal:5432/lado",
  };

  it("connects the app as DATABASE_URL, and migrates as DATABASE_MIGRATION_URL granting DATABASE_URL's user", async () => {
    const server = await openDatabaseServer("app", source);
    expect(server.url).toBe(source.DATABASE_URL);
    expect(server.migration).toEqual({ url: source.DATABASE_MIGRATION_URL, appRole: "lado_app" });
    expect(server.restart).toBeUndefined(); // never someone else's server
  });

  it("migrates as DATABASE_URL, granting nothing, without DATABASE_MIGRATION_URL", async () => {
    const server = await openDatabaseServer("app", { DATABASE_URL: source.DATABASE_URL });
    expect(server.migration).toEqual({ url: source.DATABASE_URL, appRole: undefined });
  });

  it("refuses DATABASE_MIGRATION_URL without DATABASE_URL", async () => {
    await expect(openDatabaseServer("app", { DATABASE_MIGRATION_URL: source.DATABASE_MIGRATION_URL })).rejects.toThrow(
      /DATABASE_MIGRATION_URL: is only used with DATABASE_URL/,
    );
  });
});
