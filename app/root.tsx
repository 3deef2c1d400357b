import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { currentSession } from "~/auth/session.server";
import { Shell } from "~/components/layout";
import { publicEnv } from "~/config/env.server";
import { takeFlash } from "~/utils/flash.server";
import { useNonce } from "~/utils/nonce";
import stylesUrl from "~/styles/app.scss?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.env.SERVICE_NAME ?? "LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  const flash = await takeFlash(request);
  return data(
    {
      env: publicEnv(),
      user: session ? { name: session.user.name, roles: session.user.roles } : null,
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
  const { env, user, flash } = useLoaderData<typeof loader>();
  return (
    <Document>
      <Shell user={user} serviceName={env.SERVICE_NAME} councilName={env.COUNCIL_NAME} flash={flash}>
        <Outlet />
      </Shell>
    </Document>
  );
}

const errorPages: Record<number, { title: string; body: string }> = {
  403: {
    title: "You do not have access to this page",
    body: "Your role does not allow this. If you need access, ask your manager or an administrator.",
  },
  404: {
    title: "Page not found",
    body: "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.",
  },
  413: { title: "That was too much to send at once", body: "Shorten what you entered, or send fewer or smaller files, and try again." },
  500: { title: "Sorry, there is a problem with the service", body: "Try again later. What you entered may not have been saved." },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) && errorPages[error.status] ? error.status : 500;
  const page = errorPages[status]!;
  return (
    <Document title={`${page.title} - ${root?.env.SERVICE_NAME ?? "LADO case management"}`}>
      <Shell
        user={root?.user ?? null}
        serviceName={root?.env.SERVICE_NAME ?? "LADO case management"}
        councilName={root?.env.COUNCIL_NAME ?? ""}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{page.title}</h1>
            <p className="govuk-body">{page.body}</p>
            <p className="govuk-body">
              <a href="/" className="govuk-link">
                Go to the start page
              </a>
            </p>
          </div>
        </div>
      </Shell>
    </Document>
  );
}
