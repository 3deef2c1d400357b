// Every case in the records format (one row a case, its current decision),
// read in batches by reference (keyset) and written to a stream as it goes,
// so memory stays flat. Not one snapshot: Prisma loads a batch's relations in
// parallel, which one transaction's connection cannot do, so a case changed
// during a long export is written as it stood when its batch was read. The
// event is recorded once every row is written (the command renames its file
// into place only after that). Takes its database client, so the command line
// can use its own.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { auditEventRow } from "~/audit-trail/event";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { subjectIdentitySelect } from "~/people/names";
import { londonDay, storedDay } from "~/utils/dates";
import { COLUMN_NAMES, recordLine } from "./format";
import { recordValues, type RecordFacts } from "./row";

const BATCH = 1_000;

/** What a case's row is made from. */
export const recordSelect = {
  reference: true,
  receivedAt: true,
  source: true,
  namedProfessional: true,
  referrer: { select: { type: true, organisationName: true, organisation: { select: { name: true, sector: true } } } },
  subject: {
    select: {
      ...subjectIdentitySelect,
      jobTitle: true,
      employmentBasis: true,
      sector: true,
      employerName: true,
      employer: { select: { name: true, sector: true } },
    },
  },
  decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true, decidedAt: true, harmCategories: true } },
  advice: { select: { redirectedTo: true } },
  police: { select: { status: true, informedAt: true, concludedAt: true } },
  employerAction: { select: { suspended: true, finalAction: true } },
  outcome: { select: { outcome: true, decidedAt: true } },
  onwardReferrals: { where: { body: "DBS" }, take: 1, select: { id: true } },
  closures: {
    where: { signedOffAt: { not: null }, reopenedAt: null },
    orderBy: { signedOffAt: "desc" },
    take: 1,
    select: { signedOffAt: true },
  },
} satisfies Prisma.CaseSelect;

export type CaseForRecord = Prisma.CaseGetPayload<{ select: typeof recordSelect }>;

const day = (d: Date | null | undefined) => (d ? londonDay(d) : null);

/** A case on file as the format's facts: what its row says. */
export function caseFacts(c: CaseForRecord): RecordFacts {
  return {
    reference: c.reference,
    received_at: c.receivedAt,
    source: c.source,
    ...referrerFacts(c.referrer),
    named_professional: c.namedProfessional,
    ...subjectFacts(c.subject),
    ...decisionFacts(c),
    ...allegationFacts(c),
    closed_at: day(c.closures[0]?.signedOffAt),
  };
}

function referrerFacts(referrer: CaseForRecord["referrer"]) {
  const organisation = referrer?.organisation;
  return {
    referrer_type: referrer?.type ?? null,
    referrer_organisation: organisation?.name ?? referrer?.organisationName ?? null,
    referrer_sector: organisation?.sector ?? null,
  };
}

function subjectFacts(subject: CaseForRecord["subject"]) {
  if (!subject) {
    return {
      subject_first_name: null,
      subject_last_name: null,
      subject_previous_names: [],
      subject_date_of_birth: null,
      subject_sex: null,
      subject_employer: null,
      subject_sector: null,
      subject_role: null,
      subject_employment_basis: null,
    };
  }
  return {
    subject_first_name: subject.firstName,
    subject_last_name: subject.lastName,
    subject_previous_names: subject.previousNames,
    subject_date_of_birth: storedDay(subject.dateOfBirth),
    subject_sex: subject.sex,
    subject_employer: subject.employer?.name ?? subject.employerName,
    subject_sector: subject.sector ?? subject.employer?.sector ?? null,
    subject_role: subject.jobTitle,
    subject_employment_basis: subject.employmentBasis,
  };
}

function decisionFacts(c: CaseForRecord) {
  const decision = c.decisions[0];
  return {
    decision: decision?.category ?? null,
    decision_at: day(decision?.decidedAt),
    harm_categories: decision?.harmCategories ?? [],
    redirected_to: c.advice?.redirectedTo ?? null,
  };
}

function allegationFacts(c: CaseForRecord) {
  return {
    police_involved: c.police ? c.police.status !== "NOT_INVOLVED" : null,
    police_informed_at: day(c.police?.informedAt),
    police_concluded_at: day(c.police?.concludedAt),
    suspended: c.employerAction?.suspended ?? null,
    outcome: c.outcome?.outcome ?? null,
    outcome_at: day(c.outcome?.decidedAt),
    employer_action: c.employerAction?.finalAction ?? null,
    dbs_referral: c.onwardReferrals.length > 0,
  };
}

/**
 * Writes the header and every case to `out` (UTF-8 with a byte order mark,
 * CRLF, as Excel reads it), then records "records.export" with `name` (the
 * file's name) as its subject. Returns the number of cases written.
 */
export async function exportRecords(
  client: PrismaClient,
  out: Writable,
  options: { who: string | null; name: string; requestId: string; onProgress?: (rows: number) => void },
) {
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write(`\uFEFF${recordLine(COLUMN_NAMES, Object.fromEntries(COLUMN_NAMES.map((c) => [c, c])))}`);
  let after: string | undefined;
  let rows = 0;
  for (;;) {
    const cases = await client.case.findMany({
      where: after === undefined ? {} : { reference: { gt: after } },
      orderBy: { reference: "asc" },
      take: BATCH,
      select: recordSelect,
    });
    if (!cases.length) break;
    await write(cases.map((c) => recordLine(COLUMN_NAMES, recordValues(caseFacts(c)))).join(""));
    rows += cases.length;
    after = cases.at(-1)!.reference;
    options.onProgress?.(rows);
  }
  await client.auditEvent.create({
    data: auditEventRow(
      { who: options.who, what: "records.export", subject: { type: "export", id: options.name }, details: { cases: rows } },
      options.requestId,
    ),
  });
  return rows;
}
