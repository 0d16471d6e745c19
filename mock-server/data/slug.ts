/**
 * PokeAPI's resource names ("slugs"): lowercase ASCII words joined by `-`.
 */

const GENDER_SIGNS: Record<string, string> = { '♀': '-f', '♂': '-m' };

/**
 * Turns a display name into a PokeAPI slug: diacritics dropped, `♀`/`♂` as
 * `-f`/`-m`, apostrophes, dots and colons removed, spaces as `-`.
 *
 * @example
 * toSlug('Mr. Mime'); // 'mr-mime'
 * toSlug('Farfetch’d'); // 'farfetchd'
 * toSlug('Nidoran♀'); // 'nidoran-f'
 * toSlug('Type: Null'); // 'type-null'
 */
export function toSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[♀♂]/g, (sign) => GENDER_SIGNS[sign] ?? '')
    .replace(/['’.:%]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
