import { v3Error } from './errors.ts';
import { MAX_LIMIT } from './paging.ts';
import { FilterError } from './v3-query.ts';

/** Answers every v3 route gives the same way. */
export const v3InvalidJson = () => v3Error(400, 'Input is invalid.');

export const v3Invalid = (errors: Record<string, string>) =>
  v3Error(422, 'JSON data is missing or is invalid', errors);

export function v3BadPaging(field: string, tooLarge: boolean): Response {
  return tooLarge
    ? v3Error(413, `The ${field} parameter exceeded the maximum of ${MAX_LIMIT}.`)
    : v3Error(422, `The ${field} parameter is not valid.`, {
        [field]: 'must be a positive integer',
      });
}

/** Runs a filter reader; a bad filter value becomes the 422 the customers beta was seen to give. */
export function withFilters<T>(read: () => T): T | Response {
  try {
    return read();
  } catch (error) {
    if (error instanceof FilterError) {
      return v3Error(422, error.message, { [error.param]: error.message });
    }
    throw error;
  }
}
