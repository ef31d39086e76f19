import type { ApiStyle } from './errors.ts';
import type { StoreRecord } from './records.ts';

/** Every store of one emulator, and its clock. `stores` is replaced as a whole by a state load. */
export interface World {
  stores: Map<string, StoreRecord>;
  now(): number;
}

/** What the gate middleware learns about a request before the routes see it. */
export interface BcEnv {
  Variables: {
    store: StoreRecord;
    style: ApiStyle;
    /** Absolute base URL of the tree the request came through, for v2 resource links. */
    apiBase: string;
  };
}
