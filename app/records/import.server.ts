// Importing past years' records from a file in the records format, in two
// streamed passes so memory stays flat however long the file is:
//   1. check every row (each value, the row as a whole, a reference given
//      twice) and look each reference up: on file with the same content is
//      skipped, on file with other content is reported as changed and never
//      merged (compared as the export would write the case);
//   2. unless it is a dry run, or there were bad rows and the good rows were
//      not asked for: an ImportBatch row, its "records.import" event and the
//      organisations named in one transaction, then the new rows in batches
//      of BATCH, each batch one transaction of one INSERT a table.
// A batch re-checks its references inside its transaction, so an import run
// twice at once, or run again after a failure, adds each case once. Takes its
// database client, so the command line can use its own.
// docs/decisions/016-import-export.md explains the choices.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { auditEventRow } from "~/audit-trail/event";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Sector } from "~/generated/prisma/enums";
import { csvLine } from "~/utils/csv";
import { londonDay, londonMoment } from "~/utils/dates";
import { caseFacts, recordSelect } from "./export.server";
import { REQUIRED_COLUMNS } from "./format";
import { readRows, UnreadableFile, type Problem, type Reading } from "./read";
import { FirstLines } from "./references";
import { asImported, readRecord, recordValues, type RecordFacts } from "./row";

const BATCH = 1_000;
/**
 * Batches written at once, so PostgreSQL writes one (its index upkeep is most
 * of a batch's time) while Node reads the next; a batch updates the
 * ImportBatch row last, since that row stays locked until its transaction
 * ends.
 */
export const PARALLEL = 2;
/** Problems and changed rows kept for the report; all are counted. */
export const REPORT_LIMIT = 100;

/** What an imported case says in place of the referrer's account, which the format does not carry. */
export const IMPORTED_SUMMARY = "Imported from a past years' record: the format holds no account of what happened.";
const IMPORTED_NOTE = "Imported";

export type ImportProgress = { phase: "check" | "import"; rows: number; fraction: number | null };

export type ImportOptions = {
  /** The file, opened afresh for each pass. */
  open: () => Readable;
  filename: string;
  /** Its size in bytes, for the progress of the check. */
  size?: number;
  who: string | null;
  requestId: string;
  dryRun?: boolean;
  /** Import the good rows of a file with bad ones, writing the bad ones (with the header) to `badRows`. */
  goodRows?: boolean;
  badRows?: Writable;
  onProgress?: (progress: ImportProgress) => void;
};

export type ChangedRow = { line: number; reference: string; columns: string[] };

export type ImportReport = {
  sha256: string | null;
  /** Rows read (blank lines aside). */
  rows: number;
  /** New cases: added, or (dry run, or not imported) to add. */
  added: number;
  /** Rows on file already with the same content. */
  skipped: number;
  changed: ChangedRow[];
  changedCount: number;
  problems: Problem[];
  problemCount: number;
  badRowCount: number;
  imported: boolean;
  batchId: string | null;
};

export async function importRecords(client: PrismaClient, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    sha256: null,
    rows: 0,
    added: 0,
    skipped: 0,
    changed: [],
    changedCount: 0,
    problems: [],
    problemCount: 0,
    badRowCount: 0,
    imported: false,
    batchId: null,
  };
  const badLines = new Set<number>();
  const named: Named = new Map(); // the organisations the new rows name
  try {
    await check(client, options, report, badLines, named);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    report.problems = [error.problem];
    report.problemCount = 1;
    return report;
  }
  if (options.dryRun || (report.problemCount && !options.goodRows)) return report;
  report.batchId = await importRows(client, options, report, badLines, named);
  report.imported = true;
  return report;
}

