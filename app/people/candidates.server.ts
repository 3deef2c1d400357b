// Finding the earlier person records that may be a new contact's subject:
// one statement that PostgreSQL answers through indexes (never by loading
// people into Node), each row then judged by the rules in matching.ts. No
// app database client here: the command line (scripts/prior-history.ts)
// brings its own.
import { Prisma } from "~/generated/prisma/client";
import {
  assessCandidate,
  groupByIdentity,
  nameKey,
  surnameKeys,
  type Assessment,
  type IdentityGroup,
  type MatchReason,
  type PersonFacts,
  type Sounds,
} from "./matching";

/** Anything that runs raw SQL: the app's client, a transaction, the command line's own client. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw">;
const sql = Prisma.sql;

/** Which earlier people to look among: those on cases received before `before`, not this case's, not already this identity. */
export type Scope = { before: Date; caseId?: string | null; identityId?: string | null; personId?: string | null };

/** An earlier person record judged a candidate. */
export type Candidate = Assessment & {
  personId: string;
  identityId: string;
  caseId: string;
  reference: string;
  receivedAt: Date;
  firstName: string | null;
  lastName: string | null;
  previousNames: string[];
  dateOfBirth: string | null;
  employer: string | null;
};

type Row = {
  personId: string;
  identityId: string;
  caseId: string;
  reference: string;
  receivedAt: Date;
  firstName: string | null;
  lastName: string | null;
  previousNames: string[];
  dateOfBirth: string | null;
  employerId: string | null;
  employer: string | null;
  sounds: Record<string, string> | null;
  /** Not found by the subject's names, date of birth or employer: of the same identity as someone who was. */
  linked: boolean;
};

const LINKED: MatchReason = { field: "name", kind: "linked", detail: "Confirmed as the same person as the contact above" };

/** Rows one lookup by date of birth or employer may bring (each a few dozen at a million people). */
const BRANCH_LIMIT = 500;

/**
 * The one statement of the check: the earlier people who share a lookup word
 * with the subject (Person_match_tokens_idx; the subject's words include its
 * names swapped), were born the same day, or work at the same place, with the
 * sound of each of their names and the subject's. Exported for the bench,
 * which times it as raw SQL.
 */
export function candidateQuery(subject: PersonFacts, scope: Scope): Prisma.Sql {
  const keys = [nameKey(subject.firstName), ...surnameKeys(subject.lastName, subject.previousNames)].filter(Boolean);
  // Each branch reads the whole row: the planner cannot know how few people
  // share a lookup word, and joining back to Person by id made it read them all.
  const person = sql`p.id, p."identityId", p."caseId", p."firstName", p."lastName", p."previousNames", p."dateOfBirth", p."employerId", p."employerName"`;
  const nameAgrees = sql`(dmetaphone("person_name_key"(p."firstName")) = s.first_sound OR "person_surname_keys"(p."lastName", p."previousNames") && s.surnames)`;
  return sql`
    WITH subject AS (
      SELECT "person_match_tokens"(${subject.firstName}, ${subject.lastName}, ${[...subject.previousNames]}::text[])
             || "person_match_tokens"(${subject.lastName}, ${subject.firstName}, '{}') AS tokens,
             dmetaphone("person_name_key"(${subject.firstName})) AS first_sound,
             "person_surname_keys"(${subject.lastName}, ${[...subject.previousNames]}::text[]) AS surnames
    ), hits AS (
      SELECT ${person} FROM "Person" p, subject s
      WHERE "person_match_tokens"(p."firstName", p."lastName", p."previousNames") && s.tokens
      UNION
      (SELECT ${person} FROM "Person" p, subject s WHERE p."dateOfBirth" = ${subject.dateOfBirth}::date AND ${nameAgrees} LIMIT ${BRANCH_LIMIT})
      UNION
      (SELECT ${person} FROM "Person" p, subject s WHERE p."employerId" = ${subject.employerId}::uuid AND ${nameAgrees} LIMIT ${BRANCH_LIMIT})
    ), found AS (
      SELECT hits.*, false AS linked FROM hits
      UNION ALL
      -- The other people of the same identities (confirmed as one person), to show each identity's contacts together.
      SELECT q.*, true FROM (SELECT DISTINCT "identityId" FROM hits) AS i
      -- LIMIT keeps this a lookup by identity for each (a plain subquery is
      -- flattened into a join, which the planner then answers by reading all of Person).
      CROSS JOIN LATERAL (SELECT ${person} FROM "Person" p WHERE p."identityId" = i."identityId" LIMIT 100) AS q
      WHERE q.id NOT IN (SELECT id FROM hits)
    )
    SELECT p.id AS "personId", p."identityId", p.linked, c.id AS "caseId", c.reference, c."receivedAt",
      p."firstName", p."lastName", p."previousNames", to_char(p."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth",
      p."employerId", coalesce((SELECT o.name FROM "Organisation" o WHERE o.id = p."employerId"), p."employerName") AS employer,
      (SELECT jsonb_object_agg(k, dmetaphone(k)) FROM unnest(
         array_cat(array_remove(ARRAY["person_name_key"(p."firstName")], NULL), "person_surname_keys"(p."lastName", p."previousNames"))
         || ${keys}::text[]) AS k) AS sounds
    FROM found p
    JOIN "Case" c ON c.id = p."caseId"
    WHERE c."receivedAt" < ${scope.before}
      AND c.id IS DISTINCT FROM ${scope.caseId ?? null}::uuid
      AND p."identityId" IS DISTINCT FROM ${scope.identityId ?? null}::uuid
      AND NOT EXISTS (
        SELECT 1 FROM "PersonMatch" m JOIN "Person" q ON q.id = m."candidateId"
        WHERE m."personId" = ${scope.personId ?? null}::uuid AND m.status = 'REJECTED' AND q."identityId" = p."identityId")`;
}

/**
 * The candidates for a subject, grouped by Identity, best first, at most
 * `limit` groups. Rejected identities are left out (given the subject's
 * person id), and so is the subject's own identity (its confirmed history).
 */
export async function findCandidates(
  client: SqlClient,
  subject: PersonFacts,
  scope: Scope,
  limit = 10,
): Promise<IdentityGroup<Candidate>[]> {
  if (!nameKey(subject.firstName) && !nameKey(subject.lastName)) return [];
  const rows = await client.$queryRaw<Row[]>(candidateQuery(subject, scope));
  const candidates: Candidate[] = [];
  const matched = new Set<string>();
  const people = new Map<string, number>();
  for (const row of rows) people.set(row.identityId, (people.get(row.identityId) ?? 0) + 1);
  for (const row of rows) {
    const { sounds, employerId: _, linked: __, ...shown } = row;
    const assessed = assessCandidate(subject, row, (sounds ?? {}) as Sounds);
    if (assessed && assessed.score > 0) matched.add(row.identityId);
    if (assessed) candidates.push({ ...shown, ...assessed });
    else if (row.linked || people.get(row.identityId)! > 1)
      candidates.push({ ...shown, score: 0, strength: "possible", reasons: [LINKED] });
  }
  // An identity is a candidate when one of its people matched; the rest of its contacts come with it.
  return groupByIdentity(
    candidates.filter((c) => matched.has(c.identityId)),
    limit,
  );
}
