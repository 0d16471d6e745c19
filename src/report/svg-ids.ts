/**
 * Make the ids of one SVG unique inside a page. Vega numbers its clip paths
 * `clip1`, `clip2`… in every SVG it renders; inline two such SVGs in one HTML
 * document and `url(#clip1)` in the second resolves to the first's clip path,
 * so marks get clipped to the wrong chart.
 */

/**
 * Prefix every `id` and every local reference to one (`url(#…)`, `href="#…"`,
 * `xlink:href="#…"`) with `prefix-`.
 *
 * @example scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'c') // ids become c-clip1
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/(\s)id="([^"]+)"/g, (_, space: string, id: string) => `${space}id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
}
