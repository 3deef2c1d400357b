// The prior-history check's rules, as plain functions: how a name is
// compared, why an earlier person record is a candidate for a new contact's
// subject, how sure that is (a score from 0 to 1 and a strength), and how
// candidates are grouped by Identity. PostgreSQL finds the candidates and
// says how each name sounds (matching.server.ts); everything decided about
// them is decided here.

/** What matching needs to know about a person. Dates of birth are calendar days, yyyy-mm-dd. */
export type PersonFacts = {
  firstName: string | null;
  lastName: string | null;
  previousNames: readonly string[];
  dateOfBirth: string | null;
  employerId: string | null;
};

/** How each name key sounds (double metaphone), from the database: `{ smith: "SM0" }`. */
export type Sounds = Readonly<Record<string, string>>;

/** How one name relates to another, best first. */
export type NameRelation = "exact" | "previous" | "part" | "sounds" | "typo" | "initial" | "unknown" | "different";

/** How one date of birth relates to another. */
export type DateRelation = "equal" | "close" | "unknown" | "different";

export type Strength = "strong" | "possible";

/** One reason a candidate matched (or counts against it), as stored on the PersonMatch row. */
export type MatchReason = { field: "name" | "first-name" | "surname" | "date-of-birth" | "employer"; kind: string; detail: string };

export type Assessment = { score: number; strength: Strength; reasons: MatchReason[] };

// Particles that are not a surname of their own ("van" in "van der Berg").
const PARTICLES = new Set(["van", "von", "der", "den", "del", "della", "des", "das", "dos", "abu", "bin", "ibn", "bint"]);
// Letters that do not decompose into a letter and an accent.
const SPECIAL_LETTERS: Record<string, string> = { ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ß: "ss", æ: "ae", œ: "oe" };

/**
 * A name as matching compares it: no accents, lower case, letters a-z only
 * ("O'Brien" is "obrien", "José" "jose", "Łukasz" "lukasz"); null for no
 * name. The database's person_name_key() is the same rule (migration
 * 20261130020300_prior_history), and a test checks that they agree.
 */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[łøđħıßæœ]/g, (letter) => SPECIAL_LETTERS[letter]!)
    .replace(/[^a-z]/g, "");
  return key || null;
}

/** The parts of a double-barrelled or several-word name ("Smith-Jones": smith, jones); none for a one-part name. */
export function nameParts(name: string | null | undefined): string[] {
  if (!name || !/[\s-]/.test(name)) return [];
  return name
    .split(/[\s-]+/)
    .map(nameKey)
    .filter((part): part is string => part !== null && part.length >= 3 && !PARTICLES.has(part));
}

/** Every surname a person is known by, as keys: the surname and its parts, each previous name and its parts. */
export function surnameKeys(lastName: string | null, previousNames: readonly string[] = []): string[] {
  const keys = [lastName, ...previousNames].flatMap((name) => [nameKey(name), ...nameParts(name)]);
  return [...new Set(keys.filter((key): key is string => key !== null))];
}

/**
 * Edits (insert, delete, change, or swap two neighbouring letters) that turn
 * one word into the other: "smtih" is one from "smith".
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A slip of the keyboard rather than another name: one edit in a short name, two in a long one, the first letter kept. */
export function isTypo(a: string, b: string) {
  if (a === b || a[0] !== b[0]) return false;
  return editDistance(a, b) <= (Math.min(a.length, b.length) <= 5 ? 1 : 2);
}

/** How two single names compare (keys, with their sounds). */
export function compareName(a: string | null, b: string | null, sounds: Sounds): NameRelation {
  if (!a || !b) return "unknown";
  if (a === b) return "exact";
  if (sounds[a] && sounds[a] === sounds[b]) return "sounds";
  if (isTypo(a, b)) return "typo";
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return "initial";
  return "different";
}

type SurnameMatch = { relation: NameRelation; detail: string };

