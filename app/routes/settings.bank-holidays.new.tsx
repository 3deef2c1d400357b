import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { BankHolidayForm, bankHolidaysOfYearPath } from "~/calendar/bank-holiday-form";
import { addBankHoliday, bankHolidayForm, dateTaken } from "~/calendar/bank-holidays.server";
import { ErrorSummary } from "~/components/form-fields";
import { dayWithWeekday } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "settings:manage" };
export const meta: MetaFunction = () => [{ title: "Add a bank holiday - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "settings:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "settings:manage");
  const parsed = parseValues(bankHolidayForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  const day = parsed.data;
  if (!(await addBankHoliday(request, admin.id, day))) return invalid({ errors: { date: dateTaken(day.date) }, values: parsed.values });
  return redirect(bankHolidaysOfYearPath(day.date), {
    headers: { "Set-Cookie": await setFlash(`${day.title}, ${dayWithWeekday(day.date)}, added`) },
  });
}

export default function NewBankHoliday() {
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/settings/bank-holidays" className="govuk-back-link">
          Back to bank holidays
        </Link>
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Add a bank holiday</h1>
        <BankHolidayForm state={result} submit="Add bank holiday" />
      </div>
    </div>
  );
}