/** The first pass: every row checked, every reference looked up. */
async function check(client: PrismaClient, options: ImportOptions, report: ImportReport, badLines: Set<number>, named: Named) {
  const seen = new FirstLines();
  const reading: Partial<Reading> = {};
  type Checked = { line: number; facts: RecordFacts; columns: string[] };
  let pending: Checked[] = [];
  const bad = async (line: number, problems: Problem[], fields: string[]) => {
    badLines.add(line);
    report.badRowCount++;
    report.problemCount += problems.length;
    for (const p of problems) if (report.problems.length < REPORT_LIMIT) report.problems.push(p);
    if (options.goodRows && options.badRows) {
      if (report.badRowCount === 1) await write(options.badRows, `\uFEFF${csvLine(reading.columns!)}`);
      await write(options.badRows, csvLine(fields));
    }
  };
  const lookUp = async (rows: Checked[]) => {
    const onFile = await referencesOnFile(
      client,
      rows.map((r) => r.facts.reference),
    );
    const held = onFile.size ? await client.case.findMany({ where: { reference: { in: [...onFile] } }, select: recordSelect }) : [];
    const byReference = new Map(held.map((c) => [c.reference, c]));
    for (const { line, facts, columns } of rows) {
      const found = byReference.get(facts.reference);
      if (!found) {
        report.added++;
        organisationsNamed([facts], named);
        continue;
      }
      const given = recordValues(asImported(facts));
      const theirs = recordValues(caseFacts(found));
      const differ = columns.filter((c) => given[c as keyof typeof given] !== theirs[c as keyof typeof theirs]);
      if (!differ.length) {
        report.skipped++;
        continue;
      }
      report.changedCount++;
      if (report.changed.length < REPORT_LIMIT) report.changed.push({ line, reference: facts.reference, columns: differ });
    }
  };
  // One look-up at a time runs while the next rows are read (in order, so the report keeps the file's order).
  let looking: Promise<void> = Promise.resolve();
  const lookUpPending = async () => {
    await looking;
    looking = lookUp(pending);
    looking.catch(() => undefined); // awaited at the next batch or the end; this only keeps it from counting as unhandled meanwhile
    pending = [];
  };

  try {
    for await (const row of readRows(options.open(), REQUIRED_COLUMNS, reading)) {
      report.rows++;
      if ("problem" in row) {
        await bad(row.line, [row.problem], row.fields);
      } else {
        const read = readRecord(row.line, row.values);
        const first = "facts" in read ? seen.firstLine(read.facts.reference, row.line) : undefined;
        if ("problems" in read) await bad(row.line, read.problems, row.fields);
        else if (first) {
          await bad(
            row.line,
            [{ line: row.line, column: "reference", message: `"${read.facts.reference}" is also on line ${first}` }],
            row.fields,
          );
        } else {
          pending.push({ line: row.line, facts: read.facts, columns: reading.columns! });
          if (pending.length === BATCH) await lookUpPending();
        }
      }
      if (report.rows % BATCH === 0) {
        options.onProgress?.({ phase: "check", rows: report.rows, fraction: options.size ? (reading.bytes ?? 0) / options.size : null });
      }
    }
    await lookUpPending();
    await looking;
  } finally {
    await looking.catch(() => undefined); // an unreadable file: nothing still running when the report goes back
  }
  report.sha256 = reading.sha256!();
}

/**
 * The second pass: the batch record, its event and the organisations the new
 * rows name, then the new rows in batches, up to PARALLEL at once (each its
 * own transaction; they share no rows, since a reference is in a file once).
 * Returns the batch's id.
 */
async function importRows(client: PrismaClient, options: ImportOptions, report: ImportReport, badLines: Set<number>, named: Named) {
  const batchId = randomUUID();
  const organisations = new Map<string, string>(); // name and sector → id
  await client.$transaction(async (tx) => {
    await findOrMakeOrganisations(tx, named, organisations);
    await tx.importBatch.create({
      data: { id: batchId, filename: options.filename, sha256: report.sha256!, importedById: options.who, added: 0, skipped: 0 },
    });
    await tx.auditEvent.create({
      data: auditEventRow(
        {
          who: options.who,
          what: "records.import",
          subject: { type: "import-batch", id: batchId },
          details: {
            filename: options.filename,
            sha256: report.sha256!,
            rows: report.rows,
            toAdd: report.added,
            skipped: report.skipped,
            changed: report.changedCount,
            badRows: report.badRowCount,
          },
        },
        options.requestId,
      ),
    });
  });

  // From here, what was added rather than what was to add (the same, unless another import ran meanwhile).
  const toRead = report.added + report.skipped + report.changedCount;
  report.added = 0;
  let pending: RecordFacts[] = [];
  let done = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    const rows = pending;
    pending = [];
    const task: Promise<void> = client
      .$transaction((tx) => insertBatch(tx, batchId, rows, organisations), { timeout: 120_000 })
      .then((added) => {
        report.added += added;
        done += rows.length;
        options.onProgress?.({ phase: "import", rows: done, fraction: Math.min(1, done / Math.max(1, toRead)) });
      })
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= PARALLEL) await Promise.race(inFlight);
  };
  for await (const row of readRows(options.open(), REQUIRED_COLUMNS)) {
    if (failure) break;
    if ("problem" in row || badLines.has(row.line)) continue;
    const read = readRecord(row.line, row.values);
    if (!("facts" in read)) continue;
    pending.push(asImported(read.facts));
    if (pending.length === BATCH) await flush();
  }
  if (pending.length && !failure) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  return batchId;
}

