import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { roleLabels } from "~/auth/permissions";
import { listStaffUsers } from "~/auth/users.server";
import { londonDateTime } from "~/utils/dates";

export const handle = { permission: "users:manage" };
export const meta: MetaFunction = () => [{ title: "Users - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "users:manage");
  return { users: await listStaffUsers() };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      <Link to="/users/new" className="govuk-button" role="button" draggable="false">
        Add a user
      </Link>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Email
              </th>
              <th scope="col" className="govuk-table__header">
                Roles
              </th>
              <th scope="col" className="govuk-table__header">
                Last signed in
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/users/${u.id}`}>
                    {u.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{u.email}</td>
                <td className="govuk-table__cell">{u.roles.map((r) => roleLabels[r]).join(", ")}</td>
                <td className="govuk-table__cell">{u.lastSignInAt ? londonDateTime(u.lastSignInAt) : "Never"}</td>
                <td className="govuk-table__cell">
                  {u.active ? (
                    <strong className="govuk-tag govuk-tag--green">Active</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
