// Business support or a LADO logs a contact received by phone, email, letter
// or in person: the same fields as the online form, all optional but how and
// when it came in and a summary. "No named professional" is a real answer.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { sourceLabels } from "~/contacts/labels";
import { Button, DateInput, ErrorSummary, Radios, TextInput, YesNo, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import {
  actionsSection,
  childrenSection,
  incidentSection,
  minutesOfDay,
  receiptSection,
  referrerSection,
  referrerTypeSection,
  subjectSection,
} from "~/contacts/contact-fields";
import { ActionsFields, ChildFields, IncidentFields, ReferrerFields, ReferrerTypeFields, SubjectFields } from "~/contacts/contact-form";
import { createContact } from "~/contacts/create-contact.server";
import { deliverSoon } from "~/messages/outbox.server";
import { londonDay, londonMinutes, londonMoment } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseAll, readForm } from "~/utils/forms.server";

export const handle = { permission: "contact:log" };
export const meta: MetaFunction = () => [{ title: "Log a contact - LADO case management" }];

const CHILD_ROWS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "contact:log");
  // Most contacts are logged as they come in: start with now, in London.
  const now = new Date();
  const [year, month, day] = londonDay(now).split("-");
  const minutes = londonMinutes(now);
  return {
    values: {
      "receivedDate-day": String(Number(day)),
      "receivedDate-month": String(Number(month)),
      "receivedDate-year": year!,
      receivedTime: `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "contact:log");
  const values = await readForm(request);
  const parsed = parseAll(
    [
      receiptSection,
      referrerTypeSection("staff"),
      referrerSection("staff"),
      subjectSection("staff"),
      childrenSection(CHILD_ROWS),
      incidentSection("staff"),
      actionsSection("staff"),
    ],
    values,
  );
  if (!parsed.ok) return invalid(parsed.failure);
  const { source, receivedDate, receivedTime, ...answers } = parsed.data;
  const receivedAt = londonMoment(receivedDate!.toISOString().slice(0, 10), minutesOfDay(receivedTime));
  if (receivedAt > new Date()) {
    return invalid({ errors: { receivedTime: "The time received must be in the past" }, values });
  }
  const contact = await createContact(request, answers, { source, receivedAt, loggedById: user.id });
  void deliverSoon(contact.messageIds);
  return redirect(`/cases/${contact.reference}`, {
    headers: { "Set-Cookie": await setFlash(`Contact ${contact.reference} logged and added to the triage queue`) },
  });
}

export default function LogContact() {
  const initial = useLoaderData<typeof loader>();
  const result: FieldState = useActionData<typeof action>() ?? initial;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Log a contact</h1>
        <p className="govuk-body">
          For a phone call, email, letter or visit. Only how and when it came in and a summary are needed: record what you have, and record
          advice even when no professional is named.
        </p>
        <StaffForm noValidate>
          <h2 className="govuk-heading-m">The contact</h2>
          <Radios
            name="source"
            legend="How did it come in?"
            options={(["PHONE", "EMAIL", "LETTER", "IN_PERSON", "FRONT_DOOR"] as const).map((value) => ({
              value,
              label: sourceLabels[value],
            }))}
            state={result}
          />
          <DateInput name="receivedDate" legend="Date received" hint="For example, 23 11 2026" state={result} />
          <TextInput name="receivedTime" label="Time received" hint="In 24-hour format, like 14:30" width={5} state={result} />
          <YesNo
            name="childInImmediateDanger"
            legend="Is a child in immediate danger now?"
            hint="If so, make sure the police (999) or children's social care have been called, then flag it here"
            state={result}
          />
          <h2 className="govuk-heading-m">Who made contact</h2>
          <ReferrerTypeFields state={result} mode="staff" />
          <ReferrerFields state={result} mode="staff" />
          <h2 className="govuk-heading-m">The person the concern is about</h2>
          <SubjectFields state={result} mode="staff" />
          <h2 className="govuk-heading-m">Children</h2>
          <ChildFields state={result} count={CHILD_ROWS} />
          <h2 className="govuk-heading-m">What happened</h2>
          <IncidentFields state={result} mode="staff" />
          <h2 className="govuk-heading-m">What has been done so far</h2>
          <ActionsFields state={result} mode="staff" />
          <Button>Log contact</Button>
        </StaffForm>
      </div>
    </div>
  );
}
