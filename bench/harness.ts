// What every benchmark here needs: clean-up steps that run once (on success,
// failure, Ctrl-C or when the time limit is reached), percentiles, and a
// database of its own.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";
import { openDatabaseServer, withDatabase } from "../server/database";
import { migrate } from "../server/migrate";

const steps: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a clean-up step; steps run newest first. */
/** The sizes a bench runs at, from a comma-separated setting ("200000,1000000"), smallest first. */
export const benchSizes = z
  .string()
  .default("200000,1000000")
  .transform((s) => s.split(",").map(Number))
  .pipe(z.array(z.number().int().min(1_000).max(5_000_000)).min(1))
  .transform((sizes) => [...sizes].sort((a, b) => a - b));

/** Whether to keep a bench's database afterwards ("1"), to run again without building it. */
export const benchKeep = z
  .enum(["0", "1"])
  .default("0")
  .transform((v) => v === "1");

export function onCleanup(step: () => Promise<unknown>) {
  steps.push(async () => void (await step()));
}

/** Runs the clean-up steps registered so far, once. */
function cleanup() {
  cleaning ??= (async () => {
    while (steps.length) await steps.pop()!().catch((error: Error) => console.error(`Cleaning up: ${error.message}`));
  })();
  return cleaning;
}

/** Cleans up and exits on Ctrl-C, SIGTERM, or after `totalMs` whatever is happening. */
export function limitRun(totalMs: number) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\nStopped by ${signal}: cleaning up.`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  setTimeout(() => {
    console.error(`The benchmark took longer than ${totalMs / 60_000} minutes: giving up.`);
    void cleanup().finally(() => process.exit(1));
  }, totalMs).unref();
}

/**
 * Runs a benchmark: its exit code from `main`, or 1 after printing the error
 * and whatever `printed` returns (the app server's output); cleans up, exits.
 */
export async function runBench(main: () => Promise<number>, printed: () => string | undefined = () => undefined): Promise<never> {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    const output = printed();
    if (output) console.error(`The app server printed:\n${output}`);
  } finally {
    await cleanup();
  }
  process.exit(code);
}

/**
 * p50 and p95 of `requests` GETs of a page on `base`, signed in with
 * `cookie`, one at a time, after `warmUp` unmeasured ones. Anything but a
 * 200 stops the bench.
 */
export async function timePage(base: string, cookie: string, path: string, { requests, warmUp }: { requests: number; warmUp: number }) {
  const get = async () => {
    const response = await fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  };
  for (let i = 0; i < warmUp; i++) await get();
  const durations: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await get();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The benchmark's own database `name` on the test database server (embedded
 * data/pg-test, or DATABASE_URL's), migrated; the app's modules, imported
 * after this, use it. Made afresh and dropped at clean-up, unless `keep`:
 * then one left by an earlier run is reused (and migrated to the current
 * schema), and it is left for the next, so a large data set is loaded once.
 */
export async function benchDatabase(name: string, { keep = false } = {}) {
  const server = await openDatabaseServer("test");
  onCleanup(() => server.stop());
  const asAdmin = async (sql: string, values: unknown[] = []) => {
    const admin = new pg.Client({ connectionString: server.adminUrlFor("postgres") });
    await admin.connect();
    return admin.query(sql, values).finally(() => admin.end());
  };
  const reused = keep && ((await asAdmin("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
  if (!reused) {
    await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await asAdmin(`CREATE DATABASE "${name}"`);
  }
  if (!keep) onCleanup(() => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  // Migrated as the owner; the app (and the seeding) connects as its own role.
  await migrate(server.migrationFor(name));
  const url = withDatabase(server.url, name);

  process.env.DATABASE_URL = url;
  process.env.SESSION_SECRET ??= "bench-session-secret-bench-session-secret";
  const { db } = await import("~/db.server");
  onCleanup(() => db.$disconnect());
  return { url, adminUrl: server.adminUrlFor(name), embedded: server.embedded, reused, db };
}
