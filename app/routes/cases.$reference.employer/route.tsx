// The case file's employer section: suspension and its rationale, and the
// employer's final action.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { employerFinalActionLabels, suspensionAlternativeLabels } from "~/allegations/labels";
import { SummaryList } from "~/components/summary-list";
import { calendarDate } from "~/utils/dates";
import { readEmployer } from "./employer.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Employer", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "employer", readEmployer);
  return { reference, file: data };
}

export default function Employer() {
  const { file } = useLoaderData<typeof loader>();
  const e = file.employerAction;
  return (
    <>
      <SectionHeading>Employer</SectionHeading>
      {e ? (
        <>
          <Part title="Suspension">
            <SummaryList
              rows={[
                ["Suspension considered", yesNo(e.suspensionConsidered)],
                ["Alternatives considered", list(e.alternativesConsidered.map((a) => suspensionAlternativeLabels[a]))],
                ["Redeployed", yesNo(e.redeployed)],
                ["Suspended", e.suspended ? `Yes${e.suspendedAt ? `, from ${calendarDate(e.suspendedAt)}` : ""}` : "No"],
                ["Rationale", e.suspensionRationale],
                ["Agreed by", e.suspensionAgreedBy],
                ["Written confirmation", e.writtenConfirmationAt ? calendarDate(e.writtenConfirmationAt) : null],
                ["Named contact for the person", e.namedContact],
              ]}
            />
          </Part>
          <Part title="Final action">
            <SummaryList
              rows={[
                ["Action", e.finalAction ? employerFinalActionLabels[e.finalAction] : "Not yet known"],
                ["Date", e.finalActionAt ? calendarDate(e.finalActionAt) : null],
                ["Detail", e.finalActionDetail],
              ]}
            />
          </Part>
        </>
      ) : (
        <p className="govuk-body">No employer action recorded yet.</p>
      )}
    </>
  );
}
