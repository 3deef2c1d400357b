// At most `running` tasks at once, with a bounded first-come-first-served
// queue behind them. A full queue refuses at once: waiting without limit
// would only turn a burst into slow answers for everyone.

export class QueueFullError extends Error {
  constructor() {
    super("The queue is full.");
  }
}

export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: { running: number; waiting: number }) {}

  /** Runs the task when a place is free; rejects with QueueFullError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limits.running) {
      this.active++;
    } else if (this.queue.length < this.limits.waiting) {
      // The place is handed over by release(), so `active` is already counted.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      throw new QueueFullError();
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release() {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
