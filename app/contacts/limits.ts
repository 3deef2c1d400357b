// Limits of the contact fields, shared by the zod schemas (contact-fields.ts,
// server side) and the forms (contact-form.tsx, refer.$page.tsx). Kept apart
// so the browser bundle does not pull in zod, whose start-up probe
// (`new Function("")`) the Content-Security-Policy blocks and reports.
export const LIMITS = { short: 120, name: 200, line: 500, long: 4000, summary: 20_000 } as const;

export const MAX_CHILDREN = 6;
