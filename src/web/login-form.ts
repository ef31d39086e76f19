import type { ConnectionCredentials } from '../store/connections.ts';
import { checkStoreDomain, isImonggoAccountId, isStoreHash } from './host-check.ts';

export type LoginField =
  | 'account_id'
  | 'email'
  | 'password'
  | 'username'
  | 'api_token'
  | 'store_id'
  | 'store_hash'
  | 'access_token';

export type BigCommerceKind = 'legacy' | 'oauth';

/** How each field is named on the page, with its side, as the user guide names them. */
export const loginFields: Record<LoginField, { side: 'Imonggo' | 'BigCommerce'; label: string }> = {
  account_id: { side: 'Imonggo', label: 'Account ID' },
  email: { side: 'Imonggo', label: 'Email' },
  password: { side: 'Imonggo', label: 'Password' },
  username: { side: 'BigCommerce', label: 'Username' },
  api_token: { side: 'BigCommerce', label: 'API Token' },
  store_id: { side: 'BigCommerce', label: 'Store ID' },
  store_hash: { side: 'BigCommerce', label: 'Store hash' },
  access_token: { side: 'BigCommerce', label: 'Access token' },
};

export interface FieldError {
  field: LoginField;
  message: string;
}

/** What the page shows again after a failed login: never a password or a token. */
export interface LoginValues {
  accountId: string;
  email: string;
  kind: BigCommerceKind;
  username: string;
  storeId: string;
  storeHash: string;
}

export interface LoginInput {
  values: LoginValues;
  email: string;
  password: string;
  credentials: Omit<ConnectionCredentials, 'imonggo'> & { imonggo: { accountId: string } };
}

export const emptyLoginValues: LoginValues = {
  accountId: '',
  email: '',
  kind: 'legacy',
  username: '',
  storeId: '',
  storeHash: '',
};

function text(form: Record<string, unknown>, name: string, max = 200): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A secret as typed: only a length cap, since spaces could be part of a password. */
function secret(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, 500) : '';
}

/**
 * Reads and checks the login form. Every field is checked, not only the first wrong one, so the
 * merchant sees everything to fix at once; the guide's rule is that all fields must be valid.
 */
export function readLoginForm(
  form: Record<string, unknown>,
  allowedHosts: readonly string[],
): { input?: LoginInput; values: LoginValues; errors: FieldError[] } {
  const values: LoginValues = {
    accountId: text(form, 'account_id', 64),
    email: text(form, 'email'),
    kind: form.bc_kind === 'oauth' ? 'oauth' : 'legacy',
    username: text(form, 'username'),
    storeId: text(form, 'store_id'),
    storeHash: text(form, 'store_hash', 64),
  };
  const password = secret(form, 'password');
  const apiToken = secret(form, 'api_token').trim();
  const accessToken = secret(form, 'access_token').trim();
  const errors: FieldError[] = [];
  const fail = (field: LoginField, message: string) => errors.push({ field, message });

  if (values.accountId === '') fail('account_id', 'enter your Imonggo account id');
  else if (!isImonggoAccountId(values.accountId)) {
    fail(
      'account_id',
      'use only letters, digits, - and _ (the first part of your Imonggo address)',
    );
  }
  if (values.email === '') fail('email', 'enter the email you use in Imonggo');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    fail('email', 'this is not an email address');
  }
  if (password === '') fail('password', 'enter your Imonggo password');

  let storeDomain = '';
  if (values.kind === 'legacy') {
    if (values.username === '') fail('username', 'enter the username of your legacy API account');
    if (apiToken === '') fail('api_token', 'enter the API token of your legacy API account');
    else if (/\s/.test(apiToken)) fail('api_token', 'an API token has no spaces');
    const domain = checkStoreDomain(values.storeId, allowedHosts);
    if (domain.ok) storeDomain = domain.domain;
    else fail('store_id', domain.problem);
  } else {
    if (!isStoreHash(values.storeHash)) {
      fail(
        'store_hash',
        'enter the store hash: the letters and digits after /stores/ in the API path',
      );
    }
    if (accessToken === '') fail('access_token', 'enter the access token of your API account');
    else if (/\s/.test(accessToken)) fail('access_token', 'an access token has no spaces');
  }

  if (errors.length > 0) return { values, errors };
  return {
    values,
    errors,
    input: {
      values,
      email: values.email,
      password,
      credentials: {
        imonggo: { accountId: values.accountId },
        bigcommerce:
          values.kind === 'legacy'
            ? { kind: 'legacy', storeDomain, username: values.username, apiToken }
            : { kind: 'oauth', storeHash: values.storeHash.toLowerCase(), accessToken },
      },
    },
  };
}

export function describeError(error: FieldError): string {
  const { side, label } = loginFields[error.field];
  return `${side} ${label}: ${error.message}`;
}
