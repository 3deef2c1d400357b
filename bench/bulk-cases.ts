// Realistic cases in bulk for the scale benchmark (bench/scale.ts): years of
// a regional LADO service's contacts, made inside PostgreSQL with INSERT ...
// SELECT over generate_series, so a million cases load in minutes, not the
// hours one createCases call per case would take.
//
// The words come from the test factories: a pool of cases made by buildCase
// gives each case its summary, harm, job, referrer's role and decision
// rationale, and the subjects' names are the factories' names (with a tail of
// rarer surnames), so a name search matches as it would on real data: a
// common surname finds about one case in a hundred. Every choice is a hash of
// the case's number, so a kept database grows by the same rules.
//
// Case number 1 is the newest; each next one came in SPACING_SECONDS earlier,
// so growing the database adds older history and the newest contacts (the
// triage queue) stay where they were.
import { randomUUID } from "node:crypto";
import { fakerEN_GB as faker } from "@faker-js/faker";
import type pg from "pg";
import type { DecisionCategory } from "~/generated/prisma/enums";
import { buildCase, organisationData, personName } from "../tests/factories";

/** One contact every ten minutes, around the clock: 52,560 a year, so references keep five digits. */
const SPACING_SECONDS = 600;
/** The newest contacts, still waiting for their initial consideration (the triage queue). */
const WAITING = 300;
/** The newest contacts without a threshold decision (the waiting ones and some considered since). */
const UNDECIDED = 500;
const OFFICERS = 24;
const ORGANISATIONS = 20_000;
const TEMPLATES = 2_000;
/** Cases per transaction. */
const BATCH = 100_000;

/**
 * Adds cases (oldest last) until the database holds `size`, then vacuums and
 * analyses it as autovacuum would have. Answers how many were added.
 */
export async function growTo(client: pg.Client, size: number, progress: (line: string) => void) {
  const current = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Case"`)).rows[0]!.n);
  if (current >= size) return 0;
  await client.query("SET synchronous_commit = off");
  await prepare(client);
  const anchor = current
    ? (await client.query<{ at: Date }>(`SELECT max("receivedAt") + make_interval(secs => $1) AS at FROM "Case"`, [SPACING_SECONDS]))
        .rows[0]!.at
    : new Date(Math.floor(Date.now() / 60_000) * 60_000);
  for (let from = current + 1; from <= size; from += BATCH) {
    const to = Math.min(size, from + BATCH - 1);
    await client.query("BEGIN");
    await client.query(batchTable, [from, to, anchor, SPACING_SECONDS]);
    for (const statement of inserts) await client.query(statement);
    await client.query("COMMIT");
    progress(`${to.toLocaleString("en-GB")} cases`);
  }
  // The app's next reference each year follows the loaded ones.
  await client.query(`
    INSERT INTO "ReferenceCounter" ("year", "last")
    SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM "Case" GROUP BY 1
    ON CONFLICT ("year") DO UPDATE SET "last" = GREATEST("ReferenceCounter"."last", EXCLUDED."last")`);
  progress("vacuum and analyse");
  await client.query("VACUUM (ANALYZE)");
  return size - current;
}

/**
 * Staff and organisations (made once, kept), and this session's lookup
 * tables: the case pool, the names, and numbered officers and organisations.
 */
