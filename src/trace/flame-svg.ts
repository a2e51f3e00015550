/**
 * A self-contained flame graph SVG of folded stacks: one rectangle per frame, its width the bytes
 * under it, the root at the bottom; hovering a frame shows its name and bytes in the details line
 * (and its <title>, the browser's tooltip). Frame names are untrusted (they come from the traced
 * program's symbols): every one is escaped for XML, and the script reads them only as text.
 */
import type { FoldedLine } from './folded-stacks.js';

interface Node {
  name: string;
  bytes: number;
  children: Map<string, Node>;
}

const WIDTH = 1200;
const ROW = 17;
const PAD = 10;

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all become U+FFFD.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function tree(lines: readonly FoldedLine[]): Node {
  const root: Node = { name: 'all', bytes: 0, children: new Map() };
  for (const line of lines) {
    root.bytes += line.bytes;
    let node = root;
    for (const frame of line.frames) {
      let child = node.children.get(frame);
      if (!child) {
        child = { name: frame, bytes: 0, children: new Map() };
        node.children.set(frame, child);
      }
      child.bytes += line.bytes;
      node = child;
    }
  }
  return root;
}

function depthOf(node: Node): number {
  let deepest = 0;
  for (const child of node.children.values()) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** A warm colour from the name, so that a frame keeps its colour between graphs. */
function colour(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return `rgb(${205 + (hash % 50)},${80 + ((hash >>> 8) % 130)},${(hash >>> 16) % 55})`;
}

function humanBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function flameSvg(lines: readonly FoldedLine[], title: string): string {
  const root = tree(lines);
  const depth = depthOf(root);
  const height = (depth + 3) * ROW + 2 * PAD;
  const scale = root.bytes > 0 ? (WIDTH - 2 * PAD) / root.bytes : 0;
  const rects: string[] = [];
  const place = (node: Node, x: number, level: number) => {
    const w = node.bytes * scale;
    const y = height - PAD - ROW * (level + 2);
    const label = `${node.name} (${humanBytes(node.bytes)}, ${node.bytes} bytes)`;
    const chars = Math.floor((w - 6) / 7);
    const text = chars >= 3 ? (node.name.length <= chars ? node.name : `${node.name.slice(0, chars - 2)}..`) : '';
    rects.push(`<g class="f" data-frame="${escapeXml(node.name)}" data-bytes="${node.bytes}"><title>${escapeXml(label)}</title>`
      + `<rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0, w - 0.5).toFixed(2)}" height="${ROW - 1}" fill="${colour(node.name)}" rx="2"/>`
      + `<text x="${(x + 3).toFixed(2)}" y="${y + ROW - 5}">${escapeXml(text)}</text></g>`);
    let childX = x;
    const children = [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      place(child, childX, level + 1);
      childX += child.bytes * scale;
    }
  };
  if (root.bytes > 0) place(root, PAD, 0);
  // Hover: the details line shows the frame's name and bytes (its <title> text). The root element
  // carries the count of frames made interactive, so a reader (or a test) can see the script ran.
  const script = `
var details = document.getElementById('details');
var frames = document.querySelectorAll('g.f');
function show(e) { var g = e.currentTarget; details.textContent = g.querySelector('title').textContent; }
function hide() { details.textContent = ' '; }
for (var i = 0; i < frames.length; i++) { frames[i].addEventListener('mouseover', show); frames[i].addEventListener('mouseout', hide); }
document.documentElement.setAttribute('data-interactive-frames', String(frames.length));
`;
  return `<?xml version="1.0" standalone="no"?>
<svg version="1.1" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">
<style>text { font-family: monospace; font-size: 12px; fill: #000; pointer-events: none; } g.f:hover rect { stroke: #000; stroke-width: 0.5; } #details, #title { font-size: 14px; }</style>
<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#fff8ee"/>
<text id="title" x="${WIDTH / 2}" y="${PAD + 12}" text-anchor="middle">${escapeXml(title)}</text>
<text id="details" x="${PAD}" y="${height - 4}"> </text>
${root.bytes > 0 ? rects.join('\n') : `<text x="${PAD}" y="${PAD + 40}">no stack mapped more than it unmapped</text>`}
<script><![CDATA[${script}]]></script>
</svg>
`;
}
