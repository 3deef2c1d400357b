// Benchmark: "My work" and the team view at a regional service's size. Run
// with `npm run bench:my-work` (needs `npm run build`).
//
// It makes its own database, lado_bench_my_work, on the test database server
// (embedded data/pg-test, or DATABASE_URL's), loads realistic cases in bulk
// (bench/bulk-cases.ts), then gives the allegations the rest of their process
// as a busy service would have it: most allegations older than 45 days
// concluded and closed (one in fifty still open, long-running), the open
// ones with held meetings, actions (some overdue), police updates (some gone
// quiet), suspensions (a few unconfirmed), reasons for delay (some months
// missing), closures awaiting sign-off or returned; causes for concern with
// employers' report-backs due. One bench LADO takes over one officer's
// cases. It serves /my-work to that LADO and /team (all, and one LADO) to a
// manager from the production server, one request at a time, and prints each
// page's p50 and p95 with the time of the SQL that page ran, run again
// directly (bench/page-sql.ts), and how many open allegations each covers.
//
//   BENCH_MY_WORK_SIZES=200000      the sizes to measure, comma-separated
//   BENCH_MY_WORK_KEEP=1            keep the database for the next run, and reuse one kept before
//   BENCH_MY_WORK_REQUESTS=30       requests per page (at least 20)
//   BENCH_MY_WORK_EXPLAIN=1         print the plan of each page's slowest statement
import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";
import { startAppServer, type AppServer, signInOverHttp } from "../tests/e2e/browser";
import { benchDatabase, benchKeep, limitRun, onCleanup, runBench, timePage } from "./harness";
import { explainSlowest, recordPageSql, timeSql } from "./page-sql";

const settings = z
  .object({
    BENCH_MY_WORK_SIZES: z
      .string()
      .default("200000")
      .transform((s) => s.split(",").map(Number))
      .pipe(z.array(z.number().int().min(1_000).max(5_000_000)).min(1))
      .transform((sizes) => [...sizes].sort((a, b) => a - b)),
    BENCH_MY_WORK_KEEP: benchKeep,
    BENCH_MY_WORK_REQUESTS: z.coerce.number().int().min(20).default(30),
    BENCH_MY_WORK_EXPLAIN: z.enum(["0", "1"]).default("0"),
  })
  .parse(process.env);
const REQUESTS = settings.BENCH_MY_WORK_REQUESTS;
const WARM_UP = 3;
const DATABASE = "lado_bench_my_work";
const LADO_EMAIL = "bench-my-work-lado@example.org";
const MANAGER_EMAIL = "bench-my-work-manager@example.org";
const PASSWORD = "bench-password-bench-password";

let app: AppServer | undefined;
limitRun(2 * 60 * 60_000);

/**
 * The allegation process for the loaded cases, once per database (the
 * cases with no closure yet are given theirs): every choice a hash of the
 * case's id, so a kept database grows by the same rules. The bench LADO
 * and manager are the settings bench.lado and bench.manager.
 */
