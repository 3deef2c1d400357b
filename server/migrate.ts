// Applies prisma/migrations/*/migration.sql in order, each in its own
// transaction, under an advisory lock so concurrent starts apply each exactly
// once. Rows go into _prisma_migrations with Prisma's SHA-256 checksum, so
// `prisma migrate status` agrees. Faster than `prisma migrate deploy` here
// (no lock timer) and it leaves nothing to resolve by hand after an error.
// Migrations run as the owner of the schema; afterwards the app's role is
// granted exactly its rights (server/database-roles.ts).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "./database";
import { adoptObjects, grantAppRole } from "./database-roles";

const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const LOCK_KEY = 72_616_001; // any constant: the app's migration lock

/** Where and as whom to migrate one database. */
export type MigrationTarget = {
  /** A connection to the database: as its owner, or as a superuser when `owner` is set. */
  url: string;
  /**
   * Servers this project administers (embedded, the test suite's): the
   * superuser first hands everything to this role, then acts as it, so every
   * object it creates is the owner's.
   */
  owner?: string;
  /** The role the app connects as, granted its rights after migrating; none when the app connects as `url`'s user. */
  appRole?: string;
};

export function migrationFolders() {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * A fingerprint of what a migrated database holds, to name a migrated
 * template database: the migration history, and how this runner applies it
 * (who owns what, what the app's role is granted).
 */
export function migrationsFingerprint() {
  const hash = createHash("sha256");
  for (const name of migrationFolders()) {
    hash.update(name).update(fs.readFileSync(path.join(migrationsDir, name, "migration.sql")));
  }
  for (const runner of ["server/migrate.ts", "server/database-roles.ts"]) hash.update(fs.readFileSync(path.join(projectRoot, runner)));
  return hash.digest("hex").slice(0, 12);
}

export async function migrate({ url, owner, appRole }: MigrationTarget): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    if (owner) {
      await adoptObjects(client, owner);
      await client.query(`SET ROLE ${pg.escapeIdentifier(owner)}`);
    }
    // The app's own role may run this too (DATABASE_URL without
    // DATABASE_MIGRATION_URL): it cannot create tables, and need not when
    // nothing is pending.
    const history = await client.query<{ exists: boolean }>("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists");
    if (!history.rows[0]!.exists) {
      await client.query(`CREATE TABLE "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    }
    const done = new Set(
      (
        await client.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).rows.map((r) => r.migration_name),
    );
    for (const name of migrationFolders()) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const denied = (error as { code?: string }).code === "42501"; // insufficient_privilege
        throw new Error(
          `Migration ${name} failed and was rolled back: ${(error as Error).message}` +
            (denied ? ` (migrations need the owner's connection: set DATABASE_MIGRATION_URL; README, "Database roles")` : ""),
        );
      }
      applied.push(name);
    }
    const { rows } = await client.query<{ name: string }>("SELECT current_user AS name");
    if (appRole && appRole !== rows[0]!.name) await grantAppRole(client, appRole);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
