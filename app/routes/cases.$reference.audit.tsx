import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { auditTrail, recordAudit, trailQuery } from "~/audit/audit.server";
import { requireUser } from "~/auth/guard.server";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/pagination";
import { findCaseId } from "~/cases/cases.server";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "audit:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Audit trail for ${data?.reference ?? "case"} - LADO case management` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "audit:read");
  const found = await findCaseId(params.reference ?? "");
  if (!found) throw notFound();
  const { page } = trailQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordAudit(request, { who: user.id, what: "audit.view-case-trail", caseId: found.id });
  return { reference: found.reference, page, ...(await auditTrail({ caseId: found.id }, page)) };
}

export default function CaseTrail() {
  const { reference, page, pages, total, events } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to={`/cases/${reference}`} className="govuk-back-link">
        Back to {reference}
      </Link>
      <h1 className="govuk-heading-l">Audit trail for {reference}</h1>
      <p className="govuk-body">{total} recorded events: every view and change of this case, newest first.</p>
      <AuditTable events={events} show="user" />
      <Pagination page={page} pages={pages} />
    </>
  );
}
