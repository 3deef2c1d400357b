// The public referral form: no account. Its pages share this layout and its
// error page, which never loses the referrer's saved answers.
import { Outlet, useRouteError } from "@remix-run/react";
import { ErrorPage, errorText, type ErrorText } from "~/components/error-page";

export default function ReferLayout() {
  return <Outlet />;
}

/** Each page by the message of the answer thrown, or by status; every one says the answers are kept. */
const pages: Record<string, ErrorText> = {
  tampered: {
    title: "We could not accept that form",
    body: "The page may have been open for a long time, or changed. Your answers so far are saved.",
  },
  "too-large": {
    title: "That was too much to send at once",
    body: "Shorten your answers or send fewer or smaller files. Your answers so far are saved.",
  },
  "rate-limited": {
    title: "Too many referrals from your connection",
    body: "To protect the service, we limit how many referrals can be started and sent from one connection in an hour. Any answers you have given are saved: try again later, or phone the LADO team.",
  },
  unavailable: {
    title: "Sorry, the service is unavailable",
    body: "Try again in a minute. Your answers so far are saved. If a child is in immediate danger, call 999.",
  },
  404: { title: "Page not found", body: "If you typed the web address, check it is correct." },
  500: {
    title: "Sorry, there is a problem with the service",
    body: "Your answers so far are saved. Try again later, or phone the LADO team.",
  },
};

export function ErrorBoundary() {
  return <ErrorPage text={errorText(useRouteError(), pages)} back={{ to: "/refer/check", label: "Go back to your referral" }} />;
}
