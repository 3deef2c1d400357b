// The GOV.UK notification banner: "Success" after something was done (an
// alert, so it is announced), or "Important" for something the user must know.
import type { ReactNode } from "react";

export function NotificationBanner({ success, heading, children }: { success?: boolean; heading: string; children?: ReactNode }) {
  const id = success ? "success-banner-title" : "important-banner-title";
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          {success ? "Success" : "Important"}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}

/** On a public form page when the database cannot be reached: what was typed is on the page, to send again. */
export function UnavailableNotice() {
  return (
    <NotificationBanner heading="We cannot save your answers at the moment">
      <p className="govuk-body">
        What you typed is still on this page. Wait a minute, then send the page again. If a child is in immediate danger, call 999.
      </p>
    </NotificationBanner>
  );
}
