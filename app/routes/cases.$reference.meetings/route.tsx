// The case file's meetings section: each meeting with who came and what was
// decided, and every action with its owner and due date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { actionStatusLabels, meetingTypeLabels } from "~/allegations/labels";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { calendarDate, londonDateTime } from "~/utils/dates";
import { readMeetings } from "./meetings.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Meetings and actions", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "meetings", readMeetings);
  return { reference, file: data };
}

export default function Meetings() {
  const { file } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Meetings and actions</SectionHeading>
      <Part title="Meetings">
        {file.meetings.length ? (
          file.meetings.map((m) => (
            <div key={m.id}>
              <h4 className="govuk-heading-s">
                {meetingTypeLabels[m.type]}, {londonDateTime(m.heldAt)}
              </h4>
              <SummaryList
                rows={[
                  [
                    "Attended",
                    list(m.attendees.filter((a) => a.attended).map((a) => `${a.name} (${[a.role, a.agency].filter(Boolean).join(", ")})`)),
                  ],
                  ["Apologies", list(m.attendees.filter((a) => !a.attended).map((a) => `${a.name} (${a.agency})`))],
                  ["Information shared", m.informationShared],
                  ["Decisions", m.decisions],
                  ["Next review", m.nextReviewDate ? calendarDate(m.nextReviewDate) : null],
                ]}
              />
            </div>
          ))
        ) : (
          <p className="govuk-body">No meeting recorded yet.</p>
        )}
      </Part>
      <Table
        caption="Actions"
        columns={[
          { header: "Action", cell: (a) => a.description, className: "app-pre-wrap" },
          { header: "Owner", cell: (a) => `${a.ownerName} (${a.ownerAgency})` },
          { header: "Due", cell: (a) => calendarDate(a.dueDate), className: "app-nowrap" },
          { header: "Status", cell: (a) => actionStatusLabels[a.status] },
        ]}
        rows={file.actions}
        rowKey={(a) => a.id}
        empty="No action recorded yet."
      />
    </>
  );
}
