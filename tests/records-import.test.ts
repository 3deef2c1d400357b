// Import and export of records (issue 16): a file with every column and code
// becomes the right records; the dry-run report names every bad row by line
// and column; importing twice adds nothing; a changed row is reported, not
// merged; the good rows of a file with bad ones, the bad ones kept to put
// right; Excel's CSV; the round trip through an empty database; and the
// commands as a user runs them.
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/db.server";
import { PrismaClient } from "~/generated/prisma/client";
import {
  ContactSource,
  DecisionCategory,
  EmployerFinalAction,
  EmploymentBasis,
  HarmCategory,
  OutcomeType,
  RedirectTarget,
  ReferrerType,
  Sector,
  Sex,
} from "~/generated/prisma/enums";
import { findCandidates } from "~/people/candidates.server";
import { exportRecords } from "~/records/export.server";
import { codesOf, COLUMN_NAMES } from "~/records/format";
import { IMPORTED_SUMMARY, importRecords, type ImportOptions } from "~/records/import.server";
import { progressReporter } from "../scripts/progress";
import { projectRoot, withDatabase } from "../server/database";
import { buildCase, createCases, createOrganisations, createUser, faker } from "./factories";

type Row = Partial<Record<(typeof COLUMN_NAMES)[number], string>>;

/** A file in the format: the header (these columns, in this order) and the rows. */
function csvFile(columns: readonly string[], rows: Row[]) {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c as keyof Row] ?? "")).join(","))].join("\r\n") + "\r\n";
}

let unique = 0;
/** A reference no other test uses. */
const ref = (prefix = "IMP") => `${prefix}-${process.pid}-${++unique}`;

function run(client: PrismaClient, file: string | Buffer, options: Partial<ImportOptions> = {}) {
  const content = Buffer.isBuffer(file) ? file : Buffer.from(file);
  return importRecords(client, {
    open: () => Readable.from([content]),
    filename: "past-years.csv",
    size: content.length,
    who: null,
    requestId: randomUUID(),
    ...options,
  });
}

async function exported(client: PrismaClient) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await exportRecords(client, out, { who: null, name: "everything.csv", requestId: randomUUID() });
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

/** The export's rows, by reference. */
async function exportedRows(client: PrismaClient) {
  const rows = parse(await exported(client), { bom: true, columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r.reference!, r]));
}

/** Rows using every code of every list, each row consistent (an outcome only on an allegation, a redirection only on advice). */
function everyCodeRows(): Row[] {
  const lists = {
    source: codesOf(ContactSource),
    referrer_type: codesOf(ReferrerType),
    sector: codesOf(Sector),
    sex: codesOf(Sex),
    basis: codesOf(EmploymentBasis),
    decision: codesOf(DecisionCategory),
    harm: codesOf(HarmCategory),
    redirect: codesOf(RedirectTarget),
    outcome: codesOf(OutcomeType),
    action: codesOf(EmployerFinalAction),
  };
  const at = <T>(list: T[], i: number) => list[i % list.length]!;
  return Array.from({ length: lists.sector.length }, (_, i): Row => {
    const decision = at(lists.decision, i);
    const allegation = decision === "allegation";
    const employerActed = allegation || decision === "cause_for_concern";
    const advice = decision === "advice" || decision === "not_lado";
    const n = Math.floor(i / lists.decision.length);
    return {
      reference: ref("EVERY"),
      received_at: `2019-0${1 + (i % 9)}-1${i % 10}`,
      source: at(lists.source, i),
      referrer_type: at(lists.referrer_type, i),
      referrer_organisation: `Referring Organisation ${i}`,
      referrer_sector: at(lists.sector, i + 3),
      named_professional: i % 7 === 0 ? "no" : "yes",
      subject_first_name: `Firstname${i}`,
      subject_last_name: `Lastname${i}`,
      subject_previous_names: i % 2 ? `Earlier${i};Former${i}` : "",
      subject_date_of_birth: `198${i % 10}-0${1 + (i % 9)}-2${i % 8}`,
      subject_sex: at(lists.sex, i),
      subject_employer: `Employer ${i}`,
      subject_sector: at(lists.sector, i),
      subject_role: `Role ${i}`,
      subject_employment_basis: at(lists.basis, i),
      decision,
      decision_at: `2019-1${i % 3}-01`,
      harm_categories: [at(lists.harm, i), at(lists.harm, i + 2)].join(";"),
      redirected_to: advice ? at(lists.redirect, n) : "",
      police_involved: allegation ? (i % 3 ? "yes" : "no") : "",
      police_informed_at: allegation && i % 3 ? "2019-10-05" : "",
      police_concluded_at: allegation && i % 3 === 1 ? "2019-12-20" : "",
      suspended: employerActed ? (i % 2 ? "yes" : "no") : "",
      outcome: allegation ? at(lists.outcome, n) : "",
      outcome_at: allegation ? "2020-01-15" : "",
      employer_action: employerActed ? at(lists.action, i) : "",
      dbs_referral: allegation && n % 2 === 0 ? "yes" : "no",
      closed_at: i % 5 ? "2020-02-0" + (1 + (i % 9)) : "",
    };
  });
}

