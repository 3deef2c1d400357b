// Benchmark: the staff pages at a regional service's size. Run with
// `npm run bench:scale` (needs `npm run build`).
//
// It makes its own database, lado_bench_scale, on the test database server
// (embedded data/pg-test, or DATABASE_URL's), never the app's, and loads
// realistic cases in bulk (bench/bulk-cases.ts): 200,000, then grows to
// 1,000,000. At each size it serves the pages from the production server,
// signed in, one request at a time, and prints each page's p50 and p95 with
// the time of the SQL that page ran, run again directly (bench/page-sql.ts).
//
//   BENCH_SCALE_SIZES=200000         the sizes to measure, comma-separated
//   BENCH_SCALE_KEEP=1               keep the database for the next run, and reuse one kept before
//   BENCH_SCALE_REQUESTS=30          requests per page (at least 20)
//   BENCH_SCALE_EXPLAIN=1            print the plan of each page's slowest statement
import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";
import { startAppServer, type AppServer, signInOverHttp } from "../tests/e2e/browser";
import { benchDatabase, benchKeep, benchSizes, limitRun, onCleanup, runBench, timePage } from "./harness";
import { explainSlowest, recordPageSql, timeSql } from "./page-sql";

const settings = z
  .object({
    BENCH_SCALE_SIZES: benchSizes,
    BENCH_SCALE_KEEP: benchKeep,
    BENCH_SCALE_REQUESTS: z.coerce.number().int().min(20).default(30),
    BENCH_SCALE_EXPLAIN: z.enum(["0", "1"]).default("0"),
  })
  .parse(process.env);
const SIZES = settings.BENCH_SCALE_SIZES;
const KEEP = settings.BENCH_SCALE_KEEP;
const REQUESTS = settings.BENCH_SCALE_REQUESTS;
const WARM_UP = 3;
const DATABASE = "lado_bench_scale";
const EMAIL = "bench-scale-lado@example.org";
const PASSWORD = "bench-password-bench-password";

let app: AppServer | undefined;
limitRun(3 * 60 * 60_000);

type Page = { name: string; path: string };
type Measured = Page & { p50: number; p95: number; sqlMs: number; statements: number };

/** The pages measured, with searches and keys taken from the data loaded. */
async function pagesToMeasure(client: pg.Client): Promise<Page[]> {
  const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const row = (await client.query<T>(sql, values)).rows[0];
    if (!row) throw new Error(`Nothing found for the pages to measure: ${sql}`);
    return row;
  };
  // The most common surname (the widest name search), and someone who has it.
  const { surname } = await one<{ surname: string }>(
    `SELECT "lastName" AS surname FROM "Person" WHERE "lastName" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const person = await one<{ first: string; last: string }>(
    `SELECT "firstName" AS first, "lastName" AS last FROM "Person" WHERE "lastName" = $1 AND "firstName" IS NOT NULL LIMIT 1`,
    [surname],
  );
  const { count } = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "Case"`);
  const at = (position: number) =>
    one<{ reference: string }>(`SELECT reference FROM "Case" ORDER BY "receivedAt" DESC, reference DESC OFFSET $1 LIMIT 1`, [position]);
  const middle = await at(Math.floor(count / 2));
  // The oldest page: after the 26th oldest case.
  const last = await one<{ reference: string }>(`SELECT reference FROM "Case" ORDER BY "receivedAt", reference OFFSET 25 LIMIT 1`);
  // An allegation with a meeting, the police and an email: its sections read by those foreign keys.
  const allegation = await one<{ reference: string; organisation: string }>(
    `SELECT c.reference, o.name AS organisation FROM "Case" c
     JOIN "PoliceInvolvement" p ON p."caseId" = c.id JOIN "Meeting" m ON m."caseId" = c.id JOIN "OutboundMessage" e ON e."caseId" = c.id
     JOIN "Referrer" r ON r."caseId" = c.id JOIN "Organisation" o ON o.id = r."organisationId"
     ORDER BY c."receivedAt" DESC LIMIT 1`,
  );
  const q = (words: string) => `/cases?q=${encodeURIComponent(words)}`;
  const casePage = `/cases/${encodeURIComponent(allegation.reference)}`;
  return [
    { name: "case list, page 1", path: "/cases" },
    { name: "case list, a name search", path: q(surname) },
    { name: "case list, a two-word search", path: q(`${person.first} ${person.last}`) },
    { name: "case list, no match", path: q("Featherstonehaugh") },
    { name: "case list, a reference", path: q(middle.reference.toLowerCase()) },
    { name: "case list, last page", path: `/cases?after=${encodeURIComponent(last.reference)}` },
    { name: "case list, a far page", path: `/cases?after=${encodeURIComponent(middle.reference)}` },
    { name: "case list, an organisation", path: q(allegation.organisation) },
    { name: "triage queue", path: "/triage" },
    { name: "case page", path: casePage },
    { name: "case page, meetings", path: `${casePage}/meetings` },
    { name: "case page, police", path: `${casePage}/police` },
    { name: "case page, emails", path: `${casePage}/emails` },
  ];
}

