// The case file's meetings and actions section: the next meeting due (the
// evaluation meeting, then reviews while enquiries are open), each meeting
// scheduled, held or cancelled, with who came and what was decided and its
// minutes, and every action with its owner, due date and status, overdue
// ones flagged. A LADO or manager schedules, records and cancels meetings,
// makes and sends the minutes, and adds and updates actions here. One form
// that changes a record is open at a time (chosen by a link, or the one
// whose answers came back), so no two forms on the page share a field.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { z } from "zod";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { actionOverdue } from "~/allegations/actions";
import { actionOwners } from "~/allegations/actions.server";
import { actionStatusLabels, meetingModeLabels, meetingTypeLabels } from "~/allegations/labels";
import { meetingsDue } from "~/allegations/meetings.server";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { ErrorSummary, type FieldState } from "~/components/form-fields";
import { stateFor } from "~/components/section-forms";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { calendarDate, dayWithWeekday, londonDateTime } from "~/utils/dates";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { handleForm } from "./actions.server";
import { actionFields, AddActionForm, CancelForm, MinutesForm, RecordForm, recordFields, ScheduleForm, UpdateActionForm } from "./forms";
import { readMeetings } from "./meetings.server";
import { formIntent } from "./schema.server";

// Reading the section needs case:read; every form on it posts to the action, which needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Meetings and actions", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, caseId, data } = await viewCaseSection(request, params.reference, "meetings", readMeetings);
  const canWrite = can(user.roles, "case:write");
  const now = new Date();
  const [due, owners] = await Promise.all([meetingsDue([caseId], now), canWrite ? actionOwners() : []]);
  return {
    reference,
    canWrite,
    file: data,
    due: due.get(caseId) ?? null,
    overdue: data.actions.filter((a) => actionOverdue(a, now)).map((a) => a.id),
    owners,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const intent = parseValues(z.object({ intent: formIntent }), values);
  if (!intent.ok) return invalid(intent.failure);
  return handleForm[intent.data.intent]({ request, user, caseId: found.id, reference: found.reference, values });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Meeting = Page["file"]["meetings"][number];
type Action = Page["file"]["actions"][number];

/** The one form open for changing a record: the one whose answers came back, or the one a link chose. */
type Open = { form: "record" | "cancel" | "action-update"; id: string } | null;

function openForm(result: FieldState | undefined, search: URLSearchParams): Open {
  const sent = result?.values;
  if (sent) {
    const intent = sent.intent;
    if ((intent === "record" || intent === "add-attendee" || intent === "add-action") && typeof sent.meetingId === "string") {
      return { form: "record", id: sent.meetingId };
    }
    if (intent === "cancel" && typeof sent.meetingId === "string") return { form: "cancel", id: sent.meetingId };
    if (intent === "action-update" && typeof sent.actionId === "string") return { form: "action-update", id: sent.actionId };
  }
  for (const form of ["record", "cancel", "action-update"] as const) {
    const id = search.get(form);
    if (id) return { form, id };
  }
  return null;
}

export default function Meetings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  const [search] = useSearchParams();
  const open = page.canWrite ? openForm(result, search) : null;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Meetings and actions</SectionHeading>
      <NextDue due={page.due} />
      <Part title="Meetings">
        {page.file.meetings.length ? (
          page.file.meetings.map((m) => <MeetingView key={m.id} meeting={m} page={page} open={open} result={result} />)
        ) : (
          <p className="govuk-body">No meeting scheduled or recorded yet.</p>
        )}
      </Part>
      {page.canWrite && !open ? (
        <Part title="Schedule a meeting">
          <p className="govuk-body">A meeting may be scheduled ahead, or recorded here after it was held: schedule it, then record it.</p>
          <ScheduleForm state={stateFor(result, "schedule")} />
        </Part>
      ) : null}
      <Actions page={page} open={open} result={result} />
    </>
  );
}

/** The next meeting due: what, by when, and whether it is overdue. */
function NextDue({ due }: { due: Page["due"] }) {
  if (!due) return null;
  const what = due.kind === "EVALUATION" ? "Evaluation (ASV) meeting" : "Review meeting";
  return (
    <div className="govuk-inset-text" id="next-meeting-due">
      {due.overdue ? (
        <strong className="govuk-tag govuk-tag--red">Overdue</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--yellow">Due</strong>
      )}{" "}
      {what} due by {dayWithWeekday(due.dueOn)}
    </div>
  );
}

function meetingStatus(m: Meeting) {
  if (m.cancelledAt) return { label: "Cancelled", tag: "govuk-tag--grey" };
  if (m.recordedAt) return { label: "Held", tag: "govuk-tag--green" };
  return { label: "Scheduled", tag: "govuk-tag--blue" };
}

const attendeeText = (a: Meeting["attendees"][number]) => `${a.name} (${[a.role, a.agency].filter(Boolean).join(", ")})`;