describe("importing a file with every column and code", () => {
  const rows = everyCodeRows();
  let report: Awaited<ReturnType<typeof importRecords>>;

  beforeAll(async () => {
    report = await run(db, csvFile(COLUMN_NAMES, rows), { filename: "every-code.csv" });
  });

  it("imports every row, marked with its batch and audited in one event", async () => {
    expect(report).toMatchObject({ problemCount: 0, rows: rows.length, added: rows.length, skipped: 0, imported: true });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: report.batchId! }, include: { cases: true } });
    expect(batch).toMatchObject({ filename: "every-code.csv", sha256: report.sha256, importedById: null, added: rows.length, skipped: 0 });
    expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.cases).toHaveLength(rows.length);
    const events = await db.auditEvent.findMany({ where: { action: "records.import", subjectId: report.batchId! } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: "import-batch",
      userId: null,
      details: { filename: "every-code.csv", toAdd: rows.length },
    });
  });

  it("uses every code of every list", () => {
    const used = (column: keyof Row) => new Set(rows.flatMap((r) => (r[column] ?? "").split(";")));
    for (const [column, list] of [
      ["source", ContactSource],
      ["referrer_type", ReferrerType],
      ["subject_sector", Sector],
      ["subject_sex", Sex],
      ["subject_employment_basis", EmploymentBasis],
      ["decision", DecisionCategory],
      ["harm_categories", HarmCategory],
      ["redirected_to", RedirectTarget],
      ["outcome", OutcomeType],
      ["employer_action", EmployerFinalAction],
    ] as const) {
      for (const code of codesOf(list)) expect(used(column), `${column} ${code}`).toContain(code);
    }
  });

  it("makes the records each column describes", async () => {
    const row = rows.find((r) => r.decision === "allegation" && r.police_concluded_at && r.closed_at && r.dbs_referral === "yes")!;
    const made = await db.case.findUniqueOrThrow({
      where: { reference: row.reference },
      include: {
        referrer: { include: { organisation: true } },
        subject: { include: { employer: true } },
        decisions: true,
        advice: true,
        police: true,
        employerAction: true,
        outcome: true,
        onwardReferrals: true,
        closures: true,
      },
    });
    expect(made).toMatchObject({
      source: row.source!.toUpperCase(),
      summary: IMPORTED_SUMMARY,
      importBatchId: report.batchId,
      namedProfessional: row.named_professional === "yes",
      loggedById: null,
    });
    expect(made.receivedAt.toISOString()).toBe(new Date(`${row.received_at}T00:00:00+01:00`).toISOString()); // a summer day: BST
    expect(made.referrer).toMatchObject({
      type: row.referrer_type!.toUpperCase(),
      organisation: { name: row.referrer_organisation, sector: row.referrer_sector!.toUpperCase() },
      organisationName: null,
    });
    expect(made.subject).toMatchObject({
      firstName: row.subject_first_name,
      lastName: row.subject_last_name,
      previousNames: row.subject_previous_names ? row.subject_previous_names.split(";") : [],
      sex: row.subject_sex!.toUpperCase(),
      jobTitle: row.subject_role,
      sector: row.subject_sector!.toUpperCase(),
      employmentBasis: row.subject_employment_basis!.toUpperCase(),
      employer: { name: row.subject_employer, sector: row.subject_sector!.toUpperCase() },
    });
    expect(made.subject!.dateOfBirth!.toISOString().slice(0, 10)).toBe(row.subject_date_of_birth);
    expect(made.decisions).toEqual([
      expect.objectContaining({
        revision: 1,
        category: "ALLEGATION",
        decidedById: null,
        rationale: "Imported",
        harmCategories: expect.arrayContaining(row.harm_categories!.split(";").map((c) => c.toUpperCase())),
      }),
    ]);
    expect(made.advice).toBeNull();
    expect(made.police).toMatchObject({ status: "CONCLUDED" });
    expect(made.police!.concludedAt!.toISOString()).toBe("2019-12-20T00:00:00.000Z"); // GMT
    expect(made.employerAction).toMatchObject({ suspended: row.suspended === "yes", finalAction: row.employer_action!.toUpperCase() });
    expect(made.outcome).toMatchObject({ outcome: row.outcome!.toUpperCase(), recordedById: null });
    expect(made.onwardReferrals).toEqual([expect.objectContaining({ body: "DBS" })]);
    expect(made.closures).toEqual([expect.objectContaining({ signedOffById: null, reopenedAt: null })]);
    expect(made.closures[0]!.signedOffAt).toEqual(made.closures[0]!.proposedAt);

    const adviceRow = rows.find((r) => r.decision === "advice" && r.redirected_to)!;
    const advice = await db.adviceRecord.findFirstOrThrow({ where: { case: { reference: adviceRow.reference } } });
    expect(advice).toMatchObject({ redirectedTo: adviceRow.redirected_to!.toUpperCase(), recordedById: null });
  });

  it("exports every row as it was given (received_at with its offset)", async () => {
    const out = await exportedRows(db);
    for (const row of rows) {
      const back = out.get(row.reference!)!;
      const expected = {
        ...row,
        received_at: back.received_at, // checked below
        // Codes come back in their list's order.
        harm_categories: codesOf(HarmCategory)
          .filter((c) => row.harm_categories!.split(";").includes(c))
          .join(";"),
      };
      expect(back).toEqual(expected);
      expect(new Date(back.received_at!).toISOString()).toBe(
        new Date(`${row.received_at}T00:00:00${back.received_at!.slice(-6)}`).toISOString(),
      );
    }
  });

  it("puts imported people into the prior-history check at once", async () => {
    const row = rows[5]!;
    const groups = await findCandidates(
      db,
      {
        firstName: row.subject_first_name!,
        lastName: row.subject_last_name!,
        previousNames: [],
        dateOfBirth: row.subject_date_of_birth!,
        employerId: null,
      },
      { before: new Date() },
    );
    expect(groups.flatMap((g) => g.members).map((m) => m.reference)).toContain(row.reference);
  });
});

