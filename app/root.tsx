import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { staffFormToken } from "~/auth/guard.server";
import { homeFor } from "~/auth/home";
import { currentSession } from "~/auth/session.server";
import { ErrorPage, errorText, type ErrorText } from "~/components/error-page";
import { Shell } from "~/components/layout";
import { takeFlash } from "~/utils/flash.server";
import { useNonce } from "~/utils/nonce";
import { PublicEnvScript, usePublicEnv } from "~/utils/public-env";
import stylesUrl from "~/styles/app.scss?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The start page's title; every other page names itself.
export const meta: MetaFunction = () => [{ title: "Allegations against people who work with children - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  const flash = await takeFlash(request);
  return data(
    {
      user: session ? { name: session.user.name, roles: session.user.roles } : null,
      csrf: session ? staffFormToken(session.id) : null,
      flash: flash.message,
    },
    { headers: flash.headers },
  );
}

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
        <PublicEnvScript nonce={nonce} />
      </head>
      <body className="govuk-template__body">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, flash } = useLoaderData<typeof loader>();
  return (
    <Document>
      <Shell user={user} flash={flash}>
        <Outlet />
      </Shell>
    </Document>
  );
}

/** Pages by status, and by the message of a thrown answer where one status has several causes. */
const errorPages: Record<string, ErrorText> = {
  400: {
    title: "Sorry, what was sent could not be read",
    body: "Go back, reload the page and try again.",
  },
  tampered: {
    title: "This form has expired",
    body: "The form was out of date, or did not come from this service. Go back, reload the page and try again. If you have been signed out, sign in first.",
  },
  403: {
    title: "You do not have access to this page",
    body: "Your role does not allow this. If you need access, ask your manager or an administrator.",
  },
  404: {
    title: "Page not found",
    body: "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.",
  },
  413: { title: "That was too much to send at once", body: "Shorten what you entered, or send fewer or smaller files, and try again." },
  429: {
    title: "There have been too many attempts from your connection",
    body: "Wait an hour and try again. If a child is in immediate danger, call 999.",
  },
  500: { title: "Sorry, there is a problem with the service", body: "Try again later. What you entered may not have been saved." },
  // The database is unreachable (app/db.server.ts): nothing was written, and the server is coming back.
  503: {
    title: "Sorry, the service is unavailable",
    body: "Try again in a minute. If you were sending something, nothing you sent was saved: send it again then.",
  },
};

export function ErrorBoundary() {
  // Missing when the error came from an action or the root loader: the page then shows no one signed in.
  const root = useRouteLoaderData<typeof loader>("root");
  const text = errorText(useRouteError(), errorPages);
  const { SERVICE_NAME } = usePublicEnv();
  // The member of staff's own work, which they can always open (a 403 must not link back to where it came from).
  const home = homeFor(root?.user?.roles ?? []);
  return (
    <Document title={`${text.title} - ${SERVICE_NAME}`}>
      <Shell user={root?.user ?? null}>
        <ErrorPage text={text} back={{ to: home.path, label: `Go to ${home.label}` }} />
      </Shell>
    </Document>
  );
}
