import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { caseListQuery, listCases, noCases } from "~/cases/case-list.server";
import { sourceLabels } from "~/contacts/labels";
import { stageLabels, stageTagColours } from "~/cases/stage";
import { ErrorSummary } from "~/components/form-fields";
import { PreviousNext } from "~/components/pagination";
import { Table } from "~/components/table";
import { subjectLabel } from "~/people/names";
import { londonShortDate } from "~/utils/dates";

export const handle = { permission: "case:read" };
export const meta: MetaFunction = () => [{ title: "Cases - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "case:read");
  const sent = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = caseListQuery.safeParse(sent);
  if (!parsed.success) {
    // The search as typed goes back to the box (without what cannot be shown), with why it was refused.
    const query = {
      q: String(sent.q ?? "")
        .replace(/\p{Cc}/gu, "")
        .slice(0, 100),
    };
    return data({ query, error: parsed.error.issues[0]!.message, ...noCases }, { status: 400 });
  }
  const list = await listCases(parsed.data);
  return data({ query: { q: parsed.data.q }, error: null, ...list }, { status: list.missing ? 404 : 200 });
}

/** "1 case", "240 cases"; past the count's limit, "More than 1,000 cases". */
const casesCount = ({ count, orMore }: { count: number; orMore: boolean }) =>
  orMore ? `More than ${count.toLocaleString("en-GB")} cases` : `${count} ${count === 1 ? "case" : "cases"}`;

export default function Cases() {
  const { query, error, cases, matches, missing, newer, older } = useLoaderData<typeof loader>();
  const newest = query.q ? `/cases?${new URLSearchParams({ q: query.q })}` : "/cases";
  return (
    <>
      <ErrorSummary errors={error ? { q: error } : undefined} />
      <h1 className="govuk-heading-l">Cases</h1>
      <Form method="get" role="search" className="govuk-!-margin-bottom-6">
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="q">
            Search by reference, name of the person or organisation
          </label>
          {error ? (
            <p id="q-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <div className="govuk-input__wrapper">
            <input
              className={`govuk-input govuk-input--width-20${error ? " govuk-input--error" : ""}`}
              id="q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={100}
              aria-describedby={error ? "q-error" : undefined}
            />
            <button type="submit" className="govuk-button govuk-!-margin-left-2 govuk-!-margin-bottom-0">
              Search
            </button>
          </div>
        </div>
      </Form>
      <p className="govuk-body" role="status">
        {casesCount(matches)}
        {query.q ? ` matching “${query.q}”` : ""}
      </p>
      {cases.length ? (
        <Table
          caption="Cases, newest first"
          captionHidden
          columns={[
            {
              header: "Reference",
              className: "app-nowrap",
              cell: (c) => (
                <Link className="govuk-link" to={`/cases/${c.reference}`}>
                  {c.reference}
                </Link>
              ),
            },
            { header: "Received", cell: (c) => londonShortDate(c.receivedAt), className: "app-nowrap" },
            {
              header: "Person",
              cell: (c) => (
                <>
                  {subjectLabel(c.namedProfessional, c.subject)}
                  {c.subject?.jobTitle ? <div className="govuk-hint govuk-!-margin-0">{c.subject.jobTitle}</div> : null}
                </>
              ),
            },
            { header: "Organisation", cell: (c) => c.referrer?.organisation?.name ?? "" },
            { header: "Source", cell: (c) => sourceLabels[c.source] },
            { header: "Stage", cell: (c) => <strong className={`govuk-tag ${stageTagColours[c.stage]}`}>{stageLabels[c.stage]}</strong> },
            { header: "LADO", cell: (c) => c.allocatedTo?.name ?? "Unallocated" },
          ]}
          rows={cases}
          rowKey={(c) => c.reference}
          empty=""
        />
      ) : missing ? (
        <p className="govuk-body">
          This page of cases is not there: the link may be out of date.{" "}
          <Link className="govuk-link" to={newest}>
            Go to the newest cases
          </Link>
          .
        </p>
      ) : (
        <p className="govuk-body">No cases match. Check the spelling or search for the start of the reference.</p>
      )}
      <PreviousNext
        previous={newer ? { query: { before: newer, after: null }, label: "Newer cases" } : null}
        next={older ? { query: { after: older, before: null }, label: "Older cases" } : null}
      />
    </>
  );
}
