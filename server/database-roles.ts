// Who may do what in the database. Two roles: an owner, which owns every
// object in schema public and is used only to migrate, and the app's role,
// which owns nothing and may only read and write rows (the audit trail: read
// and add only). A role that owns a table, or a superuser, can switch the
// audit trail's append-only trigger off (DISABLE TRIGGER, TRUNCATE,
// session_replication_role); the app's role can do none of these.
// docs/decisions/007-database-roles.md explains the choice.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";

export type Roles = { owner: string; app: string };

/** The roles set-up makes on an embedded server, and the test suite's on any server it runs on. */
export const APP_ROLES: Roles = { owner: "lado_owner", app: "lado_app" };
export const TEST_ROLES: Roles = { owner: "lado_test_owner", app: "lado_test_app" };

// Roles are cluster-wide but advisory locks are per database: provisioning
// always connects to the "postgres" database and takes this lock there.
const ROLES_LOCK_KEY = 72_616_003;

const role = (name: string) => pg.escapeIdentifier(name);

/**
 * Creates the owner role (no login) and the app's role (login, nothing else)
 * if they are missing, and gives the app's role the password kept in
 * `passwordFile` (made, mode 0600, the first time). Run as a superuser on a
 * server this project administers: an embedded one, or the test suite's.
 * Returns the app role's password.
 */
export async function provisionRoles(adminUrl: string, roles: Roles, passwordFile: string): Promise<string> {
  const password = readOrCreatePassword(passwordFile);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [ROLES_LOCK_KEY]);
    for (const [name, attributes] of [
      [roles.owner, "NOLOGIN"],
      [roles.app, "LOGIN"],
    ] as const) {
      const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${role(name)} ${attributes}`);
    }
    // Every time, so the role matches the file even if either was replaced.
    await admin.query(
      `ALTER ROLE ${role(roles.app)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
        `PASSWORD ${pg.escapeLiteral(password)}`,
    );
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [ROLES_LOCK_KEY]).catch(() => {});
    await admin.end();
  }
  return password;
}

function readOrCreatePassword(file: string) {
  try {
    // "wx": two processes starting at once must not each write their own.
    fs.writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * Makes `owner` the owner of the database, of schema public and of every
 * table, view, sequence, type and function in it: an install made before the
 * roles existed has them owned by the superuser it connected as. Needs a
 * superuser connection; does nothing when all is already in order. Sequences
 * that belong to a column follow their table, and objects of extensions stay
 * as the extension made them.
 */
export async function adoptObjects(client: pg.Client, owner: string) {
  const { rows } = await client.query<{ statement: string }>(
    `SELECT format('ALTER DATABASE %I OWNER TO %I', current_database(), $1::text) AS statement
     FROM pg_database WHERE datname = current_database() AND datdba <> to_regrole($1)
     UNION ALL
     SELECT format('ALTER SCHEMA public OWNER TO %I', $1::text)
     FROM pg_namespace WHERE nspname = 'public' AND nspowner <> to_regrole($1)`,
    [owner],
  );
  const objects = await client.query<{ statement: string }>(
    `WITH extension_members AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
     SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
              c.oid::regclass, $1::text) AS statement
     FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND c.relowner <> to_regrole($1) AND c.oid NOT IN (SELECT objid FROM extension_members)
       AND NOT (c.relkind = 'S' AND EXISTS (
         SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
     FROM pg_type t
     WHERE t.typnamespace = 'public'::regnamespace
       AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
       AND t.typowner <> to_regrole($1) AND t.oid NOT IN (SELECT objid FROM extension_members)
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
     FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND p.proowner <> to_regrole($1) AND p.oid NOT IN (SELECT objid FROM extension_members)`,
    [owner],
  );
  for (const { statement } of [...rows, ...objects.rows]) await client.query(statement);
}

/**
 * Gives the app's role exactly what it needs, whatever it had before: rows
 * of every table, but of the audit trail only reading and adding, and of
 * the migration history only reading; the sequences behind generated ids.
 * No TRUNCATE, REFERENCES or TRIGGER, no CREATE. Run as the owner, after
 * every migration run (new tables need their grants), in one transaction so
 * the app never sees a moment without its rights.
 */
export async function grantAppRole(client: pg.Client, app: string) {
  const to = role(app);
  await client.query("BEGIN");
  try {
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${to}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${to}`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM ${to}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${to}`);
    await client.query(`REVOKE UPDATE, DELETE ON "AuditEvent" FROM ${to}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${to}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * One line for the operator when the app's connection could switch the audit
 * trail's protection off (a superuser, or a role that owns the tables or
 * inherits from their owner); null when it cannot.
 */
export async function appRoleWarning(appUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; superuser: boolean; owner: boolean }>(
      `SELECT current_user AS name,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
                        AND pg_has_role(relowner, 'USAGE')) AS owner`,
    );
    const { name, superuser, owner } = rows[0]!;
    if (!superuser && !owner) return null;
    return (
      `Warning: the app connects to PostgreSQL as "${name}", ${superuser ? "a superuser" : "the owner of the tables"}, ` +
      `so it could switch off the audit trail's protection: give it a role of its own (README, "Database roles").`
    );
  } finally {
    await client.end();
  }
}
