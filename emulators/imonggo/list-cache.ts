import type { Account } from './records.ts';

/** Lists kept per account: a run reads two or three at a time; the rest are old queries. */
const listsKept = 8;

interface KeptLists {
  writes: number;
  lists: Map<string, readonly unknown[]>;
}

const writeCounts = new WeakMap<Account, number>();
const keptLists = new WeakMap<Account, KeptLists>();

/** Called once an API request that may have changed the account's records has been answered. */
export function noteWrite(account: Account): void {
  writeCounts.set(account, (writeCounts.get(account) ?? 0) + 1);
}

/** How many writes the account has had; anything derived from its records is stale after one. */
export function writesOf(account: Account): number {
  return writeCounts.get(account) ?? 0;
}

/**
 * The records a list query matches (`key`, from listQueryKey), found once and kept until the
 * account's next write.
 *
 * Imonggo pages by number, so reading a list of N pages asks the same query N times. Scanning
 * 20,000 records for every page took a few milliseconds each, on the thread the in-process
 * benchmark shares with BIN, where the real server answers from an index. Records change only
 * through API requests (the gateway notes each write) or by a whole new state (new accounts, so
 * nothing kept applies), so a kept list is the list a new scan would find.
 */
export function matchingRecords<T>(account: Account, key: string, find: () => T[]): readonly T[] {
  const writes = writesOf(account);
  let kept = keptLists.get(account);
  if (!kept || kept.writes !== writes) {
    kept = { writes, lists: new Map() };
    keptLists.set(account, kept);
  }

  const found = kept.lists.get(key);
  if (found) return found as readonly T[];

  const records = find();
  kept.lists.set(key, records);
  if (kept.lists.size > listsKept) {
    const oldest = kept.lists.keys().next().value;
    if (oldest !== undefined) kept.lists.delete(oldest);
  }
  return records;
}

/** A list query's identity: its resource and the parameters that choose records (not the page). */
export function listQueryKey(resource: string, query: URLSearchParams, extra = ''): string {
  const parameters = [...query]
    .filter(([name]) => !['page', 'per_page', 'q'].includes(name))
    .sort();
  return `${resource}?${new URLSearchParams(parameters).toString()}#${extra}`;
}
