// The prior-history check: how well it finds earlier records of the same
// person on a labelled set, the database's half of the name rules, confirming
// and rejecting matches, the same setting's contacts, the case-file section
// and the command line.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { Sex } from "~/generated/prisma/enums";
import { findCandidates } from "~/people/candidates.server";
import { nameKey, type PersonFacts } from "~/people/matching";
import { priorHistorySummary, type priorHistory } from "~/people/matching.server";
import * as section from "~/routes/cases.$reference.prior-history/route";
import { projectRoot } from "../server/database";
import { buildCase, createCase, createCases, createOrganisations, faker, pick, type OrganisationPool } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

// ---------------------------------------------------------------------------
// The labelled set
// ---------------------------------------------------------------------------

/** Spellings that sound alike, both ways round. */
const SOUNDS_ALIKE: Record<string, string[]> = {
  Stephen: ["Steven"],
  Steven: ["Stephen"],
  Mohammed: ["Muhammad", "Mohamed"],
  Catherine: ["Kathryn"],
  John: ["Jon"],
  Smith: ["Smyth"],
  Clarke: ["Clark"],
  Davies: ["Davis"],
  Hussain: ["Hussein"],
  Chowdhury: ["Choudhury"],
  Thompson: ["Thomson"],
};
/** Names with an accent or apostrophe to drop or add. */
const WRITTEN_OTHERWISE: Record<string, string> = { "O'Brien": "OBrien", Jose: "José", Zoe: "Zoë", Renee: "Renée", Chloe: "Chloë" };

type Earlier = { personId: string; facts: PersonFacts; sex: Sex | null };
type Variant = "case" | "accents" | "typo-first" | "typo-last" | "swapped" | "sounds-alike" | "married" | "double-barrelled";

/** A one-letter slip after the first letter: two letters swapped, one dropped, one doubled, or one changed. */
function typo(name: string) {
  if (name.length < 4) return `${name}${name.at(-1)}`;
  const at = faker.number.int({ min: 1, max: name.length - 2 });
  const slip = faker.number.int({ min: 0, max: 3 });
  if (slip === 0) return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
  if (slip === 1) return name.slice(0, at) + name.slice(at + 1);
  if (slip === 2) return name.slice(0, at) + name[at] + name.slice(at);
  return name.slice(0, at) + faker.helpers.arrayElement([..."aeiou"].filter((v) => v !== name[at])) + name.slice(at + 1);
}

/** The earlier person written again, the given way. */
function writtenAgain(earlier: Earlier, variant: Variant): Omit<PersonFacts, "dateOfBirth" | "employerId"> {
  const { firstName: first, lastName: last, previousNames } = earlier.facts;
  const f = first!;
  const l = last!;
  switch (variant) {
    case "case":
      return { firstName: f.toUpperCase(), lastName: l.toLowerCase(), previousNames };
    case "accents":
      return { firstName: WRITTEN_OTHERWISE[f] ?? f, lastName: WRITTEN_OTHERWISE[l] ?? l.replace("e", "é"), previousNames };
    case "typo-first":
      return { firstName: typo(f), lastName: l, previousNames };
    case "typo-last":
      return { firstName: f, lastName: typo(l), previousNames };
    case "swapped":
      return { firstName: l, lastName: f, previousNames };
    case "sounds-alike":
      return {
        firstName: SOUNDS_ALIKE[f] ? pick(SOUNDS_ALIKE[f]) : f,
        lastName: SOUNDS_ALIKE[l] ? pick(SOUNDS_ALIKE[l]) : l,
        previousNames,
      };
    case "married":
      return { firstName: f, lastName: pick(["Okonkwo", "Fitzgerald", "Nakamura", "Lindqvist", "Abernethy"]), previousNames: [l] };
    case "double-barrelled":
      return { firstName: f, lastName: `${l}-${pick(["Okonkwo", "Fitzgerald", "Nakamura", "Lindqvist"])}`, previousNames };
  }
}

const VARIANTS: Variant[] = ["case", "accents", "typo-first", "typo-last", "swapped", "sounds-alike", "married", "double-barrelled"];

