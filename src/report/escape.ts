/**
 * Escaping for the two markup languages the reports write. Every string that
 * came from a run (strategy names, profile names and descriptions, URLs,
 * reasons) goes through one of these before it is embedded.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe inside HTML element content and quoted attribute values.
 *
 * @example escapeHtml('<b>"x" & y</b>') // '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] as string);
}

/**
 * Text safe inside a GitHub-flavoured Markdown table cell: emphasis and
 * code punctuation is backslash-escaped, `|` cannot end the cell, HTML cannot
 * open a tag, and a newline cannot end the row. Brackets are left alone so an
 * interval reads `[0.98, 1.01]` (a `](` that could open a link is escaped).
 *
 * @example escapeMarkdown('a|b <i>') // 'a\\|b &lt;i&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_|~]/g, (ch) => `\\${ch}`)
    .replace(/\]\(/g, '\\](')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}
