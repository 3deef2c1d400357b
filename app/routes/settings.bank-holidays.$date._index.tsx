import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { BankHolidayForm, bankHolidayFields, bankHolidaysOfYearPath } from "~/calendar/bank-holiday-form";
import { bankHolidayForm, changeBankHoliday, dateTaken, requireBankHoliday } from "~/calendar/bank-holidays.server";
import { ErrorSummary } from "~/components/form-fields";
import { dayWithWeekday } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "settings:manage" };
export const meta: MetaFunction = () => [{ title: "Change a bank holiday - LADO case management" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "settings:manage");
  return { holiday: await requireBankHoliday(params.date) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, "settings:manage");
  const holiday = await requireBankHoliday(params.date);
  const parsed = parseValues(bankHolidayForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  const day = parsed.data;
  const unchanged = day.date === holiday.date && day.title === holiday.title;
  if (!unchanged && !(await changeBankHoliday(request, admin.id, holiday, day))) {
    return invalid({ errors: { date: dateTaken(day.date) }, values: parsed.values });
  }
  const message = unchanged ? `Nothing changed: ${day.title}` : `${day.title}, ${dayWithWeekday(day.date)}, saved`;
  return redirect(bankHolidaysOfYearPath(day.date), { headers: { "Set-Cookie": await setFlash(message) } });
}

export default function ChangeBankHoliday() {
  const { holiday } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={bankHolidaysOfYearPath(holiday.date)} className="govuk-back-link">
          Back to bank holidays
        </Link>
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">
          {holiday.title}, {dayWithWeekday(holiday.date)}
        </span>
        <h1 className="govuk-heading-l">Change a bank holiday</h1>
        <BankHolidayForm state={result ?? bankHolidayFields(holiday)} submit="Save changes" />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/settings/bank-holidays/${holiday.date}/remove`}>
            Remove this bank holiday
          </Link>
        </p>
      </div>
    </div>
  );
}
