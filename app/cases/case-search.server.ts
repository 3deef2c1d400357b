// Which cases a search matches, as SQL for the case list to page through.
//
// Every word must match somewhere: a name of the person the case is about
// (first, last or previous), the name of the referrer's organisation, or
// (a word with a digit) the start of the case's reference, or (a number) the
// case number its reference ends in. Each has an index
// (trigrams for names, lower(reference) for references), and the SQL is a
// UNION of per-table matches those indexes serve, never an OR across joined
// tables, which makes PostgreSQL read every case:
//
// - every word in the person's names (a full name);
// - every word in the organisation's name;
// - some words in the person's names and the rest in the organisation's:
//   the two sides' matches joined by case, with a bit for each word to check
//   that together they have them all (PostgreSQL starts from the smaller);
// - a word at the start of the reference, and the rest anywhere.
//
// Matching within one record first keeps a search fast when its words are
// common on their own: "school" is in a third of all organisations' names,
// "Victoria Wharf Park School" in a handful. docs/decisions/009-scale.md.
import { Prisma } from "~/generated/prisma/client";
import type { SearchWord } from "./search-words";

type Condition = (word: SearchWord) => Prisma.Sql;

const personNames: Condition = ({ name }) =>
  Prisma.sql`(p."firstName" ILIKE ${name} OR p."lastName" ILIKE ${name} OR previous_names_text(p."previousNames") ILIKE ${name})`;
const organisationName: Condition = ({ name }) => Prisma.sql`o.name ILIKE ${name}`;
const referenceStart: Condition = ({ reference, number }) => {
  const start = reference ? Prisma.sql`lower(k.reference) LIKE lower(${reference})` : Prisma.sql`FALSE`;
  // The same expression as the index Case_reference_number_idx.
  return number ? Prisma.sql`(${start} OR ltrim(substring(k.reference from '([0-9]+)$'), '0') = ${number})` : start;
};

/** The ids (column `id`) of the cases matching every word; give at least one. */
export function casesMatching(words: SearchWord[]) {
  const all = (condition: Condition) => Prisma.join(words.map(condition), " AND ");
  const any = (condition: Condition) => Prisma.join(words.map(condition), " OR ");
  /** A bit for each word the condition holds for. */
  const bits = (condition: Condition) =>
    Prisma.join(
      words.map((word, i) => Prisma.sql`CASE WHEN ${condition(word)} THEN ${1 << i} ELSE 0 END`),
      " | ",
    );
  const everyWord = (1 << words.length) - 1;

  const sharedWithOrganisation = () => Prisma.sql`
    UNION
    SELECT p."caseId" FROM "Person" p
      JOIN "Referrer" r ON r."caseId" = p."caseId" JOIN organisations o ON o.id = r."organisationId"
    WHERE (${any(personNames)}) AND ((${bits(personNames)}) | o.words) = ${everyWord}`;
  const byReference = () => Prisma.sql`
    UNION
    SELECT k.id FROM "Case" k
      LEFT JOIN "Person" p ON p."caseId" = k.id
      LEFT JOIN ("Referrer" r JOIN organisations o ON o.id = r."organisationId") ON r."caseId" = k.id
    WHERE (${Prisma.join(words.filter((word) => word.reference).map(referenceStart), " OR ")})
      AND ((${bits(referenceStart)}) | (${bits(personNames)}) | coalesce(o.words, 0)) = ${everyWord}`;

  return Prisma.sql`
    WITH organisations AS NOT MATERIALIZED (
      SELECT o.id, (${bits(organisationName)}) AS words FROM "Organisation" o WHERE ${any(organisationName)}
    )
    SELECT p."caseId" AS id FROM "Person" p WHERE ${all(personNames)}
    UNION
    SELECT r."caseId" FROM "Referrer" r JOIN "Organisation" o ON o.id = r."organisationId" WHERE ${all(organisationName)}
    ${words.length > 1 ? sharedWithOrganisation() : Prisma.empty}
    ${words.some((word) => word.reference) ? byReference() : Prisma.empty}`;
}
