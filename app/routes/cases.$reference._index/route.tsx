// The case file's summary section: how and when the contact came in, the
// initial consideration, the current decision, and what was said.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { sourceLabels } from "~/contacts/labels";
import { decisionLabels, harmCategoryLabels } from "~/triage/labels";
import { SummaryList } from "~/components/summary-list";
import { londonDateTime } from "~/utils/dates";
import { readSummary } from "./summary.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Summary", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "", readSummary);
  return { reference, file: data };
}

export default function Summary() {
  const { file } = useLoaderData<typeof loader>();
  const decision = file.decisions[0];
  return (
    <>
      <SectionHeading>Summary</SectionHeading>
      <Part title="Contact">
        <SummaryList
          rows={[
            ["Received", londonDateTime(file.receivedAt)],
            ["Source", sourceLabels[file.source]],
            ["Logged by", file.loggedBy?.name ?? (file.source === "ONLINE_FORM" ? "Online referral form" : null)],
            ["Referrer", [file.referrer?.name, file.referrer?.organisation?.name].filter(Boolean).join(", ") || null],
            ["Children", file._count.children ? String(file._count.children) : "None recorded"],
            ["Documents", String(file._count.documents)],
          ]}
        />
      </Part>
      <Part title="Initial consideration">
        <SummaryList
          rows={[
            [
              "Done",
              file.initialConsideredAt
                ? `${londonDateTime(file.initialConsideredAt)}${file.initialConsideredBy ? ` by ${file.initialConsideredBy.name}` : ""}`
                : "Not yet",
            ],
            ["Prior history and immediate action", file.initialConsideration],
          ]}
        />
      </Part>
      <Part title="Threshold decision">
        <SummaryList
          rows={[
            ["Decision", decision ? decisionLabels[decision.category] : "No decision yet"],
            [
              "Decided",
              decision ? `${londonDateTime(decision.decidedAt)}${decision.decidedBy ? ` by ${decision.decidedBy.name}` : ""}` : null,
            ],
          ]}
        />
      </Part>
      <Part title="What happened">
        <SummaryList
          rows={[
            ["Summary", file.summary],
            ["Categories of harm (as referred)", list(file.reportedHarmCategories.map((c) => harmCategoryLabels[c]))],
          ]}
        />
      </Part>
    </>
  );
}
