// The case file's police section: what the police are doing, their updates,
// the LADO's challenges and escalations, and any section 47 enquiry.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { challengeKindLabels, policeStatusLabels } from "~/allegations/labels";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { calendarDate, londonDate } from "~/utils/dates";
import { readPolice } from "./police.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Police", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "police", readPolice);
  return { reference, file: data };
}

export default function Police() {
  const { file } = useLoaderData<typeof loader>();
  const p = file.police;
  return (
    <>
      <SectionHeading>Police</SectionHeading>
      {p ? (
        <>
          <Part title="Investigation">
            <SummaryList
              rows={[
                ["Status", policeStatusLabels[p.status]],
                ["Force", p.force],
                ["Reference", p.reference],
                ["Officer", [p.officerName, p.officerContact].filter(Boolean).join(", ") || null],
                ["Informed", p.informedAt ? londonDate(p.informedAt) : null],
                ["Investigation opened", p.openedAt ? londonDate(p.openedAt) : null],
                ["Concluded", p.concludedAt ? londonDate(p.concludedAt) : null],
              ]}
            />
          </Part>
          <Table
            caption="Updates from the police"
            columns={[
              { header: "Date", cell: (u) => londonDate(u.at), className: "app-nowrap" },
              { header: "Status", cell: (u) => policeStatusLabels[u.status] },
              { header: "Update", cell: (u) => u.note, className: "app-pre-wrap" },
            ]}
            rows={p.updates}
            rowKey={(u) => u.id}
            empty="No update from the police recorded yet."
          />
          <Table
            caption="Challenges and escalations"
            columns={[
              { header: "Date", cell: (c) => londonDate(c.at), className: "app-nowrap" },
              { header: "Kind", cell: (c) => challengeKindLabels[c.kind] },
              { header: "What was asked", cell: (c) => c.detail, className: "app-pre-wrap" },
              {
                header: "Answer",
                cell: (c) => (c.response ? `${c.respondedAt ? `${londonDate(c.respondedAt)}: ` : ""}${c.response}` : "No answer yet"),
                className: "app-pre-wrap",
              },
            ]}
            rows={p.challenges}
            rowKey={(c) => c.id}
            empty="No challenge or escalation recorded."
          />
        </>
      ) : (
        <p className="govuk-body">No police involvement recorded.</p>
      )}
      {file.section47 ? (
        <Part title="Children's social care: section 47 enquiry">
          <SummaryList
            rows={[
              ["Enquiry held", yesNo(file.section47.held)],
              ["Started", file.section47.startedAt ? calendarDate(file.section47.startedAt) : null],
              ["Result", file.section47.result],
            ]}
          />
        </Part>
      ) : null}
    </>
  );
}