describe("the check's quality on a labelled set", () => {
  const earlier: Earlier[] = [];
  let pool: OrganisationPool;
  const now = new Date();

  beforeAll(async () => {
    faker.seed(1504);
    pool = await createOrganisations(db, { PRIMARY_SCHOOL: 25, SECONDARY_SCHOOL: 25, EARLY_YEARS_NURSERY: 15, SPORTS_LEISURE: 15 });
    // 300 earlier people over seven years; one in eight given names with another spelling (the others are the factories' names).
    const names = Object.keys(SOUNDS_ALIKE);
    const accented = Object.keys(WRITTEN_OTHERWISE);
    const built = Array.from({ length: 300 }, (_, i) => {
      const subject =
        i % 8 === 0
          ? { firstName: pick([...names.slice(0, 5), "Jose", "Zoe"]), lastName: pick([...names.slice(5), "O'Brien"]) }
          : i % 8 === 4
            ? {
                firstName: pick(["Renee", "Chloe", "Zoe"]),
                lastName: pick(accented.slice(0, 1).concat(names.slice(5))),
                sex: "FEMALE" as const,
              }
            : {};
      return buildCase({
        receivedAt: faker.date.between({ from: "2019-04-01", to: "2026-06-30" }),
        namedProfessional: true,
        organisationPool: pool,
        subject,
      });
    });
    built.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    await createCases(db, built);
    const people = await db.person.findMany({
      where: { caseId: { in: built.map((b) => b.caseRow.id) } },
      select: { id: true, firstName: true, lastName: true, previousNames: true, dateOfBirth: true, employerId: true, sex: true },
    });
    for (const p of people) earlier.push({ personId: p.id, sex: p.sex, facts: { ...p, dateOfBirth: day(p.dateOfBirth) } });
  }, 60_000);

  const check = (facts: PersonFacts) => findCandidates(db, facts, { before: now });
  const anotherEmployer = (than: string | null) => pick([...pool.values()].flat().filter((o) => o.id !== than)).id;

  it("finds the earlier record of at least 98% of repeats, first for at least 95%, and calls a same-name stranger strong for at most 1%", async () => {
    faker.seed(2026);
    const missed: string[] = [];
    let found = 0;
    let first = 0;
    const byVariant = new Map<Variant, { n: number; first: number }>();
    for (let i = 0; i < 200; i++) {
      const variant = VARIANTS[i % VARIANTS.length]!;
      const pickable = earlier.filter(
        (e) =>
          (variant !== "married" || e.sex === "FEMALE") &&
          (variant !== "sounds-alike" || SOUNDS_ALIKE[e.facts.firstName!] || SOUNDS_ALIKE[e.facts.lastName!]) &&
          (variant !== "accents" ||
            WRITTEN_OTHERWISE[e.facts.firstName!] ||
            WRITTEN_OTHERWISE[e.facts.lastName!] ||
            /e/.test(e.facts.lastName!)),
      );
      const truth = pick(pickable);
      // Date of birth given for seven in ten; the same employer for half, none or another for the rest.
      const employer = faker.number.int(3);
      const repeat: PersonFacts = {
        ...writtenAgain(truth, variant),
        dateOfBirth: faker.datatype.boolean({ probability: 0.7 }) ? truth.facts.dateOfBirth : null,
        employerId: employer < 2 ? truth.facts.employerId : employer === 2 ? null : anotherEmployer(truth.facts.employerId),
      };
      const groups = await check(repeat);
      const members = groups.flatMap((g) => g.members.map((m) => m.personId));
      const tally = byVariant.get(variant) ?? { n: 0, first: 0 };
      tally.n++;
      if (members.includes(truth.personId)) found++;
      else
        missed.push(
          `${variant}: ${repeat.firstName} ${repeat.lastName} (${repeat.dateOfBirth ?? "no DOB"}) for ${truth.facts.firstName} ${truth.facts.lastName}`,
        );
      if (groups[0]?.best.personId === truth.personId) {
        first++;
        tally.first++;
      }
      byVariant.set(variant, tally);
    }

    let strongStrangers = 0;
    for (let i = 0; i < 200; i++) {
      const model = pick(earlier);
      const other = faker.date.birthdate({ mode: "age", min: 21, max: 63 });
      const dateOfBirth =
        Math.abs(other.getTime() - new Date(model.facts.dateOfBirth!).getTime()) > 400 * 86_400_000 ? day(other) : "1959-02-17";
      const stranger: PersonFacts = { ...model.facts, dateOfBirth, employerId: i % 2 ? null : anotherEmployer(model.facts.employerId) };
      const groups = await check(stranger);
      if (groups.some((g) => g.members.some((m) => m.strength === "strong"))) strongStrangers++;
    }

    const percent = (n: number) => `${((n / 200) * 100).toFixed(1)}%`;
    console.log(
      `prior-history quality: repeats found ${percent(found)}, first ${percent(first)}; strangers strong ${percent(strongStrangers)}\n` +
        [...byVariant].map(([v, t]) => `  ${v}: first ${t.first}/${t.n}`).join("\n") +
        (missed.length ? `\n  missed:\n    ${missed.join("\n    ")}` : ""),
    );
    expect(found / 200).toBeGreaterThanOrEqual(0.98);
    expect(first / 200).toBeGreaterThanOrEqual(0.95);
    expect(strongStrangers / 200).toBeLessThanOrEqual(0.01);
  }, 120_000);
});

