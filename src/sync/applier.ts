import type { ItemOutcomeValues } from '../store/runs.ts';
import type { SyncContext } from './context.ts';
import type { ItemReporter, Job } from './job.ts';
import type { PlanItem } from './plan.ts';
import type { Progress } from './runner.ts';

/**
 * Applies the writing items of a plan that may come in chunks, while the runner goes on reading
 * the next chunk: a job whose reading is quota-bound (the invoice pull reads each order's lines)
 * then spends the write time inside the read time instead of after it.
 *
 * Chunks are applied one after the other, in order, unless the job says its chunks are
 * independent (`Job.independentChunks`). Then a chunk starts as soon as it arrives and waits only
 * for the earlier chunks that hold one of its keys, so two writes of one record still land in
 * the order they were planned. A latency-bound run (a few changed products) would otherwise wait
 * for a chunk's last batch, and for its links to be written, before sending the next chunk's.
 */
export class ChunkApplier<Payload> {
  readonly #ctx: SyncContext;
  readonly #job: Job<Payload>;
  readonly #runId: string;
  readonly #onProgress: ((progress: Progress) => void) | undefined;
  readonly #progress: Progress;
  /** When each item under way started; forgotten once its outcome is recorded. */
  readonly #startedAt = new Map<number, string>();
  #applying: Promise<void> = Promise.resolve();
  /** Chunks queued and not yet applied: their keys, and when they are done. */
  readonly #inFlight = new Set<{ keys: Set<string>; done: Promise<void> }>();
  // Outcome writes are chained so that they land in order and none is lost when apply returns.
  // Outcomes reported while a write is under way wait in `#unwritten` and go in the next write
  // together, in one transaction.
  #outcomes: Promise<void> = Promise.resolve();
  #unwritten: (ItemOutcomeValues & { seq: number })[] = [];
  #error: unknown;
  #failed = false;

  constructor(
    ctx: SyncContext,
    job: Job<Payload>,
    runId: string,
    onProgress: ((progress: Progress) => void) | undefined,
  ) {
    this.#ctx = ctx;
    this.#job = job;
    this.#runId = runId;
    this.#onProgress = onProgress;
    this.#progress = {
      runId,
      job: job.name,
      phase: 'applying',
      total: 0,
      done: 0,
      failed: 0,
      current: null,
    };
  }

  /** Throws the error that stopped applying, if one did, so the runner stops reading. */
  throwIfStopped(): void {
    if (this.#failed) throw this.#error;
  }

  /** Queues a chunk's writing items behind the chunks before it that it depends on. */
  add(items: PlanItem<Payload>[]): void {
    this.#progress.total += items.length;
    this.#report();
    if (items.length === 0) return;

    const keys = new Set(items.map((item) => item.key));
    const independent = this.#job.independentChunks === true;
    const before = [...this.#inFlight].filter(
      (chunk) => !independent || [...chunk.keys].some((key) => keys.has(key)),
    );
    const chunk = {
      keys,
      done: Promise.all(before.map((earlier) => earlier.done)).then(() => this.#apply(items)),
    };
    this.#inFlight.add(chunk);
    void chunk.done.then(() => this.#inFlight.delete(chunk));
    this.#applying = Promise.all([this.#applying, chunk.done]).then(() => undefined);
  }

  /** Applies one chunk; an error stops every chunk not yet started and is kept for `finished`. */
  async #apply(items: PlanItem<Payload>[]): Promise<void> {
    if (this.#failed) return;
    try {
      await this.#job.apply(this.#ctx, items, this.#reporter);
    } catch (error) {
      this.#failed = true;
      this.#error ??= error;
    }
  }

  /** Waits for every queued chunk; the number of failed items, or the error that stopped it. */
  async finished(): Promise<number> {
    await this.#applying;
    await this.#outcomes;
    if (this.#failed) throw this.#error;
    return this.#progress.failed;
  }

  readonly #reporter: ItemReporter = {
    started: (item) => {
      this.#startedAt.set(item.seq, this.#now());
      this.#progress.current = item.label;
      this.#report();
    },
    done: (item, ids) => {
      this.#progress.done += 1;
      this.#record({
        seq: item.seq,
        outcome: 'done',
        started_at: this.#takeStartedAt(item.seq),
        ...(ids?.imonggoId ? { imonggo_id: ids.imonggoId } : {}),
        ...(ids?.bigcommerceId ? { bigcommerce_id: ids.bigcommerceId } : {}),
      });
      this.#report();
    },
    failed: (item, reason) => {
      this.#progress.done += 1;
      this.#progress.failed += 1;
      this.#ctx.logger.warn({ key: item.key, reason }, 'item failed');
      this.#record({
        seq: item.seq,
        outcome: 'failed',
        error: reason,
        started_at: this.#takeStartedAt(item.seq),
      });
      this.#report();
    },
  };

  #record(outcome: ItemOutcomeValues & { seq: number }): void {
    this.#unwritten.push(outcome);
    if (this.#unwritten.length > 1) return;

    this.#outcomes = this.#outcomes
      .then(() => {
        const batch = this.#unwritten;
        this.#unwritten = [];
        return this.#ctx.runs.setItemOutcomes(this.#runId, batch);
      })
      .catch((error: unknown) => {
        this.#failed = true;
        this.#error ??= error;
      });
  }

  #takeStartedAt(seq: number): string {
    const started = this.#startedAt.get(seq) ?? this.#now();
    this.#startedAt.delete(seq);
    return started;
  }

  #report(): void {
    this.#onProgress?.({ ...this.#progress });
  }

  #now(): string {
    return new Date(this.#ctx.clock.now()).toISOString();
  }
}