const organisationKey = (name: string, sector: Sector) => `${sector}\u0000${name}`;

/** The start of a London day, but never before the contact came in (a decision the same day came after it). */
const momentOn = (day: string, receivedAt: Date) => new Date(Math.max(londonMoment(day).getTime(), receivedAt.getTime()));
const storedDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Inserts the rows not yet on file; returns how many. */
async function insertBatch(tx: Prisma.TransactionClient, batchId: string, rows: RecordFacts[], organisations: Map<string, string>) {
  const onFile = await referencesOnFile(
    tx,
    rows.map((r) => r.reference),
  );
  const fresh = rows.filter((r) => !onFile.has(r.reference));
  if (fresh.length) await insertCases(tx, batchId, fresh, organisations);
  // Last: the batch row stays locked until the transaction ends, and the other batch in flight waits for it.
  await tx.importBatch.update({
    where: { id: batchId },
    data: { added: { increment: fresh.length }, skipped: { increment: onFile.size } },
  });
  return fresh.length;
}

/** Writes the cases of `fresh` and what each row makes. */
async function insertCases(tx: Prisma.TransactionClient, batchId: string, fresh: RecordFacts[], organisations: Map<string, string>) {
  const organisationOf = await findOrMakeOrganisations(tx, organisationsNamed(fresh, new Map()), organisations);

  const made = fresh.map((r) => ({ r, caseId: randomUUID() }));
  const each = <T>(build: (r: RecordFacts, caseId: string) => T | null) =>
    made.flatMap(({ r, caseId }) => {
      const row = build(r, caseId);
      return row ? [row] : [];
    });
  const people = each((r, caseId) => (hasSubject(r) ? { r, caseId, identityId: randomUUID() } : null));
  const decidedAt = (r: RecordFacts) => momentOn(r.decision_at!, r.received_at);
  const day = (d: string | null) => (d ? storedDay(d) : null);
  const moment = (d: string | null) => (d ? londonMoment(d) : null);

  await insertRows(
    tx,
    "Case",
    {
      id: "uuid",
      reference: "text",
      source: '"ContactSource"',
      receivedAt: "timestamptz",
      namedProfessional: "boolean",
      summary: "text",
      reportedHarmCategories: '"HarmCategory"[]',
      importBatchId: "uuid",
    },
    made.map(({ r, caseId }) => ({
      id: caseId,
      reference: r.reference,
      source: r.source,
      receivedAt: r.received_at,
      namedProfessional: r.named_professional,
      summary: IMPORTED_SUMMARY,
      reportedHarmCategories: [],
      importBatchId: batchId,
    })),
  );
  await insertRows(
    tx,
    "Referrer",
    { id: "uuid", caseId: "uuid", type: '"ReferrerType"', organisationId: "uuid", organisationName: "text" },
    each((r, caseId) =>
      r.referrer_type || r.referrer_organisation
        ? {
            id: randomUUID(),
            caseId,
            type: r.referrer_type,
            organisationId:
              r.referrer_organisation && r.referrer_sector ? organisationOf(r.referrer_organisation, r.referrer_sector) : null,
            organisationName: r.referrer_organisation && !r.referrer_sector ? r.referrer_organisation : null,
          }
        : null,
    ),
  );
  await insertRows(
    tx,
    "Identity",
    { id: "uuid" },
    people.map((p) => ({ id: p.identityId })),
  );
  await insertRows(
    tx,
    "Person",
    {
      id: "uuid",
      caseId: "uuid",
      identityId: "uuid",
      firstName: "text",
      lastName: "text",
      previousNames: "text[]",
      dateOfBirth: "date",
      sex: '"Sex"',
      jobTitle: "text",
      employerId: "uuid",
      employerName: "text",
      sector: '"Sector"',
      employmentBasis: '"EmploymentBasis"',
    },
    people.map(({ r, caseId, identityId }) => ({
      id: randomUUID(),
      caseId,
      identityId,
      firstName: r.subject_first_name,
      lastName: r.subject_last_name,
      previousNames: r.subject_previous_names,
      dateOfBirth: day(r.subject_date_of_birth),
      sex: r.subject_sex,
      jobTitle: r.subject_role,
      employerId: r.subject_employer && r.subject_sector ? organisationOf(r.subject_employer, r.subject_sector) : null,
      employerName: r.subject_employer && !r.subject_sector ? r.subject_employer : null,
      sector: r.subject_sector,
      employmentBasis: r.subject_employment_basis,
    })),
  );
  await insertRows(
    tx,
    "ThresholdDecision",
    {
      id: "uuid",
      caseId: "uuid",
      revision: "integer",
      category: '"DecisionCategory"',
      harmCriteria: '"HarmCriterion"[]',
      harmCategories: '"HarmCategory"[]',
      rationale: "text",
      decidedAt: "timestamptz",
    },
    each((r, caseId) =>
      r.decision
        ? {
            id: randomUUID(),
            caseId,
            revision: 1,
            category: r.decision,
            harmCriteria: [],
            harmCategories: r.harm_categories,
            rationale: IMPORTED_NOTE,
            decidedAt: decidedAt(r),
          }
        : null,
    ),
  );
  await insertRows(
    tx,
    "AdviceRecord",
    { id: "uuid", caseId: "uuid", adviceGiven: "text", redirectedTo: '"RedirectTarget"', recordedAt: "timestamptz" },
    each((r, caseId) =>
      r.decision === "ADVICE" || r.decision === "NOT_LADO"
        ? { id: randomUUID(), caseId, adviceGiven: IMPORTED_NOTE, redirectedTo: r.redirected_to, recordedAt: decidedAt(r) }
        : null,
    ),
  );
  await insertRows(
    tx,
    "PoliceInvolvement",
    { id: "uuid", caseId: "uuid", status: '"PoliceStatus"', informedAt: "timestamptz", concludedAt: "timestamptz" },
    each((r, caseId) =>
      r.police_involved === null
        ? null
        : {
            id: randomUUID(),
            caseId,
            status: !r.police_involved ? "NOT_INVOLVED" : r.police_concluded_at ? "CONCLUDED" : "INVESTIGATING",
            informedAt: moment(r.police_informed_at),
            concludedAt: moment(r.police_concluded_at),
          },
    ),
  );
  await insertRows(
    tx,
    "EmployerAction",
    {
      id: "uuid",
      caseId: "uuid",
      suspensionConsidered: "boolean",
      alternativesConsidered: '"SuspensionAlternative"[]',
      suspended: "boolean",
      redeployed: "boolean",
      finalAction: '"EmployerFinalAction"',
    },
    each((r, caseId) =>
      r.suspended === null
        ? null
        : {
            id: randomUUID(),
            caseId,
            suspensionConsidered: r.suspended,
            alternativesConsidered: [],
            suspended: r.suspended,
            redeployed: false,
            finalAction: r.employer_action,
          },
    ),
  );
  await insertRows(
    tx,
    "Outcome",
    { id: "uuid", caseId: "uuid", outcome: '"OutcomeType"', rationale: "text", decidedAt: "timestamptz" },
    each((r, caseId) =>
      r.outcome
        ? { id: randomUUID(), caseId, outcome: r.outcome, rationale: IMPORTED_NOTE, decidedAt: momentOn(r.outcome_at!, r.received_at) }
        : null,
    ),
  );
  await insertRows(
    tx,
    "OnwardReferral",
    { id: "uuid", caseId: "uuid", body: '"OnwardBody"', referredAt: "date" },
    each((r, caseId) =>
      r.dbs_referral
        ? {
            id: randomUUID(),
            caseId,
            body: "DBS",
            referredAt: storedDay(r.outcome_at ?? r.closed_at ?? r.decision_at ?? londonDay(r.received_at)),
          }
        : null,
    ),
  );
  await insertRows(
    tx,
    "Closure",
    { id: "uuid", caseId: "uuid", proposedAt: "timestamptz", signedOffAt: "timestamptz", note: "text" },
    each((r, caseId) => {
      if (!r.closed_at) return null;
      const at = momentOn(r.closed_at, r.received_at);
      return { id: randomUUID(), caseId, proposedAt: at, signedOffAt: at, note: IMPORTED_NOTE };
    }),
  );
  await advanceReferenceCounters(tx, fresh);
}

