// Benchmark: how many referrals a second the public referral form accepts, on
// the production server over loopback with plain fetch, and that none is
// lost. Run with `npm run bench:referrals`.
//
// It runs twice: on the embedded PostgreSQL (the test server under
// data/pg-test, server/database.ts) and on the machine's PostgreSQL
// (BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
// On each it makes its own database lado_bench_referrals, migrates it, starts
// its own production app server (needs `npm run build`) with the referral rate
// limit raised out of the way, then sends SUBMISSIONS referrals (or stops at
// the time limit) at concurrency 1 and 8. One submission is what a referrer's
// browser sends without JavaScript: POST /refer, GET the screener (for the
// CSRF token), POST the screener, POST each of the five pages, POST
// /refer/check; every answer is checked (302 to the right page). Last, the
// Case rows with source ONLINE_FORM are counted: they must equal the number
// of referrals accepted. It stops by itself, stops its servers and drops its
// databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openDatabaseServer, withDatabase } from "../server/database";
import { migrate } from "../server/migrate";
import { startAppServer, type AppServer } from "../tests/e2e/browser";
import { referralAnswers } from "../tests/referral-answers";
import { limitRun, onCleanup, percentile, runBench } from "./harness";

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const CONCURRENCIES = [1, 8];
const WARM_UP = 5;
const RUN_LIMIT_MS = 60_000; // a run starts no new submission after this
const TOTAL_LIMIT_MS = 10 * 60_000; // the whole benchmark gives up after this
const REQUEST_TIMEOUT_MS = 30_000;
const DATABASE = "lado_bench_referrals";
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// The app accepts at most 10,000 an hour per address (app/config/env.server.ts):
// far more than this sends from 127.0.0.1 to one server.
const RATE_LIMIT = "10000";

// ---------------------------------------------------------------- cleaning up

limitRun(TOTAL_LIMIT_MS);

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------- one referral, as a browser sends it

function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body;
}

type Timing = { total: number; check: number };

/** One referral from start to sent; throws on any answer but the expected one. */
async function submitReferral(base: string, n: number): Promise<Timing> {
  const started = performance.now();
  let cookie = "";
  const send = async (method: "GET" | "POST", url: string, fields?: Record<string, string | string[]>) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { ...(cookie ? { Cookie: cookie } : {}), ...(fields ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: fields ? formBody(fields) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!;
    return { status: response.status, location: response.headers.get("location"), text };
  };
  const expectRedirect = (what: string, answer: { status: number; location: string | null; text: string }, to: string) => {
    if (answer.status !== 302 || answer.location !== to) {
      const detail = answer.text.replace(/\s+/g, " ").slice(0, 200);
      throw new Error(`${what} answered ${answer.status}${answer.location ? ` to ${answer.location}` : ""}, not 302 to ${to}: ${detail}`);
    }
  };

  // The start page's form posts to its index route.
  expectRedirect("POST /refer", await send("POST", "/refer?index", {}), "/refer/screener");
  if (!cookie) throw new Error("POST /refer set no cookie");
  const screener = await send("GET", "/refer/screener");
  const csrf = /<input[^>]*name="csrf"[^>]*value="([^"]+)"/.exec(screener.text)?.[1];
  if (screener.status !== 200 || !csrf)
    throw new Error(`GET /refer/screener answered ${screener.status} with${csrf ? "" : " no"} CSRF token`);
  expectRedirect(
    "POST /refer/screener",
    await send("POST", "/refer/screener", { csrf, worksWithChildren: "yes", aboutConduct: "yes", immediateDanger: "no" }),
    "/refer/about-you",
  );
  const steps = Object.entries(referralAnswers(n + 1));
  for (let i = 0; i < steps.length; i++) {
    const [slug, answers] = steps[i]!;
    const next = i + 1 < steps.length ? `/refer/${steps[i + 1]![0]}` : "/refer/attachments";
    expectRedirect(`POST /refer/${slug}`, await send("POST", `/refer/${slug}`, { csrf, ...answers }), next);
  }
  const checkStarted = performance.now();
  expectRedirect("POST /refer/check", await send("POST", "/refer/check", { csrf, declaration: "yes" }), "/refer/sent");
  const ended = performance.now();
  return { total: ended - started, check: ended - checkStarted };
}

// ---------------------------------------------------------------- measuring

type Result = {
  database: string;
  concurrency: number;
  accepted: number;
  seconds: number;
  p50: number;
  p95: number;
  checkP50: number;
  checkP95: number;
  errors: number;
};

let serial = 0;

