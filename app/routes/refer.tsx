// The public referral form: no account. Its pages share this layout and its
// error page, which never loses the referrer's saved answers.
import { isRouteErrorResponse, Link, Outlet, useRouteError } from "@remix-run/react";

export default function ReferLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) ? (error.data as { message?: string } | undefined)?.message : undefined;
  const [title, body] =
    message === "tampered"
      ? ["We could not accept that form", "The page may have been open for a long time, or changed. Your answers so far are saved."]
      : message === "too-large"
        ? ["That was too much to send at once", "Shorten your answers or send fewer or smaller files. Your answers so far are saved."]
        : message === "rate-limited"
          ? [
              "Too many referrals from your connection",
              "To protect the service, we limit how many referrals can be sent in an hour. Your answers are saved: try again later, or phone the LADO team.",
            ]
          : status === 404
            ? ["Page not found", "If you typed the web address, check it is correct."]
            : ["Sorry, there is a problem with the service", "Your answers so far are saved. Try again later, or phone the LADO team."];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{body}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/refer/check">
            Go back to your referral
          </Link>
        </p>
      </div>
    </div>
  );
}
