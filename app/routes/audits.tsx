// An auditor's home: the case-file audits they are named in, each with its
// case files, the period they were drawn from and the auditor's window.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { auditsAssignedTo, type WindowState } from "~/case-file-audits/assigned.server";
import { SummaryList } from "~/components/summary-list";
import { calendarDate, londonDateTime } from "~/utils/dates";

export const handle = { permission: "audits:assigned" };
export const meta: MetaFunction = () => [{ title: "Your case-file audits - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "audits:assigned");
  return { audits: await auditsAssignedTo(user.id) };
}

const windowTags: Record<WindowState, { text: string; colour: string }> = {
  upcoming: { text: "Not open yet", colour: "govuk-tag--blue" },
  open: { text: "Open", colour: "govuk-tag--green" },
  closed: { text: "Closed", colour: "govuk-tag--grey" },
};

export default function Audits() {
  const { audits } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your case-file audits</h1>
        {audits.length === 0 ? (
          <p className="govuk-body">
            You are not named in any case-file audit at the moment. When a manager names you in one, it will be listed here with its case
            files and dates.
          </p>
        ) : (
          audits.map((audit) => {
            const tag = windowTags[audit.state];
            return (
              <section key={audit.id} className="govuk-!-margin-bottom-8" aria-labelledby={`audit-${audit.id}`}>
                <h2 className="govuk-heading-m" id={`audit-${audit.id}`}>
                  {audit.title} <strong className={`govuk-tag ${tag.colour}`}>{tag.text}</strong>
                </h2>
                <SummaryList
                  rows={[
                    ["Contacts received", `${calendarDate(audit.periodFrom)} to ${calendarDate(audit.periodTo)}`],
                    ["You may read its case files", `From ${londonDateTime(audit.windowFrom)} to ${londonDateTime(audit.windowTo)}`],
                    [
                      `Case files (${audit.caseFiles.length})`,
                      audit.caseFiles.length ? (
                        <ul className="govuk-list">
                          {audit.caseFiles.map((reference) => (
                            <li key={reference}>{reference}</li>
                          ))}
                        </ul>
                      ) : (
                        "Not drawn yet"
                      ),
                    ],
                  ]}
                />
              </section>
            );
          })
        )}
      </div>
    </div>
  );
}
