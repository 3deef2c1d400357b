// The case file's summary section: how and when the contact came in, the
// initial consideration, the current decision, and what was said.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { caseLinkReasonLabels } from "~/cases/link-labels";
import { sectionPath } from "~/cases/sections";
import { sourceLabels } from "~/contacts/labels";
import { decisionLabels, harmCategoryLabels } from "~/triage/labels";
import { SummaryList } from "~/components/summary-list";
import { londonDateTime } from "~/utils/dates";
import { readSummary } from "./summary.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Summary", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "", readSummary);
  return { reference, file: data, canLink: can(user.roles, "case:write") };
}

export default function Summary() {
  const { reference, file, canLink } = useLoaderData<typeof loader>();
  const decision = file.decisions[0];
  return (
    <>
      <SectionHeading>Summary</SectionHeading>
      <Matter file={file} />
      {canLink ? <LinkAction reference={reference} linked={file.sameMatterAs !== null} /> : null}
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

type File = ReturnType<typeof useLoaderData<typeof loader>>["file"];

function LinkAction({ reference, linked }: { reference: string; linked: boolean }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={sectionPath(reference, "link")}>
        {linked ? "Change or remove the link to another contact" : "Link to another contact about the same matter"}
      </Link>
    </p>
  );
}

/** Other contacts about the same matter: the first, on a later contact; the later ones, on the first. */
function Matter({ file }: { file: File }) {
  const caseLink = (ref: string) => (
    <Link className="govuk-link" to={sectionPath(ref, "")}>
      {ref}
    </Link>
  );
  if (file.sameMatterAs) {
    const first = file.sameMatterAs;
    return (
      <div className="govuk-inset-text">
        Same matter as {caseLink(first.sameMatterAs.reference)} ({caseLinkReasonLabels[first.reason]})
        {first.note ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-pre-wrap">{first.note}</p> : null}
      </div>
    );
  }
  if (file.sameMatterContacts.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      Also about this matter:{" "}
      {file.sameMatterContacts.map((l, i) => (
        <span key={l.case.reference}>
          {i > 0 ? ", " : null}
          {caseLink(l.case.reference)} ({caseLinkReasonLabels[l.reason]})
        </span>
      ))}
    </div>
  );
}
