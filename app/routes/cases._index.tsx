import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { caseListQuery, listCases } from "~/cases/cases.server";
import { sourceLabels } from "~/cases/labels";
import { stageLabels, stageTagColours } from "~/cases/stage";
import { ErrorSummary } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
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
      page: 1,
    };
    return data({ query, error: parsed.error.issues[0]!.message, cases: [], total: 0, pages: 1 }, { status: 400 });
  }
  return { query: parsed.data, error: null, ...(await listCases(parsed.data)) };
}

export default function Cases() {
  const { query, error, cases, total, pages } = useLoaderData<typeof loader>();
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
        {total} {total === 1 ? "case" : "cases"}
        {query.q ? ` matching “${query.q}”` : ""}
      </p>
      {cases.length ? (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Reference
                </th>
                <th scope="col" className="govuk-table__header">
                  Received
                </th>
                <th scope="col" className="govuk-table__header">
                  Person
                </th>
                <th scope="col" className="govuk-table__header">
                  Organisation
                </th>
                <th scope="col" className="govuk-table__header">
                  Source
                </th>
                <th scope="col" className="govuk-table__header">
                  Stage
                </th>
                <th scope="col" className="govuk-table__header">
                  LADO
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {cases.map((c) => (
                <tr className="govuk-table__row" key={c.reference}>
                  <td className="govuk-table__cell app-nowrap">
                    <Link className="govuk-link" to={`/cases/${c.reference}`}>
                      {c.reference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell app-nowrap">{londonShortDate(c.receivedAt)}</td>
                  <td className="govuk-table__cell">
                    {c.namedProfessional
                      ? [c.subject?.firstName, c.subject?.lastName].filter(Boolean).join(" ") || "Name not given"
                      : "No named professional"}
                    {c.subject?.jobTitle ? <div className="govuk-hint govuk-!-margin-0">{c.subject.jobTitle}</div> : null}
                  </td>
                  <td className="govuk-table__cell">{c.referrer?.organisation?.name ?? ""}</td>
                  <td className="govuk-table__cell">{sourceLabels[c.source]}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${stageTagColours[c.stage]}`}>{stageLabels[c.stage]}</strong>
                  </td>
                  <td className="govuk-table__cell">{c.allocatedTo?.name ?? "Unallocated"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">No cases match. Check the spelling or search for part of the reference.</p>
      )}
      <Pagination page={query.page} pages={pages} />
    </>
  );
}
