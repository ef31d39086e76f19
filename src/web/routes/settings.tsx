import type { Hono } from 'hono';
import type { ImonggoClient } from '../../imonggo/client.ts';
import { readSettings, settingsSchema, type Settings } from '../../sync/settings.ts';
import type { WebEnv } from '../env.ts';
import { SettingsPage, type Choice } from '../pages/settings.tsx';
import { page } from '../render.ts';
import type { Services } from '../services.ts';

/** Form field of each setting, for the messages. */
const fieldOf: Record<string, string> = {
  paidStatusIds: 'paid',
  productCategory: 'category',
  branchId: 'branch',
  paymentTypeId: 'payment_type',
  shipping: 'shipping',
  shippingStockNo: 'shipping_stock_no',
};

const messages: Record<string, string> = {
  paid: 'Choose at least one status.',
  category: 'Enter a category name of 1 to 50 characters.',
  branch: 'Choose a branch, or leave the default.',
  payment_type: 'Choose a payment type, or leave the default.',
  shipping: 'Choose how shipping appears.',
  shipping_stock_no: 'Enter a stock number.',
};

async function choices(
  imonggo: ImonggoClient,
): Promise<{ branches?: Choice[]; paymentTypes?: Choice[] }> {
  // The lists are a convenience: when Imonggo is down the page falls back to plain id fields.
  const [branches, paymentTypes] = await Promise.allSettled([
    imonggo.listBranches(),
    imonggo.listPaymentTypes(),
  ]);
  return {
    ...(branches.status === 'fulfilled'
      ? { branches: branches.value.map((b) => ({ id: b.id, name: b.name })) }
      : {}),
    ...(paymentTypes.status === 'fulfilled'
      ? { paymentTypes: paymentTypes.value.map((p) => ({ id: p.id, name: p.name })) }
      : {}),
  };
}

function optionalNumber(value: unknown): number | undefined | string {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

export function mountSettings(app: Hono<WebEnv>, services: Services): void {
  app.get('/settings', async (c) => {
    const session = c.get('session')!;
    const { connection, context } = await services.merchant(session);
    const lists = await choices(context.imonggo);
    return page(
      c,
      SettingsPage({
        csrf: session.csrfToken,
        settings: readSettings(connection.settings),
        branches: lists.branches,
        paymentTypes: lists.paymentTypes,
        errors: {},
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  app.post('/settings', async (c) => {
    const session = c.get('session')!;
    const form = await c.req.parseBody({ all: true });
    const paid = (Array.isArray(form.paid) ? form.paid : form.paid === undefined ? [] : [form.paid])
      .filter((value): value is string => typeof value === 'string')
      .map(Number);
    const candidate = {
      paidStatusIds: paid,
      productCategory: form.category,
      branchId: optionalNumber(form.branch),
      paymentTypeId: optionalNumber(form.payment_type),
      shipping: form.shipping,
      shippingStockNo: form.shipping_stock_no,
    };

    const parsed = settingsSchema.safeParse(candidate);
    if (parsed.success) {
      await services.connections.saveSettings(session.connectionId, parsed.data);
      return c.redirect('/settings?saved=1', 303);
    }

    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOf[String(issue.path[0])];
      if (field) errors[field] = messages[field] ?? 'This value is not valid.';
    }
    const { connection, context } = await services.merchant(session);
    const lists = await choices(context.imonggo);
    const shown: Settings = { ...readSettings(connection.settings) };
    if (typeof candidate.productCategory === 'string') {
      shown.productCategory = candidate.productCategory;
    }
    if (paid.length > 0) shown.paidStatusIds = paid;
    return page(
      c,
      SettingsPage({
        csrf: session.csrfToken,
        settings: shown,
        branches: lists.branches,
        paymentTypes: lists.paymentTypes,
        errors,
        saved: false,
      }),
      400,
    );
  });
}
