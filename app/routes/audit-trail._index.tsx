import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { roleLabels } from "~/auth/permissions";
import { staffActivity } from "~/audit-trail/audit-trail.server";
import { Table } from "~/components/table";

export const handle = { permission: "audit-trail:read" };
export const meta: MetaFunction = () => [{ title: "Audit trail - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "audit-trail:read");
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
      <Table
        caption="Staff and their recorded events"
        captionHidden
        columns={[
          {
            header: "Staff member",
            cell: (u) => (
              <Link className="govuk-link" to={`/audit-trail/users/${u.id}`}>
                {u.name}
              </Link>
            ),
          },
          { header: "Roles", cell: (u) => u.roles.map((r) => roleLabels[r]).join(", ") },
          { header: "Events", cell: (u) => u._count.auditEvents, numeric: true },
        ]}
        rows={users}
        rowKey={(u) => u.id}
        empty="No staff accounts yet."
      />
    </>
  );
}
