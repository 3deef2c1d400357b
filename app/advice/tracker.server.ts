// The advice tracker: every piece of advice the service has given (what
// Ofsted asked a LADO service to keep), including consultations with no named
// professional and where contacts were redirected. A case is on it when its
// current threshold decision is advice and guidance or "not a LADO matter"
// (advice not recorded yet shows as a gap to fill), or when it has an advice
// record whatever its decision became. Filtered by the contact's received date
// (the current financial year unless another period is given, so the counts
// at the top never count the whole table), referrer type, the subject's
// sector, named professional, redirection and progression; pages of 50 by
// bounded offset; the same rows as CSV, read by key in batches.
// docs/decisions/015-advice-letter.md
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { date } from "~/contacts/contact-fields";
import { db, type Prisma } from "~/db.server";
import { Prisma as Sql } from "~/generated/prisma/client";
import { RedirectTarget, ReferrerType, Sector } from "~/generated/prisma/enums";
import { addDaysToDay, financialYear, londonDay, londonMoment } from "~/utils/dates";
import type { FieldErrors, FormValues } from "~/utils/forms.server";
import type { TrackerCsvRow } from "./tracker-csv";

export const TRACKER_PAGE_SIZE = 50;
/** Pages past this are not offered: narrow the filters, or download the CSV. */
export const TRACKER_MAX_PAGES = 200;
/** Rows the CSV export reads at a time. */
const EXPORT_BATCH = 1_000;

const blankIsNone = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const yesNo = (message: string) =>
  blankIsNone(z.enum(["yes", "no"], message)).transform((v) => (v === undefined ? undefined : v === "yes"));

/** A day to filter by: a real one before the year 3000 (the day after 31 December 9999 cannot be written, and the query would fail). */
const filterDay = (label: string) =>
  date(label, {}).refine((d) => d === undefined || d.getUTCFullYear() < 3000, `${label} must be a real date, like 27 3 2026`);

const filterSchema = z.object({
  year: blankIsNone(
    z
      .string()
      // From 1900, as dates are: a year 0 or 9999 would make no London day (and no query).
      .regex(/^(19|20)\d{2}-\d{2}$/, "Choose a financial year from the list")
      .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), "Choose a financial year from the list"),
  ),
  from: filterDay("The date received from"),
  to: filterDay("The date received to"),
  referrerType: blankIsNone(z.enum(ReferrerType, "Choose who asked from the list")),
  sector: blankIsNone(z.enum(Sector, "Choose a sector from the list")),
  named: yesNo("Choose whether a professional was named"),
  redirectedTo: blankIsNone(z.enum(RedirectTarget, "Choose where it was redirected from the list")),
  progressed: yesNo("Choose whether the advice progressed to a referral"),
  page: blankIsNone(
    z.coerce
      .number("The page must be a number")
      .int("The page must be a whole number")
      .min(1, "The page must be 1 or more")
      .max(TRACKER_MAX_PAGES, `Only the first ${TRACKER_MAX_PAGES} pages are shown: narrow the filters, or download the CSV`),
  ),
});

export type TrackerFilters = {
  /** The received dates, as London calendar days (yyyy-mm-dd), both included. */
  from: string;
  to: string;
  /** The financial year the period is, when it is one ("2025-26"). */
  year: string | null;
  referrerType?: ReferrerType;
  sector?: Sector;
  named?: boolean;
  redirectedTo?: RedirectTarget;
  progressed?: boolean;
  page: number;
};

