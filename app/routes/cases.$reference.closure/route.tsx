// The case file's closure section: where closure stands and the forms for
// the next step (the LADO proposes with a reason; a manager other than the
// proposer signs off or returns it with a comment; a closed case is reopened
// with a reason), the retention review date and its basis once closed, the
// reasons for delay once an allegation is open past the configured months,
// and legal holds, which a manager places and lifts. Every proposal is kept,
// newest first.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { closureMessages } from "~/allegations/closure.server";
import { monthOf } from "~/allegations/delay-reasons";
import { outcomeLabels } from "~/allegations/labels";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { Button, ErrorSummary, Radios, Textarea, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { calendarDate, calendarMonth, londonDate, londonDay } from "~/utils/dates";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { forbidden } from "~/utils/responses.server";
import { handleForm } from "./actions.server";
import { readClosure } from "./closure.server";
import { formIntent, managerIntents, type Intent } from "./schema.server";

// Reading needs case:read; the forms need case:write, and a manager's (sign-off, return, legal holds) case:sign-off.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Closure", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "closure", readClosure);
  const latest = data.closures[0];
  const state: "open" | "proposed" | "closed" =
    !latest || latest.reopenedAt || latest.returnedReason ? "open" : latest.signedOffAt ? "closed" : "proposed";
  return {
    reference,
    file: data,
    state,
    userId: user.id,
    canWrite: can(user.roles, "case:write"),
    canSignOff: can(user.roles, "case:sign-off"),
    isAllegation: data.decisions[0]?.category === "ALLEGATION",
    noOutcomeMessage: closureMessages.noOutcome,
    ownProposalMessage: closureMessages.ownProposal,
    thisMonth: monthOf(londonDay(new Date())),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const chosen = parseValues(formIntent, values);
  if (!chosen.ok) return invalid(chosen.failure);
  const { intent } = chosen.data;
  if (managerIntents.includes(intent) && !can(user.roles, "case:sign-off")) throw forbidden();
  return handleForm[intent]({ request, userId: user.id, caseId: found.id, reference: found.reference, values });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Closure = Page["file"]["closures"][number];

/** What the action answered, for the form that sent it only. */
function stateFor(result: FieldState | undefined, intent: Intent): FieldState | undefined {
  return result?.values?.intent === intent ? result : undefined;
}

const by = (when: string | Date, who: { name: string } | null) => `${londonDate(when)}${who ? ` by ${who.name}` : ""}`;

export default function ClosureSection() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  const [latest, ...earlier] = page.file.closures;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Closure</SectionHeading>
      <Status page={page} result={result} />
      {page.state === "proposed" && page.canSignOff && latest ? <SignOff page={page} proposal={latest} result={result} /> : null}
      {page.state === "open" && page.canWrite ? <Propose page={page} result={result} /> : null}
      {page.state === "closed" && page.canWrite ? <Reopen result={result} /> : null}
      <DelayReasons page={page} result={result} />
      <LegalHolds page={page} result={result} />
      {earlier.length ? (
        <Part title="Earlier proposals">
          {earlier.map((c) => (
            <ProposalRows key={c.id} closure={c} />
          ))}
        </Part>
      ) : null}
    </>
  );
}