/** How the subject's surname compares with the candidate's, previous names and double-barrelled parts included. */
export function compareSurnames(subject: PersonFacts, candidate: PersonFacts, sounds: Sounds): SurnameMatch {
  const [mine, theirs] = [nameKey(subject.lastName), nameKey(candidate.lastName)];
  const direct = compareName(mine, theirs, sounds);
  if (direct === "exact") return { relation: "exact", detail: "Surname equal" };
  const previous = (person: PersonFacts) => person.previousNames.map(nameKey).filter((key): key is string => key !== null);
  if (theirs && previous(subject).includes(theirs)) return { relation: "previous", detail: "Previous name equals surname" };
  if (mine && previous(candidate).includes(mine)) return { relation: "previous", detail: "Surname equals their previous name" };
  if (previous(subject).some((key) => previous(candidate).includes(key))) return { relation: "previous", detail: "Previous names equal" };
  const [myParts, theirParts] = [nameParts(subject.lastName), nameParts(candidate.lastName)];
  if ((theirs && myParts.includes(theirs)) || (mine && theirParts.includes(mine)) || myParts.some((part) => theirParts.includes(part)))
    return { relation: "part", detail: "Surname shares a part (double-barrelled)" };
  if (direct === "sounds") return { relation: "sounds", detail: "Surname sounds like" };
  if (direct === "typo") return { relation: "typo", detail: "Surname spelled like (typo)" };
  return { relation: direct, detail: "" };
}

const FIRST_NAME_DETAIL: Partial<Record<NameRelation, string>> = {
  exact: "First name equal",
  sounds: "First name sounds like",
  typo: "First name spelled like (typo)",
  initial: "Same first initial",
};

/** "1984-03-07" and "1984-07-03" (day and month swapped), or one digit apart: likely the same day mistyped. */
export function compareDates(a: string | null, b: string | null): DateRelation {
  if (!a || !b) return "unknown";
  if (a === b) return "equal";
  const [ya, ma, da] = a.split("-");
  const [yb, mb, db] = b.split("-");
  if (ya === yb && ma === db && da === mb) return "close";
  const digitsApart = [...a].filter((ch, i) => ch !== b[i]).length;
  return digitsApart === 1 ? "close" : "different";
}

const WEIGHT: Record<NameRelation, number> = {
  exact: 1,
  previous: 0.9,
  part: 0.9,
  sounds: 0.85,
  typo: 0.75,
  initial: 0.5,
  unknown: 0.3,
  different: 0,
};
const NAME_WEIGHT = 0.63;
const DATE_WEIGHT: Record<DateRelation, number> = { equal: 0.3, close: 0.1, unknown: 0.08, different: -0.3 };
const SAME_EMPLOYER = 0.07;
/** Below this a candidate is not shown. */
export const MIN_SCORE = 0.3;

const namesAgree = (relation: NameRelation) => WEIGHT[relation] >= WEIGHT.typo;

type NameComparison = { surname: SurnameMatch; first: NameRelation; swapped: boolean; weight: number };

/** The names compared as written, and swapped (the subject's first name is the candidate's surname and the other way round): the better. */
function compareNames(subject: PersonFacts, candidate: PersonFacts, sounds: Sounds): NameComparison {
  const surname = compareSurnames(subject, candidate, sounds);
  const first = compareName(nameKey(subject.firstName), nameKey(candidate.firstName), sounds);
  const direct = 0.55 * WEIGHT[surname.relation] + 0.45 * WEIGHT[first];
  const swappedFirst = compareName(nameKey(subject.firstName), nameKey(candidate.lastName), sounds);
  const swappedLast = compareName(nameKey(subject.lastName), nameKey(candidate.firstName), sounds);
  const swapped =
    namesAgree(swappedFirst) && namesAgree(swappedLast) ? 0.95 * (0.55 * WEIGHT[swappedLast] + 0.45 * WEIGHT[swappedFirst]) : 0;
  return swapped > direct ? { surname, first, swapped: true, weight: swapped } : { surname, first, swapped: false, weight: direct };
}