async function prepare(client: pg.Client) {
  faker.seed(2026);
  const pool = Array.from({ length: TEMPLATES }, (_, n) => template(n));
  const names = namePools();

  const officers = await client.query(`SELECT 1 FROM "User" WHERE email LIKE 'bench-officer-%' LIMIT 1`);
  if (!officers.rowCount) {
    // Officers never sign in: a password hash that nothing matches.
    const rows = Array.from({ length: OFFICERS }, (_, i) => ({ name: personName().full, email: `bench-officer-${i}@example.org` }));
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", roles)
       SELECT gen_random_uuid(), email, name, '!', '{LADO}' FROM jsonb_to_recordset($1::jsonb) AS t(name text, email text)`,
      [JSON.stringify(rows)],
    );
  }
  const organisations = await client.query(`SELECT 1 FROM "Organisation" LIMIT 1`);
  if (!organisations.rowCount) {
    const rows = Array.from({ length: ORGANISATIONS }, (_, i) => ({ id: randomUUID(), ...organisationData(pool[i % TEMPLATES]!.sector) }));
    await client.query(
      `INSERT INTO "Organisation" (id, name, sector, address, phone, email)
       SELECT id, name, sector::"Sector", address, phone, email
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, name text, sector text, address text, phone text, email text)`,
      [JSON.stringify(rows)],
    );
  }

  await client.query(`
    CREATE OR REPLACE FUNCTION pg_temp.pick(seed bigint, salt int, n int) RETURNS int
    LANGUAGE sql IMMUTABLE AS $$ SELECT ((hashint8(seed * 7919 + salt) & 2147483647) % n)::int $$`);
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS bench_template AS
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
       n int, summary text, harm text[], named boolean, job_title text, sector text, referrer_role text, category text, rationale text)`,
    [JSON.stringify(pool)],
  );
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS bench_names AS SELECT $1::text[] AS female, $2::text[] AS male, $3::text[] AS common, $4::text[] AS rare`,
    [names.female, names.male, names.common, names.rare],
  );
  await client.query(`
    CREATE TEMP TABLE IF NOT EXISTS bench_officer AS
    SELECT (row_number() OVER (ORDER BY email) - 1)::int AS n, id FROM "User" WHERE email LIKE 'bench-officer-%'`);
  await client.query(`
    CREATE TEMP TABLE IF NOT EXISTS bench_org AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, name FROM "Organisation"`);
}

/** Three in ten contacts reach the threshold for an allegation; most get advice. */
const CATEGORIES = [
  { weight: 55, value: "ADVICE" as const },
  { weight: 15, value: "CAUSE_FOR_CONCERN" as const },
  { weight: 30, value: "ALLEGATION" as const },
];

/** One case of the pool, as buildCase writes it. */
function template(n: number) {
  const category: DecisionCategory = faker.helpers.weightedArrayElement(CATEGORIES);
  const built = buildCase({ decisions: [{ category }], namedProfessional: faker.datatype.boolean({ probability: 0.97 }) });
  return {
    n,
    summary: built.caseRow.summary,
    harm: built.caseRow.reportedHarmCategories,
    named: built.caseRow.namedProfessional,
    job_title: built.subject.jobTitle ?? null,
    sector: built.subject.sector ?? "OTHER",
    referrer_role: built.referrer.role ?? null,
    category,
    rationale: built.decisions[0]!.rationale,
  };
}

/** The factories' first names and surnames, and a tail of rarer surnames from faker. */
function namePools() {
  const draw = (make: () => string) => [...new Set(Array.from({ length: 5_000 }, make))].sort();
  const common = draw(() => personName().last);
  return {
    female: draw(() => personName("FEMALE").first),
    male: draw(() => personName("MALE").first),
    common,
    rare: draw(() => faker.person.lastName()).filter((name) => !common.includes(name)),
  };
}

// ---------------------------------------------------------------------------
// One batch: the cases numbered $1 to $2, received $4 seconds apart before $3
// ---------------------------------------------------------------------------

/** What every table of the batch is made from: one row per case, with its choices. */
const batchTable = `
  CREATE TEMP TABLE bench_batch ON COMMIT DROP AS
  SELECT b.*,
    'LADO-' || b.year || '-' || lpad((floor(extract(epoch FROM b.received_at - make_timestamptz(b.year, 1, 1, 0, 0, 0, 'Europe/London')) / $4) + 1)::text, 5, '0') AS reference,
    CASE WHEN b.roll < 45 THEN 'ONLINE_FORM' WHEN b.roll < 70 THEN 'PHONE' WHEN b.roll < 90 THEN 'EMAIL' WHEN b.roll < 94 THEN 'LETTER' ELSE 'IN_PERSON' END AS source
  FROM (
    SELECT g,
      md5('case-' || g)::uuid AS id,
      r.received_at,
      extract(year FROM r.received_at AT TIME ZONE 'Europe/London')::int AS year,
      -- One contact in twenty is about someone already known: the same person as an earlier case.
      CASE WHEN pg_temp.pick(g, 1, 20) = 0 THEN g + 1 + pg_temp.pick(g, 2, 2000) ELSE g END AS p,
      pg_temp.pick(g, 3, ${TEMPLATES}) AS t,
      pg_temp.pick(g, 4, ${OFFICERS}) AS officer,
      pg_temp.pick(g, 5, ${ORGANISATIONS}) AS org,
      pg_temp.pick(g, 6, 100) AS roll,
      pg_temp.pick(g, 7, 10) < 8 AS has_org
    FROM generate_series($1::bigint, $2::bigint) AS g
    CROSS JOIN LATERAL (SELECT $3::timestamptz - make_interval(secs => g * $4) AS received_at) AS r
  ) AS b`;

/** A name from the pools for `seed`: each salt a different draw. */
const firstName = (seed: string, salt: number) =>
  `CASE WHEN pg_temp.pick(${seed}, ${salt}, 100) < 56 THEN n.male[1 + pg_temp.pick(${seed}, ${salt + 1}, cardinality(n.male))]
        ELSE n.female[1 + pg_temp.pick(${seed}, ${salt + 1}, cardinality(n.female))] END`;
const lastName = (seed: string, salt: number) =>
  `CASE WHEN pg_temp.pick(${seed}, ${salt}, 10) < 8 THEN n.common[1 + pg_temp.pick(${seed}, ${salt + 1}, cardinality(n.common))]
        ELSE n.rare[1 + pg_temp.pick(${seed}, ${salt + 1}, cardinality(n.rare))] END`;

const decided = `b.g > ${UNDECIDED}`;

const inserts = [
  `INSERT INTO "Identity" (id) SELECT DISTINCT md5('identity-' || p)::uuid FROM bench_batch ON CONFLICT DO NOTHING`,

  `INSERT INTO "Case" (id, reference, source, "receivedAt", "createdAt", "loggedById", "allocatedToId", "namedProfessional", summary,
     "reportedHarmCategories", "initialConsideredAt", "initialConsideredById", "initialConsideration")
   SELECT b.id, b.reference, b.source::"ContactSource", b.received_at, b.received_at,
     CASE WHEN b.source <> 'ONLINE_FORM' THEN o.id END, o.id, t.named, t.summary, t.harm::"HarmCategory"[],
     CASE WHEN b.g > ${WAITING} THEN b.received_at + interval '2 hours' END,
     CASE WHEN b.g > ${WAITING} THEN o.id END,
     CASE WHEN b.g > ${WAITING} THEN 'Prior history checked: no previous contacts found. No immediate safety action needed.' END
   FROM bench_batch b JOIN bench_template t ON t.n = b.t JOIN bench_officer o ON o.n = b.officer`,

  `INSERT INTO "Referrer" (id, "caseId", name, role, "organisationId", phone, email, "seniorManagerAware")
   SELECT gen_random_uuid(), b.id, f.name || ' ' || l.name, t.referrer_role, CASE WHEN b.has_org THEN org.id END,
     '020 7946 0' || lpad(pg_temp.pick(b.g, 8, 1000)::text, 3, '0'),
     lower(replace(f.name || '.' || l.name, '''', '')) || '@example.org', 'YES'
   FROM bench_batch b CROSS JOIN bench_names n JOIN bench_template t ON t.n = b.t JOIN bench_org org ON org.n = b.org
   CROSS JOIN LATERAL (SELECT ${firstName("b.g", 10)} AS name) f
   CROSS JOIN LATERAL (SELECT ${lastName("b.g", 12)} AS name) l`,

  `INSERT INTO "Person" (id, "caseId", "identityId", "firstName", "lastName", "previousNames", "dateOfBirth", sex, "jobTitle",
     "employerId", sector, "employmentBasis")
   SELECT gen_random_uuid(), b.id, md5('identity-' || b.p)::uuid,
     CASE WHEN t.named THEN f.name END, CASE WHEN t.named THEN l.name END,
     -- Some women are known by an earlier surname too.
     CASE WHEN t.named AND pg_temp.pick(b.p, 20, 100) >= 56 AND pg_temp.pick(b.p, 24, 100) < 12
          THEN ARRAY[${lastName("b.p", 25)}] ELSE '{}' END,
     DATE '1962-01-01' + pg_temp.pick(b.p, 27, 14000),
     CASE WHEN NOT t.named THEN NULL WHEN pg_temp.pick(b.p, 20, 100) < 56 THEN 'MALE' ELSE 'FEMALE' END::"Sex",
     t.job_title, CASE WHEN b.has_org THEN org.id END, t.sector::"Sector", 'PERMANENT'
   FROM bench_batch b CROSS JOIN bench_names n JOIN bench_template t ON t.n = b.t JOIN bench_org org ON org.n = b.org
   CROSS JOIN LATERAL (SELECT ${firstName("b.p", 20)} AS name) f
   CROSS JOIN LATERAL (SELECT ${lastName("b.p", 22)} AS name) l`,

  `INSERT INTO "Child" (id, "caseId", "ageYears", sex, setting)
   SELECT gen_random_uuid(), b.id, 3 + pg_temp.pick(b.g, 30 + k, 15),
     CASE WHEN pg_temp.pick(b.g, 33 + k, 2) = 0 THEN 'FEMALE' ELSE 'MALE' END::"Sex", org.name
   FROM bench_batch b JOIN bench_org org ON org.n = b.org
   CROSS JOIN LATERAL generate_series(1, 1 + (pg_temp.pick(b.g, 29, 10) < 3)::int) AS k`,

  `INSERT INTO "ThresholdDecision" (id, "caseId", revision, category, "harmCriteria", "harmCategories", rationale, "decidedById", "decidedAt")
   SELECT gen_random_uuid(), b.id, 1, t.category::"DecisionCategory",
     CASE WHEN t.category = 'ALLEGATION' THEN '{HARMED_CHILD}' ELSE '{}' END::"HarmCriterion"[],
     t.harm::"HarmCategory"[], t.rationale, o.id, b.received_at + interval '3 hours'
   FROM bench_batch b JOIN bench_template t ON t.n = b.t JOIN bench_officer o ON o.n = b.officer
   WHERE ${decided}`,

  `INSERT INTO "OutboundMessage" (id, "caseId", template, "toAddress", subject, body, status, attempts, "sentAt", "createdAt")
   SELECT gen_random_uuid(), b.id, 'referral-receipt', r.email, 'Your referral ' || b.reference,
     'Thank you for your referral. Your reference is ' || b.reference || '.', 'SENT', 1, b.received_at + interval '1 minute', b.received_at
   FROM bench_batch b JOIN "Referrer" r ON r."caseId" = b.id
   WHERE b.source = 'ONLINE_FORM'`,

  `INSERT INTO "Meeting" (id, "caseId", type, "heldAt", "informationShared", decisions, "createdAt")
   SELECT md5('meeting-' || b.g)::uuid, b.id, 'EVALUATION', b.received_at + interval '5 days',
     'The referrer summarised the concern and what the setting has done so far.',
     'Harm threshold confirmed. Employer to consider suspension and the alternatives. Review in four weeks.',
     b.received_at + interval '5 days'
   FROM bench_batch b JOIN bench_template t ON t.n = b.t
   WHERE ${decided} AND t.category = 'ALLEGATION'`,

  `INSERT INTO "MeetingAttendee" (id, "meetingId", name, agency, role)
   SELECT gen_random_uuid(), md5('meeting-' || b.g)::uuid, f.name || ' ' || l.name,
     (ARRAY['Police', 'Children''s social care', org.name, 'LADO service'])[k], NULL
   FROM bench_batch b CROSS JOIN bench_names n JOIN bench_template t ON t.n = b.t JOIN bench_org org ON org.n = b.org
   CROSS JOIN generate_series(1, 4) AS k
   CROSS JOIN LATERAL (SELECT ${firstName("b.g * 4 + k", 40)} AS name) f
   CROSS JOIN LATERAL (SELECT ${lastName("b.g * 4 + k", 42)} AS name) l
   WHERE ${decided} AND t.category = 'ALLEGATION'`,

  `INSERT INTO "PoliceInvolvement" (id, "caseId", force, status, "informedAt", "openedAt")
   SELECT md5('police-' || b.g)::uuid, b.id, 'Metropolitan Police Service', 'INVESTIGATING', b.received_at, b.received_at + interval '2 days'
   FROM bench_batch b JOIN bench_template t ON t.n = b.t
   WHERE ${decided} AND t.category = 'ALLEGATION' AND pg_temp.pick(b.g, 50, 2) = 0`,

  `INSERT INTO "PoliceChallenge" (id, "policeId", at, kind, detail)
   SELECT gen_random_uuid(), md5('police-' || b.g)::uuid, b.received_at + interval '40 days', 'CHALLENGE',
     'No update from the officer in the case for four weeks: asked for a timescale for the charging decision.'
   FROM bench_batch b JOIN bench_template t ON t.n = b.t
   WHERE ${decided} AND t.category = 'ALLEGATION' AND pg_temp.pick(b.g, 50, 2) = 0 AND pg_temp.pick(b.g, 51, 2) = 0`,

  // Five events each: the contact arriving, then four views.
  `INSERT INTO "AuditEvent" (at, "userId", action, "subjectType", "subjectId", "caseId", "requestId", details)
   SELECT LEAST(b.received_at + (k - 1) * interval '6 hours', now()),
     CASE WHEN k = 1 AND b.source = 'ONLINE_FORM' THEN NULL ELSE o.id END,
     CASE WHEN k > 1 THEN 'case.view' WHEN b.source = 'ONLINE_FORM' THEN 'referral.submit' ELSE 'contact.log' END,
     'case', b.id::text, b.id, md5('request-' || b.g || '-' || k)::uuid::text, '{}'
   FROM bench_batch b JOIN bench_officer o ON o.n = b.officer CROSS JOIN generate_series(1, 5) AS k`,
];
