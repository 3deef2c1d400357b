import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { trailQuery, viewUserTrail } from "~/audit-trail/audit-trail.server";
import { requireUser } from "~/auth/guard.server";
import { AuditTable } from "~/audit-trail/audit-table";
import { Pagination } from "~/components/pagination";
import { findStaffUser } from "~/auth/users.server";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "audit-trail:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Audit trail for ${data?.name ?? "user"} - LADO case management` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, "audit-trail:read");
  const user = await findStaffUser(params.userId);
  if (!user) throw notFound();
  const { page } = trailQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { name: user.name, page, ...(await viewUserTrail(request, viewer.id, user.id, page)) };
}

export default function UserTrail() {
  const { name, page, pages, total, events } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/audit-trail" className="govuk-back-link">
        Back to audit trail
      </Link>
      <h1 className="govuk-heading-l">What {name} did</h1>
      <p className="govuk-body">{total} recorded events, newest first.</p>
      <AuditTable events={events} show="case" />
      <Pagination page={page} pages={pages} />
    </>
  );
}
