// Email: every message the service has sent, is sending, gave up on or (with
// no GOV.UK Notify key) kept in the outbox, with "Try again" for failed ones.
// Business support may see it, so it shows the messages and nothing else of
// the case than its reference.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { Pagination } from "~/components/pagination";
import { StaffForm } from "~/components/staff-form";
import { Table } from "~/components/table";
import { env } from "~/config/env.server";
import type { MessageStatus } from "~/generated/prisma/enums";
import { messageStatusLabels, messageStatusTags } from "~/messages/labels";
import { deliverSoon, messagePage, resend } from "~/messages/outbox.server";
import { setFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/forms.server";
import { londonShortDate, londonTime } from "~/utils/dates";

export const handle = { permission: "outbox:read" };
export const meta: MetaFunction = () => [{ title: "Email - LADO case management" }];

const PAGE_SIZE = 25;

const filters = ["all", "queued", "sent", "failed", "outbox"] as const;
type Filter = (typeof filters)[number];

const outboxQuery = z.object({
  status: z.enum(filters).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const resendForm = z.object({ intent: z.literal("resend"), id: z.uuid() });

const statusOf = (filter: Filter) => (filter === "all" ? undefined : (filter.toUpperCase() as MessageStatus));

function queryString({ status, page }: z.infer<typeof outboxQuery>) {
  const params = new URLSearchParams();
  if (status !== "all") params.set("status", status);
  if (page > 1) params.set("page", String(page));
  return params.size ? `?${params}` : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "outbox:read");
  const query = outboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { messages, total, grouped } = await messagePage(statusOf(query.status), query.page, PAGE_SIZE);
  const counts: Record<Filter, number> = { all: 0, queued: 0, sent: 0, failed: 0, outbox: 0 };
  for (const row of grouped) {
    counts[row.status.toLowerCase() as Filter] = row._count._all;
    counts.all += row._count._all;
  }
  return {
    query,
    messages,
    total,
    counts,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    notifyConfigured: Boolean(env().NOTIFY_API_KEY),
    canReadCases: can(user.roles, "case:read"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "outbox:read");
  const back = `/outbox${queryString(outboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams)))}`;
  const parsed = resendForm.safeParse(await readForm(request));
  if (!parsed.success) return data({ error: "Choose a failed email to try again" }, { status: 400 });
  const done = await resend(request, user.id, parsed.data.id);
  if (done) void deliverSoon([parsed.data.id]);
  const message = done
    ? env().NOTIFY_API_KEY
      ? "The email will be tried again within a minute"
      : "The email was put back in the outbox"
    : "That email had not failed, so there was nothing to try again";
  return redirect(back, { headers: { "Set-Cookie": await setFlash(message) } });
}

const when = (d: Date | string) => `${londonShortDate(d)}, ${londonTime(d)}`;

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="govuk-!-display-inline govuk-!-font-weight-bold">{term}:</dt>{" "}
      <dd className="govuk-!-display-inline govuk-!-margin-0">{children}</dd>
    </div>
  );
}

const filterLabels: Record<Filter, string> = { all: "All", queued: "Queued", sent: "Sent", failed: "Failed", outbox: "Outbox" };

export default function Outbox() {
  const { query, messages, total, counts, pages, notifyConfigured, canReadCases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1 className="govuk-heading-l">Email</h1>
      {result?.error ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{result.error}</p>
            </div>
          </div>
        </div>
      ) : null}
      {notifyConfigured ? (
        <p className="govuk-body">
          Emails are sent through GOV.UK Notify. If Notify cannot be reached, an email is tried again after 1, 5 and 15 minutes, then every
          hour; after 8 attempts it is marked failed and you can try it again.
        </p>
      ) : (
        <div className="govuk-inset-text">
          Email sending is not set up (there is no GOV.UK Notify API key), so emails are not sent. They are kept here with the status
          Outbox. Send anything that matters by other means.
        </div>
      )}

      <nav aria-label="Filter by status" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list">
          {filters.map((f) => (
            <li key={f} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              {f === query.status ? (
                <strong aria-current="page">
                  {filterLabels[f]} ({counts[f]})
                </strong>
              ) : (
                <Link className="govuk-link" to={f === "all" ? "/outbox" : `/outbox?status=${f}`}>
                  {filterLabels[f]} ({counts[f]})
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <p className="govuk-body" role="status">
        {total} {total === 1 ? "email" : "emails"}
        {query.status === "all" ? "" : ` with the status ${filterLabels[query.status]}`}
      </p>

      <Table
        caption="Emails, newest first"
        captionHidden
        smallText
        columns={[
          { header: "Created", cell: (m) => when(m.createdAt), className: "app-nowrap" },
          { header: "To", cell: (m) => m.toAddress },
          {
            header: "Subject",
            cell: (m) => (
              <>
                {m.subject}
                <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Show message</span>
                  </summary>
                  <div className="govuk-details__text app-pre-wrap">{m.body}</div>
                </details>
              </>
            ),
          },
          {
            header: "Case",
            className: "app-nowrap",
            cell: (m) =>
              m.case ? (
                canReadCases ? (
                  <Link className="govuk-link" to={`/cases/${m.case.reference}`}>
                    {m.case.reference}
                  </Link>
                ) : (
                  m.case.reference
                )
              ) : null,
          },
          { header: "Status", cell: (m) => <StatusCell message={m} /> },
        ]}
        rows={messages}
        rowKey={(m) => m.id}
        empty={`No emails${query.status === "all" ? " yet" : " with this status"}.`}
      />
      <Pagination page={query.page} pages={pages} />
    </>
  );
}

function StatusCell({ message: m }: { message: ReturnType<typeof useLoaderData<typeof loader>>["messages"][number] }) {
  return (
    <>
      <strong className={`govuk-tag ${messageStatusTags[m.status]}`}>{messageStatusLabels[m.status]}</strong>
      <dl className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
        {m.sentAt ? <Detail term="Sent">{when(m.sentAt)}</Detail> : null}
        {m.status === "QUEUED" && m.nextAttemptAt ? <Detail term="Next attempt">{when(m.nextAttemptAt)}</Detail> : null}
        {m.attempts ? <Detail term="Attempts">{m.attempts}</Detail> : null}
        {m.lastError ? <Detail term="Last error">{m.lastError}</Detail> : null}
      </dl>
      {m.status === "FAILED" ? (
        <StaffForm className="govuk-!-margin-top-2">
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="id" value={m.id} />
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Try again
            <span className="govuk-visually-hidden">
              : {m.subject}, to {m.toAddress}
            </span>
          </button>
        </StaffForm>
      ) : null}
    </>
  );
}
