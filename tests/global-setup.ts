// Once per test run: open the test database server (the embedded one under
// data/pg-test, or DATABASE_URL's, where a superuser is needed), which makes
// the suite's owner and app roles there, and make a template database
// migrated to the current schema as the owner, with the app role's grants
// and bank holidays. Each test file then gets its own database copied from it
// (tests/setup-file.ts), grants and all, so files run in parallel and the app
// runs with exactly the rights it has in production.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabaseServer, projectRoot, withDatabase } from "../server/database";
import { migrate, migrationsFingerprint } from "../server/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser's and the app role's connections (to the "postgres" database), the owner role, the template database. */
    database: { adminUrl: string; appUrl: string; owner: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await openDatabaseServer("test");
  const template = `lado_template_${templateFingerprint()}`;
  const adminUrl = server.adminUrlFor("postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(72616002)");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrate(server.migrationFor(building));
      await fillTemplate(withDatabase(server.url, building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    // Databases left by an interrupted earlier run (test databases are named
    // after the runner's process id; a live runner's are left alone).
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'lado\\_test\\_%' OR (datname LIKE 'lado\\_template\\_%' AND datname <> $1)",
      [template],
    );
    for (const { datname } of stale.rows) {
      const runner = Number(/^lado_test_(\d+)_/.exec(datname)?.[1]);
      if (runner && alive(runner)) continue;
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(72616002)").catch(() => {});
    await admin.end();
  }
  // The test server always has the suite's roles (server/database.ts makes them).
  project.provide("database", { adminUrl, appUrl: server.url, owner: server.roles!.owner, template });
  return async () => {
    // Another run may be using the same server: leave it running for them.
    const others = new pg.Client({ connectionString: adminUrl });
    await others.connect();
    const names = await others.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'lado\\_test\\_%'");
    await others.end();
    const busy = names.rows.some(({ datname }) => {
      const runner = Number(/^lado_test_(\d+)_/.exec(datname)?.[1]);
      return runner && runner !== process.pid && alive(runner);
    });
    if (!busy) await server.stop();
  };
}

/** What the template holds: the migrated schema, and the bank holidays as the code that fills them has them. */
function templateFingerprint() {
  const filler = fs.readFileSync(path.join(projectRoot, "app/calendar/bank-holidays.server.ts"));
  return createHash("sha256").update(migrationsFingerprint()).update(filler).digest("hex").slice(0, 12);
}

async function fillTemplate(url: string) {
  process.env.DATABASE_URL = url;
  process.env.SESSION_SECRET ??= "template-secret-template-secret-template";
  const { db } = await import("~/db.server");
  const { loadBankHolidays } = await import("~/calendar/bank-holidays.server");
  await loadBankHolidays(db);
  await db.$disconnect();
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