const ms = (n: number) => n.toFixed(1).padStart(8);

function printTable(size: number, rows: Measured[]) {
  console.log(`\n${size.toLocaleString("en-GB")} cases: ${REQUESTS} requests a page, one at a time, after ${WARM_UP} to warm up`);
  console.log("(SQL ms: the median time of the page's own statements, run again one after another)");
  console.log(`${"page".padEnd(30)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"SQL ms".padStart(8)}  statements`);
  for (const r of rows) console.log(`${r.name.padEnd(30)}${ms(r.p50)}${ms(r.p95)}${ms(r.sqlMs)}  ${r.statements}`);
}

async function main() {
  const begun = performance.now();
  const { url, adminUrl, embedded, reused, db } = await benchDatabase(DATABASE, { keep: KEEP });
  console.log(
    `Database ${DATABASE} on ${embedded ? "the embedded test server (data/pg-test)" : "DATABASE_URL's server"}` +
      (reused ? ", kept from an earlier run" : "") +
      (KEEP ? ", kept afterwards (drop it with DROP DATABASE when done)" : ""),
  );
  // Only now: the factories load the app's database client, which must find this database's address.
  const { createUser } = await import("../tests/factories");
  const { growTo } = await import("./bulk-cases");
  if (!(await db.user.findUnique({ where: { email: EMAIL } }))) await createUser(db, { roles: ["LADO"], email: EMAIL, password: PASSWORD });

  const loader = new pg.Client({ connectionString: adminUrl });
  await loader.connect();
  onCleanup(() => loader.end());
  // The app's role, to run each page's SQL again with the app's rights.
  const replay = new pg.Client({ connectionString: url });
  await replay.connect();
  onCleanup(() => replay.end());

  const results = new Map<number, Measured[]>();
  for (const size of SIZES) {
    const started = performance.now();
    const added = await growTo(loader, size, (line) => process.stdout.write(`\r  loading: ${line}`.padEnd(60)));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      added
        ? `\rLoaded ${added.toLocaleString("en-GB")} cases in ${seconds.toFixed(0)} s`.padEnd(60)
        : `\rAlready ${size.toLocaleString("en-GB")} cases`,
    );

    if (!app) {
      app = await startAppServer({ databaseUrl: url, env: { SESSION_SECRET: process.env.SESSION_SECRET! } });
      onCleanup(() => app!.stop());
    }
    const cookie = await signInOverHttp(app.url, EMAIL, PASSWORD); // again at each size: loading can outlast the idle timeout
    const rows: Measured[] = [];
    for (const page of await pagesToMeasure(loader)) {
      const timing = await timePage(app.url, cookie, page.path, { requests: REQUESTS, warmUp: WARM_UP });
      const sql = await recordPageSql(page.path, cookie);
      const sqlMs = await timeSql(replay, sql, REQUESTS);
      rows.push({ ...page, ...timing, sqlMs, statements: sql.statements.length });
      if (settings.BENCH_SCALE_EXPLAIN === "1")
        console.log(`\n${page.name} (${page.path}), slowest statement:\n${await explainSlowest(replay, sql)}`);
    }
    printTable(size, rows);
    results.set(size, rows);
  }

  if (SIZES.length > 1) {
    console.log(`\n| page | ${SIZES.map((s) => `${s.toLocaleString("en-GB")} p50 / p95 (SQL)`).join(" | ")} |`);
    console.log(`| --- | ${SIZES.map(() => "---").join(" | ")} |`);
    for (const [i, page] of results.get(SIZES[0]!)!.entries()) {
      const cells = SIZES.map((s) => {
        const r = results.get(s)![i]!;
        return `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} ms (${r.sqlMs.toFixed(1)})`;
      });
      console.log(`| ${page.name} | ${cells.join(" | ")} |`);
    }
  }
  console.log(`\nTotal time ${((performance.now() - begun) / 60_000).toFixed(1)} minutes`);
  return 0;
}

await runBench(main, () => app?.output());
