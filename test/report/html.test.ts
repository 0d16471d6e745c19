import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape.ts';
import { renderHtml } from '../../src/report/html.ts';
import type { Results } from '../../src/results/types.ts';
import { FLAT_MAX_SLOPE, LINEAR_MIN_SLOPE } from '../../src/scaling/thresholds.ts';
import { loadFixture } from './fixtures.ts';

const HOSTILE = '<script>alert("x")</script>';
let results: Results;
let html = '';

/** The 5-strategy fixture with hostile strings wherever a run puts text. */
function hostile(): Results {
  const r = loadFixture('fast-jitter-30ms');
  const first = r.strategies[0] as Results['strategies'][number];
  r.settings.ladders[`seq ${HOSTILE}`] = r.settings.ladders[first.name] ?? [];
  delete r.settings.ladders[first.name];
  first.name = `seq ${HOSTILE}`;
  r.settings.profile.name = `"><img src=x onerror=alert(1)>`;
  r.settings.profile.description = 'Tom & Jerry <b>bold</b>';
  r.settings.profile.definition = { note: '</pre><script>alert(2)</script>' };
  return r;
}

// Vega rendering is the slow part: the page renders once, here.
beforeAll(async () => {
  results = hostile();
  html = await renderHtml(results);
});

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

describe('renderHtml', () => {
  it('is a well-formed page: doctype first, main elements balanced', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    for (const tag of ['html', 'head', 'body', 'main', 'header', 'section', 'table', 'thead', 'tbody', 'tr', 'figure', 'figcaption', 'svg', 'details', 'dl', 'ul', 'style']) {
      expect(count(html, new RegExp(`<${tag}[\\s>]`, 'g')), `<${tag}>`).toBe(count(html, new RegExp(`</${tag}>`, 'g')));
    }
    expect(count(html, /<main>/g)).toBe(1);
  });

  it('has one T-vs-N chart with an inline SVG per strategy, plus combined, log-log and latency', () => {
    const figures = [...html.matchAll(/<figure class="chart"[^>]*data-kind="([^"]+)">([\s\S]*?)<\/figure>/g)];
    const perStrategy = figures.filter((f) => f[1] === 'strategy');
    expect(perStrategy).toHaveLength(results.strategies.length);
    for (const f of perStrategy) expect(count(f[2] as string, /<svg/g)).toBe(1);
    expect(figures.map((f) => f[1]).filter((kind) => kind !== 'strategy')).toEqual(['combined', 'log-log', 'latency']);
  });

  it('loads nothing from the network: no script, link, img, iframe or remote URL but the SVG namespaces', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)[\s>]/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)="?(?!#)/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    const urls = new Set(html.match(/https?:\/\/[^"'\s)<]+/g) ?? []);
    expect(urls).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('gives every id once, and resolves every url(#…) inside its own chart', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Today's specs clip nothing, so Vega may emit no references at all;
    // svg-ids.test.ts covers the scoping itself.
    for (const [, figureId, body] of html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)) {
      for (const [, ref] of (body as string).matchAll(/url\(#([^)]+)\)/g)) {
        expect(ref?.startsWith(`${figureId}-`)).toBe(true);
        expect(body).toContain(` id="${ref}"`);
      }
    }
  });

  it('escapes every string from the run', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('seq &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('summarises machine and settings, and explains how to read the numbers', () => {
    const { settings, machine } = results;
    for (const fact of [settings.profile.name, `seed ${settings.profile.seed}`, settings.payload, settings.client.kind, machine.node, `${machine.cpus} (${machine.cpuModel})`]) {
      expect(html).toContain(escapeHtml(fact));
    }
    expect(html).toContain('<h2>How to read this</h2>');
    expect(html).toContain(`below ${FLAT_MAX_SLOPE}`);
    expect(html).toContain(`above ${LINEAR_MIN_SLOPE}`);
    expect(html).toContain('efficiency</strong> = model ideal / measured');
  });

  it('has a verdict row per strategy with its reason, and a points table per strategy with a row per N', () => {
    const verdicts = html.slice(html.indexOf('<table class="verdicts">'), html.indexOf('</table>'));
    expect(count(verdicts, /<tr>/g)).toBe(results.strategies.length + 1);
    for (const s of results.strategies) expect(verdicts).toContain(`<td class="reason">${escapeHtml(s.scaling.reason)}</td>`);
    const tables = [...html.matchAll(/<table class="points">([\s\S]*?)<\/table>/g)].map((m) => m[1] as string);
    expect(tables.map((t) => count(t, /<tr>/g) - 1)).toEqual(results.strategies.map((s) => s.points.length));
  });
});
