// Benchmark: importing past records (issue 16: at least 5,000 rows a second
// at 200,000 rows, memory flat as the file grows). Run with
// `npm run bench:import`.
//
// Its own database, lado_bench_import, on the test database server
// (embedded data/pg-test, or DATABASE_URL's), never the app's. At each size
// it writes a generated file in the records format (every column, a
// realistic mix: a fifth allegations with police, outcomes and closures,
// organisations reused from a pool, some previous names), imports it as
// `npm run import` does (both passes: the check, then the batches) into the
// database as the smaller sizes left it, and prints rows a second, the peak resident
// memory while importing, and beside it the time PostgreSQL's own COPY takes
// to load the same file into a staging table of text columns (the floor: no
// checking, no relations, no indexes).
//
//   BENCH_IMPORT_SIZES=20000,200000   the sizes (rows), comma-separated
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { importRecords } from "~/records/import.server";
import { COLUMN_NAMES } from "~/records/format";
import { csvLine } from "~/utils/csv";
import { benchDatabase, benchSizes, limitRun, onCleanup, runBench } from "./harness";

const settings = z
  .object({ BENCH_IMPORT_SIZES: benchSizes })
  .parse({ BENCH_IMPORT_SIZES: process.env.BENCH_IMPORT_SIZES ?? "20000,200000" });
const DATABASE = "lado_bench_import";
const TARGET_ROWS_PER_SECOND = 5_000;

limitRun(60 * 60_000);

/** A small seeded generator (mulberry32), so every run writes the same file. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Amelia",
  "Oliver",
  "Zoë",
  "Mohammed",
  "Siobhán",
  "Jack",
  "Priya",
  "Noah",
  "Chloë",
  "Kwame",
  "Renée",
  "Tomasz",
  "Aisha",
  "Liam",
];
const LAST = ["Smith", "O'Brien", "Jones", "Khan", "Nowak", "Taylor", "Ní Bhriain", "Patel", "Williams", "D'Arcy", "Okafor", "Brown"];
const SECTORS = [
  "primary_school",
  "secondary_school",
  "early_years_nursery",
  "health_acute",
  "fostering",
  "sports_leisure",
  "faith_organisation",
];
const ROLES = ["Class teacher", "Teaching assistant", "Nursery practitioner", "Nurse", "Foster carer", "Coach", "Youth worker"];
const BASES = ["permanent", "temporary", "agency_supply", "volunteer", "fixed_term"];

/** Writes `rows` generated rows to `file`, streamed. */
async function writeFile(file: string, rows: number) {
  const prefix = `BENCH-${rows}`;
  const next = random(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write(`\uFEFF${csvLine(COLUMN_NAMES)}`);
  for (let n = 1; n <= rows; n++) {
    const year = 2015 + Math.floor(next() * 10);
    const day = (offset: number) => {
      const d = new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28)) + offset * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    const received = day(0);
    const after = (days: number) => new Date(new Date(`${received}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const kind = next();
    const decision = kind < 0.45 ? "advice" : kind < 0.6 ? "not_lado" : kind < 0.8 ? "cause_for_concern" : "allegation";
    const allegation = decision === "allegation";
    const police = allegation && next() < 0.5;
    const sector = pick(SECTORS);
    const employer = `${pick(["St Mary's", "Oakfield", "Riverside", "Hillcrest", "Greenway"])} ${sector.replace(/_/g, " ")} ${Math.floor(next() * 400)}`;
    const values: Record<string, string> = {
      reference: `${prefix}-${String(n).padStart(7, "0")}`,
      received_at: received,
      source: pick(["phone", "email", "online_form", "front_door"]),
      referrer_type: pick(["employer", "other_professional", "parent_carer"]),
      referrer_organisation: employer,
      referrer_sector: sector,
      named_professional: "yes",
      subject_first_name: pick(FIRST),
      subject_last_name: pick(LAST),
      subject_previous_names: next() < 0.1 ? pick(LAST) : "",
      subject_date_of_birth: `${1960 + Math.floor(next() * 40)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      subject_sex: pick(["female", "male"]),
      subject_employer: employer,
      subject_sector: sector,
      subject_role: pick(ROLES),
      subject_employment_basis: pick(BASES),
      decision,
      decision_at: after(1),
      harm_categories: allegation ? pick(["physical", "emotional", "sexual;physical", "suitability"]) : "",
      redirected_to: decision === "advice" || decision === "not_lado" ? pick(["childrens_social_care", "employer_hr", "none"]) : "",
      police_involved: allegation ? (police ? "yes" : "no") : "",
      police_informed_at: police ? after(2) : "",
      police_concluded_at: police ? after(60) : "",
      suspended: allegation ? pick(["yes", "no"]) : "",
      outcome: allegation ? pick(["substantiated", "unsubstantiated", "unfounded", "false", "malicious"]) : "",
      outcome_at: allegation ? after(90) : "",
      employer_action: allegation ? pick(["none", "written_warning", "dismissal", "training"]) : "",
      dbs_referral: allegation && next() < 0.2 ? "yes" : "no",
      closed_at: after(allegation ? 100 : 3),
    };
    await write(csvLine(COLUMN_NAMES.map((c) => values[c] ?? "")));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function main() {
  const { db, adminUrl } = await benchDatabase(DATABASE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lado-bench-import-"));
  fs.chmodSync(dir, 0o755); // the server reads the file for COPY (as the postgres user when embedded under root)
  onCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  onCleanup(() => admin.end());
  const columns = COLUMN_NAMES.map((c) => `"${c}" text`).join(", ");
  await admin.query(`CREATE UNLOGGED TABLE IF NOT EXISTS bench_staging (${columns})`);

  let failed = false;
  console.log("rows      | dry run s | import s | rows/s | peak RSS MB | COPY s | import/COPY");
  for (const size of settings.BENCH_IMPORT_SIZES) {
    const file = path.join(dir, `records-${size}.csv`);
    await writeFile(file, size);
    fs.chmodSync(file, 0o644);
    await admin.query("TRUNCATE bench_staging");
    const checkStarted = performance.now();
    await importRecords(db, {
      open: () => fs.createReadStream(file),
      filename: "dry-run",
      who: null,
      requestId: randomUUID(),
      dryRun: true,
    });
    const checkSeconds = (performance.now() - checkStarted) / 1000;
    global.gc?.();
    let peak = process.memoryUsage.rss();
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
    const started = performance.now();
    const report = await importRecords(db, {
      open: () => fs.createReadStream(file),
      filename: path.basename(file),
      size: fs.statSync(file).size,
      who: null,
      requestId: randomUUID(),
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    if (report.problemCount || report.added !== size) {
      console.error(`The import did not add every row: ${JSON.stringify(report.problems.slice(0, 5))}`);
      return 1;
    }
    const copyStarted = performance.now();
    await admin.query(`COPY bench_staging FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const rate = Math.round(size / seconds);
    if (size >= 200_000 && rate < TARGET_ROWS_PER_SECOND) failed = true;
    console.log(
      `${String(size).padEnd(9)} | ${checkSeconds.toFixed(1).padStart(9)} | ${seconds.toFixed(1).padStart(8)} | ${String(rate).padStart(6)} | ${String(Math.round(peak / 1048576)).padStart(11)} | ${copySeconds.toFixed(2).padStart(6)} | ${(seconds / copySeconds).toFixed(0).padStart(10)}x`,
    );
  }
  console.log(`Target: at least ${TARGET_ROWS_PER_SECOND} rows a second at 200,000 rows.`);
  return failed ? 1 : 0;
}

await runBench(main);