const PROCESS = [
  // The bench LADO takes over the first officer's cases.
  `UPDATE "Case" SET "allocatedToId" = current_setting('bench.lado')::uuid
   WHERE "allocatedToId" = (SELECT id FROM "User" WHERE email LIKE 'bench-officer-%' ORDER BY email LIMIT 1)`,
  `CREATE TEMP TABLE mw ON COMMIT DROP AS
   SELECT c.id, c."receivedAt" AS received, c."allocatedToId" AS lado, (hashtext(c.id::text) & 2147483647) % 1000 AS roll,
     c."receivedAt" < now() - interval '45 days' AND (hashtext(c.id::text) & 2147483647) % 50 <> 0 AS closed
   FROM "Case" c JOIN "ThresholdDecision" d ON d."caseId" = c.id AND d.category = 'ALLEGATION'
   WHERE NOT EXISTS (SELECT 1 FROM "Closure" x WHERE x."caseId" = c.id) AND NOT EXISTS (SELECT 1 FROM "Outcome" o WHERE o."caseId" = c.id)`,
  // Evaluation meetings held as planned; a recent review on the long-running ones.
  `UPDATE "Meeting" m SET "recordedAt" = m."heldAt", chair = 'LADO', mode = 'ONLINE'
   FROM mw WHERE m."caseId" = mw.id AND m."heldAt" < now()`,
  `INSERT INTO "Meeting" (id, "caseId", type, "heldAt", "recordedAt", chair, mode, "informationShared", decisions)
   SELECT md5('mw-review-' || mw.id)::uuid, mw.id, 'REVIEW', now() - make_interval(days => 1 + mw.roll % 35),
     now() - make_interval(days => 1 + mw.roll % 35), 'LADO', 'ONLINE', 'Police and employer updates shared.', 'Enquiries continue.'
   FROM mw WHERE NOT mw.closed AND mw.received < now() - interval '40 days'
   ON CONFLICT DO NOTHING`,
  // Outcomes and signed-off closures for the concluded.
  `INSERT INTO "Outcome" (id, "caseId", outcome, rationale, "decidedAt", "recordedById")
   SELECT md5('mw-outcome-' || mw.id)::uuid, mw.id,
     (ARRAY['SUBSTANTIATED', 'UNSUBSTANTIATED', 'UNFOUNDED', 'FALSE', 'MALICIOUS'])[1 + mw.roll % 5]::"OutcomeType",
     'The evidence gathered by the employer and the police was weighed at the outcome meeting.', mw.received + interval '30 days', mw.lado
   FROM mw WHERE mw.closed OR mw.roll % 10 < 2
   ON CONFLICT DO NOTHING`,
  `INSERT INTO "Closure" (id, "caseId", "proposedAt", "proposedById", note, "signedOffAt", "signedOffById")
   SELECT md5('mw-closure-' || mw.id)::uuid, mw.id, mw.received + interval '35 days', mw.lado, 'Outcome recorded and letters sent.',
     mw.received + interval '37 days', current_setting('bench.manager')::uuid
   FROM mw WHERE mw.closed
   ON CONFLICT DO NOTHING`,
  // Open with an outcome: closure awaiting sign-off (proposed by the LADO, or by the manager), or returned with a comment.
  `INSERT INTO "Closure" (id, "caseId", "proposedAt", "proposedById", note, "returnedAt", "returnedById", "returnedReason")
   SELECT md5('mw-closure-' || mw.id)::uuid, mw.id, now() - interval '3 days', CASE WHEN mw.roll % 10 = 0 THEN current_setting('bench.manager')::uuid ELSE mw.lado END,
     'Outcome recorded and letters sent.',
     CASE WHEN mw.roll % 20 = 1 THEN now() - interval '1 day' END, CASE WHEN mw.roll % 20 = 1 THEN current_setting('bench.manager')::uuid END,
     CASE WHEN mw.roll % 20 = 1 THEN 'Add the employer''s written confirmation of its final action first.' END
   FROM mw WHERE NOT mw.closed AND mw.roll % 10 < 2
   ON CONFLICT DO NOTHING`,
  // Police: concluded on closed cases; updates on open ones, some gone quiet.
  `UPDATE "PoliceInvolvement" p SET status = 'NFA', "concludedAt" = mw.received + interval '25 days'
   FROM mw WHERE p."caseId" = mw.id AND mw.closed`,
  `INSERT INTO "PoliceUpdate" (id, "policeId", at, status, note)
   SELECT md5('mw-update-' || mw.id)::uuid, p.id, GREATEST(mw.received, now() - make_interval(days => mw.roll % 40)), 'INVESTIGATING',
     'Suspect interview arranged; devices with the digital forensics unit.'
   FROM mw JOIN "PoliceInvolvement" p ON p."caseId" = mw.id WHERE NOT mw.closed
   ON CONFLICT DO NOTHING`,
  // Three actions each: done on closed cases; on open ones due over the first month, some still open past their date.
  `INSERT INTO "Action" (id, "caseId", description, "ownerName", "ownerAgency", "ownerUserId", "dueDate", status, "completedAt")
   SELECT md5('mw-action-' || mw.id || '-' || k)::uuid, mw.id,
     (ARRAY['Send the chronology of earlier concerns', 'Confirm the suspension in writing', 'Update the LADO after the interview'])[k],
     (ARRAY['Sam Reid', 'Jo Patel', 'DC Morgan'])[k], (ARRAY['The employer', 'The employer', 'Police'])[k],
     CASE WHEN k = 1 AND mw.roll % 4 = 0 THEN mw.lado END,
     (mw.received + make_interval(days => 10 * k))::date,
     CASE WHEN a.done THEN 'DONE' ELSE 'OPEN' END::"ActionStatus", CASE WHEN a.done THEN mw.received + make_interval(days => 10 * k) END
   FROM mw CROSS JOIN generate_series(1, 3) AS k
   CROSS JOIN LATERAL (SELECT mw.closed OR (mw.received + make_interval(days => 10 * k) < now() AND (mw.roll + k) % 3 <> 0) AS done) AS a
   ON CONFLICT DO NOTHING`,
  // Suspensions on one in five open allegations, one in five of them not yet confirmed in writing.
  `INSERT INTO "EmployerAction" (id, "caseId", "suspensionConsidered", suspended, "suspendedAt", "suspensionRationale",
     "suspensionAgreedBy", "writtenConfirmationAt")
   SELECT md5('mw-employer-' || mw.id)::uuid, mw.id, true, true, (mw.received + interval '1 day')::date,
     'Police are investigating and the children could not be kept safe by redeployment.', 'Chair of governors',
     CASE WHEN mw.roll % 25 <> 0 THEN (mw.received + interval '2 days')::date END
   FROM mw WHERE NOT mw.closed AND mw.roll % 5 = 0
   ON CONFLICT DO NOTHING`,
  // Reasons for delay past three months, this month's missing on a third.
  `INSERT INTO "DelayReason" (id, "caseId", month, reason, "recordedById")
   SELECT md5('mw-delay-' || mw.id || '-' || m)::uuid, mw.id, m::date, 'Waiting for the police charging decision.', mw.lado
   FROM mw CROSS JOIN LATERAL generate_series(
     date_trunc('month', (mw.received AT TIME ZONE 'Europe/London') + interval '3 months'),
     date_trunc('month', now() AT TIME ZONE 'Europe/London') - CASE WHEN mw.roll % 3 = 0 THEN interval '1 month' ELSE interval '0' END,
     interval '1 month') AS m
   WHERE NOT mw.closed AND mw.received < now() - interval '3 months' AND mw.lado IS NOT NULL
   ON CONFLICT DO NOTHING`,
  // Causes for concern: the employer reports back within four weeks; recent ones still awaited.
  `INSERT INTO "EmployerInvestigation" (id, "caseId", "agreedActions", "agreedAt", "reportBackBy", "resultCode", result, "resultReceivedAt")
   SELECT md5('mw-investigation-' || c.id)::uuid, c.id, 'The employer will investigate and report back.', c."receivedAt" + interval '1 day',
     (c."receivedAt" + interval '29 days')::date,
     CASE WHEN c."receivedAt" < now() - interval '35 days' THEN 'MANAGEMENT_ADVICE'::"EmployerResult" END,
     CASE WHEN c."receivedAt" < now() - interval '35 days' THEN 'Management advice given.' END,
     CASE WHEN c."receivedAt" < now() - interval '35 days' THEN c."receivedAt" + interval '30 days' END
   FROM "Case" c JOIN "ThresholdDecision" d ON d."caseId" = c.id AND d.category = 'CAUSE_FOR_CONCERN'
   ON CONFLICT ("caseId") DO NOTHING`,
];

