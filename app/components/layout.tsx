// The page shell: skip link, header with the council's name (no crown),
// service navigation for the signed-in user's role, a "Demo" banner on a
// demonstration (DEMO=true), footer.
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "~/generated/prisma/enums";
import { homeFor } from "~/auth/home";
import { can, type Permission } from "~/auth/permissions";
import { usePublicEnv } from "~/utils/public-env";
import { NotificationBanner } from "./notification-banner";
import { CsrfField } from "./staff-form";

type ShellUser = { name: string; roles: Role[] } | null;

const navigation: { to: string; label: string; permission: Permission }[] = [
  { to: "/my-work", label: "My work", permission: "my-work:read" },
  { to: "/team", label: "Team", permission: "team:read" },
  { to: "/triage", label: "Triage", permission: "triage:read" },
  { to: "/cases", label: "Cases", permission: "case:read" },
  { to: "/advice", label: "Advice", permission: "advice-tracker:read" },
  { to: "/contacts/new", label: "Log a contact", permission: "contact:log" },
  { to: "/outbox", label: "Email", permission: "outbox:read" },
  { to: "/records", label: "Records", permission: "records:transfer" },
  { to: "/audit-trail", label: "Audit trail", permission: "audit-trail:read" },
  { to: "/audits", label: "Audits", permission: "audits:assigned" },
  { to: "/users", label: "Users", permission: "users:manage" },
  { to: "/settings/bank-holidays", label: "Bank holidays", permission: "settings:manage" },
  { to: "/settings/rules", label: "Service rules", permission: "settings:manage" },
];

export function Shell({ user, flash, children }: { user: ShellUser; flash?: string | null; children: ReactNode }) {
  const { pathname } = useLocation();
  const { SERVICE_NAME: serviceName, COUNCIL_NAME: councilName, DEMO: demo } = usePublicEnv();
  const links = user ? navigation.filter((item) => can(user.roles, item.permission)) : [];
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="app-header__council">
              {councilName}
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to={user ? homeFor(user.roles).path : "/"} className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            </span>
            {user ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {links.map((item) => {
                    const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
                    return (
                      <li
                        key={item.to}
                        className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <Link to={item.to} className="govuk-service-navigation__link" aria-current={active ? "page" : undefined}>
                          {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        {demo ? (
          <div className="govuk-phase-banner">
            <p className="govuk-phase-banner__content">
              <strong className="govuk-tag govuk-phase-banner__content__tag">Demo</strong>
              <span className="govuk-phase-banner__text">This is a demonstration with made-up data, not a live service.</span>
            </p>
          </div>
        ) : null}
        {user ? (
          <div className="app-signed-in govuk-body-s">
            <span>
              Signed in as <strong>{user.name}</strong>
            </span>
            <form method="post" action="/sign-out">
              <CsrfField />
              <button type="submit" className="app-link-button">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
        <main className="govuk-main-wrapper" id="main-content" role="main">
          {flash ? <NotificationBanner success heading={flash} /> : null}
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                {councilName}: {serviceName}. Case information is confidential and every view is recorded.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
