// The case file's audit trail: every view and change of this case, newest
// first. Seeing it is itself recorded.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/audit-trail/audit-table";
import { auditTrail, trailQuery } from "~/audit-trail/audit-trail.server";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { Pagination } from "~/components/pagination";

export const handle = { permission: "audit-trail:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Audit trail", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = trailQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { reference, data } = await viewCaseSection(
    request,
    params.reference,
    "audit-trail",
    (tx, caseId) => auditTrail(tx, { caseId }, page),
    {
      permission: "audit-trail:read",
      what: "audit-trail.view-case",
    },
  );
  return { reference, page, ...data };
}

export default function CaseTrail() {
  const { page, pages, total, events } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Audit trail</SectionHeading>
      <p className="govuk-body">{total} recorded events: every view and change of this case, newest first.</p>
      <AuditTable events={events} show="user" />
      <Pagination page={page} pages={pages} />
    </>
  );
}
