import type { ReactNode } from "react";

/** GOV.UK summary list. Rows with no value show "Not recorded". */
export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value app-pre-wrap">
            {value === null || value === undefined || value === "" ? <span className="govuk-hint">Not recorded</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
