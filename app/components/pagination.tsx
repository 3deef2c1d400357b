import { Link, useLocation } from "@remix-run/react";

/** Where a page link goes: query parameters to set (null removes one), keeping the rest of the query. */
export type PageLink = { query: Record<string, string | null>; label: string };

/** GOV.UK pagination, block style: "Previous" and "Next" with a label each. */
export function PreviousNext({ previous, next }: { previous: PageLink | null; next: PageLink | null }) {
  const { pathname, search } = useLocation();
  if (!previous && !next) return null;
  const href = ({ query }: PageLink) => {
    const params = new URLSearchParams(search);
    for (const [name, value] of Object.entries(query)) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    return `${pathname}?${params}`;
  };
  const item = (link: PageLink, rel: "prev" | "next") => (
    <div className={`govuk-pagination__${rel}`}>
      <Link className="govuk-link govuk-pagination__link" to={href(link)} rel={rel}>
        <span className="govuk-pagination__link-title">
          {rel === "prev" ? "Previous" : "Next"}
          <span className="govuk-visually-hidden"> page</span>
        </span>
        <span className="govuk-visually-hidden">:</span>
        <span className="govuk-pagination__link-label">{link.label}</span>
      </Link>
    </div>
  );
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      {previous ? item(previous, "prev") : null}
      {next ? item(next, "next") : null}
    </nav>
  );
}

/** Numbered pages: "Previous" and "Next" labelled "2 of 7". */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  return (
    <PreviousNext
      previous={page > 1 ? { query: { page: String(page - 1) }, label: `${page - 1} of ${pages}` } : null}
      next={page < pages ? { query: { page: String(page + 1) }, label: `${page + 1} of ${pages}` } : null}
    />
  );
}