const DATE_DETAIL: Partial<Record<DateRelation, string>> = {
  equal: "Date of birth equal",
  close: "Date of birth close (one digit, or day and month swapped)",
  different: "Date of birth differs",
};

function reasonsFor(names: NameComparison, dates: DateRelation, sameEmployer: boolean): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (names.swapped) reasons.push({ field: "name", kind: "swapped", detail: "First and last names swapped" });
  const firstDetail = names.swapped ? undefined : FIRST_NAME_DETAIL[names.first];
  if (firstDetail) reasons.push({ field: "first-name", kind: names.first, detail: firstDetail });
  if (!names.swapped && names.surname.detail)
    reasons.push({ field: "surname", kind: names.surname.relation, detail: names.surname.detail });
  const dateDetail = DATE_DETAIL[dates];
  if (dateDetail) reasons.push({ field: "date-of-birth", kind: dates, detail: dateDetail });
  if (sameEmployer) reasons.push({ field: "employer", kind: "same", detail: "Same employer" });
  return reasons;
}

/**
 * Whether the names are enough to show the candidate at all: both agree
 * (or swapped); or the first name agrees and so does the date of birth or
 * the employer (a new surname nobody gave as previous); or the surname
 * agrees and the first name is an initial.
 */
function worthShowing({ surname, first, swapped }: NameComparison, dates: DateRelation, sameEmployer: boolean) {
  if (swapped || (namesAgree(surname.relation) && WEIGHT[first] >= WEIGHT.initial)) return true;
  return WEIGHT[first] >= WEIGHT.sounds && (dates === "equal" || sameEmployer);
}

/**
 * Whether an earlier person could be the subject, and why: null when not.
 * Strong needs both names to agree (exactly, by sound, as a typo, a
 * previous name or a part; or swapped) and the same date of birth, or, with
 * no date of birth to compare, the same names exactly and the same employer.
 * A different date of birth is never strong.
 */
export function assessCandidate(subject: PersonFacts, candidate: PersonFacts, sounds: Sounds): Assessment | null {
  const names = compareNames(subject, candidate, sounds);
  const dates = compareDates(subject.dateOfBirth, candidate.dateOfBirth);
  const sameEmployer = Boolean(subject.employerId && subject.employerId === candidate.employerId);
  if (!worthShowing(names, dates, sameEmployer)) return null;
  const score = round(Math.max(0, Math.min(1, NAME_WEIGHT * names.weight + DATE_WEIGHT[dates] + (sameEmployer ? SAME_EMPLOYER : 0))));
  if (score < MIN_SCORE) return null;
  const bothAgree = names.swapped || (namesAgree(names.surname.relation) && namesAgree(names.first));
  const exactNames = !names.swapped && ["exact", "previous"].includes(names.surname.relation) && names.first === "exact";
  const strong = bothAgree && (dates === "equal" || (dates === "unknown" && sameEmployer && exactNames));
  return { score, strength: strong ? "strong" : "possible", reasons: reasonsFor(names, dates, sameEmployer) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Candidates of one Identity: its earlier contacts, best first. */
export type IdentityGroup<T> = { identityId: string; best: T; members: T[] };

/**
 * Candidates grouped by Identity (people a LADO confirmed to be one are one
 * group, shown once), groups in order of their best candidate, at most
 * `limit`. Ties: the stronger, then the more recent contact.
 */
export function groupByIdentity<T extends { identityId: string; score: number; strength: Strength; receivedAt: Date }>(
  candidates: T[],
  limit = 10,
): IdentityGroup<T>[] {
  const order = (a: T, b: T) =>
    b.score - a.score ||
    Number(b.strength === "strong") - Number(a.strength === "strong") ||
    b.receivedAt.getTime() - a.receivedAt.getTime();
  const groups = new Map<string, T[]>();
  for (const candidate of [...candidates].sort(order)) {
    const members = groups.get(candidate.identityId);
    if (members) members.push(candidate);
    else groups.set(candidate.identityId, [candidate]);
  }
  return [...groups].slice(0, limit).map(([identityId, members]) => ({ identityId, best: members[0]!, members }));
}
