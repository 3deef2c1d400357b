// The public referral form: no account. Its pages share this layout and its
// error page, which never loses the referrer's saved answers.
import { isRouteErrorResponse, Link, Outlet, useRouteError } from "@remix-run/react";

export default function ReferLayout() {
  return <Outlet />;
}

/** Each page by the message of the answer thrown, or by status; every one says the answers are kept. */
const pages: Record<string, [title: string, body: string]> = {
  tampered: ["We could not accept that form", "The page may have been open for a long time, or changed. Your answers so far are saved."],
  "too-large": ["That was too much to send at once", "Shorten your answers or send fewer or smaller files. Your answers so far are saved."],
  "rate-limited": [
    "Too many referrals from your connection",
    "To protect the service, we limit how many referrals can be started and sent from one connection in an hour. Any answers you have given are saved: try again later, or phone the LADO team.",
  ],
  unavailable: [
    "Sorry, the service is unavailable",
    "Try again in a minute. Your answers so far are saved. If a child is in immediate danger, call 999.",
  ],
  404: ["Page not found", "If you typed the web address, check it is correct."],
  500: ["Sorry, there is a problem with the service", "Your answers so far are saved. Try again later, or phone the LADO team."],
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) ? (error.data as { message?: string } | undefined)?.message : undefined;
  const [title, body] = (message && pages[message]) || pages[status] || pages[500]!;
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
