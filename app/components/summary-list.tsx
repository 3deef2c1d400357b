import type { ReactNode } from "react";

/** GOV.UK summary list. Rows with no value say so ("Not recorded", unless `empty` says otherwise). */
export function SummaryList({ rows, empty = "Not recorded" }: { rows: [string, ReactNode][]; empty?: string }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value app-pre-wrap">
            {value === null || value === undefined || value === "" ? <span className="govuk-hint">{empty}</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