// ---------------------------------------------------------------------------
// The database's half of the name rules
// ---------------------------------------------------------------------------

describe("the name rules in the database", () => {
  it("normalises names as the app does, so a key the app makes finds its sound", async () => {
    const names = ["O'Brien", "OBRIEN", "José", "Zoë", "Łukasz", "Søren", "Weiß", "Smith-Jones", "D’Souza", "Æsa", "Øyvind", "  ", "'-"];
    const rows = await db.$queryRaw<{ name: string; key: string | null }[]>`
      SELECT n AS name, "person_name_key"(n) AS key FROM unnest(${names}::text[]) AS n`;
    expect(rows.map((r) => r.key)).toEqual(names.map(nameKey));
  });

  it.each([
    ["smith", "smyth"],
    ["stephen", "steven"],
    ["mohammed", "muhammad"],
    ["mohamed", "muhammad"],
    ["catherine", "kathryn"],
    ["jon", "john"],
  ])("hears %s and %s alike", async (a, b) => {
    const [row] = await db.$queryRaw<{ same: boolean }[]>`SELECT dmetaphone(${a}) = dmetaphone(${b}) AS same`;
    expect(row!.same).toBe(true);
  });

  it("uses the lookup index (the plan) rather than reading every person", async () => {
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Person" p WHERE "person_match_tokens"(p."firstName", p."lastName", p."previousNames") && ARRAY['pSM0:JMS']`,
    );
    // A few hundred rows could still be read in full; forbid the sequential scan to see the index is usable.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const forced = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Person" p WHERE "person_match_tokens"(p."firstName", p."lastName", p."previousNames") && ARRAY['pSM0:JMS']`,
      );
      expect(forced.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Person_match_tokens_idx");
    });
    expect(plan.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------
// Confirm, reject, the same setting, the section
// ---------------------------------------------------------------------------

type Loaded = { reference: string; check: Awaited<ReturnType<typeof priorHistory>>; mayDecide: boolean };

const SURNAMES = ["Featherstone", "Winterbottom", "Ravenscroft", "Blackwood", "Hollingsworth", "Fairweather", "Ashworth", "Thistlethwaite"];
let made = 0;

/** An earlier contact about a person, and a later one about them again (her first name spelled another way); a new surname each time. */
async function earlierAndLater() {
  const school = (await createOrganisations(db, { SECONDARY_SCHOOL: 1 })).get("SECONDARY_SCHOOL")![0]!;
  const surname = SURNAMES[made]!;
  // Born on another day each time, so no earlier test's Gwendolyn is a candidate too.
  const dateOfBirth = new Date(Date.UTC(1981, 4, 14 + made++));
  const subject = { firstName: "Gwendolyn", lastName: surname, dateOfBirth, sex: "FEMALE" as const };
  const first = await createCase(db, { receivedAt: new Date("2024-02-05T10:00:00Z"), employer: school, subject });
  const second = await createCase(db, {
    receivedAt: new Date("2026-11-20T10:00:00Z"),
    employer: school,
    subject: { ...subject, firstName: "Gwendolen" },
  });
  return { first, second, school, surname, dateOfBirth: day(dateOfBirth)! };
}

async function view(reference: string, caller: Awaited<ReturnType<typeof signedIn>>) {
  const { value } = await run(section.loader, request(`/cases/${reference}/prior-history`, { caller }), { reference });
  expect(statusOf(value)).toBe(200);
  return bodyOf<Loaded>(value);
}

function decide(reference: string, caller: Awaited<ReturnType<typeof signedIn>>, form: Record<string, string>) {
  return run(section.action, request(`/cases/${reference}/prior-history`, { caller, form }), { reference });
}

const named = (loaded: Loaded) => {
  if (!loaded.check.named) throw new Error("expected a named person");
  return loaded.check;
};

describe("the prior-history section", () => {
  it("shows the earlier record as a strong candidate with its reasons, and records one view", async () => {
    const { first, second } = await earlierAndLater();
    const lado = await signedIn(["LADO"]);
    const req = request(`/cases/${second.reference}/prior-history`, { caller: lado });
    req.headers.set("X-Request-Id", "7c1f0e2a-1b2c-4d3e-8f40-5a6b7c8d9e0f");
    const { value } = await run(section.loader, req, { reference: second.reference });
    expect(statusOf(value)).toBe(200);
    const check = named(bodyOf<Loaded>(value));
    expect(check.groups[0]!.best).toMatchObject({ reference: first.reference, strength: "strong" });
    expect(check.groups[0]!.best.reasons.map((r) => r.detail)).toEqual(
      expect.arrayContaining(["First name sounds like", "Surname equal", "Date of birth equal", "Same employer"]),
    );
    expect(check.groups[0]!.matchId).toEqual(expect.any(String));
    const events = await db.auditEvent.findMany({ where: { caseId: second.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "case.view",
      userId: lado.user.id,
      requestId: "7c1f0e2a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
      details: { section: "prior-history" },
    });
    // Kept as a suggestion; viewing again keeps the same one.
    const again = named(await view(second.reference, lado));
    expect(again.groups[0]!.matchId).toBe(check.groups[0]!.matchId);
    expect(await db.personMatch.findUnique({ where: { id: check.groups[0]!.matchId! } })).toMatchObject({ status: "SUGGESTED" });
  });

  it("confirming links the two people as one identity, audited, and the case then shows them as known before", async () => {
    const { first, second } = await earlierAndLater();
    const lado = await signedIn(["LADO"]);
    const matchId = named(await view(second.reference, lado)).groups[0]!.matchId!;
    const { value } = await decide(second.reference, lado, { intent: "confirm", match: matchId });
    expect(statusOf(value)).toBe(302);
    const [earlierPerson, laterPerson] = await Promise.all([
      db.person.findUniqueOrThrow({ where: { caseId: first.id } }),
      db.person.findUniqueOrThrow({ where: { caseId: second.id } }),
    ]);
    expect(laterPerson.identityId).toBe(earlierPerson.identityId);
    expect(await db.personMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({
      status: "CONFIRMED",
      decidedById: lado.user.id,
    });
    expect(await db.auditEvent.findFirst({ where: { action: "prior-history.confirm", subjectId: matchId } })).toMatchObject({
      userId: lado.user.id,
      subjectType: "person-match",
      caseId: second.id,
      details: { earlierCase: first.reference },
    });
    const after = named(await view(second.reference, lado));
    expect(after.known.map((k) => k.case.reference)).toEqual([first.reference]);
    expect(after.groups.map((g) => g.best.reference)).not.toContain(first.reference);
    expect(after.decided).toEqual([expect.objectContaining({ status: "CONFIRMED" })]);
    expect(await priorHistorySummary(second.id)).toMatchObject({ confirmed: 1 });
  });

  it("a rejected match is remembered and not suggested again", async () => {
    const { first, second } = await earlierAndLater();
    const lado = await signedIn(["LADO"]);
    const matchId = named(await view(second.reference, lado)).groups[0]!.matchId!;
    expect(statusOf((await decide(second.reference, lado, { intent: "reject", match: matchId })).value)).toBe(302);
    expect(await db.auditEvent.findFirst({ where: { action: "prior-history.reject", subjectId: matchId } })).toMatchObject({
      subjectType: "person-match",
      caseId: second.id,
    });
    const after = named(await view(second.reference, lado));
    expect(after.groups.map((g) => g.best.reference)).not.toContain(first.reference);
    expect(after.decided).toEqual([expect.objectContaining({ id: matchId, status: "REJECTED" })]);
    expect(await db.personMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: "REJECTED" });
  });

  it("says clearly when a match was decided meanwhile, and answers 404 for another case's match", async () => {
    const { second } = await earlierAndLater();
    const [lado, other] = [await signedIn(["LADO"]), await signedIn(["MANAGER"])];
    const matchId = named(await view(second.reference, lado)).groups[0]!.matchId!;
    await decide(second.reference, other, { intent: "reject", match: matchId });

    const stale = await decide(second.reference, lado, { intent: "confirm", match: matchId });
    expect(statusOf(stale.value)).toBe(409);
    expect(bodyOf<{ errors: Record<string, string> }>(stale.value).errors[`match-${matchId}`]).toMatch(
      /was rejected by someone else meanwhile/,
    );
    expect(await db.auditEvent.count({ where: { action: "prior-history.confirm", subjectId: matchId } })).toBe(0);

    const elsewhere = await earlierAndLater();
    const otherMatch = named(await view(elsewhere.second.reference, lado)).groups[0]!.matchId!;
    await decide(elsewhere.second.reference, lado, { intent: "confirm", match: otherMatch });
    const rejectConfirmed = await decide(elsewhere.second.reference, other, { intent: "reject", match: otherMatch });
    expect(statusOf(rejectConfirmed.value)).toBe(409);
    expect(bodyOf<{ errors: Record<string, string> }>(rejectConfirmed.value).errors[`match-${otherMatch}`]).toMatch(/was confirmed/);

    const wrongCase = await decide(second.reference, lado, { intent: "confirm", match: otherMatch });
    expect(statusOf(wrongCase.value)).toBe(404);
    const unknown = await decide(second.reference, lado, { intent: "confirm", match: "00000000-0000-4000-8000-000000000000" });
    expect(statusOf(unknown.value)).toBe(404);
    const empty = await decide(second.reference, lado, {});
    expect(statusOf(empty.value)).toBe(400);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await decide(second.reference, support, { intent: "confirm", match: matchId })).value)).toBe(403);
    // Business support may read the section, without the buttons.
    expect((await view(second.reference, support)).mayDecide).toBe(false);
  });

  it("counts and lists earlier contacts about the same setting in the three years before this one", async () => {
    const { first, second, school } = await earlierAndLater();
    const at = (iso: string) => new Date(iso);
    const same = [
      await createCase(db, { receivedAt: at("2025-03-01T09:00:00Z"), employer: school }),
      await createCase(db, { receivedAt: at("2024-01-10T09:00:00Z"), employer: school, namedProfessional: false }),
    ];
    await createCase(db, { receivedAt: at("2023-06-01T09:00:00Z"), employer: school }); // more than three years before
    await createCase(db, { receivedAt: at("2026-11-25T09:00:00Z"), employer: school }); // after this contact
    const lado = await signedIn(["LADO"]);
    const { setting } = (await view(second.reference, lado)).check;
    expect(setting.count).toBe(3);
    expect(setting.contacts.map((c) => c.reference)).toEqual([same[0]!.reference, first.reference, same[1]!.reference]);
    expect(setting.name).toBe(school.name);
    expect(await priorHistorySummary(second.id)).toMatchObject({ candidates: 1, strong: 1, confirmed: 0, settingContacts: 3 });
  });

  it("shows an identity's contacts together, a confirmed one that does not match by name included", async () => {
    const subject = { firstName: "Priya", lastName: "Ravenscroft-Hale", dateOfBirth: new Date("1975-09-30") };
    const maiden = await createCase(db, { receivedAt: new Date("2021-03-01T10:00:00Z"), subject });
    // Confirmed earlier as the same woman, under a married name nobody gave as previous.
    const married = await createCase(db, {
      receivedAt: new Date("2023-03-01T10:00:00Z"),
      subject: { firstName: "Priya", lastName: "Okonkwo", dateOfBirth: new Date("1976-01-01") },
    });
    const { identityId } = await db.person.findUniqueOrThrow({ where: { caseId: maiden.id } });
    await db.person.update({ where: { caseId: married.id }, data: { identityId } });
    const later = await createCase(db, { subject });
    const check = named(await view(later.reference, await signedIn(["LADO"])));
    const group = check.groups.find((g) => g.identityId === identityId)!;
    expect(group.members.map((m) => m.reference)).toEqual([maiden.reference, married.reference]);
    expect(group.members[1]!.reasons.map((r) => r.kind)).toEqual(["linked"]);
  });

  it("runs no check when no professional was named", async () => {
    const file = await createCase(db, { namedProfessional: false });
    const loaded = await view(file.reference, await signedIn(["LADO"]));
    expect(loaded.check.named).toBe(false);
    expect(await priorHistorySummary(file.id)).toMatchObject({ candidates: 0, strong: 0, confirmed: 0 });
  });
});