/** What is known of a meeting: how and where, then its cancellation or its record. */
function meetingRows(m: Meeting): [string, ReactNode][] {
  const rows: [string, ReactNode][] = [
    ["How", m.mode ? meetingModeLabels[m.mode] : null],
    ["Where, or the link", m.location],
    ["Chair", m.chair],
  ];
  if (m.cancelledAt) rows.push(["Cancelled", `${londonDateTime(m.cancelledAt)}: ${m.cancelledReason ?? ""}`]);
  if (!m.recordedAt) return rows;
  return [
    ...rows,
    ["Attended", list(m.attendees.filter((a) => a.attended).map(attendeeText))],
    ["Apologies", list(m.attendees.filter((a) => !a.attended).map(attendeeText))],
    ["Information shared", m.informationShared],
    ["Decisions", m.decisions],
    ["Next review", m.nextReviewDate ? calendarDate(m.nextReviewDate) : null],
    [
      "Minutes",
      m.minutes ? (
        <>
          <a className="govuk-link" href={`/documents/${m.minutes.id}`}>
            {m.minutes.filename}
          </a>
          {m.minutesSentAt ? `, made and sent ${londonDateTime(m.minutesSentAt)}` : null}
        </>
      ) : null,
    ],
  ];
}

function MeetingView({ meeting: m, page, open, result }: { meeting: Meeting; page: Page; open: Open; result?: FieldState }) {
  const status = meetingStatus(m);
  const here = sectionPath(page.reference, "meetings");
  const mine = (form: NonNullable<Open>["form"]) => open?.form === form && open.id === m.id;
  const sentHere = (intents: string[]) => (result?.values?.meetingId === m.id ? stateFor(result, ...intents) : undefined);
  return (
    <div className="govuk-!-margin-bottom-8" id={`meeting-${m.id}`}>
      <h4 className="govuk-heading-s">
        {meetingTypeLabels[m.type]}, {londonDateTime(m.heldAt)} <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong>
      </h4>
      <SummaryList rows={meetingRows(m)} />
      {page.canWrite && !m.cancelledAt ? (
        <>
          {mine("record") ? (
            <div id="record-form">
              <h5 className="govuk-heading-s">{m.recordedAt ? "Change the record of this meeting" : "Record this meeting"}</h5>
              <RecordForm
                state={sentHere(["record", "add-attendee", "add-action"]) ?? recordFields(m)}
                owners={page.owners}
                submit={m.recordedAt ? "Save the changes" : "Save the record"}
              />
            </div>
          ) : mine("cancel") ? (
            <div id="cancel-form">
              <CancelForm meeting={m} state={sentHere(["cancel"])} />
            </div>
          ) : (
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`${here}?record=${m.id}#record-form`}>
                  {m.recordedAt ? "Change the record of this meeting" : "Record this meeting"}
                </Link>
              </li>
              {m.recordedAt ? null : (
                <li>
                  <Link className="govuk-link" to={`${here}?cancel=${m.id}#cancel-form`}>
                    Cancel this meeting
                  </Link>
                </li>
              )}
            </ul>
          )}
          {m.recordedAt && !open ? <MinutesForm meetingId={m.id} again={Boolean(m.minutes)} state={sentHere(["minutes"])} /> : null}
        </>
      ) : null}
    </div>
  );
}

function Actions({ page, open, result }: { page: Page; open: Open; result?: FieldState }) {
  const overdue = new Set(page.overdue);
  const here = sectionPath(page.reference, "meetings");
  const updating = open?.form === "action-update" ? page.file.actions.find((a) => a.id === open.id) : undefined;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="actions-title" id="actions" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="actions-title">
        Actions
      </h3>
      {overdue.size ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {overdue.size === 1 ? "1 action is overdue" : `${overdue.size} actions are overdue`}
          </strong>
        </div>
      ) : null}
      <Table
        caption="Actions"
        captionHidden
        columns={[
          { header: "Action", cell: (a: Action) => a.description, className: "app-pre-wrap", rowHeader: true },
          { header: "Owner", cell: (a) => `${a.ownerName} (${a.ownerAgency})${a.ownerUser ? `, ${a.ownerUser.name}` : ""}` },
          { header: "Due", cell: (a) => calendarDate(a.dueDate), className: "app-nowrap" },
          {
            header: "Status",
            cell: (a) => (
              <>
                {overdue.has(a.id) ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : actionStatusLabels[a.status]}
                {a.completionNote ? <span className="govuk-body-s app-pre-wrap">{` ${a.completionNote}`}</span> : null}
              </>
            ),
          },
          ...(page.canWrite
            ? [
                {
                  header: <span className="govuk-visually-hidden">Change</span>,
                  cell: (a: Action) => (
                    <Link className="govuk-link" to={`${here}?action-update=${a.id}#action-${a.id}`}>
                      Update<span className="govuk-visually-hidden"> the action: {a.description}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
        rows={page.file.actions}
        rowKey={(a) => a.id}
        empty="No action recorded yet."
      />
      {updating ? (
        <div id={`action-${updating.id}`}>
          <h4 className="govuk-heading-s">Update the action: {updating.description}</h4>
          <UpdateActionForm
            action={updating}
            state={(result?.values?.actionId === updating.id ? stateFor(result, "action-update") : undefined) ?? actionFields(updating)}
          />
        </div>
      ) : null}
      {page.canWrite && !open ? (
        <>
          <h4 className="govuk-heading-s">Add an action</h4>
          <p className="govuk-body">An action agreed outside a meeting. Actions agreed at a meeting are added when it is recorded.</p>
          <AddActionForm state={stateFor(result, "action")} owners={page.owners} />
        </>
      ) : null}
    </section>
  );
}
