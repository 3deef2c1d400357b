// Every case in the records format (issue 16), which the import reads:
//   npm run export -- FILE.csv
// Against the app's database whether or not the app is running. Written to
// FILE.csv.partial and renamed when complete, so a failed export never leaves
// a file that looks whole. Audited ("records.export", the file's name).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exportRecords } from "~/records/export.server";
import { openCliDatabase } from "../server/cli-database";
import { progressReporter } from "./progress";

const args = z.tuple([z.string().min(1).regex(/^[^-]/, "give the file to write")]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("Usage: npm run export -- FILE.csv");
  process.exit(2);
}
const file = path.resolve(args.data[0]);
const partial = `${file}.partial`;
let out: fs.WriteStream;
try {
  out = fs.createWriteStream(partial, { flags: "w" });
  await new Promise((resolve, reject) => out.once("open", resolve).once("error", reject));
} catch (error) {
  console.error(`Cannot write ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const progress = progressReporter(process.stderr);
const database = await openCliDatabase();
let cases: number;
try {
  cases = await exportRecords(database.client, out, {
    who: null,
    name: path.basename(file),
    requestId: randomUUID(),
    onProgress: (rows) => progress.update("Exporting", rows, null),
  });
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.renameSync(partial, file);
} catch (error) {
  out.destroy();
  fs.rmSync(partial, { force: true });
  throw error;
} finally {
  progress.done();
  await database.close();
}
console.log(`Exported ${cases.toLocaleString("en-GB")} case${cases === 1 ? "" : "s"} to ${file}.`);
