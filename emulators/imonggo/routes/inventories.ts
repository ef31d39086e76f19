import { listQueryKey, matchingRecords } from '../list-cache.ts';
import { fiftyAPage, inquiry, keptInIdOrder, pageOf, updatedFilter } from '../listing.ts';
import { presentInventories } from '../present.ts';
import { homeBranch, type InventoryRecord } from '../records.ts';
import { list, type Reply } from '../reply.ts';
import { stampedSince } from '../stamp-index.ts';
import type { ApiRequest, ResourceRoutes } from '../request.ts';

/** Without `branch_id` only the home branch's rows come back, as the reference says. */
function listInventories(request: ApiRequest): Reply {
  const filter = updatedFilter(request.query);
  if ('refused' in filter) return filter.refused;

  const { account } = request;
  const branchText = request.query.get('branch_id');
  const branchId =
    branchText !== null && branchText !== '' ? Number(branchText) : homeBranch(account)?.id;
  const keep = (row: InventoryRecord) => row.branch_id === branchId && filter.keep(row);
  const key = listQueryKey('inventories', request.query, String(branchId));
  const matching = matchingRecords(account, key, () =>
    keptInIdOrder(
      stampedSince(account, account.inventories, filter.since),
      keep,
      (row) => row.product_id,
    ),
  );
  const inquired = inquiry(request.query, matching);
  if (inquired) return inquired;

  const page = pageOf(matching, request.query, fiftyAPage);
  return list('inventories', presentInventories(page, account));
}

export const inventoryRoutes: ResourceRoutes = { list: listInventories };
