import { Link } from "@remix-run/react";
import { londonDateTime } from "~/utils/dates";

type Row = {
  id: string;
  at: string | Date;
  label: string;
  user: { name: string } | null;
  case: { reference: string } | null;
  requestId: string;
};

/** Audit events, newest first. */
export function AuditTable({ events, show }: { events: Row[]; show: "user" | "case" }) {
  if (events.length === 0) return <p className="govuk-body">Nothing recorded yet.</p>;
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              {show === "user" ? "Who" : "Case"}
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Request
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell">{londonDateTime(e.at)}</td>
              <td className="govuk-table__cell">
                {show === "user" ? (
                  (e.user?.name ?? "Public (no account)")
                ) : e.case ? (
                  <Link className="govuk-link" to={`/cases/${e.case.reference}`}>
                    {e.case.reference}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="govuk-table__cell">{e.label}</td>
              <td className="govuk-table__cell govuk-body-s">{e.requestId.slice(0, 8)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