/** 1 April to 31 March of a financial year ("2025-26"). */
export function financialYearDays(year: string) {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The financial years offered as shortcuts: this one and the two before (the annual report compares three). */
export function recentFinancialYears(now = new Date()) {
  const start = Number(financialYear(now).slice(0, 4));
  return [start, start - 1, start - 2].map((y) => `${y}-${String((y + 1) % 100).padStart(2, "0")}`);
}

/** The query string's values, GOV.UK date inputs (`from-day`, `-month`, `-year`) joined into yyyy-mm-dd as a form's are. */
export function filterValues(params: URLSearchParams): FormValues {
  const values: FormValues = Object.fromEntries([...params.keys()].map((k) => [k, params.get(k) ?? ""]));
  for (const name of ["from", "to"]) {
    const part = (p: string) => (params.get(`${name}-${p}`) ?? "").trim();
    const [d, m, y] = [part("day"), part("month"), part("year")];
    values[name] = d || m || y ? `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "";
  }
  return values;
}

/**
 * The filters a query string asks for, or an error per field. No period:
 * the current financial year; dates given win over a year; one date alone
 * runs from it to today, or up to it from the start of its financial year.
 */
export function parseFilters(
  values: FormValues,
  now = new Date(),
): { ok: true; filters: TrackerFilters } | { ok: false; errors: FieldErrors } {
  const parsed = filterSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, errors };
  }
  const { from, to, year, page, ...chosen } = parsed.data;
  const period = periodOf(year, from, to, now);
  if (period.from > period.to) {
    // With only a start given, the period ends today: the start is what is wrong.
    return to
      ? { ok: false, errors: { to: "The date received to must be the same as or after the date received from" } }
      : { ok: false, errors: { from: "The date received from must be today or in the past" } };
  }
  return { ok: true, filters: { ...period, ...chosen, page: page ?? 1 } };
}

/** The days a period runs: given dates win over a year; no period is the current financial year. */
function periodOf(year: string | undefined, from: Date | undefined, to: Date | undefined, now: Date) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (!from && !to) return { ...financialYearDays(year ?? financialYear(now)), year: year ?? financialYear(now) };
  const toDay = to ? day(to) : londonDay(now);
  return { from: from ? day(from) : financialYearDays(financialYear(`${toDay}T12:00:00Z`)).from, to: toDay, year: null };
}

/** The filters as the audit event's details (and the CSV link's query). */
export function filterDetails(f: TrackerFilters) {
  return Object.fromEntries(
    Object.entries({
      from: f.from,
      to: f.to,
      referrerType: f.referrerType,
      sector: f.sector,
      named: f.named,
      redirectedTo: f.redirectedTo,
      progressed: f.progressed,
    }).filter(([, v]) => v !== undefined),
  ) as Prisma.InputJsonObject;
}

// ---------------------------------------------------------------------------
// The queries

export type TrackerRow = TrackerCsvRow & { caseId: string };

export type TrackerCounts = {
  total: number;
  noNamedProfessional: number;
  redirected: number;
  progressed: number;
  lettersSent: number;
  notRecorded: number;
};

/**
 * FROM and WHERE for the filters, with `joins` that only the rows need. The
 * received period first: the planner reads the cases in it by the
 * (receivedAt, reference) index, newest first, and finds each case's latest
 * decision by the (caseId, revision) index.
 */
function fromWhere(f: TrackerFilters, joins: Sql.Sql = Sql.empty) {
  const conditions: Sql.Sql[] = [
    Sql.sql`c."receivedAt" >= ${londonMoment(f.from)} AND c."receivedAt" < ${londonMoment(addDaysToDay(f.to, 1))}`,
    Sql.sql`(a."id" IS NOT NULL OR cur."category" IN ('ADVICE', 'NOT_LADO'))`,
  ];
  if (f.referrerType) conditions.push(Sql.sql`r."type" = ${f.referrerType}::"ReferrerType"`);
  if (f.sector) conditions.push(Sql.sql`p."sector" = ${f.sector}::"Sector"`);
  if (f.named !== undefined) conditions.push(Sql.sql`c."namedProfessional" = ${f.named}`);
  if (f.redirectedTo) conditions.push(Sql.sql`a."redirectedTo" = ${f.redirectedTo}::"RedirectTarget"`);
  if (f.progressed !== undefined) {
    conditions.push(f.progressed ? Sql.sql`a."progressedToCaseId" IS NOT NULL` : Sql.sql`a."progressedToCaseId" IS NULL`);
  }
  return Sql.sql`
    FROM "Case" c
    LEFT JOIN LATERAL (
      SELECT d."category" FROM "ThresholdDecision" d WHERE d."caseId" = c."id" ORDER BY d."revision" DESC LIMIT 1
    ) cur ON true
    LEFT JOIN "AdviceRecord" a ON a."caseId" = c."id"
    LEFT JOIN "Referrer" r ON r."caseId" = c."id"
    LEFT JOIN "Person" p ON p."caseId" = c."id"
    ${joins}
    WHERE ${Sql.join(conditions, " AND ")}`;
}

type PageOf = { limit: number; offset?: number; after?: { receivedAt: Date; reference: string } };

/** Rows newest first: a page by offset, or the rows after a key (the export's batches). */
function rowsSql(f: TrackerFilters, page: PageOf) {
  const after = page.after ? Sql.sql`AND (c."receivedAt", c."reference") < (${page.after.receivedAt}, ${page.after.reference})` : Sql.empty;
  return Sql.sql`
    SELECT c."id" AS "caseId", c."reference", c."receivedAt", c."namedProfessional",
      r."type"::text AS "referrerType", COALESCE(ro."name", r."organisationName") AS "referrerOrganisation",
      p."sector"::text AS "sector", cur."category"::text AS "decision",
      a."recordedAt", a."adviceGiven", a."referrerActions", a."redirectedTo"::text AS "redirectedTo", a."redirectDetail",
      later."reference" AS "progressedTo", a."followUpSentAt", a."followUpMethod"::text AS "followUpMethod", u."name" AS "recordedBy"
    ${fromWhere(
      f,
      Sql.sql`LEFT JOIN "Organisation" ro ON ro."id" = r."organisationId"
    LEFT JOIN "Case" later ON later."id" = a."progressedToCaseId"
    LEFT JOIN "User" u ON u."id" = a."recordedById"`,
    )} ${after}
    ORDER BY c."receivedAt" DESC, c."reference" DESC
    LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`;
}

function countsSql(f: TrackerFilters) {
  return Sql.sql`
    SELECT count(*)::int AS "total",
      count(*) FILTER (WHERE NOT c."namedProfessional")::int AS "noNamedProfessional",
      count(*) FILTER (WHERE a."redirectedTo" IS NOT NULL AND a."redirectedTo" <> 'NONE')::int AS "redirected",
      count(*) FILTER (WHERE a."progressedToCaseId" IS NOT NULL)::int AS "progressed",
      count(*) FILTER (WHERE a."followUpSentAt" IS NOT NULL)::int AS "lettersSent",
      count(*) FILTER (WHERE a."id" IS NULL)::int AS "notRecorded"
    ${fromWhere(f)}`;
}

/** A page of the tracker and its counts, and the view's audit event, in one transaction. */
export function trackerPage(request: Request, userId: string, f: TrackerFilters) {
  return db.$transaction(async (tx) => {
    const [counts] = await tx.$queryRaw<[TrackerCounts]>(countsSql(f));
    const rows = await tx.$queryRaw<TrackerRow[]>(rowsSql(f, { limit: TRACKER_PAGE_SIZE, offset: (f.page - 1) * TRACKER_PAGE_SIZE }));
    await recordAudit(
      request,
      { who: userId, what: "advice-tracker.view", subject: { type: "advice-tracker", id: "advice" }, details: filterDetails(f) },
      tx,
    );
    const pages = Math.min(TRACKER_MAX_PAGES, Math.max(1, Math.ceil(counts.total / TRACKER_PAGE_SIZE)));
    return { counts, rows, pages };
  });
}

/**
 * Every row of the filters, newest first, a batch at a time by key (each
 * batch costs the same however far in), after the export's audit event is
 * recorded: an export that cannot be recorded does not start.
 */
export async function* exportRows(request: Request, userId: string, f: TrackerFilters, batch = EXPORT_BATCH): AsyncGenerator<TrackerRow[]> {
  await recordAudit(request, {
    who: userId,
    what: "advice-tracker.export",
    subject: { type: "advice-tracker", id: "advice" },
    details: filterDetails(f),
  });
  let after: PageOf["after"];
  for (;;) {
    const rows = await db.$queryRaw<TrackerRow[]>(rowsSql(f, { limit: batch, after }));
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { receivedAt: last.receivedAt, reference: last.reference };
  }
}
