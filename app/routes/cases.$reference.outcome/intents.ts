// The outcome section's forms, by the `intent` each sends.
export const OUTCOME_INTENTS = { outcome: "outcome", onwardReferral: "onward-referral", letter: "outcome-letter" } as const;
