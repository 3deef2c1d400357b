// The meetings section's forms: schedule a meeting; record it once held
// (a fixed number of rows of attendees and of actions agreed, with "Add
// another" buttons that bring the form back with one more row, no
// JavaScript needed); cancel it; make and send its minutes; add an action
// outside a meeting; update an action. Each says which it is with `intent`,
// and a versioned one carries the version it was shown.
import { meetingModeLabels, meetingTypeLabels, actionStatusLabels } from "~/allegations/labels";
import { Button, DateInput, Radios, Select, Textarea, TextInput, type FieldState } from "~/components/form-fields";
import { dateParts, SubmitButton } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { ActionStatus, MeetingMode, MeetingType } from "~/generated/prisma/enums";
import { londonDay, londonMinutes, storedDay } from "~/utils/dates";
import { ROWS, rowCount } from "./rows";

type Owner = { id: string; name: string };
type Values = Record<string, string | string[]>;

const options = <T extends string>(labels: Record<T, string>, values: Record<string, T>) =>
  Object.values(values).map((value) => ({ value, label: labels[value] }));

/** "14:30": a moment's time on London's clock. */
function clock(at: Date | string) {
  const minutes = londonMinutes(new Date(at));
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The error of a refused save that belongs to no one field: a stale version, a cancelled meeting. */
function FormError({ state }: { state?: FieldState }) {
  const message = state?.errors?.version;
  if (!message) return null;
  return (
    <p className="govuk-error-message" id="version" tabIndex={-1}>
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function Versioned({ name, id, version }: { name: string; id: string; version: number | string }) {
  return (
    <>
      <input type="hidden" name={name} value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function ArrangementFields({ state, withType = true }: { state?: FieldState; withType?: boolean }) {
  return (
    <>
      {withType ? <Radios name="type" legend="Type of meeting" options={options(meetingTypeLabels, MeetingType)} state={state} /> : null}
      <DateInput name="heldDate" legend="Date" hint="For example, 7 12 2026" state={state} />
      <TextInput name="heldTime" label="Time" hint="In 24-hour format, London time, like 14:30" width={5} state={state} />
      <Radios name="mode" legend="How is it held?" options={options(meetingModeLabels, MeetingMode)} state={state} inline />
      <TextInput
        name="location"
        label="Where, or the link to join"
        hint="The room and address, or the online meeting's link"
        state={state}
      />
      <TextInput name="chair" label="Chair" hint="Who chairs the meeting, and their role" state={state} />
    </>
  );
}

export function ScheduleForm({ state }: { state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <ArrangementFields state={state} />
      <SubmitButton intent="schedule">Schedule the meeting</SubmitButton>
    </StaffForm>
  );
}

type Meeting = {
  id: string;
  version: number;
  type: MeetingType;
  heldAt: Date | string;
  mode: MeetingMode | null;
  location: string | null;
  chair: string | null;
  informationShared: string | null;
  decisions: string | null;
  nextReviewDate: Date | string | null;
  attendees: { name: string; agency: string; role: string | null; email: string | null; attended: boolean }[];
};

/** A meeting as the record form's fields: as scheduled, or as last recorded. */
export function recordFields(meeting: Meeting): FieldState {
  const values: Values = {
    meetingId: meeting.id,
    version: String(meeting.version),
    type: meeting.type,
    ...dateParts("heldDate", londonDay(meeting.heldAt)),
    heldTime: clock(meeting.heldAt),
    mode: meeting.mode ?? "",
    location: meeting.location ?? "",
    chair: meeting.chair ?? "",
    informationShared: meeting.informationShared ?? "",
    decisions: meeting.decisions ?? "",
    ...dateParts("nextReviewDate", storedDay(meeting.nextReviewDate)),
    attendeeRows: String(Math.max(ROWS.attendees, meeting.attendees.length + 1)),
    actionRows: String(ROWS.actions),
  };
  meeting.attendees.forEach((a, i) => {
    const n = i + 1;
    Object.assign(values, {
      [`attendeeName-${n}`]: a.name,
      [`attendeeAgency-${n}`]: a.agency,
      [`attendeeRole-${n}`]: a.role ?? "",
      [`attendeeEmail-${n}`]: a.email ?? "",
      [`attendeeAttended-${n}`]: a.attended ? "yes" : "no",
    });
  });
  return { values };
}

function AttendeeRow({ n, state }: { n: number; state?: FieldState }) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" id={`attendee-${n}`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Attendee {n}</legend>
      <TextInput name={`attendeeName-${n}`} label="Name" state={state} autoComplete="off" />
      <TextInput name={`attendeeAgency-${n}`} label="Agency" hint="For example, the school, police, children's social care" state={state} />
      <TextInput name={`attendeeRole-${n}`} label="Role (optional)" state={state} />
      <TextInput
        name={`attendeeEmail-${n}`}
        label="Email address (optional)"
        hint="To send them the minutes"
        type="email"
        state={state}
        spellCheck={false}
      />
      <Radios
        name={`attendeeAttended-${n}`}
        legend="Did they attend?"
        options={[
          { value: "yes", label: "Attended" },
          { value: "no", label: "Sent apologies" },
        ]}
        state={state}
        inline
      />
    </fieldset>
  );
}

function ActionRow({ n, state, owners }: { n: number; state?: FieldState; owners: Owner[] }) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" id={`action-row-${n}`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {n}</legend>
      <ActionFields prefix="action" suffix={`-${n}`} state={state} owners={owners} />
    </fieldset>
  );
}

/** The fields of a new action: named `description`, or `actionDescription-2` in a record form's row. */
function ActionFields({ prefix, suffix, state, owners }: { prefix: string; suffix: string; state?: FieldState; owners: Owner[] }) {
  const name = (field: string) => (prefix ? `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}${suffix}` : field);
  return (
    <>
      <Textarea name={name("description")} label="Action" rows={2} state={state} />
      <TextInput name={name("ownerName")} label="Owner" hint="The person who will do it" state={state} />
      <TextInput name={name("ownerAgency")} label="Owner's agency" state={state} />
      <Select
        name={name("ownerUser")}
        label="Member of staff (optional)"
        hint="If a LADO or manager owns it, it shows on their work"
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
        placeholder="None"
        state={state}
      />
      <DateInput name={prefix ? `${prefix}Due${suffix}` : "dueDate"} legend="Due by" hint="For example, 14 12 2026" state={state} />
    </>
  );
}

export function RecordForm({ state, owners, submit }: { state: FieldState; owners: Owner[]; submit: string }) {
  const values = state.values ?? {};
  const attendees = rowCount(values.attendeeRows, ROWS.attendees, ROWS.maxAttendees);
  const actions = rowCount(values.actionRows, ROWS.actions, ROWS.maxActions);
  return (
    <StaffForm noValidate>
      <Versioned name="meetingId" id={String(values.meetingId ?? "")} version={String(values.version ?? "")} />
      <input type="hidden" name="type" value={String(values.type ?? "")} />
      <input type="hidden" name="attendeeRows" value={attendees} />
      <input type="hidden" name="actionRows" value={actions} />
      <FormError state={state} />
      <ArrangementFields state={state} withType={false} />
      <h4 className="govuk-heading-s">Who came, and who sent apologies</h4>
      {Array.from({ length: attendees }, (_, i) => (
        <AttendeeRow key={i} n={i + 1} state={state} />
      ))}
      {attendees < ROWS.maxAttendees ? (
        <Button secondary name="intent" value="add-attendee">
          Add another attendee
        </Button>
      ) : null}
      <Textarea name="informationShared" label="Information shared" rows={6} state={state} />
      <Textarea name="decisions" label="Decisions" rows={6} state={state} />
      <h4 className="govuk-heading-s">Actions agreed</h4>
      <p className="govuk-body">New actions agreed at this meeting. Leave a row empty if it is not needed.</p>
      {Array.from({ length: actions }, (_, i) => (
        <ActionRow key={i} n={i + 1} state={state} owners={owners} />
      ))}
      {actions < ROWS.maxActions ? (
        <Button secondary name="intent" value="add-action">
          Add another action
        </Button>
      ) : null}
      <DateInput
        name="nextReviewDate"
        legend="Next review date (optional)"
        hint="If the next review should be sooner than the usual interval"
        state={state}
      />
      <SubmitButton intent="record">{submit}</SubmitButton>
    </StaffForm>
  );
}

export function CancelForm({ meeting, state }: { meeting: { id: string; version: number }; state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <Versioned name="meetingId" id={meeting.id} version={String(state?.values?.version ?? meeting.version)} />
      <FormError state={state} />
      <Textarea name="cancelReason" label="Why is it cancelled?" rows={3} state={state} />
      <SubmitButton intent="cancel" secondary>
        Cancel the meeting
      </SubmitButton>
    </StaffForm>
  );
}

export function MinutesForm({ meetingId, again, state }: { meetingId: string; again: boolean; state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormError state={state} />
      <SubmitButton intent="minutes" secondary={again}>
        {again ? "Make and send the minutes again" : "Make and send the minutes"}
      </SubmitButton>
    </StaffForm>
  );
}

export function AddActionForm({ state, owners }: { state?: FieldState; owners: Owner[] }) {
  return (
    <StaffForm noValidate>
      <ActionFields prefix="" suffix="" state={state} owners={owners} />
      <SubmitButton intent="action">Add the action</SubmitButton>
    </StaffForm>
  );
}

type ShownAction = { id: string; version: number; status: ActionStatus; completionNote: string | null; dueDate: Date | string };

/** An action as the update form's fields. */
export function actionFields(action: ShownAction): FieldState {
  return {
    values: {
      actionId: action.id,
      version: String(action.version),
      status: action.status,
      completionNote: action.completionNote ?? "",
      ...dateParts("dueDate", new Date(action.dueDate).toISOString()),
    },
  };
}

export function UpdateActionForm({ action, state }: { action: ShownAction; state: FieldState }) {
  return (
    <StaffForm noValidate>
      <Versioned name="actionId" id={action.id} version={String(state.values?.version ?? action.version)} />
      <FormError state={state} />
      <Radios name="status" legend="Status" options={options(actionStatusLabels, ActionStatus)} state={state} inline />
      <Textarea
        name="completionNote"
        label="Completion note"
        hint="Needed when it is done (what was done) or cancelled (why)"
        rows={3}
        state={state}
      />
      <DateInput name="dueDate" legend="Due by" state={state} />
      <SubmitButton intent="action-update">Save the action</SubmitButton>
    </StaffForm>
  );
}
