import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { auditTrail, recordAudit, trailQuery } from "~/audit/audit.server";
import { requireUser } from "~/auth/guard.server";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/pagination";
import { findStaffUser } from "~/auth/users.server";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "audit:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Audit trail for ${data?.name ?? "user"} - LADO case management` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, "audit:read");
  const user = await findStaffUser(params.userId);
  if (!user) throw notFound();
  const { page } = trailQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordAudit(request, { who: viewer.id, what: "audit.view-user-trail", details: { userId: user.id } });
  return { name: user.name, page, ...(await auditTrail({ userId: user.id }, page)) };
}

export default function UserTrail() {
  const { name, page, pages, total, events } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/audit" className="govuk-back-link">
        Back to audit trail
      </Link>
      <h1 className="govuk-heading-l">What {name} did</h1>
      <p className="govuk-body">{total} recorded events, newest first.</p>
      <AuditTable events={events} show="case" />
      <Pagination page={page} pages={pages} />
    </>
  );
}
