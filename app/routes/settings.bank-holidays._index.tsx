// Bank holidays, a year at a time, for admins to add, change and remove.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { bankHolidaysOfYear } from "~/calendar/bank-holidays.server";
import { PreviousNext } from "~/components/pagination";
import { Table } from "~/components/table";
import { dayWithWeekday, londonDay } from "~/utils/dates";

export const handle = { permission: "settings:manage" };
export const meta: MetaFunction = () => [{ title: "Bank holidays - LADO case management" }];

const yearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2099)
    .catch(() => Number(londonDay(new Date()).slice(0, 4))),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "settings:manage");
  const { year } = yearQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { holidays, years } = await bankHolidaysOfYear(year);
  return { year, holidays, previous: years.findLast((y) => y < year) ?? null, next: years.find((y) => y > year) ?? null };
}

const yearLink = (year: number | null) => (year === null ? null : { query: { year: String(year) }, label: String(year) });

export default function BankHolidays() {
  const { year, holidays, previous, next } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Bank holidays</h1>
      <p className="govuk-body">
        Working days leave out weekends and these days, so every deadline counted in working days depends on them, such as a contact&apos;s
        initial consideration. The bank holidays of England and Wales from 2014 to 2030 were filled in when the service was set up. Add a
        new one when it is announced. How many working days each deadline gives is set in the{" "}
        <Link className="govuk-link" to="/settings/rules">
          service rules
        </Link>
        .
      </p>
      <Link to="/settings/bank-holidays/new" className="govuk-button" role="button" draggable="false">
        Add a bank holiday
      </Link>
      <Table
        caption={`Bank holidays in ${year}`}
        columns={[
          { header: "Date", rowHeader: true, cell: (d) => dayWithWeekday(d.date) },
          { header: "Name", cell: (d) => d.title },
          {
            header: "Actions",
            cell: (d) => (
              <ul className="govuk-summary-list__actions-list">
                <li className="govuk-summary-list__actions-list-item">
                  <Link className="govuk-link" to={`/settings/bank-holidays/${d.date}`}>
                    Change<span className="govuk-visually-hidden"> {dayWithWeekday(d.date)}</span>
                  </Link>
                </li>
                <li className="govuk-summary-list__actions-list-item">
                  <Link className="govuk-link" to={`/settings/bank-holidays/${d.date}/remove`}>
                    Remove<span className="govuk-visually-hidden"> {dayWithWeekday(d.date)}</span>
                  </Link>
                </li>
              </ul>
            ),
          },
        ]}
        rows={holidays}
        rowKey={(d) => d.date}
        empty={`There are no bank holidays in ${year}.`}
      />
      <PreviousNext previous={yearLink(previous)} next={yearLink(next)} />
    </>
  );
}
