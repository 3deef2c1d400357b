// Importing past years' records (issue 16), against the app's database
// whether or not the app is running:
//   npm run import -- FILE.csv [--dry-run] [--good-rows]
// Checks every row first and names each bad one by line and column (the
// first 100, and the count of all). A file with a bad row imports nothing,
// unless --good-rows: then the good rows are imported and the bad ones are
// written to FILE.bad.csv, with the header, to put right and import again.
// A row whose reference is on file already is skipped (so importing twice
// adds nothing); one on file with other content is reported, not merged.
// Exit code: 0 when every row was good, 1 when any was bad (or the file could
// not be read), 2 for a wrong command.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { importRecords, PARALLEL } from "~/records/import.server";
import { openCliDatabase } from "../server/cli-database";
import { progressReporter } from "./progress";

const argsSchema = z
  .array(z.string())
  .transform((args) => ({
    files: args.filter((a) => !a.startsWith("--")),
    flags: new Set(args.filter((a) => a.startsWith("--"))),
  }))
  .pipe(
    z.object({
      files: z.tuple([z.string().min(1)], "give one CSV file"),
      flags: z.set(z.enum(["--dry-run", "--good-rows"], "the options are --dry-run and --good-rows")),
    }),
  );
const args = argsSchema.safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(`${args.error.issues[0]!.message}\nUsage: npm run import -- FILE.csv [--dry-run] [--good-rows]`);
  process.exit(2);
}
const file = path.resolve(args.data.files[0]);
const dryRun = args.data.flags.has("--dry-run");
const goodRows = args.data.flags.has("--good-rows");
let size: number;
try {
  size = fs.statSync(file).size;
  fs.accessSync(file, fs.constants.R_OK);
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const name = path.basename(file);
const badFile = file.replace(/(\.csv)?$/i, ".bad.csv");
const badRows = goodRows ? fs.createWriteStream(badFile) : undefined;
const progress = progressReporter(process.stderr);
const database = await openCliDatabase({ connections: PARALLEL + 1 });
let report;
try {
  report = await importRecords(database.client, {
    open: () => fs.createReadStream(file),
    filename: name,
    size,
    who: null,
    requestId: randomUUID(),
    dryRun,
    goodRows,
    badRows,
    onProgress: ({ phase, rows, fraction }) => progress.update(phase === "check" ? "Checking" : "Importing", rows, fraction),
  });
} finally {
  progress.done();
  await database.close();
  if (badRows) await new Promise((resolve) => badRows.end(resolve));
}

for (const p of report.problems) console.error(`${name}, line ${p.line}${p.column ? `, column ${p.column}` : ""}: ${p.message}`);
if (report.problemCount > report.problems.length) {
  console.error(`… and ${report.problemCount - report.problems.length} more problems (the first ${report.problems.length} are above).`);
}
for (const c of report.changed) {
  console.error(`${name}, line ${c.line}: ${c.reference} is on file with other ${c.columns.join(", ")}: not changed`);
}
if (report.changedCount > report.changed.length) console.error(`… and ${report.changedCount - report.changed.length} more changed rows.`);

const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
if (report.sha256 === null) {
  console.error(`Nothing imported: ${name} cannot be read.`);
} else {
  console.log(
    `${name}: ${plural(report.rows, "row")}; ${plural(report.problemCount, "problem")} in ${plural(report.badRowCount, "bad row")}; ` +
      `${plural(report.skipped, "row")} already on file; ${plural(report.changedCount, "changed row")} not merged.`,
  );
  if (report.imported) {
    console.log(`Imported ${plural(report.added, "new case")} (import batch ${report.batchId}).`);
    if (report.badRowCount) console.log(`The bad rows are in ${badFile}: put them right and import that file.`);
  } else if (dryRun) {
    console.log(`Dry run: ${plural(report.added, "new case")} would be imported; nothing was changed.`);
  } else {
    console.log("Nothing imported: put the bad rows right, or import the good rows with --good-rows.");
  }
}
if (badRows && !report.badRowCount) fs.rmSync(badFile, { force: true });
process.exit(report.problemCount ? 1 : 0);