/** Where closure stands: not proposed, waiting, returned with the manager's comment, or closed with its retention. */
function Status({ page, result }: { page: Page; result?: FieldState }) {
  const latest = page.file.closures[0];
  const error = result?.errors?.closure;
  return (
    <div id="closure" tabIndex={-1}>
      {error ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {!latest ? <p className="govuk-body">The case has not been proposed for closure.</p> : null}
      {latest && page.state === "open" && latest.returnedReason && !latest.reopenedAt ? (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">Closure returned{latest.returnedBy ? ` by ${latest.returnedBy.name}` : ""}</h3>
          <p className="govuk-body app-pre-wrap">{latest.returnedReason}</p>
          <p className="govuk-body">Deal with the comment, then propose closure again.</p>
        </div>
      ) : null}
      {latest ? (
        <Part title={page.state === "closed" ? "Closed" : page.state === "proposed" ? "Closure proposed" : "Latest proposal"}>
          <ProposalRows closure={latest} />
          {page.state === "closed" ? (
            <SummaryList
              rows={[
                ["Retention review date", page.file.retentionReviewDate ? calendarDate(page.file.retentionReviewDate) : null],
                ["Basis", page.file.retentionBasis],
              ]}
            />
          ) : null}
        </Part>
      ) : null}
    </div>
  );
}

function managerText(c: Closure) {
  if (c.signedOffAt) return `Signed off ${by(c.signedOffAt, c.signedOffBy)}`;
  if (c.returnedReason) return `Returned${c.returnedAt ? ` ${by(c.returnedAt, c.returnedBy)}` : ""}: ${c.returnedReason}`;
  return "Waiting for a manager's sign-off";
}

function ProposalRows({ closure: c }: { closure: Closure }) {
  return (
    <SummaryList
      rows={[
        ["Proposed", by(c.proposedAt, c.proposedBy)],
        ["Reason for closing", c.note],
        ...(c.openActionsReason ? ([["Why it may close with actions open", c.openActionsReason]] as [string, string][]) : []),
        ["Manager", managerText(c)],
        ...(c.reopenedAt ? ([["Reopened", `${by(c.reopenedAt, c.reopenedBy)}: ${c.reopenReason ?? ""}`]] as [string, string][]) : []),
      ]}
    />
  );
}

/** The open actions, listed where closure with them open needs a reason. */
function OpenActions({ actions }: { actions: Page["file"]["openActions"] }) {
  return (
    <Table
      caption="Open actions"
      columns={[
        { header: "Action", cell: (a) => a.description, rowHeader: true },
        { header: "Owner", cell: (a) => `${a.ownerName}, ${a.ownerAgency}` },
        { header: "Due", cell: (a) => calendarDate(a.dueDate), className: "app-nowrap" },
      ]}
      rows={actions}
      rowKey={(a) => a.id}
      empty="No open actions."
    />
  );
}

function Propose({ page, result }: { page: Page; result?: FieldState }) {
  const state = stateFor(result, "propose");
  const needsOutcome = page.isAllegation && !page.file.outcome;
  const outcomeError = state?.errors?.outcome;
  const actions = page.file.openActions;
  return (
    <Part title="Propose closure">
      {needsOutcome ? (
        <div className={`govuk-inset-text${outcomeError ? " govuk-form-group--error" : ""}`} id="outcome" tabIndex={-1}>
          {outcomeError ? (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {outcomeError}
            </p>
          ) : (
            <p className="govuk-body">{page.noOutcomeMessage}.</p>
          )}
          <Link className="govuk-link" to={sectionPath(page.reference, "outcome")}>
            Go to the outcome
          </Link>
        </div>
      ) : page.file.outcome ? (
        <p className="govuk-body">Outcome: {outcomeLabels[page.file.outcome.outcome]}.</p>
      ) : null}
      {actions.length ? <OpenActions actions={actions} /> : null}
      <StaffForm>
        <input type="hidden" name="intent" value="propose" />
        <Textarea name="closureReason" label="Reason for closing" hint="What has been done and why nothing more is needed" state={state} />
        {actions.length ? (
          <Textarea
            name="openActionsReason"
            label="Why the case may close with actions still open"
            hint={`${actions.length === 1 ? "1 action is" : `${actions.length} actions are`} still open: complete or cancel them, or say why closure should not wait`}
            state={state}
          />
        ) : null}
        <Button>Propose closure</Button>
      </StaffForm>
    </Part>
  );
}

function SignOff({ page, proposal, result }: { page: Page; proposal: Closure; result?: FieldState }) {
  if (proposal.proposedById === page.userId) {
    return (
      <Part title="Manager's sign-off">
        <p className="govuk-inset-text">{page.ownProposalMessage}.</p>
      </Part>
    );
  }
  return (
    <Part title="Manager's sign-off">
      {page.file.openActions.length ? <OpenActions actions={page.file.openActions} /> : null}
      <p className="govuk-body">Signing off closes the case and sets its retention review date from the configured rule.</p>
      <StaffForm>
        <input type="hidden" name="intent" value="sign-off" />
        <Button>Sign off closure</Button>
      </StaffForm>
      <h4 className="govuk-heading-s">Or return it to the LADO</h4>
      <StaffForm>
        <input type="hidden" name="intent" value="return" />
        <Textarea
          name="returnComment"
          label="Comment for the LADO"
          hint="What needs doing before the case can close"
          state={stateFor(result, "return")}
        />
        <Button secondary>Return closure</Button>
      </StaffForm>
    </Part>
  );
}

function Reopen({ result }: { result?: FieldState }) {
  const state = stateFor(result, "reopen");
  return (
    <details className="govuk-details" open={state !== undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Reopen the case</span>
      </summary>
      <div className="govuk-details__text">
        <StaffForm>
          <input type="hidden" name="intent" value="reopen" />
          <Textarea name="reopenReason" label="Reason for reopening" hint="For example, new information received" state={state} />
          <Button secondary>Reopen the case</Button>
        </StaffForm>
      </div>
    </details>
  );
}

/** Past the configured months, a reason for delay each month: those recorded, and a form for a month still missing one. */
function DelayReasons({ page, result }: { page: Page; result?: FieldState }) {
  const { delay } = page.file;
  if (!page.isAllegation || (delay.due.length === 0 && delay.recorded.length === 0)) return null;
  const state = stateFor(result, "delay-reason");
  const missing = [...delay.missing].reverse(); // this month first
  return (
    <Part title="Reasons for delay">
      <p className="govuk-body">
        An allegation open more than {delay.afterMonths} months from the contact needs a reason for delay recorded each month.
      </p>
      {delay.missing.length ? (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--red">Reason for delay needed</strong>{" "}
          {delay.missing.map((m) => calendarMonth(m)).join(", ")}
        </p>
      ) : null}
      <Table
        caption="Reasons recorded"
        columns={[
          { header: "Month", cell: (r) => calendarMonth(r.month), rowHeader: true, className: "app-nowrap" },
          { header: "Reason", cell: (r) => <span className="app-pre-wrap">{r.reason}</span> },
          { header: "Recorded by", cell: (r) => r.recordedBy },
        ]}
        rows={delay.recorded}
        rowKey={(r) => r.month}
        empty="No reasons for delay recorded yet."
      />
      {page.canWrite && missing.length ? (
        <StaffForm>
          <input type="hidden" name="intent" value="delay-reason" />
          <Radios
            name="month"
            legend="Month"
            options={missing.map((m) => ({ value: m, label: calendarMonth(m) }))}
            defaultValue={missing.includes(page.thisMonth) ? page.thisMonth : missing[0]}
            state={state}
          />
          <Textarea name="delayReason" label="Reason for delay" hint="What the allegation is waiting for" state={state} />
          <Button>Save reason for delay</Button>
        </StaffForm>
      ) : null}
    </Part>
  );
}

function LegalHolds({ page, result }: { page: Page; result?: FieldState }) {
  const holds = page.file.legalHolds;
  const service = page.file.serviceHolds;
  const liftError = result?.errors?.holds;
  return (
    <Part title="Legal holds">
      <p className="govuk-body">A legal hold stops any of the case&apos;s records being deleted, whatever its retention review date.</p>
      <div id="holds" tabIndex={-1}>
        {liftError ? (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {liftError}
          </p>
        ) : null}
        <Table
          caption="Legal holds on this case"
          captionHidden
          columns={[
            { header: "Reason", cell: (h) => <span className="app-pre-wrap">{h.reason}</span>, rowHeader: true },
            { header: "Placed", cell: (h) => by(h.placedAt, h.placedBy) },
            {
              header: "Status",
              cell: (h) =>
                h.liftedAt ? (
                  `Lifted ${londonDate(h.liftedAt)}`
                ) : page.canSignOff ? (
                  <StaffForm>
                    <input type="hidden" name="intent" value="lift-hold" />
                    <input type="hidden" name="holdId" value={h.id} />
                    <strong className="govuk-tag govuk-tag--red">In place</strong>{" "}
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-0" data-module="govuk-button">
                      Lift<span className="govuk-visually-hidden"> the legal hold placed {londonDate(h.placedAt)}</span>
                    </button>
                  </StaffForm>
                ) : (
                  <strong className="govuk-tag govuk-tag--red">In place</strong>
                ),
            },
          ]}
          rows={holds}
          rowKey={(h) => h.id}
          empty="No legal hold has been placed on this case."
        />
      </div>
      {service.length ? (
        <p className="govuk-body">
          Also under {service.length === 1 ? "a legal hold" : `${service.length} legal holds`} on every record:{" "}
          {service.map((h) => h.reason).join("; ")}
        </p>
      ) : null}
      {page.canSignOff ? (
        <StaffForm>
          <input type="hidden" name="intent" value="place-hold" />
          <Textarea
            name="holdReason"
            label="Reason for a legal hold"
            hint="For example, a public inquiry's retention direction, or litigation"
            rows={3}
            state={stateFor(result, "place-hold")}
          />
          <Button secondary>Place legal hold</Button>
        </StaffForm>
      ) : null}
    </Part>
  );
}
