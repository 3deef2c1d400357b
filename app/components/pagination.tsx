import { Link, useLocation } from "@remix-run/react";

/** GOV.UK pagination: previous and next, keeping the rest of the query. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { pathname, search } = useLocation();
  if (pages <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(n));
    return `${pathname}?${params}`;
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page - 1} of {pages}
            </span>
          </Link>
        </div>
      ) : null}
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page + 1} of {pages}
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
