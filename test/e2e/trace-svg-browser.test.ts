/**
 * The --svg flame graph of a real trace opened in a real headless Chromium (Debian's `chromium`):
 * its frames carry the helper's function names and bytes, its script ran, and hovering a frame
 * (a mouseover dispatched from a page that holds the SVG in an iframe) writes that frame's name
 * and bytes in the details line. Without chromium this test fails, saying how to install it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memtopBin } from '../helpers/paths.js';
import { startTracehog, until } from '../helpers/trace-helpers.js';

function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  assert.fail('chromium is not installed: the --svg flame graph is checked in a real browser (Debian: apt-get install chromium)');
}

function dumpDom(browser: string, url: string, dir: string): string {
  const run = spawnSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', `--user-data-dir=${join(dir, 'profile')}`,
    '--virtual-time-budget=5000', '--dump-dom', url], { encoding: 'utf8', timeout: 90_000 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('the --svg file in headless Chromium: frames named after the helper\'s functions, hover shows frame and bytes', async (t) => {
  const browser = chromiumPath();
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const dir = mkdtempSync(join(tmpdir(), 'memtop-trace-svg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const svgPath = join(dir, 'flame.svg');
  const memtop = spawn(process.execPath, [memtopBin, 'trace', String(hog.pid), '--svg', svgPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  memtop.stderr!.on('data', (d: Buffer) => { stderr += d; });
  const exit = new Promise<number | null>((resolve) => memtop.on('close', resolve));
  await until('memtop: tracing', () => stderr.includes('memtop: tracing'));
  await hog.runPattern();
  memtop.kill('SIGINT');
  assert.equal(await exit, 0, stderr);

  const dom = dumpDom(browser, `file://${svgPath}`, dir);
  assert.match(dom, /<title>map_five \(3\.00 MiB, 3145728 bytes\)<\/title>/);
  assert.match(dom, /<title>grow_heap \(320\.0 KiB, 327680 bytes\)<\/title>/);
  const frames = (readFileSync(svgPath, 'utf8').match(/<g class="f"/g) ?? []).length;
  assert.match(dom, new RegExp(`data-interactive-frames="${frames}"`), 'the SVG\'s script did not run');

  writeFileSync(join(dir, 'hover.html'), `<!DOCTYPE html><html><body><iframe id="f" src="flame.svg" width="1200" height="300"></iframe><pre id="out">not loaded</pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var doc = this.contentDocument;
  var out = [];
  ['map_five', 'grow_heap'].forEach(function (name) {
    doc.querySelector('g.f[data-frame="' + name + '"]').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    out.push(doc.getElementById('details').textContent);
  });
  document.getElementById('out').textContent = out.join(' | ');
});
</script></body></html>`);
  const hovered = /<pre id="out">([^<]*)<\/pre>/.exec(dumpDom(browser, `file://${join(dir, 'hover.html')}`, dir));
  assert.equal(hovered?.[1], 'map_five (3.00 MiB, 3145728 bytes) | grow_heap (320.0 KiB, 327680 bytes)');
});
