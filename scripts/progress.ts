// Progress of a long command on standard error: on a terminal, one line
// redrawn in place (rows done, rows a second, time left); otherwise (a log, a
// pipe) a plain line every PLAIN_EVERY rows, so logs stay readable.
import type { WriteStream } from "node:tty";

const PLAIN_EVERY = 10_000;
const BAR = 24;

export function progressReporter(out: NodeJS.WriteStream | WriteStream) {
  const terminal = Boolean(out.isTTY);
  // A phase starts when the one before it last reported (its end), the first when the command did.
  let started = performance.now();
  let lastUpdate = started;
  let phase = "";
  let lastPlain = 0;
  let drawn = false;
  return {
    update(label: string, rows: number, fraction: number | null) {
      if (label !== phase) {
        if (drawn) out.write("\n");
        if (phase) started = lastUpdate;
        [phase, lastPlain, drawn] = [label, 0, false];
      }
      lastUpdate = performance.now();
      const seconds = (lastUpdate - started) / 1000;
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      const left = fraction && fraction > 0 ? Math.max(0, Math.round((seconds * (1 - fraction)) / fraction)) : null;
      const words = `${label}: ${rows.toLocaleString("en-GB")} rows, ${rate.toLocaleString("en-GB")} rows a second${left === null ? "" : `, about ${clock(left)} left`}`;
      if (terminal) {
        const filled = Math.round((fraction ?? 0) * BAR);
        out.write(`\r[${"#".repeat(filled)}${" ".repeat(BAR - filled)}] ${words}\u001b[K`);
        drawn = true;
      } else if (rows - lastPlain >= PLAIN_EVERY) {
        out.write(`${words}\n`);
        lastPlain = rows;
      }
    },
    done() {
      if (drawn) out.write("\n");
      drawn = false;
    },
  };
}

function clock(seconds: number) {
  const m = Math.floor(seconds / 60);
  return m ? `${m}m ${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}
