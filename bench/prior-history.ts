// Benchmark: the prior-history check at a large council's and a regional
// service's size. Run with `npm run bench:prior-history`.
//
// Its own database, lado_bench_prior_history, on the test database server
// (embedded data/pg-test, or DATABASE_URL's), never the app's, loaded with
// the scale benchmark's realistic cases (bench/bulk-cases.ts: one person on
// file per case, one in twenty a repeat of an earlier person, some women
// with a previous surname): 200,000 people, then grown to 1,000,000. At each
// size it checks people written the ways a new contact writes them (as
// recorded, a typo, first and last swapped, no date of birth) and same-name
// strangers, one at a time, and prints the p50 and p95 of the check as the
// app runs it (findCandidates: the statement and the judging in Node) beside
// the same statement's time run directly on a plain connection.
//
//   BENCH_PRIOR_HISTORY_SIZES=200000      the sizes (people on file), comma-separated
//   BENCH_PRIOR_HISTORY_KEEP=1            keep the database for the next run, and reuse one kept before
//   BENCH_PRIOR_HISTORY_CHECKS=200        checks at each size (at least 20)
import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";
import { findCandidates, candidateQuery } from "~/people/candidates.server";
import type { PersonFacts } from "~/people/matching";
import { benchDatabase, benchKeep, benchSizes, limitRun, onCleanup, percentile, runBench } from "./harness";

const settings = z
  .object({
    BENCH_PRIOR_HISTORY_SIZES: benchSizes,
    BENCH_PRIOR_HISTORY_KEEP: benchKeep,
    BENCH_PRIOR_HISTORY_CHECKS: z.coerce.number().int().min(20).default(200),
  })
  .parse(process.env);
const SIZES = settings.BENCH_PRIOR_HISTORY_SIZES;
const KEEP = settings.BENCH_PRIOR_HISTORY_KEEP;
const CHECKS = settings.BENCH_PRIOR_HISTORY_CHECKS;
const WARM_UP = 10;
const DATABASE = "lado_bench_prior_history";
/** The targets of issue 15, p95 per check. */
const TARGET_MS: Record<number, number> = { 200_000: 50, 1_000_000: 100 };

limitRun(3 * 60 * 60_000);

type Check = PersonFacts & { kind: string };

/** A one-letter slip after the first letter (two neighbours swapped). */
const typo = (name: string) => (name.length < 4 ? `${name}${name.at(-1)}` : name[0] + name[2] + name[1] + name.slice(3));

/**
 * People to check: some on file (bulk-cases makes case n's id md5('case-n')),
 * each written one of the ways a later contact writes them, or as a same-name
 * stranger born another day. The same cases at every size, n spread evenly.
 */
async function checksFor(client: pg.Client, size: number): Promise<Check[]> {
  const numbers = Array.from({ length: CHECKS }, (_, i) => 1 + Math.floor(((i + 0.5) * size) / CHECKS));
  const { rows } = await client.query<{
    firstName: string;
    lastName: string;
    previousNames: string[];
    dateOfBirth: string | null;
    employerId: string | null;
  }>(
    `SELECT p."firstName", p."lastName", p."previousNames", to_char(p."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", p."employerId"
     FROM unnest($1::int[]) AS g JOIN "Person" p ON p."caseId" = md5('case-' || g)::uuid
     WHERE p."firstName" IS NOT NULL AND p."lastName" IS NOT NULL`,
    [numbers],
  );
  const kinds = ["as recorded", "surname typo", "swapped", "no date of birth", "stranger"] as const;
  return rows.map((p, i) => {
    const kind = kinds[i % kinds.length]!;
    if (kind === "surname typo") return { ...p, lastName: typo(p.lastName), kind };
    if (kind === "swapped") return { ...p, firstName: p.lastName, lastName: p.firstName, kind };
    if (kind === "no date of birth") return { ...p, dateOfBirth: null, employerId: null, kind };
    if (kind === "stranger") return { ...p, previousNames: [], dateOfBirth: "1958-02-17", employerId: null, kind };
    return { ...p, kind };
  });
}

const ms = (n: number) => n.toFixed(1).padStart(8);

async function main() {
  const begun = performance.now();
  const { adminUrl, url, embedded, reused, db } = await benchDatabase(DATABASE, { keep: KEEP });
  // After the database is chosen: the factories it loads with read the app's settings as they load.
  const { growTo } = await import("./bulk-cases");
  console.log(
    `Database ${DATABASE} on ${embedded ? "the embedded test server (data/pg-test)" : "DATABASE_URL's server"}` +
      (reused ? ", kept from an earlier run" : "") +
      (KEEP ? ", kept afterwards (drop it with DROP DATABASE when done)" : ""),
  );
  const loader = new pg.Client({ connectionString: adminUrl });
  await loader.connect();
  onCleanup(() => loader.end());
  // The app's role, to run the statement again with the app's rights.
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  onCleanup(() => raw.end());

  const summary: string[] = [];
  let met = true;
  for (const size of SIZES) {
    const started = performance.now();
    const added = await growTo(loader, size, (line) => process.stdout.write(`\r  loading: ${line}`.padEnd(60)));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      added
        ? `\rLoaded ${added.toLocaleString("en-GB")} cases (a person each) in ${seconds.toFixed(0)} s`.padEnd(60)
        : `\rAlready ${size.toLocaleString("en-GB")} cases`,
    );

    const checks = await checksFor(loader, size);
    const now = new Date(Date.now() + 60_000);
    const app: number[] = [];
    const sql: number[] = [];
    let candidates = 0;
    for (const [i, check] of [...checks.slice(0, WARM_UP), ...checks].entries()) {
      const timed = i >= WARM_UP;
      let begin = performance.now();
      const groups = await findCandidates(db, check, { before: now });
      if (timed) app.push(performance.now() - begin);
      const query = candidateQuery(check, { before: now });
      begin = performance.now();
      await raw.query(query.text, query.values);
      if (timed) sql.push(performance.now() - begin);
      if (timed) candidates += groups.length;
    }
    app.sort((a, b) => a - b);
    sql.sort((a, b) => a - b);
    const target = TARGET_MS[size];
    const p95 = percentile(app, 95);
    if (target !== undefined && p95 >= target) met = false;
    console.log(`\n${size.toLocaleString("en-GB")} people on file: ${app.length} checks, one at a time, after ${WARM_UP} to warm up`);
    console.log(`${"".padEnd(28)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"max ms".padStart(8)}`);
    console.log(`${"check (app)".padEnd(28)}${ms(percentile(app, 50))}${ms(p95)}${ms(app.at(-1)!)}`);
    console.log(`${"the same SQL, raw".padEnd(28)}${ms(percentile(sql, 50))}${ms(percentile(sql, 95))}${ms(sql.at(-1)!)}`);
    console.log(`candidates found: ${(candidates / app.length).toFixed(1)} a check` + (target ? `; target p95 under ${target} ms` : ""));
    summary.push(
      `| ${size.toLocaleString("en-GB")} | ${percentile(app, 50).toFixed(1)} / ${p95.toFixed(1)} ms | ${percentile(sql, 50).toFixed(1)} / ${percentile(sql, 95).toFixed(1)} ms |`,
    );
  }
  console.log("\n| people on file | check p50 / p95 | raw SQL p50 / p95 |\n| --- | --- | --- |\n" + summary.join("\n"));
  console.log(`\nTotal time ${((performance.now() - begun) / 60_000).toFixed(1)} minutes`);
  if (!met) console.error("A p95 missed its target.");
  return met ? 0 : 1;
}

await runBench(main);
