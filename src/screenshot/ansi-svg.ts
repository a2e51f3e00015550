/**
 * A terminal capture with SGR escapes (`tmux capture-pane -e -p`) drawn as an SVG: one cell per
 * character (two for wide ones), backgrounds as rectangles, text in runs of one style. Only SGR
 * is understood (bold, inverse, the 16 colours, 256-colour and RGB forms, their resets); any other
 * escape is dropped. For the README's screenshots (scripts/screenshots.mjs).
 */
import { codePointCells } from '../model/cell-width.js';

interface Style {
  fg: string | null;
  bg: string | null;
  bold: boolean;
  inverse: boolean;
  underline: boolean;
}

interface Cell {
  char: string;
  style: Style;
  /** 2 for a wide character; the cell it covers is not stored. */
  cells: number;
}

/** xterm's 16 colours as a dark terminal theme draws them. */
const PALETTE = ['#1e1e1e', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const DEFAULT_FG = '#d4d4d4';
const DEFAULT_BG = '#1e1e1e';

function color256(n: number): string {
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return rgb(v, v, v);
  }
  const i = n - 16;
  const level = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
}

function rgb(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const PLAIN: Style = { fg: null, bg: null, bold: false, inverse: false, underline: false };

/** The style after one SGR sequence's parameters. */
export function applySgr(style: Style, params: number[]): Style {
  const s = { ...style };
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) Object.assign(s, PLAIN);
    else if (p === 1) s.bold = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 22) s.bold = false;
    else if (p === 24) s.underline = false;
    else if (p === 27) s.inverse = false;
    else if (p >= 30 && p <= 37) s.fg = PALETTE[p - 30];
    else if (p === 39) s.fg = null;
    else if (p >= 40 && p <= 47) s.bg = PALETTE[p - 40];
    else if (p === 49) s.bg = null;
    else if (p >= 90 && p <= 97) s.fg = PALETTE[p - 90 + 8];
    else if (p >= 100 && p <= 107) s.bg = PALETTE[p - 100 + 8];
    else if ((p === 38 || p === 48) && params[i + 1] === 5) {
      const c = color256(params[i + 2] ?? 0);
      if (p === 38) s.fg = c; else s.bg = c;
      i += 2;
    } else if ((p === 38 || p === 48) && params[i + 1] === 2) {
      const c = rgb(params[i + 2] ?? 0, params[i + 3] ?? 0, params[i + 4] ?? 0);
      if (p === 38) s.fg = c; else s.bg = c;
      i += 4;
    }
  }
  return s;
}

/** The capture as rows of cells. */
export function parseCapture(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let style = PLAIN;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const row: Cell[] = [];
    // eslint-disable-next-line no-control-regex
    const pattern = /\x1b\[([0-9;:]*)([A-Za-z])|\x1b[()][0-9A-Za-z]|\x1b.|([^\x1b])/gu;
    for (const m of line.matchAll(pattern)) {
      if (m[2] === 'm') style = applySgr(style, m[1] === '' ? [0] : m[1].split(/[;:]/).map((v) => Number(v) || 0));
      else if (m[3] !== undefined && m[3] !== '\r') {
        const cells = codePointCells(m[3]);
        if (cells === 0 && row.length > 0) row[row.length - 1].char += m[3];
        else row.push({ char: m[3], style, cells: Math.max(1, cells) });
      }
    }
    rows.push(row);
  }
  return rows;
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface SvgOptions {
  columns: number;
  title: string;
  cellWidth?: number;
  lineHeight?: number;
  fontSize?: number;
}

export function captureToSvg(capture: string, options: SvgOptions): string {
  const rows = parseCapture(capture);
  const cw = options.cellWidth ?? 8.4;
  const lh = options.lineHeight ?? 17;
  const fontSize = options.fontSize ?? 14;
  const width = Math.ceil(options.columns * cw) + 16;
  const height = rows.length * lh + 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" xml:space="preserve" style="white-space: pre">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="100%" height="100%" rx="6" fill="${DEFAULT_BG}"/>`,
    `<g transform="translate(8 8)" font-family="'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace" font-size="${fontSize}" xml:space="preserve">`,
  ];
  rows.forEach((row, y) => {
    let x = 0;
    const texts: string[] = [];
    let run: { x: number; style: Style; cells: Cell[] } | null = null;
    const flush = () => {
      if (run) texts.push(...words(run.x, run.cells).map((w) => {
        const { fg } = colors(run!.style);
        // Each word at its own cell, held to its cells by textLength: no renderer's spacing or
        // collapsing of blanks can move a column.
        const attrs = [`x="${(w.x * cw).toFixed(1)}"`, `fill="${fg}"`, `textLength="${(w.cells * cw).toFixed(1)}"`, 'lengthAdjust="spacingAndGlyphs"'];
        if (run!.style.bold) attrs.push('font-weight="bold"');
        if (run!.style.underline) attrs.push('text-decoration="underline"');
        return `<text ${attrs.join(' ')} y="${(y * lh + lh * 0.78).toFixed(1)}">${escapeXml(w.text)}</text>`;
      }));
      run = null;
    };
    for (const cell of row) {
      const { bg } = colors(cell.style);
      if (bg !== DEFAULT_BG) out.push(`<rect x="${(x * cw).toFixed(1)}" y="${y * lh}" width="${(cell.cells * cw + 0.5).toFixed(1)}" height="${lh}" fill="${bg}"/>`);
      if (run === null || !sameStyle(run.style, cell.style)) {
        flush();
        run = { x, style: cell.style, cells: [] };
      }
      run.cells.push(cell);
      x += cell.cells;
    }
    flush();
    out.push(...texts);
  });
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** The runs of non-blank cells, each with its first cell and its width in cells. */
function words(x0: number, cells: readonly Cell[]): { x: number; cells: number; text: string }[] {
  const out: { x: number; cells: number; text: string }[] = [];
  let x = x0;
  let word: { x: number; cells: number; text: string } | null = null;
  for (const cell of cells) {
    if (cell.char === ' ') word = null;
    else {
      if (word === null) out.push(word = { x, cells: 0, text: '' });
      word.text += cell.char;
      word.cells += cell.cells;
    }
    x += cell.cells;
  }
  return out;
}

function colors(style: Style): { fg: string; bg: string } {
  const fg = style.fg ?? DEFAULT_FG;
  const bg = style.bg ?? DEFAULT_BG;
  return style.inverse ? { fg: style.bg ?? DEFAULT_BG, bg: style.fg ?? DEFAULT_FG } : { fg, bg };
}

function sameStyle(a: Style, b: Style): boolean {
  return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.inverse === b.inverse && a.underline === b.underline;
}
