// What a referrer should do while the LADO considers the concern: shown on
// the last form page, the confirmation page and in the receipt email, so the
// wording lives here once. Written for a school's safeguarding lead reading it
// in a hurry, and plain enough for a parent. No numbers: each place adds the
// council's own.

export const NEXT_STEPS_HEADING = "What to do now";

export const nextSteps = [
  "Do not investigate or interview anyone yourself: not the child, the person or any witnesses. Questions from you could harm what the police or children's social care need to do.",
  "Do not tell the person about the concern until the LADO agrees. The police or children's social care may need to act first.",
  "Write down what you know and what you have done, then sign and date it. Keep it safe with any evidence, such as messages or photos, and do not change or delete anything.",
  "Think now about whether the person is with children today. If children may be at risk, phone the LADO team straight away to agree what to do.",
] as const;

/** The steps as plain text for an email: the heading, then one step a line. */
export function nextStepsText() {
  return `${NEXT_STEPS_HEADING}:\n${nextSteps.map((step) => `- ${step}`).join("\n")}`;
}
