// The prior-history check for a case: its candidates (candidates.server.ts)
// kept as suggested PersonMatch rows, a LADO's confirm or reject, the
// subject's confirmed history, and earlier contacts about the same setting.
import { randomUUID } from "node:crypto";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { findCandidates, type Candidate } from "./candidates.server";
import type { PersonFacts } from "./matching";

type Client = Prisma.TransactionClient;
const sql = Prisma.sql;

/**
 * A case as the check needs it: when it came in, and its subject as matching
 * knows them (facts null when no professional was named: nothing to match).
 */
async function caseSubject(client: Client, caseId: string) {
  const found = await client.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      receivedAt: true,
      namedProfessional: true,
      subject: {
        select: {
          id: true,
          identityId: true,
          firstName: true,
          lastName: true,
          previousNames: true,
          dateOfBirth: true,
          employerId: true,
          employer: { select: { name: true } },
        },
      },
    },
  });
  const subject = found.subject;
  const facts: PersonFacts | null =
    found.namedProfessional && subject ? { ...subject, dateOfBirth: subject.dateOfBirth?.toISOString().slice(0, 10) ?? null } : null;
  return {
    receivedAt: found.receivedAt,
    facts,
    person: subject,
    scope: subject && { before: found.receivedAt, caseId, identityId: subject.identityId, personId: subject.id },
  };
}

/** The earlier contacts of the subject's own (confirmed) identity, newest first. */
function knownBefore(client: Client, identityId: string, personId: string, before: Date) {
  return client.person.findMany({
    where: { identityId, id: { not: personId }, case: { receivedAt: { lt: before } } },
    orderBy: { case: { receivedAt: "desc" } },
    select: { id: true, firstName: true, lastName: true, case: { select: { reference: true, receivedAt: true } } },
  });
}

const SETTING_YEARS = 3;
const SETTING_LIST_LIMIT = 50;

/** Earlier contacts whose subject worked at the same setting, in the three years before this contact. */
async function sameSetting(client: Client, caseId: string, employerId: string | null, before: Date) {
  if (!employerId) return { count: 0, contacts: [] };
  const since = new Date(before);
  since.setUTCFullYear(since.getUTCFullYear() - SETTING_YEARS);
  const where: Prisma.CaseWhereInput = { id: { not: caseId }, receivedAt: { lt: before, gte: since }, subject: { employerId } };
  const [count, contacts] = await Promise.all([
    client.case.count({ where }),
    client.case.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      take: SETTING_LIST_LIMIT,
      select: { reference: true, receivedAt: true, namedProfessional: true, subject: { select: { firstName: true, lastName: true } } },
    }),
  ]);
  return { count, contacts };
}

/**
 * The check for a case, as its prior-history section shows it: the
 * candidates (each kept as a suggested PersonMatch, so a LADO can confirm or
 * reject it; suggestions no longer found are dropped), the matches already
 * decided, the subject's confirmed history, and the same setting's contacts
 * (whether or not a professional was named). Writes, so it runs in the
 * caller's transaction (the audited section view).
 */
export async function priorHistory(client: Client, caseId: string) {
  const { receivedAt, facts, person, scope } = await caseSubject(client, caseId);
  const setting = {
    name: person?.employer?.name ?? null,
    ...(await sameSetting(client, caseId, person?.employerId ?? null, receivedAt)),
  };
  if (!facts || !person || !scope) return { named: false as const, setting };
  const [groups, known] = await Promise.all([
    findCandidates(client, facts, scope),
    knownBefore(client, person.identityId, person.id, receivedAt),
  ]);
  const matchIds = await keepSuggestions(
    client,
    person.id,
    groups.flatMap((group) => group.members),
  );
  const decided = await client.personMatch.findMany({
    where: { personId: person.id, status: { not: "SUGGESTED" } },
    orderBy: { decidedAt: "desc" },
    select: {
      id: true,
      status: true,
      decidedAt: true,
      decidedBy: { select: { name: true } },
      candidate: { select: { case: { select: { reference: true, receivedAt: true } } } },
    },
  });
  return {
    named: true as const,
    groups: groups.map((group) => ({ ...group, matchId: matchIds.get(group.best.personId) ?? null })),
    known,
    decided,
    setting,
  };
}