describe("the dry run", () => {
  it("reports every bad row by line and column, with the reason, and imports nothing", async () => {
    const good = (extra: Row = {}): Row => ({ reference: ref(), received_at: "2020-03-02", source: "phone", ...extra });
    const rows: Row[] = [
      good(),
      good({ source: "fax" }), // line 3: unknown code
      good({ received_at: "2020-02-30" }), // line 4: bad date
      good({ decision_at: "2020-03-03" }), // line 5: a decision date without a decision
      good({ decision: "advice", decision_at: "2020-03-03", outcome: "substantiated", outcome_at: "2020-04-01" }), // line 6: an outcome without an allegation
      good({ decision: "allegation", decision_at: "2020-03-01" }), // line 7: decided before it came in
      good({ subject_employment_basis: "Permanent ", subject_sex: "FEMALE" }), // line 8: codes in any case are read
    ];
    const file = csvFile(
      ["reference", "received_at", "source", "decision", "decision_at", "outcome", "outcome_at", "subject_employment_basis", "subject_sex"],
      rows,
    );
    const before = await db.case.count();
    const report = await run(db, file, { dryRun: true });
    expect(report.problems).toEqual([
      { line: 3, column: "source", message: '"fax" is not one of online_form, phone, email, letter, in_person, front_door' },
      { line: 4, column: "received_at", message: "must be a date as YYYY-MM-DD, such as 1984-03-07, or a date and time with its offset" },
      { line: 5, column: "decision_at", message: "a decision date needs a decision" },
      { line: 6, column: "outcome", message: "an outcome needs the decision allegation" },
      { line: 7, column: "decision_at", message: "2020-03-01 is before received_at (2020-03-02)" },
    ]);
    expect(report).toMatchObject({ rows: 7, problemCount: 5, badRowCount: 5, added: 2, imported: false, batchId: null });
    expect(await db.case.count()).toBe(before);

    // Without the dry run, a file with a bad row imports nothing either.
    expect(await run(db, file)).toMatchObject({ imported: false, problemCount: 5 });
    expect(await db.case.count()).toBe(before);
  });

  it.each([
    ["reference,received_at\r\nA,2020-01-01\r\n", 'the column "source" is missing'],
    ["received_at\r\n2020-01-01\r\n", 'the columns "reference", "source" are missing'],
    ["reference,received_at,source,subject_frist_name\r\nA,2020-01-01,phone,Ann\r\n", 'unknown column "subject_frist_name"'],
    ["", "the file is empty: a header row is needed"],
    ['reference,received_at,source\r\n"A,2020-01-01,phone\r\n', "not readable as CSV"],
  ])("refuses the file %j as a whole", async (text, message) => {
    const report = await run(db, text, { dryRun: true });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toContain(message);
    expect(report).toMatchObject({ imported: false, sha256: null });
  });

  it("refuses a file that is not UTF-8, naming the line", async () => {
    const file = Buffer.concat([
      Buffer.from("reference,received_at,source\r\nA,2020-01-01,phone\r\nB,2020-01-01,"),
      Buffer.from([0xe9]),
      Buffer.from("\r\n"),
    ]);
    const report = await run(db, file, { dryRun: true });
    expect(report.problems).toEqual([{ line: 3, column: null, message: expect.stringContaining("is not UTF-8") }]);
  });
});

