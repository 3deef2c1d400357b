// The advice tracker: every piece of advice the service has given, filtered
// by period (received date, with financial-year shortcuts), who asked, the
// subject's sector, named professional or not, redirection and progression;
// counts at the top, 50 a page, and the same rows as a CSV download.
// Each view is audited with its filters.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { letterMethodLabels } from "~/advice/labels";
import { filterValues, parseFilters, recentFinancialYears, TRACKER_PAGE_SIZE, trackerPage } from "~/advice/tracker.server";
import { requireUser } from "~/auth/guard.server";
import { sectionPath } from "~/cases/sections";
import { referrerTypeLabels } from "~/contacts/labels";
import { DateInput, ErrorSummary, Select, type FieldState } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import type { RedirectTarget, ReferrerType, Sector } from "~/generated/prisma/enums";
import { sectorLabels } from "~/people/labels";
import { redirectLabels } from "~/triage/labels";
import { calendarDate, londonShortDate } from "~/utils/dates";

export const handle = { permission: "advice-tracker:read" };
export const meta: MetaFunction = () => [{ title: "Advice tracker - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "advice-tracker:read");
  const url = new URL(request.url);
  const values = filterValues(url.searchParams);
  const years = recentFinancialYears();
  const parsed = parseFilters(values);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values, years }, { status: 400 });
  const page = await trackerPage(request, user.id, parsed.filters);
  // The export takes the same filters, and every page of them.
  const exportQuery = new URLSearchParams(url.searchParams);
  exportQuery.delete("page");
  return {
    ok: true as const,
    values,
    years,
    filters: parsed.filters,
    pageSize: TRACKER_PAGE_SIZE,
    exportQuery: exportQuery.toString(),
    ...page,
  };
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const yesNoOptions = (yes: string, no: string) => [
  { value: "yes", label: yes },
  { value: "no", label: no },
];

export default function AdviceTracker() {
  const result = useLoaderData<typeof loader>();
  const state: FieldState = { values: result.values, errors: result.ok ? undefined : result.errors };
  return (
    <>
      <ErrorSummary errors={result.ok ? undefined : result.errors} />
      <h1 className="govuk-heading-l">Advice tracker</h1>
      <p className="govuk-body">
        Every piece of advice the service has given on a consultation, including those with no named professional, where each was
        redirected, and whether it later became a referral. A contact decided as advice whose advice is not recorded yet shows as such.
      </p>
      <Filters state={state} years={result.years} />
      {result.ok ? <Results result={result} /> : <p className="govuk-body">Correct the filters to see the advice records.</p>}
    </>
  );
}

function Filters({ state, years }: { state: FieldState; years: string[] }) {
  return (
    <details className="govuk-details" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Filter the advice records</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Financial year:{" "}
          {years.map((year, i) => (
            <span key={year}>
              {i ? ", " : null}
              <Link className="govuk-link" to={`/advice?year=${year}`}>
                {year}
              </Link>
            </span>
          ))}
        </p>
        <Form method="get" noValidate>
          <DateInput
            name="from"
            legend="Received from"
            hint="For example, 1 4 2026. Without dates: the current financial year."
            state={state}
          />
          <DateInput name="to" legend="Received to" state={state} />
          <Select
            name="referrerType"
            label="Who asked"
            options={options<ReferrerType>(referrerTypeLabels)}
            placeholder="Anyone"
            state={state}
          />
          <Select
            name="sector"
            label="The subject's sector"
            options={options<Sector>(sectorLabels)}
            placeholder="Any sector"
            state={state}
          />
          <Select
            name="named"
            label="Named professional"
            options={yesNoOptions("A professional was named", "No named professional")}
            placeholder="Either"
            state={state}
          />
          <Select
            name="redirectedTo"
            label="Redirected to"
            options={options<RedirectTarget>(redirectLabels)}
            placeholder="Anywhere, or nowhere"
            state={state}
          />
          <Select
            name="progressed"
            label="Progressed to a referral"
            options={yesNoOptions("Progressed to a referral", "Did not progress")}
            placeholder="Either"
            state={state}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Apply filters
            </button>
            <Link className="govuk-link" to="/advice">
              Clear filters
            </Link>
          </div>
        </Form>
      </div>
    </details>
  );
}

type Shown = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ok: true }>;

function period(f: Shown["filters"]) {
  const days = `${calendarDate(f.from)} to ${calendarDate(f.to)}`;
  return f.year ? `financial year ${f.year} (${days})` : days;
}

function Results({ result }: { result: Shown }) {
  const { counts, rows, filters, pages } = result;
  return (
    <>
      <h2 className="govuk-heading-m">Contacts received {period(filters)}</h2>
      <SummaryList
        rows={[
          ["Advice records", String(counts.total)],
          ["No named professional", String(counts.noNamedProfessional)],
          ["Redirected", String(counts.redirected)],
          ["Progressed to a referral", String(counts.progressed)],
          ["Follow-up letters sent", String(counts.lettersSent)],
          ["Advice not recorded yet", String(counts.notRecorded)],
        ]}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`/advice.csv${result.exportQuery ? `?${result.exportQuery}` : ""}`} download>
          Download {counts.total === 1 ? "this record" : `these ${counts.total} records`} as a spreadsheet (CSV)
        </a>
      </p>
      <Table
        caption={`Advice records, page ${filters.page} of ${pages} (${result.pageSize} a page)`}
        columns={[
          {
            header: "Reference",
            rowHeader: true,
            className: "app-nowrap",
            cell: (r) => (
              <Link className="govuk-link" to={sectionPath(r.reference, "advice")}>
                {r.reference}
              </Link>
            ),
          },
          { header: "Received", className: "app-nowrap", cell: (r) => londonShortDate(r.receivedAt) },
          {
            header: "Who asked",
            cell: (r) =>
              [r.referrerType ? referrerTypeLabels[r.referrerType] : null, r.referrerOrganisation].filter(Boolean).join(", ") ||
              "Not recorded",
          },
          { header: "Named professional", cell: (r) => (r.namedProfessional ? "Yes" : "No") },
          { header: "Sector", cell: (r) => (r.sector ? sectorLabels[r.sector] : "Not recorded") },
          {
            header: "Redirected to",
            cell: (r) => (r.recordedAt ? (r.redirectedTo ? redirectLabels[r.redirectedTo] : "Not recorded") : "Advice not recorded yet"),
          },
          { header: "Progressed to", cell: (r) => r.progressedTo ?? "No" },
          {
            header: "Letter sent",
            cell: (r) =>
              r.followUpSentAt
                ? `${londonShortDate(r.followUpSentAt)}${r.followUpMethod ? `, ${letterMethodLabels[r.followUpMethod].toLowerCase()}` : ""}`
                : "No",
          },
        ]}
        rows={rows}
        rowKey={(r) => r.caseId}
        empty={filters.page > 1 ? "There is no such page: go back to the first page." : "No advice records match these filters."}
        smallText
      />
      <Pagination page={filters.page} pages={pages} />
    </>
  );
}
