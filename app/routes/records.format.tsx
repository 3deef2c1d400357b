// The records format (/records/format): every column, what it holds and its
// codes, from the format module (as the README's table is).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { Table } from "~/components/table";
import { columnReference } from "~/records/format";

export const handle = { permission: "records:transfer" };
export const meta: MetaFunction = () => [{ title: "The records format - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "records:transfer");
  return { columns: columnReference() };
}

export default function RecordsFormat() {
  const { columns } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/records" className="govuk-back-link">
        Back to import and export records
      </Link>
      <h1 className="govuk-heading-l">The records format</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            A CSV file, UTF-8 with or without a byte order mark (a spreadsheet&apos;s &ldquo;CSV UTF-8&rdquo;), one row a case. The first
            row names the columns, in any order. Only <code>reference</code>, <code>received_at</code> and <code>source</code> are needed; a
            column not listed here is an error, so a misspelt name is never ignored.
          </p>
          <p className="govuk-body">
            Dates are <code>YYYY-MM-DD</code> (a day in London) or ISO 8601 with an offset; a bare date for <code>received_at</code> is the
            start of that day in London. Codes are written in lower case.
          </p>
        </div>
      </div>
      <Table
        caption="Columns"
        smallText
        columns={[
          { header: "Column", rowHeader: true, cell: (c) => <code>{c.name}</code> },
          { header: "Required", cell: (c) => (c.required ? "Yes" : "") },
          {
            header: "What it holds",
            cell: (c) => (
              <>
                {c.about}
                {c.holds ? `: ${c.holds.replace(/`/g, "")}` : ""}
                {c.codes.length ? (
                  <ul className="govuk-list govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                    {c.codes.map((code) => (
                      <li key={code}>
                        <code>{code}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
        ]}
        rows={columns}
        rowKey={(c) => c.name}
        empty="No columns."
      />
    </>
  );
}
