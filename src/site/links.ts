/** Links to official sources and between site pages. Pure; every URL built here is checked. */
import type { Reference } from '../lib/schema/index.ts';
import { safeExternalUrl } from './text.ts';

/** Official publication URL for ids of officielebekendmakingen.nl ("ah-tk-20202021-3976", "kst-34550-XVI-91"), else null. */
export function officialUrl(id: string): string | null {
  if (!/^(ah-tk|kst|h-tk|stcrt|stb|trb|gmb)-[A-Za-z0-9-]+$/.test(id)) return null;
  return `https://zoek.officielebekendmakingen.nl/${id}.html`;
}

/** Dutch name of a reference kind. */
export const REFERENCE_KIND_LABELS: Record<Reference['kind'], string> = {
  kamerstuk: 'Kamerstuk',
  aanhangsel: 'Aanhangsel Handelingen',
  handelingen: 'Handelingen',
  zaak: 'Zaak',
  document: 'Document',
  url: 'Webadres',
  kamervragen: 'Kamervragen',
};

/** Where a reference should link: a page on this site when we have one, else the official source, else null. */
export function referenceHref(ref: Reference, sitePaths: { record: (id: string) => string | null; motion: (id: string) => string | null }): string | null {
  if (ref.kind === 'url') return safeExternalUrl(ref.id);
  const internal = sitePaths.record(ref.id) ?? sitePaths.motion(ref.id);
  if (internal) return internal;
  return officialUrl(ref.id);
}