describe("importing again", () => {
  it("adds nothing the second time", async () => {
    const file = csvFile(
      ["reference", "received_at", "source", "subject_first_name", "subject_last_name"],
      [
        {
          reference: ref(),
          received_at: "2021-06-01T09:30:00+01:00",
          source: "email",
          subject_first_name: "Ann",
          subject_last_name: "Lee",
        },
        { reference: ref(), received_at: "2021-06-02", source: "letter" },
      ],
    );
    expect(await run(db, file)).toMatchObject({ added: 2, skipped: 0, imported: true });
    const count = await db.case.count();
    const again = await run(db, file);
    expect(again).toMatchObject({ added: 0, skipped: 2, changedCount: 0, problemCount: 0, imported: true });
    expect(await db.case.count()).toBe(count);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: again.batchId! } })).toMatchObject({ added: 0, skipped: 2 });
  });

  it("reports a row on file with other content, and leaves the case as it was", async () => {
    const reference = ref();
    const columns = ["reference", "received_at", "source", "subject_last_name", "decision", "decision_at"];
    await run(
      db,
      csvFile(columns, [
        { reference, received_at: "2021-01-04", source: "phone", subject_last_name: "Khan", decision: "advice", decision_at: "2021-01-05" },
      ]),
    );
    const report = await run(
      db,
      csvFile(columns, [
        {
          reference,
          received_at: "2021-01-04",
          source: "phone",
          subject_last_name: "Kahn",
          decision: "allegation",
          decision_at: "2021-01-05",
        },
      ]),
    );
    expect(report).toMatchObject({
      added: 0,
      skipped: 0,
      changedCount: 1,
      changed: [{ line: 2, reference, columns: ["subject_last_name", "decision"] }],
    });
    const onFile = await db.case.findUniqueOrThrow({ where: { reference }, include: { subject: true, decisions: true } });
    expect(onFile.subject!.lastName).toBe("Khan");
    expect(onFile.decisions.map((d) => d.category)).toEqual(["ADVICE"]);
  });
});

describe("importing the good rows", () => {
  it("imports the good rows and writes the bad ones, with the header, to put right", async () => {
    const [a, b, c] = [ref(), ref(), ref()];
    const columns = ["source", "reference", "received_at", "subject_last_name"];
    const file = csvFile(columns, [
      { reference: a, received_at: "2022-05-01", source: "phone", subject_last_name: "Good" },
      { reference: b, received_at: "yesterday", source: "phone", subject_last_name: 'O\'Bad, "the" first' },
      { reference: c, received_at: "2022-05-03", source: "pigeon", subject_last_name: "Bad" },
    ]);
    const badRows = new PassThrough();
    let written = "";
    badRows.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
    const report = await run(db, file, { goodRows: true, badRows });
    expect(report).toMatchObject({ added: 1, badRowCount: 2, imported: true });
    expect(await db.case.count({ where: { reference: { in: [a, b, c] } } })).toBe(1);
    expect(written).toBe(
      `\uFEFF${csvFile(columns, [
        { reference: b, received_at: "yesterday", source: "phone", subject_last_name: 'O\'Bad, "the" first' },
        { reference: c, received_at: "2022-05-03", source: "pigeon", subject_last_name: "Bad" },
      ])}`,
    );
  });
});

