import type { TagCount } from '../../sync/products/tags.ts';
import { CsrfField, Layout } from './layout.tsx';

/** POST ALL PRODUCTS: what will happen, then CONTINUE to the preview. */
export function AllProductsPage(props: { csrf: string }) {
  return (
    <Layout title="POST ALL PRODUCTS" csrf={props.csrf}>
      <h1>POST ALL PRODUCTS</h1>
      <p>
        Every Imonggo product is considered, whatever its tags. You will see what would change on
        your store before anything is posted.
      </p>
      <form method="post" action="/jobs/products/preview">
        <CsrfField token={props.csrf} />
        <button type="submit" class="primary">
          CONTINUE
        </button>{' '}
        <a href="/home">Cancel</a>
      </form>
    </Layout>
  );
}

/** POST MULTIPLE PRODUCTS: the account's tags as checkboxes, with how many products carry each. */
export function TagsPage(props: {
  csrf: string;
  tags: TagCount[];
  chosen?: string[];
  error?: string | undefined;
}) {
  const chosen = new Set(props.chosen ?? []);
  return (
    <Layout title="POST MULTIPLE PRODUCTS" csrf={props.csrf}>
      <h1>POST MULTIPLE PRODUCTS</h1>
      {props.tags.length === 0 ? (
        <>
          <p data-testid="no-tags">Your Imonggo products have not yet been provided with tags.</p>
          <p>
            <a href="/home">Back</a>
          </p>
        </>
      ) : (
        <form method="post" action="/jobs/products/preview">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="scope" value="tags" />
          <fieldset aria-describedby={props.error ? 'tags-error' : undefined}>
            <legend>Post the products that carry any of these tags</legend>
            {props.error ? (
              <p class="field-error" id="tags-error" role="alert">
                {props.error}
              </p>
            ) : null}
            <ul class="tags">
              {props.tags.map((tag, index) => (
                <li>
                  <input
                    type="checkbox"
                    id={`tag-${index}`}
                    name="tags"
                    value={tag.tag}
                    checked={chosen.has(tag.tag)}
                  />{' '}
                  <label for={`tag-${index}`}>
                    {tag.tag}{' '}
                    <span class="count">
                      ({tag.products} {tag.products === 1 ? 'product' : 'products'})
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" class="primary">
            CONTINUE
          </button>{' '}
          <a href="/home">Cancel</a>
        </form>
      )}
    </Layout>
  );
}
