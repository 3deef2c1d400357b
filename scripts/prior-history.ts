// Has this person been known to the service? The prior-history check for a
// batch of people, from a CSV in the import format:
//   npm run prior-history -- FILE.csv
// Stores nothing. Prints one JSON line a row to standard output:
//   {"reference":"...","candidates":[{"reference":"LADO-2024-00012","strength":"strong","score":0.93,"reasons":["..."]}]}
// best first, at most 10. A bad row is named by line and column on standard
// error and the others are still checked; the exit code is then 1.
// Against the app's database, migrated first as the app does on starting:
// the embedded one (started if need be), or DATABASE_URL's.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { findCandidates, type Scope } from "~/people/candidates.server";
import { readCheckRows, type CheckRow } from "~/people/prior-history-csv";
import { openCliDatabase } from "../server/cli-database";

const LIMIT = 10;

const args = z.tuple([z.string().min(1, "the CSV file to check")]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("Usage: npm run prior-history -- FILE.csv");
  process.exit(2);
}
const file = path.resolve(args.data[0]);
let content: Buffer;
try {
  content = fs.readFileSync(file);
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const { rows, errors } = await readCheckRows(content);
for (const error of errors) {
  console.error(`${path.basename(file)}, line ${error.line}${error.column ? `, column ${error.column}` : ""}: ${error.message}`);
}

if (rows.length) {
  const database = await openCliDatabase();
  try {
    for (const row of rows) console.log(JSON.stringify(await check(database.client, row)));
  } finally {
    await database.close();
  }
}
process.exit(errors.length ? 1 : 0);

/** One row's candidates, flattened from their identity groups (each identity's contacts together), at most LIMIT. */
async function check(client: PrismaClient, row: CheckRow) {
  const [employerId, scope] = await Promise.all([employerNamed(client, row.employer), scopeOf(client, row.reference)]);
  const groups = await findCandidates(client, { ...row.subject, employerId }, scope);
  return {
    reference: row.reference,
    candidates: groups
      .flatMap((group) => group.members)
      .slice(0, LIMIT)
      .map((c) => ({ reference: c.reference, strength: c.strength, score: c.score, reasons: c.reasons.map((r) => r.detail) })),
  };
}

/** The organisation a row's employer names (its name in any case), if the service knows it. */
async function employerNamed(client: PrismaClient, name: string | null) {
  if (!name) return null;
  const found = await client.organisation.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return found?.id ?? null;
}

/** Earlier than the row's own case when that is on file (and never the case itself); otherwise everyone on file. */
async function scopeOf(client: PrismaClient, reference: string): Promise<Scope> {
  const onFile = await client.case.findUnique({
    where: { reference },
    select: { id: true, receivedAt: true, subject: { select: { id: true, identityId: true } } },
  });
  if (!onFile) return { before: new Date() };
  return { before: onFile.receivedAt, caseId: onFile.id, identityId: onFile.subject?.identityId, personId: onFile.subject?.id };
}
