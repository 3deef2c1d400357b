import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { roleLabels } from "~/auth/permissions";
import { staffActivity } from "~/audit/audit.server";

export const handle = { permission: "audit:read" };
export const meta: MetaFunction = () => [{ title: "Audit trail - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "audit:read");
  return { users: await staffActivity() };
}

export default function AuditIndex() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Every view and change of a case is recorded. Open a case to see who looked at it, or choose a member of staff to see what they did.
      </p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Staff member
            </th>
            <th scope="col" className="govuk-table__header">
              Roles
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Events
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((u) => (
            <tr className="govuk-table__row" key={u.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/audit/users/${u.id}`}>
                  {u.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{u.roles.map((r) => roleLabels[r]).join(", ")}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{u._count.auditEvents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
