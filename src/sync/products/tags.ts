import type { ImonggoClient } from '../../imonggo/client.ts';
import { normalizeTag } from './rules.ts';

export interface TagCount {
  tag: string;
  products: number;
}

/**
 * The tags of the account's active products with how many products carry each, for the tag
 * picker. Tags that differ only in case or spaces are one tag, shown as first written.
 */
export async function listTags(imonggo: ImonggoClient): Promise<TagCount[]> {
  const counts = new Map<string, TagCount>();
  for await (const page of imonggo.iterateProducts({ activeOnly: true })) {
    for (const product of page) {
      const seen = new Set<string>();
      for (const tag of product.tag_list) {
        const key = normalizeTag(tag);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { tag: tag.trim(), products: 0 };
        entry.products += 1;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}
