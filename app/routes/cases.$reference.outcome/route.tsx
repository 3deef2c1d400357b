// The case file's outcome section: the outcome with its rationale, and the
// onward referrals (DBS, TRA, regulators).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { onwardBodyLabels, outcomeLabels } from "~/allegations/labels";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { calendarDate, londonDate } from "~/utils/dates";
import { readOutcome } from "./outcome.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Outcome", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "outcome", readOutcome);
  return { reference, file: data };
}

export default function Outcome() {
  const { file } = useLoaderData<typeof loader>();
  const o = file.outcome;
  return (
    <>
      <SectionHeading>Outcome</SectionHeading>
      <Part title="Outcome">
        {o ? (
          <SummaryList
            rows={[
              ["Outcome", outcomeLabels[o.outcome]],
              ["Rationale", o.rationale],
              ["Decided", `${londonDate(o.decidedAt)}${o.recordedBy ? ` by ${o.recordedBy.name}` : ""}`],
              ["Person resigned", yesNo(o.personResigned)],
              ["Person refused to cooperate", yesNo(o.refusedToCooperate)],
            ]}
          />
        ) : (
          <p className="govuk-body">No outcome recorded yet.</p>
        )}
      </Part>
      <Table
        caption="Onward referrals"
        columns={[
          { header: "To", cell: (r) => onwardBodyLabels[r.body] },
          { header: "Date", cell: (r) => calendarDate(r.referredAt), className: "app-nowrap" },
          { header: "Reference", cell: (r) => r.reference ?? "" },
          { header: "Detail", cell: (r) => r.detail ?? "", className: "app-pre-wrap" },
        ]}
        rows={file.onwardReferrals}
        rowKey={(r) => r.id}
        empty="No onward referral recorded."
      />
    </>
  );
}
