import type { Settings } from '../../sync/settings.ts';
import { CsrfField, Layout } from './layout.tsx';

/** BigCommerce's order statuses by id, as the store names them. */
export const orderStatuses: [number, string][] = [
  [0, 'Incomplete'],
  [1, 'Pending'],
  [2, 'Shipped'],
  [3, 'Partially Shipped'],
  [4, 'Refunded'],
  [5, 'Cancelled'],
  [6, 'Declined'],
  [7, 'Awaiting Payment'],
  [8, 'Awaiting Pickup'],
  [9, 'Awaiting Shipment'],
  [10, 'Completed'],
  [11, 'Awaiting Fulfillment'],
  [12, 'Manual Verification Required'],
  [13, 'Disputed'],
  [14, 'Partially Refunded'],
];

export interface Choice {
  id: number;
  name: string;
}

export interface SettingsPageProps {
  csrf: string;
  settings: Settings;
  branches: Choice[] | undefined;
  paymentTypes: Choice[] | undefined;
  errors: Record<string, string>;
  saved: boolean;
}

function FieldError(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={`${props.id}-error`} data-testid={`error-${props.id}`}>
      {props.message}
    </p>
  );
}

function Picker(props: {
  id: string;
  label: string;
  fallback: string;
  value: number | undefined;
  choices: Choice[] | undefined;
  error: string | undefined;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.choices ? (
        <select id={props.id} name={props.id}>
          <option value="" selected={props.value === undefined}>
            {props.fallback}
          </option>
          {props.choices.map((choice) => (
            <option value={String(choice.id)} selected={choice.id === props.value}>
              {choice.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={props.id}
          name={props.id}
          type="number"
          min="1"
          value={props.value === undefined ? '' : String(props.value)}
          aria-describedby={`${props.id}-hint`}
        />
      )}
      {props.choices ? null : (
        <p class="hint" id={`${props.id}-hint`}>
          Imonggo could not be reached to list them; enter the id, or leave empty for the default.
        </p>
      )}
      <FieldError id={props.id} message={props.error} />
    </div>
  );
}

/** The merchant's settings of this connection, with BIN's defaults filled in. */
export function SettingsPage(props: SettingsPageProps) {
  const { settings, errors } = props;
  const paid = new Set(settings.paidStatusIds);
  return (
    <Layout title="Settings" csrf={props.csrf}>
      <h1>Settings</h1>
      {props.saved ? (
        <p class="notice" role="status" data-testid="saved">
          Settings saved.
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p class="alert" role="alert">
          Some settings are not valid; nothing was saved.
        </p>
      ) : null}
      <form method="post" action="/settings">
        <CsrfField token={props.csrf} />
        <fieldset>
          <legend>Order statuses that count as paid (PULL INVOICES)</legend>
          <p class="hint">
            Only orders in these statuses become Imonggo invoices. Default: Shipped, Partially
            Shipped, Awaiting Pickup, Awaiting Shipment, Completed, Awaiting Fulfillment.
          </p>
          <ul class="tags">
            {orderStatuses.map(([id, name]) => (
              <li>
                <input
                  type="checkbox"
                  id={`paid-${id}`}
                  name="paid"
                  value={String(id)}
                  checked={paid.has(id)}
                />{' '}
                <label for={`paid-${id}`}>{name}</label>
              </li>
            ))}
          </ul>
          <FieldError id="paid" message={errors.paid} />
        </fieldset>
        <fieldset>
          <legend>Products (POST ALL PRODUCTS, POST MULTIPLE PRODUCTS)</legend>
          <div class="field">
            <label for="category">Store category for new products</label>
            <input id="category" name="category" type="text" value={settings.productCategory} />
            <p class="hint">Created on the store when missing. Default: Imonggo.</p>
            <FieldError id="category" message={errors.category} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Invoices (PULL INVOICES)</legend>
          <Picker
            id="branch"
            label="Imonggo branch"
            fallback="The account's first branch (default)"
            value={settings.branchId}
            choices={props.branches}
            error={errors.branch}
          />
          <Picker
            id="payment_type"
            label="Payment type"
            fallback="The account's first payment type, usually Cash (default)"
            value={settings.paymentTypeId}
            choices={props.paymentTypes}
            error={errors.payment_type}
          />
          <div class="field" role="radiogroup" aria-labelledby="shipping-label">
            <p id="shipping-label" class="label">
              How shipping appears on an invoice
            </p>
            <label>
              <input
                type="radio"
                name="shipping"
                value="line"
                checked={settings.shipping === 'line'}
              />{' '}
              As a line of a service product, so the lines add up to the order total (default)
            </label>
            <label>
              <input
                type="radio"
                name="shipping"
                value="remark"
                checked={settings.shipping === 'remark'}
              />{' '}
              Only in the payment and the remark
            </label>
            <FieldError id="shipping" message={errors.shipping} />
          </div>
          <div class="field">
            <label for="shipping_stock_no">Stock number of the shipping product</label>
            <input
              id="shipping_stock_no"
              name="shipping_stock_no"
              type="text"
              value={settings.shippingStockNo}
            />
            <FieldError id="shipping_stock_no" message={errors.shipping_stock_no} />
          </div>
        </fieldset>
        <button type="submit" class="primary">
          Save settings
        </button>
      </form>
    </Layout>
  );
}