describe("Excel's CSV", () => {
  it("reads a byte order mark, CRLF and quoted fields with commas and line breaks; keeps accents and apostrophes exactly", async () => {
    const [a, b] = [ref(), ref()];
    const file =
      "\uFEFFsubject_first_name,reference,subject_last_name,received_at,source,subject_employer,subject_previous_names\r\n" +
      `"Zoë",${a},"O'Brien-Núñez",2023-02-01,phone,"St Mary's, Upper
Town",Ødegård; D'Arcy\r\n` +
      `"Renée\r\nJo",${b},"Ní Bhriain",2023-02-02,email,,\r\n`;
    const report = await run(db, Buffer.from(file, "utf8"));
    expect(report).toMatchObject({ problemCount: 0, added: 2 });
    const [first, second] = await Promise.all([a, b].map((reference) => db.person.findFirstOrThrow({ where: { case: { reference } } })));
    expect(first).toMatchObject({
      firstName: "Zoë",
      lastName: "O'Brien-Núñez",
      employerName: "St Mary's, Upper\nTown",
      previousNames: ["Ødegård", "D'Arcy"],
    });
    expect(second).toMatchObject({ firstName: "Renée\r\nJo", lastName: "Ní Bhriain" });
  });

  it("names the right line after a quoted line break", async () => {
    const file = 'reference,received_at,source,subject_last_name\r\nX1,2023-01-01,phone,"two\r\nlines"\r\nX2,2023-13-01,phone,Lee\r\n';
    const report = await run(db, file, { dryRun: true });
    expect(report.problems).toEqual([{ line: 4, column: "received_at", message: expect.stringContaining("must be a date") }]);
  });
});

