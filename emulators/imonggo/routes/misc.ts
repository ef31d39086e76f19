import { pageOf, updatedFilter } from '../listing.ts';
import { presentBranch, presentPaymentType } from '../present.ts';
import type { Account } from '../records.ts';
import { errors, hash, list, notFound, record, type Reply } from '../reply.ts';
import { findById, type ResourceRoutes } from '../request.ts';

/** Branches: the list shows only active branches, 100 a page at most. */
export const branchRoutes: ResourceRoutes = {
  list(request) {
    const filter = updatedFilter(request.query);
    if ('refused' in filter) return filter.refused;

    const active = request.account.branches
      .filter((b) => b.status === null && filter.keep(b))
      .sort((a, b) => a.id - b.id);
    const page = pageOf(active, request.query, { defaultSize: 100, maxSize: 100 });
    return list('branches', page.map(presentBranch));
  },

  show(request) {
    const branch = findById(request.account.branches, request.id);
    return branch ? record('branch', presentBranch(branch)) : notFound();
  },
};

export const paymentTypeRoutes: ResourceRoutes = {
  list: (request) => list('payment_types', request.account.payment_types.map(presentPaymentType)),
};

/** Tax settings are one hash per account, not a list. */
export const taxSettingRoutes: ResourceRoutes = {
  list(request) {
    const { compute_tax, tax_inclusive, tax_rates } = request.account.tax_settings;
    return hash({ compute_tax, tax_inclusive, tax_rates: tax_rates.map((rate) => ({ ...rate })) });
  },
};

/**
 * `GET /api/tokens?email=&password=`, sent without Basic auth. A wrong email or password is a
 * 404 whose body is not documented; `Not Found` in the usual error shape is our guess.
 */
export function tokenReply(account: Account | undefined, query: URLSearchParams): Reply {
  const email = query.get('email') ?? '';
  const password = query.get('password') ?? '';
  const matches =
    account !== undefined &&
    account.email.toLowerCase() === email.toLowerCase() &&
    account.password === password;
  if (!matches) return errors(['Not Found'], 404);

  return hash({ api_token: account.api_token, user_id: account.user_id });
}
