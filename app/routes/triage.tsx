// The triage queue (LADO, manager): new contacts oldest first, with the time
// left to the initial consideration target and the overdue ones marked.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { sectorLabels, sourceLabels } from "~/cases/labels";
import { COUNTDOWN_MINUTES } from "~/triage/initial-consideration";
import { triageQueue } from "~/triage/queue.server";
import { londonDate, londonShortDate, londonTime } from "~/utils/dates";

export const handle = { permission: "triage:read" };
export const meta: MetaFunction = () => [{ title: "Triage - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "triage:read");
  return triageQueue();
}

const contacts = (n: number) => `${n} ${n === 1 ? "contact" : "contacts"}`;

export default function Triage() {
  const queue = useLoaderData<typeof loader>();
  const { total, overdue, next, workingDays } = queue;
  const target = `${workingDays} working ${workingDays === 1 ? "day" : "days"}`;
  return (
    <>
      <h1 className="govuk-heading-l">Triage</h1>
      {total === 0 ? (
        <p className="govuk-body">No contacts are waiting for initial consideration.</p>
      ) : (
        <>
          <p className="govuk-body-l">
            {contacts(total)} waiting; <span className={overdue ? "app-overdue" : undefined}>{overdue} overdue</span>
          </p>
          <p className="govuk-body">
            {next ? (
              <>
                The next is due {next.dueBy} ({next.reference}).{" "}
              </>
            ) : null}
            Initial consideration is due within {target} of receipt. Times left are as at {londonTime(queue.now)} on {londonDate(queue.now)}
            .
          </p>
          {total > queue.contacts.length ? (
            <div className="govuk-inset-text">
              Showing the oldest {queue.contacts.length} of {total}.
            </div>
          ) : null}
          <div className="app-table-wrapper">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Contacts waiting for initial consideration, oldest first
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Reference
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Time left
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Received
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Organisation
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Person
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {queue.contacts.map((c) => (
                  <tr className="govuk-table__row" key={c.reference}>
                    <th scope="row" className="govuk-table__header app-nowrap">
                      <Link className="govuk-link" to={`/cases/${c.reference}`}>
                        {c.reference}
                      </Link>
                    </th>
                    <td className="govuk-table__cell">
                      {c.overdue ? (
                        <>
                          <strong className="govuk-tag govuk-tag--red">Overdue</strong>{" "}
                          <span className="app-overdue">by {c.overdueBy}</span>
                          <div className="govuk-hint govuk-!-margin-0">Was due {c.dueBy}</div>
                        </>
                      ) : c.minutesLeft < COUNTDOWN_MINUTES ? (
                        <>
                          <strong>{c.timeLeft}</strong>
                          <div className="govuk-hint govuk-!-margin-0">Due {c.dueBy}</div>
                        </>
                      ) : (
                        c.timeLeft
                      )}
                    </td>
                    <td className="govuk-table__cell app-nowrap">
                      <time dateTime={new Date(c.receivedAt).toISOString()}>
                        {londonShortDate(c.receivedAt)}
                        <br />
                        {londonTime(c.receivedAt)}
                      </time>
                      <div className="govuk-hint govuk-!-margin-0">{sourceLabels[c.source]}</div>
                    </td>
                    <td className="govuk-table__cell">
                      {c.organisation ?? "Not given"}
                      {c.sector ? <div className="govuk-hint govuk-!-margin-0">{sectorLabels[c.sector]}</div> : null}
                    </td>
                    <td className="govuk-table__cell">
                      {c.person}
                      {c.jobTitle ? <div className="govuk-hint govuk-!-margin-0">{c.jobTitle}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
