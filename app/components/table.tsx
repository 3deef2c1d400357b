// The GOV.UK table: one component for every list of rows, with a caption
// (visually hidden when the page's heading already says what it is), numeric
// columns right-aligned, and a sentence instead of an empty table.
import type { ReactNode } from "react";

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** The column that names each row (a th with scope="row"). */
  rowHeader?: boolean;
  /** Extra classes for the cells, such as "app-nowrap". */
  className?: string;
};

export function Table<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
  smallText,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  /** GOV.UK's smaller text on narrow screens, for wide tables. */
  smallText?: boolean;
}) {
  if (rows.length === 0) return <p className="govuk-body">{empty}</p>;
  const classes = (base: string, column: Column<T>) =>
    [base, column.numeric ? `${base}--numeric` : null, column.className].filter(Boolean).join(" ");
  return (
    <div className="app-table-wrapper">
      <table className={`govuk-table${smallText ? " govuk-table--small-text-until-tablet" : ""}`}>
        <caption className={captionHidden ? "govuk-visually-hidden" : "govuk-table__caption govuk-table__caption--m"}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, i) => (
              <th scope="col" className={classes("govuk-table__header", column)} key={i}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={rowKey(row)}>
              {columns.map((column, i) =>
                column.rowHeader ? (
                  <th scope="row" className={classes("govuk-table__header", column)} key={i}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td className={classes("govuk-table__cell", column)} key={i}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
