import type { LinkEntity } from '../store/schema.ts';

export type JobName = 'tags' | 'products' | 'customers-post' | 'customers-update' | 'invoices-pull';

/**
 * What a plan does with one record. `skip` leaves it alone by rule; `reject` refuses it because
 * something is wrong with it (a missing product, an invalid email) and counts as a failure.
 */
export type PlanAction = 'create' | 'update' | 'hide' | 'show' | 'link' | 'skip' | 'reject';

export const planActions: readonly PlanAction[] = [
  'create',
  'update',
  'hide',
  'show',
  'link',
  'skip',
  'reject',
];

/** One decision of a plan, with the reason a merchant reads in the report. */
export interface PlanItem<Payload = unknown> {
  seq: number;
  entity: LinkEntity;
  /** The natural key: SKU, lower-cased email, or invoice reference. */
  key: string;
  /** What the merchant calls the record: a product name, a customer's name, an order number. */
  label: string;
  imonggoId: string | null;
  bigcommerceId: string | null;
  action: PlanAction;
  reason: string;
  /** What the apply step needs; not stored. */
  payload?: Payload;
}

export interface Plan<Payload = unknown> {
  job: JobName;
  items: PlanItem<Payload>[];
  /** Said once for the whole plan, e.g. why nothing will be posted. */
  notes: string[];
}

/** Numbers plan items in order; the sequence number is the item's id within its run. */
export class PlanBuilder<Payload> implements Plan<Payload> {
  readonly items: PlanItem<Payload>[] = [];
  readonly notes: string[] = [];

  constructor(readonly job: JobName) {}

  add(item: Omit<PlanItem<Payload>, 'seq'>): PlanItem<Payload> {
    const numbered = { ...item, seq: this.items.length + 1 };
    this.items.push(numbered);
    return numbered;
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

export function writesAnything(action: PlanAction): boolean {
  return action !== 'skip' && action !== 'reject';
}

/** One plan from the chunks of a plan (for a preview, or a caller that wants it whole). */
export async function mergeChunks<Payload>(
  job: JobName,
  chunks: AsyncIterable<Plan<Payload>>,
): Promise<Plan<Payload>> {
  const merged = new PlanBuilder<Payload>(job);
  for await (const chunk of chunks) {
    for (const item of chunk.items) merged.add({ ...item });
    merged.notes.push(...chunk.notes);
  }
  return merged;
}
