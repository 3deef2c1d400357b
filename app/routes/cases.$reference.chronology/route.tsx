// The case file's chronology: every event of the case in date order (oldest
// first, or newest first), built from its records (app/cases/chronology.ts),
// filtered by kind with a GET form, and printable (a print view with the
// browser's print dialogue; the print stylesheet hides the navigation). Each
// view and each print is audited as case.chronology with its filter.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { chronology, chronologyKinds, type ChronologyEntry, type ChronologyKind } from "~/cases/chronology";
import { allocationsOf, chronologyRecords, parseChronologyQuery } from "~/cases/chronology.server";
import { sectionPath } from "~/cases/sections";
import { Checkboxes, Radios } from "~/components/form-fields";
import { Table } from "~/components/table";
import { calendarDate, londonDate, londonTime } from "~/utils/dates";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Chronology", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = parseChronologyQuery(new URL(request.url).searchParams);
  const { reference, data } = await viewCaseSection(
    request,
    params.reference,
    "chronology",
    async (tx, caseId) => {
      // One after the other: a transaction is one connection.
      const records = await chronologyRecords(tx, caseId);
      return chronology(records, await allocationsOf(tx, caseId), { kinds: query.kind, order: query.order });
    },
    { what: "case.chronology", details: { kinds: query.kind, order: query.order, printed: query.print } },
  );
  return {
    reference,
    query,
    entries: data.map((entry, i) => ({ ...shown(entry), key: String(i) })),
  };
}

/** An entry as the page shows it: its day and (if known) time in London, and where its record is. */
function shown(entry: ChronologyEntry) {
  const day = typeof entry.at === "string";
  return {
    date: day ? calendarDate(entry.at) : londonDate(entry.at),
    time: day ? null : londonTime(entry.at),
    kind: chronologyKinds[entry.kind],
    title: entry.title,
    detail: entry.detail,
    section: entry.section,
  };
}

const kindOptions = (Object.keys(chronologyKinds) as ChronologyKind[]).map((value) => ({ value, label: chronologyKinds[value] }));

export default function Chronology() {
  const { reference, query, entries } = useLoaderData<typeof loader>();
  const printQuery = new URLSearchParams([...query.kind.map((k) => ["kind", k]), ["order", query.order], ["print", "1"]]);
  useEffect(() => {
    if (query.print) window.print();
  }, [query.print]);
  return (
    <>
      <SectionHeading>Chronology</SectionHeading>
      <p className="govuk-body govuk-!-display-none-print">
        Every event of the case in date order, from its records. An event known only by its day comes before the timed events of that day.
      </p>
      <p className="govuk-body govuk-!-display-none-print">
        <Link className="govuk-link" to={`?${printQuery.toString()}`}>
          Print the chronology
        </Link>
      </p>
      {query.print ? (
        <div className="govuk-!-display-none-print">
          <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      ) : null}
      <details className="govuk-details govuk-!-display-none-print" open={query.kind.length > 0 || query.order === "newest"}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Filter the chronology</span>
        </summary>
        <div className="govuk-details__text">
          <Form method="get" key={`${query.kind.join(",")}-${query.order}`}>
            <Checkboxes
              name="kind"
              legend="Kinds of event"
              hint="None chosen shows every kind."
              options={kindOptions}
              defaultValues={query.kind}
            />
            <Radios
              name="order"
              legend="Order"
              inline
              options={[
                { value: "oldest", label: "Oldest first" },
                { value: "newest", label: "Newest first" },
              ]}
              defaultValue={query.order}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show events
            </button>
          </Form>
        </div>
      </details>
      <p className="govuk-body app-print-only">
        Chronology of {reference}
        {query.kind.length ? `: ${query.kind.map((k) => chronologyKinds[k]).join(", ")}` : ""}, {query.order} first.
      </p>
      <Table
        caption={`${entries.length} ${entries.length === 1 ? "event" : "events"}, ${query.order === "newest" ? "newest" : "oldest"} first`}
        columns={[
          { header: "Date", cell: (e) => e.date, className: "app-nowrap" },
          { header: "Time", cell: (e) => e.time ?? <span className="govuk-hint govuk-!-margin-0">Day only</span>, className: "app-nowrap" },
          {
            header: "Event",
            cell: (e) => (
              <>
                <Link className="govuk-link" to={sectionPath(reference, e.section)}>
                  {e.title}
                </Link>
                <div className="govuk-hint govuk-body-s govuk-!-margin-0">{e.kind}</div>
                {e.detail ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0 app-pre-wrap">{e.detail}</p> : null}
              </>
            ),
          },
        ]}
        rows={entries}
        rowKey={(e) => e.key}
        empty="No events of the kinds chosen."
      />
    </>
  );
}
