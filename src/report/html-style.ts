/**
 * The report page's stylesheet, inlined in a `<style>` element so the page
 * needs nothing but itself (no fonts, no network).
 */

/** CSS of the HTML report. Tone classes match `tone.ts`. */
export const HTML_STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fafafa; color: #222; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 24px 0 8px; }
.subtitle { color: #666; margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 8px 0 16px; background: #fff; }
th, td { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
th { background: #f0f0f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.reason { white-space: normal; color: #555; max-width: 420px; }
.tone-good { color: #1a7f37; font-weight: 600; }
.tone-warn { color: #9a6700; font-weight: 600; }
.tone-bad { color: #cf222e; font-weight: 600; }
.tone-unknown { color: #8250df; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
figure.chart { margin: 0; padding: 8px; background: #fff; border: 1px solid #e5e5e5; border-radius: 4px; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #666; font-size: 12px; margin-top: 4px; }
pre { background: #fff; border: 1px solid #e5e5e5; padding: 8px; overflow-x: auto; }
.how li { margin: 4px 0; }
code { background: #f0f0f0; padding: 0 3px; border-radius: 3px; }
`;
