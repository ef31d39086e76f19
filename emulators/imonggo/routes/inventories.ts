import { fiftyAPage, inquiry, pageOf, updatedFilter } from '../listing.ts';
import { presentInventories } from '../present.ts';
import { homeBranch } from '../records.ts';
import { list, type Reply } from '../reply.ts';
import type { ApiRequest, ResourceRoutes } from '../request.ts';

/** Without `branch_id` only the home branch's rows come back, as the reference says. */
function listInventories(request: ApiRequest): Reply {
  const filter = updatedFilter(request.query);
  if ('refused' in filter) return filter.refused;

  const { account } = request;
  const branchText = request.query.get('branch_id');
  const branchId =
    branchText !== null && branchText !== '' ? Number(branchText) : homeBranch(account)?.id;
  const matching = account.inventories
    .filter((row) => row.branch_id === branchId && filter.keep(row))
    .sort((a, b) => a.product_id - b.product_id);

  const page = pageOf(matching, request.query, fiftyAPage);
  return inquiry(request.query, matching) ?? list('inventories', presentInventories(page, account));
}

export const inventoryRoutes: ResourceRoutes = { list: listInventories };