/** Which of `references` are on file. */
async function referencesOnFile(client: PrismaClient | Prisma.TransactionClient, references: string[]) {
  if (!references.length) return new Set<string>();
  const found = await client.$queryRaw<{ reference: string }[]>`
    SELECT "reference" FROM "Case" WHERE "reference" = ANY(${references}::text[])`;
  return new Set(found.map((c) => c.reference));
}

const hasSubject = (r: RecordFacts) =>
  Boolean(
    r.subject_first_name ||
    r.subject_last_name ||
    r.subject_previous_names.length ||
    r.subject_date_of_birth ||
    r.subject_sex ||
    r.subject_employer ||
    r.subject_sector ||
    r.subject_role ||
    r.subject_employment_basis,
  );

/**
 * Rows of one table in one statement: sent as one JSON parameter and typed by
 * PostgreSQL (json_to_recordset). createMany sends a parameter a value and
 * took a third of a second a thousand rows for the larger tables; this is
 * what lets an import reach thousands of rows a second. The table, columns
 * and types are this module's constants; every value goes as the parameter.
 */
async function insertRows<T extends Record<string, unknown>>(
  tx: Prisma.TransactionClient,
  table: string,
  types: { [K in keyof T]-?: string },
  rows: T[],
) {
  if (!rows.length) return;
  const columns = Object.keys(types).map((c) => `"${c}"`);
  const typed = Object.entries(types).map(([c, type]) => `"${c}" ${type}`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM json_to_recordset($1::json) AS r(${typed.join(", ")})`,
    JSON.stringify(rows),
  );
}

type Named = Map<string, { name: string; sector: Sector }>;

/** Adds the organisations the rows name (by name and sector) to `named`. */
function organisationsNamed(rows: RecordFacts[], named: Named) {
  for (const r of rows) {
    for (const [name, sector] of [
      [r.referrer_organisation, r.referrer_sector],
      [r.subject_employer, r.subject_sector],
    ] as const) {
      if (name && sector) named.set(organisationKey(name, sector), { name, sector });
    }
  }
  return named;
}

/**
 * The organisations named, found or made, added to `known`, as a lookup. The
 * same name in another sector is another organisation, as on the contact
 * form.
 */
async function findOrMakeOrganisations(tx: Prisma.TransactionClient, named: Named, known: Map<string, string>) {
  const wanted = new Map([...named].filter(([key]) => !known.has(key)));
  if (wanted.size) {
    // One statement for the lot (an OR of two thousand terms took a tenth of a second); the oldest of a name wins.
    const found = await tx.$queryRaw<{ id: string; name: string; sector: Sector }[]>`
      SELECT DISTINCT ON (o."name", o."sector") o."id", o."name", o."sector"
      FROM "Organisation" o
      JOIN json_to_recordset(${JSON.stringify([...wanted.values()])}::json) AS w("name" text, "sector" "Sector")
        ON o."name" = w."name" AND o."sector" = w."sector"
      ORDER BY o."name", o."sector", o."createdAt"`;
    for (const o of found) known.set(organisationKey(o.name, o.sector), o.id);
    const missing = [...wanted.entries()].filter(([key]) => !known.has(key)).map(([key, o]) => ({ ...o, id: randomUUID(), key }));
    await insertRows(
      tx,
      "Organisation",
      { id: "uuid", name: "text", sector: '"Sector"' },
      missing.map(({ id, name, sector }) => ({ id, name, sector })),
    );
    for (const o of missing) known.set(o.key, o.id);
  }
  return (name: string, sector: Sector) => known.get(organisationKey(name, sector))!;
}

const APP_REFERENCE = /^LADO-(\d{4})-(\d{5,9})$/;

/**
 * References in the app's own shape (LADO-2019-00042) move that year's
 * counter past them, so a case logged later never gets an imported number.
 */
async function advanceReferenceCounters(tx: Prisma.TransactionClient, rows: RecordFacts[]) {
  const highest = new Map<number, number>();
  for (const { reference } of rows) {
    const match = APP_REFERENCE.exec(reference);
    if (match) highest.set(Number(match[1]), Math.max(highest.get(Number(match[1])) ?? 0, Number(match[2])));
  }
  for (const [year, last] of highest) {
    await tx.$executeRaw`
      INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, ${last})
      ON CONFLICT ("year") DO UPDATE SET "last" = GREATEST("ReferenceCounter"."last", EXCLUDED."last")`;
  }
}

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, "drain");
}
