// Benchmark: sign-in, the case list and the case page on the production
// server, over loopback with plain fetch. Run with `npm run bench`.
//
// It opens the test database server (embedded data/pg-test, or DATABASE_URL's),
// makes its own database lado_bench, migrates it, seeds 300 cases, starts the
// production app server (needs `npm run build`), then for each request type
// and concurrency 1 and 8 sends REQUESTS requests (or stops at the time limit)
// and prints requests/s, p50 and p95. Last, the memory of the app server and
// the PostgreSQL server. It stops by itself and drops its database.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startAppServer, type AppServer, signInOverHttp } from "../tests/e2e/browser";
import { benchDatabase, limitRun, onCleanup, percentile, runBench } from "./harness";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCIES = [1, 8];
const CASES = 300;
const WARM_UP = 10;
const SCENARIO_LIMIT_MS = 60_000; // a scenario stops early after this
const TOTAL_LIMIT_MS = 10 * 60_000; // the whole benchmark gives up after this
const DATABASE = "lado_bench";
// Eight staff, one for each request in flight at concurrency 8: one person
// signing in eight times at once would (rightly) be throttled.
const EMAILS = Array.from({ length: 8 }, (_, i) => `bench-lado-${i}@example.org`);
const PASSWORD = "bench-password-bench-password";

let app: AppServer | undefined;
limitRun(TOTAL_LIMIT_MS);

// ---------------------------------------------------------------- measuring

type Result = { name: string; concurrency: number; count: number; seconds: number; p50: number; p95: number; errors: number };

/** Sends `REQUESTS` requests with `concurrency` in flight; one throws on a wrong answer. */
async function measure(name: string, concurrency: number, one: (i: number) => Promise<void>): Promise<Result> {
  for (let i = 0; i < WARM_UP; i++) await one(i);
  const durations: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS && performance.now() - started < SCENARIO_LIMIT_MS) {
      const i = next++;
      const t = performance.now();
      try {
        await one(i);
        durations.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (firstError) console.error(`  ${name}: ${errors} failed requests, the first: ${(firstError as Error).message}`);
  durations.sort((a, b) => a - b);
  return { name, concurrency, count: durations.length, seconds, p50: percentile(durations, 50), p95: percentile(durations, 95), errors };
}

function printResult(r: Result) {
  console.log(
    `${r.name.padEnd(22)} c=${String(r.concurrency).padEnd(2)} ${String(r.count).padStart(4)} requests in ${r.seconds.toFixed(1).padStart(5)} s` +
      `  ${(r.count / r.seconds).toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms` +
      (r.errors ? `  (${r.errors} errors)` : ""),
  );
}

// ---------------------------------------------------------------- memory (Linux /proc)

function statusField(pid: number, field: string): number | null {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => parentOf(p) === pid);
}

/** Proportional set size: shared pages divided among the processes sharing them. */
function pss(pid: number): number | null {
  try {
    const match = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number | null) => (bytes === null ? "?" : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function printMemory(appPid: number, postmaster: number | null) {
  // tsx runs the server in a child node process.
  const server = childrenOf(appPid)[0] ?? appPid;
  console.log(
    `\nApp server (node, pid ${server}): VmRSS ${mb(statusField(server, "VmRSS"))}, peak VmHWM ${mb(statusField(server, "VmHWM"))}`,
  );
  if (server !== appPid) console.log(`  tsx launcher (pid ${appPid}): VmRSS ${mb(statusField(appPid, "VmRSS"))}`);
  if (postmaster === null) {
    console.log("PostgreSQL: not a process on this machine, memory not measured.");
    return;
  }
  const processes = [postmaster, ...childrenOf(postmaster)];
  const rss = processes.map((p) => statusField(p, "VmRSS") ?? 0).reduce((a, b) => a + b, 0);
  const pssValues = processes.map(pss);
  const pssTotal = pssValues.every((v) => v !== null) ? pssValues.reduce((a, b) => a! + b!, 0) : null;
  console.log(
    `PostgreSQL server (postmaster pid ${postmaster}): VmRSS ${mb(statusField(postmaster, "VmRSS"))}; ` +
      `all ${processes.length} processes: VmRSS summed ${mb(rss)} (shared memory counted in each)` +
      (pssTotal !== null ? `, PSS summed ${mb(pssTotal)}` : ""),
  );
}

/** The postmaster's pid, when the server runs on this machine. */
async function postmasterPid(url: string): Promise<number | null> {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1", ""].includes(host)) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const backend = rows[0]!.pid;
    const comm = fs.existsSync(`/proc/${backend}/comm`) ? fs.readFileSync(`/proc/${backend}/comm`, "utf8").trim() : "";
    return comm.startsWith("postgres") ? parentOf(backend) : null;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the benchmark

async function main() {
  const begun = performance.now();
  const { url, embedded, db } = await benchDatabase(DATABASE);
  const { createCase, createUser } = await import("../tests/factories");

  process.stdout.write(`Seeding ${CASES} cases... `);
  for (const email of EMAILS) await createUser(db, { roles: ["LADO"], email, password: PASSWORD });
  const references: string[] = [];
  for (let i = 0; i < CASES; i += 10) {
    const made = await Promise.all(Array.from({ length: Math.min(10, CASES - i) }, () => createCase(db)));
    references.push(...made.map((c) => c.reference));
  }
  console.log(`done in ${((performance.now() - begun) / 1000).toFixed(1)} s`);

  app = await startAppServer({ databaseUrl: url });
  onCleanup(() => app!.stop());
  const base = app.url;
  console.log(`App server at ${base} (production build), database ${embedded ? "embedded PostgreSQL" : "from DATABASE_URL"}`);
  console.log(`${REQUESTS} requests per line (fewer if a line reaches ${SCENARIO_LIMIT_MS / 1000} s), after ${WARM_UP} warm-up requests\n`);

  const signIn = (i = 0) => signInOverHttp(base, EMAILS[i % EMAILS.length]!, PASSWORD);
  const cookie = await signIn();
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  };

  const results: Result[] = [];
  for (const concurrency of CONCURRENCIES) {
    for (const [name, one] of [
      ["sign-in (POST)", async (i: number) => void (await signIn(i))],
      ["case list (GET)", () => get("/cases")],
      ["case page (GET)", (i: number) => get(`/cases/${references[i % references.length]}`)],
    ] as const) {
      const result = await measure(name, concurrency, one);
      printResult(result);
      results.push(result);
    }
  }

  printMemory(app.pid, await postmasterPid(url));
  console.log(`\nTotal time ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

await runBench(main, () => app?.output());
