import { z } from 'zod';
import type { CategoryRecord } from './records.ts';

/** Writable fields of a v3 category; the categories spec caps names at 50 characters. */
export const categoryWriteShape = {
  parent_id: z.number().int().min(0),
  name: z.string().min(1).max(50),
  description: z.string(),
  views: z.number().int().min(0),
  sort_order: z.number().int(),
  page_title: z.string().max(255),
  meta_keywords: z.array(z.string()),
  meta_description: z.string(),
  layout_file: z.string(),
  image_url: z.string(),
  is_visible: z.boolean(),
  search_keywords: z.string(),
  default_product_sort: z.enum([
    'use_store_settings',
    'featured',
    'newest',
    'best_selling',
    'alpha_asc',
    'alpha_desc',
    'avg_customer_review',
    'price_asc',
    'price_desc',
  ]),
};

export const categoryUpdateSchema = z.object(categoryWriteShape).partial();

export const categoryCreateSchema = categoryUpdateSchema.required({ parent_id: true, name: true });

export type CategoryUpdate = z.infer<typeof categoryUpdateSchema>;

export function newCategory(id: number, fields: CategoryUpdate): CategoryRecord {
  const category: CategoryRecord = {
    id,
    parent_id: 0,
    name: '',
    description: '',
    views: 0,
    sort_order: 0,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    layout_file: 'category.html',
    image_url: '',
    is_visible: true,
    search_keywords: '',
    default_product_sort: 'use_store_settings',
  };
  applyCategoryUpdate(category, fields);
  return category;
}

export function applyCategoryUpdate(category: CategoryRecord, fields: CategoryUpdate): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(category, { [key]: value });
  }
}

/** Category names are unique among siblings in the control panel; v2 documents "Must be unique". */
export function categoryNameTaken(
  categories: Iterable<CategoryRecord>,
  parentId: number,
  name: string,
  exceptId?: number,
): boolean {
  const wanted = name.toLowerCase();
  for (const category of categories) {
    if (
      category.id !== exceptId &&
      category.parent_id === parentId &&
      category.name.toLowerCase() === wanted
    ) {
      return true;
    }
  }
  return false;
}

export function categoryToV3(category: CategoryRecord): Record<string, unknown> {
  return {
    ...category,
    custom_url: {
      url: `/${category.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
      is_customized: false,
    },
  };
}