// ---------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------

describe("npm run prior-history", () => {
  it("prints one JSON line per good row, names each bad row's line and column, and exits 1", async () => {
    const { first, surname, dateOfBirth } = await earlierAndLater();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prior-history-"));
    const file = path.join(dir, "batch.csv");
    // Excel's CSV: a byte order mark, CRLF, quoted fields with commas and a line break, columns in another order.
    const csv = [
      "subject_last_name,reference,subject_first_name,subject_date_of_birth,subject_previous_names",
      `${surname},EXT-1,"Gwendolyn",${dateOfBirth},"Smith; Jones"`,
      `${surname},EXT-2,Gwen,14/05/1981,`,
      '"Nobody, Really",EXT-3,"Ann\r\nMarie",,',
      `${surname},EXT-4,Gwendolyn,,`,
    ].join("\r\n");
    fs.writeFileSync(file, `\uFEFF${csv}\r\n`);
    const result = await promisify(execFile)("npx", ["tsx", "scripts/prior-history.ts", file], {
      cwd: projectRoot,
      env: { ...process.env },
    }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 3, column subject_date_of_birth: must be a date as YYYY-MM-DD");
    const lines = result.stdout
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            reference: string;
            candidates: { reference: string; strength: string; score: number; reasons: string[] }[];
          },
      );
    expect(lines.map((l) => l.reference)).toEqual(["EXT-1", "EXT-3", "EXT-4"]);
    expect(lines[0]!.candidates[0]).toMatchObject({
      reference: first.reference,
      strength: "strong",
      reasons: expect.arrayContaining(["Date of birth equal"]),
    });
    expect(lines[0]!.candidates[0]!.score).toBeGreaterThan(0.9);
    expect(lines[1]!.candidates).toEqual([]);
    expect(lines[2]!.candidates.map((c) => c.reference)).toContain(first.reference);
    expect(lines[2]!.candidates.every((c) => c.strength === "possible")).toBe(true);
  }, 60_000);

  it("refuses a file with an unknown column, naming it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prior-history-"));
    const file = path.join(dir, "typo.csv");
    fs.writeFileSync(file, "reference,subject_frist_name\nEXT-1,Ann\n");
    const failed = await promisify(execFile)("npx", ["tsx", "scripts/prior-history.ts", file], {
      cwd: projectRoot,
      env: { ...process.env },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    expect((failed as { stderr: string }).stderr).toContain('line 1: unknown column "subject_frist_name"');
  }, 60_000);
});
