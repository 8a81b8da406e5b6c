/** What happened to one task. */
export interface TaskOutcome<T> {
  value?: T;
  error?: unknown;
}

/** Reports outcomes strictly in input order, as soon as all earlier ones are known. */
export class OrderedReporter<T> {
  private readonly done = new Map<number, TaskOutcome<T>>();
  private next = 0;
  private readonly total: number;
  private readonly onResult: (index: number, outcome: TaskOutcome<T>) => void;

  constructor(total: number, onResult: (index: number, outcome: TaskOutcome<T>) => void) {
    this.total = total;
    this.onResult = onResult;
  }

  /** Records an outcome and reports every outcome now in order. */
  record(index: number, outcome: TaskOutcome<T>): void {
    this.done.set(index, outcome);
    while (this.next < this.total && this.done.has(this.next)) {
      this.onResult(this.next, this.done.get(this.next)!);
      this.next++;
    }
  }

  /** The outcome of a task, once known. */
  outcome(index: number): TaskOutcome<T> | undefined {
    return this.done.get(index);
  }
}

/**
 * Runs groups of tasks, at most `limit` groups at a time; the tasks of one group run one after
 * another (the same object named twice is applied in input order). Once `stop` is aborted
 * (Ctrl-C) no task starts; those running finish.
 */
export async function runGroups<T>(
  groups: number[][],
  limit: number,
  task: (index: number) => Promise<T>,
  reporter: OrderedReporter<T>,
  stop?: AbortSignal,
): Promise<void> {
  let position = 0;
  const worker = async (): Promise<void> => {
    while (position < groups.length && !stop?.aborted) {
      const group = groups[position++] ?? [];
      for (const index of group) {
        if (stop?.aborted) return;
        try {
          reporter.record(index, { value: await task(index) });
        } catch (error) {
          reporter.record(index, { error });
        }
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, groups.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
