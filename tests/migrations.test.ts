// Upgrading a database that holds records: each migration that changes what
// existing rows mean is run over rows written as the schema before it had
// them, and every record must come through valid. A database of its own,
// made here, migrated to just before the migration, filled, then upgraded.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot, withDatabase } from "../server/database";
import { migrationFolders } from "../server/migrate";

const { adminUrl } = inject("database");
const databaseName = `upgrade_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
const client = new pg.Client({ connectionString: withDatabase(adminUrl, databaseName) });

const migrationSql = (name: string) => fs.readFileSync(path.join(projectRoot, "prisma", "migrations", name, "migration.sql"), "utf8");

/** Applies the migrations from `from` (inclusive) up to `to` (exclusive; all the rest if not given). */
async function applyMigrations(from: string | null, to?: string) {
  for (const name of migrationFolders()) {
    if ((from && name < from) || (to && name >= to)) continue;
    await client.query(migrationSql(name));
  }
}

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName)}`);
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)}`);
  await admin.end();
});

describe("the intake migration (issue 14)", () => {
  const INTAKE = migrationFolders().find((name) => name.endsWith("_intake"))!;

  it("keeps every contact made before it valid, and turns online conduct from a category of harm into the flag", async () => {
    await applyMigrations(null, INTAKE);
    // Two contacts as the form made them before: one with online conduct among its categories, one without.
    await client.query(`
      INSERT INTO "Identity" (id) VALUES ('00000000-0000-4000-8000-000000000001'), ('00000000-0000-4000-8000-000000000002');
      INSERT INTO "Case" (id, reference, source, "receivedAt", summary, "reportedHarmCategories") VALUES
        ('00000000-0000-4000-8000-00000000000a', 'LADO-2025-00001', 'ONLINE_FORM', '2025-06-02T09:00:00Z',
         'Messages to a pupil on Instagram.', '{SEXUAL,ONLINE_CONDUCT}'),
        ('00000000-0000-4000-8000-00000000000b', 'LADO-2025-00002', 'PHONE', '2025-06-03T10:00:00Z',
         'Grabbed a child by the arm.', '{PHYSICAL}');
      INSERT INTO "Referrer" (id, "caseId", name, role) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', 'Sam Patel', 'Designated safeguarding lead'),
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000b', 'Jo Brown', 'Parent');
      INSERT INTO "Person" (id, "caseId", "identityId", "firstName", "lastName", "employerName") VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'Gareth', 'Hughes', 'Millbrook Academy'),
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000002', 'Dana', 'Cole', NULL);
      INSERT INTO "ThresholdDecision" (id, "caseId", revision, category, rationale, "decidedAt", "harmCategories") VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', 1, 'ALLEGATION', 'Harm threshold met.', '2025-06-03T09:00:00Z', '{SEXUAL,ONLINE_CONDUCT}'),
        (gen_random_uuid(), '00000000-0000-4000-8000-00000000000b', 1, 'ADVICE', 'Advice to the parent.', '2025-06-04T09:00:00Z', '{PHYSICAL}');
    `);

    await applyMigrations(INTAKE);

    const cases = await client.query(
      `SELECT reference, "reportedHarmCategories"::text[] AS harm, "happenedOnline", "childInImmediateDanger",
              "screenerWorksWithChildren", "screenerAboutConduct"
       FROM "Case" ORDER BY reference`,
    );
    expect(cases.rows).toEqual([
      {
        reference: "LADO-2025-00001",
        harm: ["SEXUAL"],
        happenedOnline: true,
        childInImmediateDanger: null,
        screenerWorksWithChildren: null,
        screenerAboutConduct: null,
      },
      {
        reference: "LADO-2025-00002",
        harm: ["PHYSICAL"],
        happenedOnline: null,
        childInImmediateDanger: null,
        screenerWorksWithChildren: null,
        screenerAboutConduct: null,
      },
    ]);
    const decisions = await client.query(`SELECT "harmCategories"::text[] AS harm FROM "ThresholdDecision" ORDER BY "decidedAt"`);
    expect(decisions.rows).toEqual([{ harm: ["SEXUAL"] }, { harm: ["PHYSICAL"] }]);
    // Asked only from now on: empty, not guessed, on what came before.
    const referrers = await client.query(`SELECT name, type, "organisationName" FROM "Referrer" ORDER BY name`);
    expect(referrers.rows).toEqual([
      { name: "Jo Brown", type: null, organisationName: null },
      { name: "Sam Patel", type: null, organisationName: null },
    ]);
    const people = await client.query(
      `SELECT "lastName", "employerName", "roleGroup", "ethnicGroup", "agencyId", "fosteringServiceId" FROM "Person" ORDER BY "lastName"`,
    );
    expect(people.rows).toEqual([
      { lastName: "Cole", employerName: null, roleGroup: null, ethnicGroup: null, agencyId: null, fosteringServiceId: null },
      {
        lastName: "Hughes",
        employerName: "Millbrook Academy",
        roleGroup: null,
        ethnicGroup: null,
        agencyId: null,
        fosteringServiceId: null,
      },
    ]);
    const harmValues = await client.query(`SELECT unnest(enum_range(NULL::"HarmCategory"))::text AS value`);
    expect(harmValues.rows.map((r: { value: string }) => r.value)).not.toContain("ONLINE_CONDUCT");
  });
});

describe("the meetings-recorded migration (issue 17)", () => {
  const RECORDED = migrationFolders().find((name) => name.endsWith("_meetings_recorded"))!;
  const name = `${databaseName}_meetings`;
  const upgrade = new pg.Client({ connectionString: withDatabase(adminUrl, name) });
  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await upgrade.connect();
  });
  afterAll(async () => {
    await upgrade.end();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
  });

  it("marks the meetings written before as recorded when held, and leaves a meeting only scheduled alone", async () => {
    for (const migration of migrationFolders()) if (migration < RECORDED) await upgrade.query(migrationSql(migration));
    await upgrade.query(`
      INSERT INTO "Case" (id, reference, source, "receivedAt", summary) VALUES
        ('00000000-0000-4000-8000-00000000000c', 'LADO-2025-00003', 'PHONE', '2025-06-02T09:00:00Z', 'Shouted at a pupil.');
      INSERT INTO "Meeting" (id, "caseId", type, "heldAt", "informationShared", decisions) VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-00000000000c', 'EVALUATION', '2025-06-05T10:00:00Z', 'Police and school shared what they knew.', 'Police to investigate.');
      INSERT INTO "Meeting" (id, "caseId", type, "heldAt") VALUES
        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-00000000000c', 'REVIEW', '2025-07-03T10:00:00Z');
    `);
    for (const migration of migrationFolders()) if (migration >= RECORDED) await upgrade.query(migrationSql(migration));
    const meetings = await upgrade.query(`SELECT type, "recordedAt" FROM "Meeting" ORDER BY "heldAt"`);
    expect(meetings.rows).toEqual([
      { type: "EVALUATION", recordedAt: new Date("2025-06-05T10:00:00Z") },
      { type: "REVIEW", recordedAt: null },
    ]);
  });
});
