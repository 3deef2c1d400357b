import { describe, expect, it } from "vitest";
import { QueueFullError, Semaphore } from "./semaphore";

/** A task that finishes when told to, recording when it started. */
function gate(started: number[], id: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => (started.push(id), done.then(() => id)), finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("Semaphore", () => {
  it("runs at most `running` tasks at once and starts the waiting ones in the order they came", async () => {
    const semaphore = new Semaphore({ running: 2, waiting: 10 });
    const started: number[] = [];
    const gates = [0, 1, 2, 3, 4].map((id) => gate(started, id));
    const results = gates.map((g) => semaphore.run(g.task));
    await settle();
    expect(started).toEqual([0, 1]);

    gates[1]!.finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);

    gates[0]!.finish();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);

    for (const g of gates) g.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("refuses at once when the queue is full, and takes new tasks once places are free", async () => {
    const semaphore = new Semaphore({ running: 1, waiting: 2 });
    const started: number[] = [];
    const gates = [0, 1, 2].map((id) => gate(started, id));
    const accepted = gates.map((g) => semaphore.run(g.task));
    await expect(semaphore.run(async () => "refused")).rejects.toBeInstanceOf(QueueFullError);
    expect(started).toEqual([0]);

    for (const g of gates) g.finish();
    await Promise.all(accepted);
    await expect(semaphore.run(async () => "later")).resolves.toBe("later");
  });

  it("frees the place of a task that fails", async () => {
    const semaphore = new Semaphore({ running: 1, waiting: 0 });
    await expect(semaphore.run(() => Promise.reject(new Error("scrypt failed")))).rejects.toThrow("scrypt failed");
    await expect(semaphore.run(async () => "next")).resolves.toBe("next");
  });
});
