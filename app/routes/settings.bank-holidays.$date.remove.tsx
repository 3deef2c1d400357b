// Removing a bank holiday asks first: the day becomes a working day, and
// deadlines already running across it come a day sooner.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { bankHolidaysOfYearPath } from "~/calendar/bank-holiday-form";
import { requireBankHoliday, removeBankHoliday } from "~/calendar/bank-holidays.server";
import { Button, ErrorSummary, YesNo } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { dayWithWeekday } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "settings:manage" };
export const meta: MetaFunction = () => [{ title: "Remove a bank holiday - LADO case management" }];

const removeForm = z.object({ remove: z.enum(["yes", "no"], "Select yes if you want to remove this bank holiday") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "settings:manage");
  return { holiday: await requireBankHoliday(params.date) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, "settings:manage");
  const holiday = await requireBankHoliday(params.date);
  const parsed = parseValues(removeForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  if (parsed.data.remove === "no") return redirect(bankHolidaysOfYearPath(holiday.date));
  await removeBankHoliday(request, admin.id, holiday);
  return redirect(bankHolidaysOfYearPath(holiday.date), {
    headers: { "Set-Cookie": await setFlash(`${holiday.title}, ${dayWithWeekday(holiday.date)}, removed`) },
  });
}

export default function RemoveBankHoliday() {
  const { holiday } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={bankHolidaysOfYearPath(holiday.date)} className="govuk-back-link">
          Back to bank holidays
        </Link>
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Remove a bank holiday</h1>
        <SummaryList
          rows={[
            ["Date", dayWithWeekday(holiday.date)],
            ["Name", holiday.title],
          ]}
        />
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The day will count as a working day, so deadlines already running across it, such as initial considerations, will fall a day
            sooner.
          </strong>
        </div>
        <StaffForm noValidate>
          <YesNo name="remove" legend="Are you sure you want to remove this bank holiday?" state={result} />
          <Button>Continue</Button>
        </StaffForm>
      </div>
    </div>
  );
}
