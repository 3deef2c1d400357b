// Pieces shared by the case file sections that hold several forms: each form
// says which it is with `intent`, the page shows the answer of a refused form
// on that form only, and a form that changes what is recorded sits in a
// details element, open when it has errors.
import type { ReactNode } from "react";
import type { FieldState } from "./form-fields";

type FormValues = Record<string, string | string[]>;

/** What the action answered, for the form that sent it only (another form keeps its own defaults). */
export function stateFor<I extends string>(result: FieldState | undefined, ...intents: I[]): FieldState | undefined {
  const sent = result?.values?.intent;
  return typeof sent === "string" && (intents as string[]).includes(sent) ? result : undefined;
}

/** A yyyy-mm-dd (or a date's ISO string) as a GOV.UK date input's three boxes. */
export function dateParts(name: string, day: string | null | undefined): FormValues {
  if (!day) return {};
  const [year = "", month = "", date = ""] = day.slice(0, 10).split("-");
  return { [`${name}-day`]: String(Number(date)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

/** The submit button that names its form's intent. */
export function SubmitButton({ intent, secondary, children }: { intent: string; secondary?: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

/**
 * The version a form was made from, hidden: the one a refused save came back
 * with, else the record's (0: none yet). Above the fields, the refusal of a
 * save made from an older version, where the error summary's link lands.
 */
export function VersionField({ state, recorded }: { state?: FieldState; recorded?: number }) {
  const sent = state?.values?.version;
  return (
    <>
      {state?.errors?.version ? (
        <div className="govuk-inset-text" id="version" tabIndex={-1}>
          {state.errors.version}
        </div>
      ) : null}
      <input type="hidden" name="version" value={typeof sent === "string" ? sent : String(recorded ?? 0)} />
    </>
  );
}

/** A GOV.UK details element around a form for changing what is recorded; open when that form has errors. */
export function ChangeDetails({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
