import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { caseListQuery, listCases } from "~/cases/cases.server";
import { sourceLabels } from "~/cases/labels";
import { stageLabels, stageTagColours } from "~/cases/stage";
import { Pagination } from "~/components/pagination";
import { londonShortDate } from "~/utils/dates";

export const handle = { permission: "case:read" };
export const meta: MetaFunction = () => [{ title: "Cases - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "case:read");
  const query = caseListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, ...(await listCases(query)) };
}

export default function Cases() {
  const { query, cases, total, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <Form method="get" role="search" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Search by reference, name of the person or organisation
          </label>
          <div className="govuk-input__wrapper">
            <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={query.q} maxLength={100} />
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
