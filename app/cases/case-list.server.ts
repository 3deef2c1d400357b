// The case list: newest first, optionally searched (case-search.server.ts),
// a page at a time by key rather than by number. A page's links carry the
// reference of the case to continue after (older) or before (newer), so every
// page costs the same to read, however far back, and a link to a page that
// is not there says so instead of showing another. Matches are counted only
// up to COUNT_LIMIT: a page view never counts a million rows.
// docs/decisions/009-scale.md says why.
import { z } from "zod";
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { casesMatching } from "./case-search.server";
import { searchWords, type SearchWord } from "./search-words";
import { caseStage } from "./stage";

export const PAGE_SIZE = 25;
/** Matches are counted up to this many; past it the page says "more than". */
export const COUNT_LIMIT = 1_000;

/** A reference carried by a page link. One that cannot be a reference becomes "", which finds no page. */
const keyReference = z
  .string()
  .max(60)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u)
  .catch("");

export const caseListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Search terms must be 100 characters or fewer")
    .refine((q) => !/\p{Cc}/u.test(q), "Search terms cannot contain hidden control characters: type them again")
    .default(""),
  /** The page of cases older than this one (a newer page's last); given both, `after` is used. */
  after: keyReference.optional(),
  /** The page of cases newer than this one (an older page's first). */
  before: keyReference.optional(),
});

export type CaseListQuery = z.infer<typeof caseListQuery>;
export type PageKey = { direction: "after" | "before"; reference: string };

export async function listCases(query: CaseListQuery) {
  const key = pageKey(query);
  const [{ count, ids }] = await db.$queryRaw<[{ count: number; ids: string[] }]>(caseListSql(searchWords(query.q), key));
  const more = ids.length > PAGE_SIZE;
  const back = key?.direction === "before";
  // Going back, less than a page before the key is the newest cases: the first page, whole.
  if (back && ids.length > 0 && !more) return listCases({ q: query.q });
  const page = ids.slice(0, PAGE_SIZE);
  const cases = await casesInOrder(back ? page.reverse() : page);
  return {
    cases,
    /** How many match, up to COUNT_LIMIT (then `orMore`). */
    matches: { count: Math.min(count, COUNT_LIMIT), orMore: count > COUNT_LIMIT },
    /** A page link that leads nowhere: its case has gone, nothing is past it, or it was never a page. */
    missing: key !== null && cases.length === 0,
    ...neighbours(cases, key, more),
  };
}

/** Where a page link says to start: `after` wins when both are given. */
function pageKey({ after, before }: CaseListQuery): PageKey | null {
  if (after !== undefined) return { direction: "after", reference: after };
  if (before !== undefined) return { direction: "before", reference: before };
  return null;
}

/**
 * The references "Previous" (newer) and "Next" (older) link by, when there
 * are such cases: `more` says whether the query found more past this page in
 * the direction it read.
 */
function neighbours(cases: { reference: string }[], key: PageKey | null, more: boolean) {
  const back = key?.direction === "before";
  const newerExist = back ? more : key !== null;
  const olderExist = back || more;
  return {
    newer: newerExist ? (cases[0]?.reference ?? null) : null,
    older: olderExist ? (cases.at(-1)?.reference ?? null) : null,
  };
}

export type CaseList = Awaited<ReturnType<typeof listCases>>;

/** The list when there is nothing to show (a refused search). */
export const noCases: CaseList = { cases: [], matches: { count: 0, orMore: false }, missing: false, newer: null, older: null };

/**
 * One page of ids in the list's order (one more than a page, to know whether
 * there are more), and the number of matches up to COUNT_LIMIT + 1, in one
 * statement (columns `count` and `ids`). The key's position is read from its
 * case, so a page after a case is an index range scan on (receivedAt,
 * reference) from there; going back reads the other way, and the caller
 * turns the page round.
 */
export function caseListSql(words: SearchWord[], key: PageKey | null) {
  // Searched, the matches are kept in id order, so finding each one's place
  // in the list reads the (id, receivedAt, reference) index in order, and
  // never the cases' rows.
  const searched = words.length
    ? {
        with: Prisma.sql`WITH matched AS MATERIALIZED (SELECT id FROM (${casesMatching(words)}) AS m ORDER BY id)`,
        counted: Prisma.sql`matched`,
        from: Prisma.sql`matched m JOIN "Case" c ON c.id = m.id`,
      }
    : { with: Prisma.empty, counted: Prisma.sql`"Case"`, from: Prisma.sql`"Case" c` };
  const position = key
    ? Prisma.sql`WHERE (c."receivedAt", c.reference) ${Prisma.raw(key.direction === "after" ? "<" : ">")}
        (SELECT "receivedAt", reference FROM "Case" WHERE reference = ${key.reference})`
    : Prisma.empty;
  const order = Prisma.raw(key?.direction === "before" ? `c."receivedAt" ASC, c.reference ASC` : `c."receivedAt" DESC, c.reference DESC`);
  return Prisma.sql`
    ${searched.with}
    SELECT
      (SELECT count(*)::int FROM (SELECT FROM ${searched.counted} LIMIT ${COUNT_LIMIT + 1}) AS counted) AS count,
      ARRAY(SELECT c.id FROM ${searched.from} ${position} ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}) AS ids`;
}

/** The cases with these ids, as the list shows them, in the order given. */
async function casesInOrder(ids: string[]) {
  const rows = await db.case.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      reference: true,
      receivedAt: true,
      source: true,
      namedProfessional: true,
      subject: { select: { firstName: true, lastName: true, jobTitle: true } },
      referrer: { select: { organisation: { select: { name: true } } } },
      allocatedTo: { select: { name: true } },
      decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
      closures: { orderBy: { proposedAt: "desc" }, take: 1, select: { signedOffAt: true, returnedReason: true, reopenedAt: true } },
    },
  });
  const byId = new Map(rows.map(({ id, decisions, closures, ...row }) => [id, { ...row, stage: caseStage(decisions, closures) }]));
  return ids.flatMap((id) => byId.get(id) ?? []); // one deleted since is left out
}