/** Stores each candidate as a suggestion (a decided match keeps its decision) and answers their PersonMatch ids. */
async function keepSuggestions(client: Client, personId: string, candidates: Candidate[]) {
  const ids = new Map<string, string>();
  if (candidates.length) {
    const rows = candidates.map((c) => ({ id: randomUUID(), candidateId: c.personId, score: c.score, reasons: c.reasons }));
    // Two people viewing at once both insert: the second updates instead.
    const kept = await client.$queryRaw<{ id: string; candidateId: string }[]>(sql`
      INSERT INTO "PersonMatch" (id, "personId", "candidateId", score, reasons)
      SELECT r.id, ${personId}::uuid, r."candidateId", r.score, r.reasons
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "candidateId" uuid, score float8, reasons jsonb)
      ON CONFLICT ("personId", "candidateId") DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons
        WHERE "PersonMatch".status = 'SUGGESTED'
      RETURNING id, "candidateId"`);
    for (const row of kept) ids.set(row.candidateId, row.id);
  }
  await client.personMatch.deleteMany({
    where: { personId, status: "SUGGESTED", candidateId: { notIn: candidates.map((c) => c.personId) } },
  });
  return ids;
}

/**
 * The prior-history check in one line, for other pages (the initial
 * consideration): candidate identities, how many of them strong, the earlier
 * contacts already confirmed as this person, and the same setting's contacts
 * in the last three years. Reads only; pass the transaction to read in it.
 */
export async function priorHistorySummary(
  caseId: string,
  client: Client = db,
): Promise<{ candidates: number; strong: number; confirmed: number; settingContacts: number }> {
  const { receivedAt, facts, person, scope } = await caseSubject(client, caseId);
  // One after another: inside a transaction the queries share one connection.
  const setting = await sameSetting(client, caseId, person?.employerId ?? null, receivedAt);
  const groups = facts && scope ? await findCandidates(client, facts, scope) : [];
  const known = person && facts ? await knownBefore(client, person.identityId, person.id, receivedAt) : [];
  return {
    candidates: groups.length,
    strong: groups.filter((group) => group.best.strength === "strong").length,
    confirmed: known.length,
    settingContacts: setting.count,
  };
}

export type MatchDecision = "confirm" | "reject";

/** Why a decision could not be made, in words for the LADO. */
export class StaleMatch extends Error {}

/**
 * Confirms or rejects a suggested match on the case's subject, audited in
 * the same transaction. Confirming links the subject to the candidate's
 * Identity (every person of the subject's old identity moves with it);
 * rejecting also rejects the rest of that identity's suggestions, so none of
 * it is suggested again. A match decided meanwhile throws StaleMatch; one
 * that is not this case's answers null (not found).
 */
export async function decideMatch(request: Request, userId: string, caseId: string, matchId: string, decision: MatchDecision) {
  return db.$transaction(async (tx) => {
    const [match] = await tx.$queryRaw<{ id: string; status: string; personId: string; candidateId: string }[]>(sql`
      SELECT m.id, m.status::text AS status, m."personId", m."candidateId"
      FROM "PersonMatch" m JOIN "Person" p ON p.id = m."personId"
      WHERE m.id = ${matchId}::uuid AND p."caseId" = ${caseId}::uuid
      FOR UPDATE OF m`);
    if (!match) return null;
    const [subject, candidate] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: match.personId }, select: { identityId: true } }),
      tx.person.findUniqueOrThrow({
        where: { id: match.candidateId },
        select: { identityId: true, case: { select: { reference: true } } },
      }),
    ]);
    if (match.status !== "SUGGESTED") {
      const done = match.status === "CONFIRMED" ? "confirmed" : "rejected";
      throw new StaleMatch(
        `The match with ${candidate.case.reference} was ${done} by someone else meanwhile, so it was not ${decision === "confirm" ? "confirmed" : "rejected"}. Check the decision below.`,
      );
    }
    const decidedAt = new Date();
    if (decision === "confirm") {
      await tx.person.updateMany({ where: { identityId: subject.identityId }, data: { identityId: candidate.identityId } });
      // The subject's old identity now names no one.
      await tx.identity.deleteMany({ where: { id: subject.identityId, people: { none: {} } } });
      await tx.personMatch.update({ where: { id: match.id }, data: { status: "CONFIRMED", decidedById: userId, decidedAt } });
    } else {
      await tx.personMatch.updateMany({
        where: { personId: match.personId, status: "SUGGESTED", candidate: { identityId: candidate.identityId } },
        data: { status: "REJECTED", decidedById: userId, decidedAt },
      });
    }
    await recordAudit(
      request,
      {
        who: userId,
        what: decision === "confirm" ? "prior-history.confirm" : "prior-history.reject",
        subject: { type: "person-match", id: match.id },
        caseId,
        details: { earlierCase: candidate.case.reference },
      },
      tx,
    );
    return { reference: candidate.case.reference };
  });
}
