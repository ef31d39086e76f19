import type { SyncContext } from './context.ts';
import type { JobName, Plan, PlanItem } from './plan.ts';

/** What the apply step of a job tells the runner about each item. */
export interface ItemReporter {
  started(item: PlanItem): void;
  done(item: PlanItem, ids?: { imonggoId?: string | null; bigcommerceId?: string | null }): void;
  failed(item: PlanItem, reason: string): void;
}

export interface JobOptions {
  /** Product tags to keep (products job); empty means all products. */
  tags?: string[];
  /** Read everything instead of only what changed since the last run. */
  full?: boolean;
  /**
   * Natural keys to work on, leaving every other record out of the plan: how failed records of a
   * run are retried on their own. Such a partial run moves no cursor.
   */
  only?: string[];
}

/**
 * One of BIN's jobs. `plan` reads both sides and decides, writing nothing remote; `apply` carries
 * out the items of the plan that write. The runner around them keeps the lock, the run record and
 * the report.
 */
export interface Job<Payload = unknown> {
  name: JobName;
  /**
   * Settles links a killed run left pending, by looking each record up by its natural key on the
   * side it was being created on. Runs before planning, and only when the run will write.
   */
  recover?(ctx: SyncContext): Promise<void>;
  plan(ctx: SyncContext, options: JobOptions): Promise<Plan<Payload>>;
  /**
   * The same plan in chunks, for jobs whose reading is long: the runner records and applies each
   * chunk while the next one is read. A job with this ignores `plan` when it runs.
   */
  planChunks?(ctx: SyncContext, options: JobOptions): AsyncIterable<Plan<Payload>>;
  /**
   * True when chunks that share no natural key may be applied at the same time; otherwise each
   * chunk waits until the one before it is applied. `apply` must then be safe to run on two
   * chunks at once.
   */
  independentChunks?: boolean;
  apply(ctx: SyncContext, items: PlanItem<Payload>[], reporter: ItemReporter): Promise<void>;
  /** Moves incremental cursors forward; called only when every item succeeded or was skipped. */
  commit?(ctx: SyncContext): Promise<void>;
}
