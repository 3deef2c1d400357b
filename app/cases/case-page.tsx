// Pieces every case file section uses: its title for the browser tab, and
// the heading that opens it (the case's reference is the page's h1).
import type { ReactNode } from "react";

export function sectionMeta(title: string, data: { reference?: string } | undefined) {
  return [{ title: `${title} - ${data?.reference ?? "Case"} - LADO case management` }];
}

export function SectionHeading({ children }: { children: ReactNode }) {
  return <h2 className="govuk-heading-l">{children}</h2>;
}

/** A sub-part of a section. */
export function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = title.replace(/\W+/g, "-").toLowerCase();
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={id}>
      <h3 className="govuk-heading-m" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** "a, b, c", or null when there is nothing to list. */
export const list = (values: string[]) => (values.length ? values.join(", ") : null);

/** Yes, No, or null when not recorded. */
export const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? "Yes" : "No");
