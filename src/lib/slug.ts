/**
 * URL slugs for names without an official id (members, parties, ministries). Pure. Lives in
 * src/lib because domain code (ministries, overdue lists) and the site must agree on them.
 */

/** A URL-safe slug for a name without an official id ("Van der Plas" → "van-der-plas"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'onbekend';
}