/** Sends SUBMISSIONS referrals with `concurrency` in flight, after a few unmeasured ones. */
async function measure(database: string, base: string, concurrency: number, accepted: { count: number }): Promise<Result> {
  for (let i = 0; i < WARM_UP; i++) {
    await submitReferral(base, ++serial);
    accepted.count++;
  }
  const totals: number[] = [];
  const checks: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const worker = async () => {
    while (next < SUBMISSIONS && performance.now() - started < RUN_LIMIT_MS) {
      next++;
      try {
        const timing = await submitReferral(base, ++serial);
        accepted.count++;
        totals.push(timing.total);
        checks.push(timing.check);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (firstError)
    console.error(`  ${database} c=${concurrency}: ${errors} failed submissions, the first: ${(firstError as Error).message}`);
  totals.sort((a, b) => a - b);
  checks.sort((a, b) => a - b);
  return {
    database,
    concurrency,
    accepted: totals.length,
    seconds,
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    checkP50: percentile(checks, 50),
    checkP95: percentile(checks, 95),
    errors,
  };
}

const COLUMNS = ["database", "conc.", "accepted", "time s", "referrals/s", "p50 ms", "p95 ms", "check p50 ms", "check p95 ms", "errors"];
const WIDTHS = [34, 5, 8, 6, 11, 7, 7, 12, 12, 6];

function row(cells: string[]) {
  return cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i]!) : c.padStart(WIDTHS[i]!))).join("  ");
}

function printHeader() {
  console.log(row(COLUMNS));
  console.log(row(WIDTHS.map((w) => "-".repeat(w))));
}

function printResult(r: Result) {
  console.log(
    row([
      r.database,
      String(r.concurrency),
      String(r.accepted),
      r.seconds.toFixed(1),
      (r.accepted / r.seconds).toFixed(1),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.checkP50.toFixed(1),
      r.checkP95.toFixed(1),
      String(r.errors),
    ]),
  );
}

// ---------------------------------------------------------------- one database server

type Outcome = { results: Result[]; accepted: number; stored: number };

/** Makes lado_bench_referrals on the server, runs both concurrencies against a fresh app server, drops it. */
async function benchOn(label: string, adminUrl: string, uploads: string): Promise<Outcome> {
  const version = await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    return (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  });
  const dropDatabase = () =>
    withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)).then(() => {});
  onCleanup(dropDatabase);
  const url = withDatabase(adminUrl, DATABASE);
  await migrate({ url });

  let app: AppServer | undefined = await startAppServer({
    databaseUrl: url,
    env: { REFERRAL_RATE_LIMIT_PER_HOUR: RATE_LIMIT, UPLOAD_DIR: uploads },
  });
  const stopApp = async () => {
    await app?.stop();
    app = undefined;
  };
  onCleanup(stopApp);

  const database = `${label}, PostgreSQL ${version.split(" ")[0]}`;
  const accepted = { count: 0 };
  const results: Result[] = [];
  try {
    for (const concurrency of CONCURRENCIES) {
      const result = await measure(database, app.url, concurrency, accepted);
      printResult(result);
      results.push(result);
    }
  } catch (error) {
    console.error(`The app server printed:\n${app.output()}`);
    throw error;
  }
  await stopApp();

  const stored = await withClient(url, async (client) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE source = 'ONLINE_FORM'`)).rows[0]!.n),
  );
  await dropDatabase();
  return { results, accepted: accepted.count, stored };
}

// ---------------------------------------------------------------- the benchmark

async function main() {
  const begun = performance.now();
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "lado-bench-uploads-"));
  onCleanup(async () => fs.rmSync(uploads, { recursive: true, force: true }));

  console.log(
    `Referral submissions: ${SUBMISSIONS} per run (fewer if a run reaches ${RUN_LIMIT_MS / 1000} s), after ${WARM_UP} warm-up submissions; ` +
      "one submission = POST /refer, GET screener, POST screener, 5 page POSTs, POST /refer/check (10 requests).",
  );
  console.log(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}\n`);
  printHeader();

  const outcomes: { label: string; outcome?: Outcome; problem?: string }[] = [];

  // The embedded server, whatever DATABASE_URL says.
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const embedded = await openDatabaseServer("test");
    onCleanup(() => embedded.stop());
    outcomes.push({ label: "embedded", outcome: await benchOn("embedded", embedded.adminUrlFor("postgres"), uploads) });
  } catch (error) {
    outcomes.push({ label: "embedded", problem: (error as Error).message });
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }

  // The machine's server.
  const shown = POSTGRES_URL.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");
  try {
    await withClient(POSTGRES_URL, (client) => client.query("SELECT 1"));
  } catch (error) {
    outcomes.push({ label: `system ${shown}`, problem: `cannot connect (${(error as Error).message}); set BENCH_POSTGRES_URL` });
  }
  if (!outcomes.some((o) => o.label.startsWith("system"))) {
    try {
      outcomes.push({ label: "system", outcome: await benchOn(new URL(POSTGRES_URL).host, POSTGRES_URL, uploads) });
    } catch (error) {
      outcomes.push({ label: "system", problem: (error as Error).message });
    }
  }

  console.log("");
  let ok = true;
  for (const { label, outcome, problem } of outcomes) {
    if (problem || !outcome) {
      ok = false;
      console.log(`${label}: NOT RUN: ${problem}`);
      continue;
    }
    const lost = outcome.accepted - outcome.stored;
    const errors = outcome.results.reduce((sum, r) => sum + r.errors, 0);
    if (lost !== 0 || errors !== 0) ok = false;
    console.log(
      `${label}: ${outcome.accepted} referrals accepted (warm-up included), ${outcome.stored} ONLINE_FORM cases in the database: ` +
        `${lost === 0 ? "none lost" : `${lost} LOST`}${errors ? `; ${errors} submissions failed` : ""}`,
    );
  }
  console.log(`\nTotal time ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

await runBench(main);
