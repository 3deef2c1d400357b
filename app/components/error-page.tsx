// The one error page: the root's (inside the page shell) and the public
// form's (which adds that the referrer's answers are kept) differ only in
// their wording and where they send the reader.
import { isRouteErrorResponse, Link } from "@remix-run/react";

export type ErrorText = { title: string; body: string };

/**
 * The text for a thrown answer: by its message where one status has several
 * causes ("tampered", "too-large"...), otherwise by its status, otherwise 500.
 */
export function errorText(error: unknown, pages: Record<string, ErrorText>): ErrorText {
  if (!isRouteErrorResponse(error)) return pages[500]!;
  const message: unknown = (error.data as { message?: unknown } | null)?.message;
  return (typeof message === "string" && pages[message]) || pages[error.status] || pages[500]!;
}

export function ErrorPage({ text, back }: { text: ErrorText; back: { to: string; label: string } }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{text.title}</h1>
        <p className="govuk-body">{text.body}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={back.to} reloadDocument>
            {back.label}
          </Link>
        </p>
      </div>
    </div>
  );
}