type Page = { name: string; path: string; cookie: string };

const ms = (n: number) => n.toFixed(1).padStart(8);

async function main() {
  const begun = performance.now();
  const { url, adminUrl, embedded, reused, db } = await benchDatabase(DATABASE, { keep: settings.BENCH_MY_WORK_KEEP });
  console.log(
    `Database ${DATABASE} on ${embedded ? "the embedded test server (data/pg-test)" : "DATABASE_URL's server"}` +
      (reused ? ", kept from an earlier run" : "") +
      (settings.BENCH_MY_WORK_KEEP ? ", kept afterwards (drop it with DROP DATABASE when done)" : ""),
  );
  // Only now: the factories load the app's database client, which must find this database's address.
  const { createUser } = await import("../tests/factories");
  const { growTo } = await import("./bulk-cases");
  const user = async (email: string, role: "LADO" | "MANAGER") =>
    (await db.user.findUnique({ where: { email } })) ?? (await createUser(db, { roles: [role], email, password: PASSWORD }));
  const [lado, manager] = [await user(LADO_EMAIL, "LADO"), await user(MANAGER_EMAIL, "MANAGER")];

  const loader = new pg.Client({ connectionString: adminUrl });
  await loader.connect();
  onCleanup(() => loader.end());
  const replay = new pg.Client({ connectionString: url });
  await replay.connect();
  onCleanup(() => replay.end());

  for (const size of settings.BENCH_MY_WORK_SIZES) {
    const started = performance.now();
    const added = await growTo(loader, size, (line) => process.stdout.write(`\r  loading: ${line}`.padEnd(60)));
    await loader.query("BEGIN");
    await loader.query(`SELECT set_config('bench.lado', $1, true), set_config('bench.manager', $2, true)`, [lado.id, manager.id]);
    for (const statement of PROCESS) await loader.query(statement);
    await loader.query("COMMIT");
    await loader.query("VACUUM (ANALYZE)");
    console.log(
      `\r${added ? `Loaded ${added.toLocaleString("en-GB")} cases` : `Already ${size.toLocaleString("en-GB")} cases`}, with their allegation process, in ${((performance.now() - started) / 1000).toFixed(0)} s`.padEnd(
        60,
      ),
    );
    const {
      rows: [open],
    } = await loader.query<{ total: number; mine: number }>(
      `
      SELECT count(*)::int AS total, count(*) FILTER (WHERE c."allocatedToId" = $1)::int AS mine
      FROM "Case" c JOIN "ThresholdDecision" d ON d."caseId" = c.id AND d.category = 'ALLEGATION'
      WHERE NOT EXISTS (SELECT 1 FROM "Closure" x WHERE x."caseId" = c.id AND x."signedOffAt" IS NOT NULL AND x."reopenedAt" IS NULL)`,
      [lado.id],
    );

    if (!app) {
      app = await startAppServer({ databaseUrl: url, env: { SESSION_SECRET: process.env.SESSION_SECRET! } });
      onCleanup(() => app!.stop());
    }
    const [ladoCookie, managerCookie] = [
      await signInOverHttp(app.url, LADO_EMAIL, PASSWORD),
      await signInOverHttp(app.url, MANAGER_EMAIL, PASSWORD),
    ];
    const pages: Page[] = [
      { name: `my work (${open!.mine} open allegations)`, path: "/my-work", cookie: ladoCookie },
      { name: `team, all (${open!.total})`, path: "/team", cookie: managerCookie },
      { name: `team, one LADO (${open!.mine})`, path: `/team?lado=${lado.id}`, cookie: managerCookie },
    ];
    console.log(`\n${size.toLocaleString("en-GB")} cases: ${REQUESTS} requests a page, one at a time, after ${WARM_UP} to warm up`);
    console.log("(SQL ms: the median time of the page's own statements, run again one after another)");
    console.log(`${"page".padEnd(36)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"SQL ms".padStart(8)}  statements`);
    for (const page of pages) {
      const timing = await timePage(app.url, page.cookie, page.path, { requests: REQUESTS, warmUp: WARM_UP });
      const sql = await recordPageSql(page.path, page.cookie);
      const sqlMs = await timeSql(replay, sql, REQUESTS);
      const line = `${page.name.padEnd(36)}${ms(timing.p50)}${ms(timing.p95)}${ms(sqlMs)}  ${sql.statements.length}`;
      console.log(line);
      if (settings.BENCH_MY_WORK_EXPLAIN === "1") console.log(`\n${page.name}, slowest statement:\n${await explainSlowest(replay, sql)}\n`);
    }
  }
  console.log(`\nTotal time ${((performance.now() - begun) / 60_000).toFixed(1)} minutes`);
  return 0;
}

await runBench(main, () => app?.output());
