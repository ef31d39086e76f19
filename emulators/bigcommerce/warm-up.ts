import type { ZodType } from 'zod';
import { categoryCreateSchema, categoryUpdateSchema } from './categories.ts';
import { customerCreateSchema, customerUpdateSchema } from './customers.ts';
import { productCreateSchema, productUpdateSchema } from './products.ts';
import { v2CategorySchema } from './routes/v2-categories.ts';
import { v2CustomerSchema } from './routes/v2-customers.ts';
import { orderUpdateSchema } from './routes/v2-orders.ts';
import { customerBatchCreateSchema, customerBatchUpdateSchema } from './routes/v3-customers.ts';
import { productBatchUpdateSchema } from './routes/v3-products.ts';
import { v2ProductSchema } from './v2-shapes.ts';

const bodySchemas: ZodType[] = [
  categoryCreateSchema,
  categoryUpdateSchema,
  customerCreateSchema,
  customerUpdateSchema,
  productCreateSchema,
  productUpdateSchema,
  productBatchUpdateSchema,
  customerBatchCreateSchema,
  customerBatchUpdateSchema,
  v2CategorySchema,
  v2CustomerSchema,
  v2ProductSchema,
  orderUpdateSchema,
];

let warm = false;

/**
 * Builds the validators of request bodies before the first request. zod compiles a parser for an
 * object schema the first time it parses an object, about 9 ms for the product schema; the real
 * store's validators have long been warm, but the in-process benchmark charged that compilation to
 * BIN's first run that sent a batch of updates. Parsing an empty object, or a list of one, is
 * enough to build it; the answers are thrown away.
 */
export function warmBodyValidators(): void {
  if (warm) return;
  warm = true;
  for (const schema of bodySchemas) {
    schema.safeParse({});
    schema.safeParse([{}]);
  }
}
