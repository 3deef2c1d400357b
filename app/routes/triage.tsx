// The triage queue (LADO, manager): new contacts, those with a child in
// immediate danger first, then oldest first, with the time left to the
// initial consideration target and the overdue ones marked; it can show only
// the flagged ones. Each shows the LADO who has it: a LADO can take one
// nobody has, a manager allocates (cases.$reference_.allocate).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { sectionPath } from "~/cases/sections";
import { StaffForm } from "~/components/staff-form";
import { sourceLabels } from "~/contacts/labels";
import { sectorLabels } from "~/people/labels";
import { harmCategoryLabels } from "~/triage/labels";
import { Table } from "~/components/table";
import { COUNTDOWN_MINUTES } from "~/triage/initial-consideration";
import { triageQuery, triageQueue } from "~/triage/queue.server";
import { londonDate, londonShortDate, londonTime } from "~/utils/dates";

export const handle = { permission: "triage:read" };
export const meta: MetaFunction = () => [{ title: "Triage - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "triage:read");
  const { show } = triageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const queue = await triageQueue(new Date(), { flaggedOnly: show === "flagged" });
  return { ...queue, may: { take: user.roles.includes("LADO"), allocate: can(user.roles, "case:allocate") } };
}

const contacts = (n: number) => `${n} ${n === 1 ? "contact" : "contacts"}`;

export default function Triage() {
  const queue = useLoaderData<typeof loader>();
  const { total, overdue, next, workingDays, flagged, flaggedOnly } = queue;
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
          {flagged ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {contacts(flagged)} with a child in immediate danger when referred, listed first.
              </strong>
            </div>
          ) : null}
          <p className="govuk-body">
            {flaggedOnly ? (
              <>
                Showing only contacts with a child in immediate danger.{" "}
                <Link className="govuk-link" to="/triage">
                  Show all waiting contacts
                </Link>
              </>
            ) : flagged ? (
              <Link className="govuk-link" to="/triage?show=flagged">
                Show only contacts with a child in immediate danger
              </Link>
            ) : null}
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
          <Table
            caption={
              flaggedOnly
                ? "Contacts with a child in immediate danger, oldest first"
                : "Contacts waiting for initial consideration, those with a child in immediate danger first, then oldest first"
            }
            columns={[
              {
                header: "Reference",
                rowHeader: true,
                className: "app-nowrap",
                cell: (c) => (
                  <Link className="govuk-link" to={`/cases/${c.reference}`}>
                    {c.reference}
                  </Link>
                ),
              },
              { header: "Time left", cell: (c) => <TimeLeft contact={c} /> },
              { header: "LADO", cell: (c) => <Allocation contact={c} may={queue.may} /> },
              {
                header: "Flags",
                cell: (c) => (
                  <ul className="govuk-list app-flag-list">
                    {c.childInImmediateDanger ? (
                      <li>
                        <strong className="govuk-tag govuk-tag--red">Child in danger</strong>
                      </li>
                    ) : null}
                    {c.policeInformed ? (
                      <li>
                        <strong className="govuk-tag govuk-tag--blue">Police told</strong>
                      </li>
                    ) : null}
                  </ul>
                ),
              },
              {
                header: "Received",
                className: "app-nowrap",
                cell: (c) => (
                  <>
                    <time dateTime={new Date(c.receivedAt).toISOString()}>
                      {londonShortDate(c.receivedAt)}
                      <br />
                      {londonTime(c.receivedAt)}
                    </time>
                    <div className="govuk-hint govuk-!-margin-0">{sourceLabels[c.source]}</div>
                  </>
                ),
              },
              {
                header: "Works at",
                cell: (c) => (
                  <>
                    {c.employer ?? "Not given"}
                    {c.sector ? <div className="govuk-hint govuk-!-margin-0">{sectorLabels[c.sector]}</div> : null}
                  </>
                ),
              },
              {
                header: "Person",
                cell: (c) => (
                  <>
                    {c.person}
                    {c.jobTitle ? <div className="govuk-hint govuk-!-margin-0">{c.jobTitle}</div> : null}
                  </>
                ),
              },
              {
                header: "Concern",
                cell: (c) =>
                  [...c.harmCategories.map((h) => harmCategoryLabels[h]), c.happenedOnline ? "Online" : null].filter(Boolean).join(", ") ||
                  "Not given",
              },
            ]}
            rows={queue.contacts}
            rowKey={(c) => c.reference}
            empty="No contacts are waiting for initial consideration."
          />
        </>
      )}
    </>
  );
}

type Waiting = ReturnType<typeof useLoaderData<typeof loader>>["contacts"][number];

/** Who has the contact, with Take (a LADO, when nobody has it) or Allocate / Change (a manager). */
function Allocation({ contact: c, may }: { contact: Waiting; may: { take: boolean; allocate: boolean } }) {
  const allocatePath = `${sectionPath(c.reference, "allocate")}?from=triage`;
  return (
    <>
      {c.allocatedTo ? c.allocatedTo.name : <span className="govuk-hint govuk-!-margin-0">Unallocated</span>}
      {may.take && !c.allocatedTo ? (
        <StaffForm action={allocatePath} className="govuk-!-margin-top-1">
          <input type="hidden" name="intent" value="take" />
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Take<span className="govuk-visually-hidden"> {c.reference}</span>
          </button>
        </StaffForm>
      ) : null}
      {may.allocate ? (
        <div>
          <Link className="govuk-link" to={allocatePath}>
            {c.allocatedTo ? "Change" : "Allocate"}
            <span className="govuk-visually-hidden"> {c.reference}</span>
          </Link>
        </div>
      ) : null}
    </>
  );
}

/** How long is left, or by how much it is overdue, with the due time when it is near. */
function TimeLeft({ contact: c }: { contact: Waiting }) {
  if (c.overdue) {
    return (
      <>
        <strong className="govuk-tag govuk-tag--red">Overdue</strong> <span className="app-overdue">by {c.overdueBy}</span>
        <div className="govuk-hint govuk-!-margin-0">Was due {c.dueBy}</div>
      </>
    );
  }
  if (c.minutesLeft < COUNTDOWN_MINUTES) {
    return (
      <>
        <strong>{c.timeLeft}</strong>
        <div className="govuk-hint govuk-!-margin-0">Due {c.dueBy}</div>
      </>
    );
  }
  return <>{c.timeLeft}</>;
}
