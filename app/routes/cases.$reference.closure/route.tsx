// The case file's closure section: proposals to close and the manager's
// sign-off, newest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { SummaryList } from "~/components/summary-list";
import { londonDate } from "~/utils/dates";
import { readClosures } from "./closure.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Closure", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "closure", readClosures);
  return { reference, closures: data };
}

const by = (when: string | Date, who: { name: string } | null) => `${londonDate(when)}${who ? ` by ${who.name}` : ""}`;

export default function Closure() {
  const { closures } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Closure</SectionHeading>
      {closures.length ? (
        closures.map((c, i) => (
          <div key={c.id}>
            <h3 className="govuk-heading-m">{i === 0 ? "Latest proposal" : "Earlier proposal"}</h3>
            <SummaryList
              rows={[
                ["Proposed", by(c.proposedAt, c.proposedBy)],
                ["Note", c.note],
                [
                  "Manager",
                  c.signedOffAt
                    ? `Signed off ${by(c.signedOffAt, c.signedOffBy)}`
                    : c.returnedReason
                      ? `Sent back: ${c.returnedReason}`
                      : "Waiting for a manager",
                ],
                ["Reopened", c.reopenedAt ? `${by(c.reopenedAt, c.reopenedBy)}${c.reopenReason ? `: ${c.reopenReason}` : ""}` : null],
              ]}
            />
          </div>
        ))
      ) : (
        <p className="govuk-body">The case has not been proposed for closure.</p>
      )}
    </>
  );
}
