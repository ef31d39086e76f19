import { Layout } from './layout.tsx';
import {
  describeError,
  loginFields,
  type FieldError,
  type LoginField,
  type LoginValues,
} from '../login-form.ts';

export interface LoginPageProps {
  values: LoginValues;
  errors: FieldError[];
  loginToken: string;
}

interface FieldProps {
  name: LoginField;
  type?: string;
  value?: string;
  hint?: string;
  autocomplete?: string;
  errors: FieldError[];
}

function Field(props: FieldProps) {
  const errors = props.errors.filter((error) => error.field === props.name);
  const described = [
    props.hint ? `${props.name}-hint` : '',
    errors.length > 0 ? `${props.name}-error` : '',
  ]
    .filter((id) => id !== '')
    .join(' ');
  return (
    <div class="field">
      <label for={props.name}>{loginFields[props.name].label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={errors.length > 0 ? 'true' : undefined}
        aria-describedby={described === '' ? undefined : described}
        spellcheck={false}
      />
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p class="field-error" id={`${props.name}-error`} data-testid={`error-${props.name}`}>
          {errors.map((error) => describeError(error)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The index page: both accounts, as the guide's table 1 lists them. Secrets are never refilled. */
export function LoginPage(props: LoginPageProps) {
  const { values, errors } = props;
  return (
    <Layout title="Login">
      <h1>Log in to BIN</h1>
      <p>Enter your Imonggo account and your BigCommerce store. All fields must be valid.</p>
      {errors.length > 0 ? (
        <div class="alert" role="alert" data-testid="login-errors">
          <p>You are not logged in:</p>
          <ul>
            {errors.map((error) => (
              <li>
                <a href={`#${error.field}`}>{describeError(error)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/login" class="login" novalidate>
        <input type="hidden" name="_login" value={props.loginToken} />
        <fieldset>
          <legend>Imonggo</legend>
          <Field
            name="account_id"
            value={values.accountId}
            hint="The first part of your Imonggo address: <account id>.c3.imonggo.com"
            errors={errors}
          />
          <Field
            name="email"
            type="email"
            value={values.email}
            autocomplete="username"
            errors={errors}
          />
          <Field name="password" type="password" autocomplete="current-password" errors={errors} />
        </fieldset>
        <fieldset>
          <legend>BigCommerce</legend>
          <div class="choice" role="radiogroup" aria-label="Kind of BigCommerce account">
            <label>
              <input
                type="radio"
                name="bc_kind"
                value="legacy"
                checked={values.kind === 'legacy'}
              />{' '}
              Legacy API account (Username, API Token, Store ID)
            </label>
            <label>
              <input type="radio" name="bc_kind" value="oauth" checked={values.kind === 'oauth'} />{' '}
              Current API account (store hash and access token), for stores that cannot get a legacy
              account
            </label>
          </div>
          <div class="kind" data-kind="legacy">
            <Field name="username" value={values.username} errors={errors} />
            <Field name="api_token" type="password" errors={errors} />
            <Field
              name="store_id"
              value={values.storeId}
              hint="Your store's domain, like my-shop.mybigcommerce.com"
              errors={errors}
            />
          </div>
          <div class="kind" data-kind="oauth">
            <Field
              name="store_hash"
              value={values.storeHash}
              hint="The letters and digits after /stores/ in your API path"
              errors={errors}
            />
            <Field name="access_token" type="password" errors={errors} />
          </div>
        </fieldset>
        <button type="submit" class="primary">
          LOGIN
        </button>
      </form>
    </Layout>
  );
}
