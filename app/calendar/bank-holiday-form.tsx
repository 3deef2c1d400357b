// The one form for a bank holiday, adding or changing it: its date as a
// GOV.UK date input and its name. The page puts the error summary above its
// heading.
import { Button, DateInput, TextInput, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import type { BankHoliday } from "./bank-holidays.server";

/** The list of bank holidays, open at the year of `day` (yyyy-mm-dd). */
export const bankHolidaysOfYearPath = (day: string) => `/settings/bank-holidays?year=${day.slice(0, 4)}`;

/** A bank holiday as the form's fields, to start the change form from. */
export function bankHolidayFields({ date, title }: BankHoliday): FieldState {
  const [year, month, day] = date.split("-");
  return { values: { "date-day": String(Number(day)), "date-month": String(Number(month)), "date-year": year ?? "", title } };
}

export function BankHolidayForm({ state, submit }: { state?: FieldState; submit: string }) {
  return (
    <StaffForm noValidate>
      <DateInput
        name="date"
        legend="Date"
        hint="For example, 27 12 2027. When a bank holiday falls at a weekend, enter its substitute day."
        state={state}
      />
      <TextInput name="title" label="Name" hint="As GOV.UK gives it, for example Christmas Day (substitute day)." state={state} />
      <Button>{submit}</Button>
    </StaffForm>
  );
}
