import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { roleLabels } from "~/auth/permissions";
import { listStaffUsers } from "~/auth/users.server";
import { Table } from "~/components/table";
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
      <Table
        caption="Staff accounts"
        captionHidden
        columns={[
          {
            header: "Name",
            cell: (u) => (
              <Link className="govuk-link" to={`/users/${u.id}`}>
                {u.name}
              </Link>
            ),
          },
          { header: "Email", cell: (u) => u.email },
          { header: "Roles", cell: (u) => u.roles.map((r) => roleLabels[r]).join(", ") },
          { header: "Last signed in", cell: (u) => (u.lastSignInAt ? londonDateTime(u.lastSignInAt) : "Never") },
          {
            header: "Status",
            cell: (u) =>
              u.active ? (
                <strong className="govuk-tag govuk-tag--green">Active</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>
              ),
          },
        ]}
        rows={users}
        rowKey={(u) => u.id}
        empty="No accounts yet."
      />
    </>
  );
}