describe("the round trip: export, import into an empty database, export again", () => {
  const { adminUrl, appUrl, owner, template } = inject("database");
  const name = `lado_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  let empty: PrismaClient;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${pg.escapeIdentifier(owner)}`);
    empty = new PrismaClient({ adapter: new PrismaPg({ connectionString: withDatabase(appUrl, name), max: 2 }) });
  });

  afterAll(async () => {
    await empty?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("gives the same rows, the same figures and the same prior-history answers", async () => {
    faker.seed(1616);
    const [lado, manager] = await Promise.all([createUser(db, { roles: ["LADO"] }), createUser(db, { roles: ["MANAGER"] })]);
    const pool = await createOrganisations(db, { PRIMARY_SCHOOL: 4, SECONDARY_SCHOOL: 4, EARLY_YEARS_NURSERY: 3, FOSTERING: 2 });
    const built = Array.from({ length: 60 }, (_, i) =>
      buildCase({
        receivedAt: faker.date.between({ from: "2020-04-01", to: "2025-03-31" }),
        organisationPool: pool,
        allocatedTo: lado,
        manager,
        progress: [
          { decision: "ADVICE" as const },
          { decision: "NOT_LADO" as const },
          { decision: "CAUSE_FOR_CONCERN" as const },
          { decision: "ALLEGATION" as const, concluded: { outcome: "UNSUBSTANTIATED" as const } },
          { decision: "ALLEGATION" as const },
        ][i % 5],
      }),
    );
    built.sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime());
    await createCases(db, built);

    const first = await exported(db);
    const report = await run(empty, first);
    expect(report.problems).toEqual([]);
    expect(report.added).toBe(await db.case.count());
    const second = await exported(empty);
    expect(second).toBe(first);

    // The same figures: cases by year received, decision and outcome.
    const figures = (client: PrismaClient) =>
      client.$queryRaw<{ year: number; category: string | null; outcome: string | null; n: bigint }[]>`
        SELECT extract(year FROM c."receivedAt" AT TIME ZONE 'Europe/London')::int AS year, d."category"::text AS category,
               o."outcome"::text AS outcome, count(*) AS n
        FROM "Case" c
        LEFT JOIN LATERAL (SELECT "category" FROM "ThresholdDecision" WHERE "caseId" = c."id" ORDER BY "revision" DESC LIMIT 1) d ON true
        LEFT JOIN "Outcome" o ON o."caseId" = c."id"
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    expect(await figures(empty)).toEqual(await figures(db));

    // The same prior-history answers for someone new who shares a name with people on file.
    const subject = built.find((b) => b.subject.lastName && b.subject.firstName)!.subject;
    const answers = async (client: PrismaClient) =>
      (
        await findCandidates(
          client,
          { firstName: subject.firstName!, lastName: subject.lastName!, previousNames: [], dateOfBirth: null, employerId: null },
          { before: new Date() },
        )
      )
        .flatMap((g) => g.members)
        .map((m) => [m.reference, m.strength])
        .sort();
    const onFile = await answers(db);
    expect(onFile.length).toBeGreaterThan(0);
    expect(await answers(empty)).toEqual(onFile);
  }, 120_000);
});

describe("the commands", () => {
  const exec = (script: string, args: string[]) =>
    promisify(execFile)("npx", ["tsx", script, ...args], { cwd: projectRoot, env: { ...process.env } }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );

  it("import: a dry run with a bad row names its line and column and exits 1; then imports, and writes the bad rows with --good-rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lado-import-"));
    const file = path.join(dir, "past.csv");
    const [a, b] = [ref("CLI"), ref("CLI")];
    fs.writeFileSync(
      file,
      csvFile(
        ["reference", "received_at", "source"],
        [
          { reference: a, received_at: "2020-01-02", source: "phone" },
          { reference: b, received_at: "2020-01-02", source: "fax" },
        ],
      ),
    );
    try {
      const dry = await exec("scripts/import.ts", [file, "--dry-run"]);
      expect(dry.code).toBe(1);
      expect(dry.stderr).toContain('past.csv, line 3, column source: "fax" is not one of');
      expect(dry.stdout).toContain("Dry run: 1 new case would be imported");
      expect(await db.case.count({ where: { reference: { in: [a, b] } } })).toBe(0);

      const good = await exec("scripts/import.ts", [file, "--good-rows"]);
      expect(good.code).toBe(1);
      expect(good.stdout).toContain("Imported 1 new case");
      expect(fs.readFileSync(path.join(dir, "past.bad.csv"), "utf8")).toBe(`\uFEFFreference,received_at,source\r\n${b},2020-01-02,fax\r\n`);
      expect(await db.case.count({ where: { reference: { in: [a, b] } } })).toBe(1);

      expect(await exec("scripts/import.ts", [])).toMatchObject({ code: 2 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("export: writes every case in the format, and is audited", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lado-export-"));
    const file = path.join(dir, "everything.csv");
    try {
      const done = await exec("scripts/export.ts", [file]);
      expect(done.code).toBe(0);
      const rows = parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual(COLUMN_NAMES);
      expect(rows).toHaveLength(await db.case.count());
      expect(
        await db.auditEvent.count({ where: { action: "records.export", subjectType: "export", subjectId: "everything.csv" } }),
      ).toBeGreaterThan(0);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the import's progress", () => {
  const reporter = (isTTY: boolean) => {
    const written: string[] = [];
    const out = { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    return { progress: progressReporter(out), written };
  };

  it("on a terminal, redraws one line in place: rows done, rows a second, time left", () => {
    const { progress, written } = reporter(true);
    progress.update("Checking", 1_000, 0.25);
    progress.update("Checking", 2_000, 0.5);
    progress.update("Importing", 1_000, 0.1);
    progress.done();
    expect(written[0]).toMatch(/^\r\[#{6} {18}\] Checking: 1,000 rows, [\d,]+ rows a second, about \d+s left/);
    expect(written[0]!.endsWith("\u001b[K")).toBe(true); // the rest of the line cleared
    expect(written[1]).toMatch(/^\r\[#{12} {12}\] Checking: 2,000 rows/);
    expect(written.slice(2)).toEqual(["\n", expect.stringMatching(/^\r\[#{2} {22}\] Importing: 1,000 rows/), "\n"]);
  });

  it("elsewhere, prints a plain line every 10,000 rows", () => {
    const { progress, written } = reporter(false);
    for (let rows = 1_000; rows <= 25_000; rows += 1_000) progress.update("Importing", rows, rows / 25_000);
    progress.done();
    expect(written).toEqual([
      expect.stringMatching(/^Importing: 10,000 rows, [\d,]+ rows a second, about \d+s left\n$/),
      expect.stringMatching(/^Importing: 20,000 rows/),
    ]);
  });
});
