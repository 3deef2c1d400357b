// The case file's decisions section: the threshold decision and its earlier
// revisions, the advice given, and an employer's own investigation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { decisionLabels, harmCategoryLabels, harmCriterionLabels, redirectLabels } from "~/triage/labels";
import { SummaryList } from "~/components/summary-list";
import { londonDate, londonDateTime } from "~/utils/dates";
import { readDecisions } from "./decisions.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Decisions and advice", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "decisions", readDecisions);
  return { reference, file: data };
}

export default function Decisions() {
  const { file } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Decisions and advice</SectionHeading>
      <Part title="Threshold decision">
        {file.decisions.length ? (
          file.decisions.map((d, i) => (
            <div key={d.id}>
              <h4 className="govuk-heading-s">{i === 0 ? "Current decision" : `Earlier decision (revision ${d.revision})`}</h4>
              <SummaryList
                rows={[
                  ["Decision", decisionLabels[d.category]],
                  ["Harm threshold", list(d.harmCriteria.map((c) => harmCriterionLabels[c]))],
                  ["Categories of harm", list(d.harmCategories.map((c) => harmCategoryLabels[c]))],
                  ["Rationale", d.rationale],
                  ["Decided", `${londonDateTime(d.decidedAt)}${d.decidedBy ? ` by ${d.decidedBy.name}` : ""}`],
                ]}
              />
            </div>
          ))
        ) : (
          <p className="govuk-body">No decision yet.</p>
        )}
      </Part>
      {file.advice ? (
        <Part title="Advice given">
          <SummaryList
            rows={[
              ["Advice", file.advice.adviceGiven],
              [
                "Redirected to",
                file.advice.redirectedTo
                  ? [redirectLabels[file.advice.redirectedTo], file.advice.redirectDetail].filter(Boolean).join(": ")
                  : "Not redirected",
              ],
              ["Written follow-up sent", file.advice.followUpSentAt ? londonDate(file.advice.followUpSentAt) : "Not yet"],
            ]}
          />
        </Part>
      ) : null}
      {file.employerInvestigation ? (
        <Part title="Employer's investigation">
          <SummaryList
            rows={[
              ["Agreed", `${londonDate(file.employerInvestigation.agreedAt)}: ${file.employerInvestigation.agreedActions}`],
              ["Investigator", file.employerInvestigation.investigator],
              [
                "Result",
                file.employerInvestigation.result
                  ? `${file.employerInvestigation.resultReceivedAt ? `${londonDate(file.employerInvestigation.resultReceivedAt)}: ` : ""}${file.employerInvestigation.result}`
                  : "Not received yet",
              ],
            ]}
          />
        </Part>
      ) : null}
    </>
  );
}
