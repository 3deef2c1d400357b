// The figures of a running import's progress bar, from what the job last
// wrote: rows done, rows a second and time left (from the fraction done, by
// bytes while checking and by rows while importing). Pure.

export type ProgressFacts = {
  rowsDone: number;
  fraction: number | null;
  phaseStartedAt: Date | string | null;
  progressAt: Date | string | null;
};

export type ProgressFigures = { rows: number; percent: number | null; perSecond: number | null; secondsLeft: number | null };

export function progressFigures({ rowsDone, fraction, phaseStartedAt, progressAt }: ProgressFacts): ProgressFigures {
  const seconds = phaseStartedAt && progressAt ? (new Date(progressAt).getTime() - new Date(phaseStartedAt).getTime()) / 1000 : 0;
  const done = fraction === null ? null : Math.min(1, Math.max(0, fraction));
  return {
    rows: rowsDone,
    percent: done === null ? null : Math.floor(done * 100),
    perSecond: seconds > 0 && rowsDone > 0 ? Math.round(rowsDone / seconds) : null,
    secondsLeft: seconds > 0 && done ? Math.max(0, Math.round((seconds * (1 - done)) / done)) : null,
  };
}

/** "about 3 minutes", "less than a minute", "about 1 hour 5 minutes". */
export function timeLeft(seconds: number) {
  if (seconds < 60) return "less than a minute";
  const minutes = Math.round(seconds / 60);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (minutes < 60) return `about ${plural(minutes, "minute")}`;
  const rest = minutes % 60;
  return `about ${plural(Math.floor(minutes / 60), "hour")}${rest ? ` ${plural(rest, "minute")}` : ""}`;
}
