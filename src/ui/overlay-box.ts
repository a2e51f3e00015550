/** Draws a "box" overlay into the dialog element: sized, titled, filled; hidden when there is none. */
import type { Widgets } from 'blessed';
import type { Overlay } from './overlay.js';
import type { Theme } from './theme.js';
import { safeText } from './safe-text.js';
import { withFillers } from './text-cell.js';

/** Returns true when something on screen changed. */
export function drawOverlay(box: Widgets.BoxElement, overlay: Overlay | null, width: number, height: number,
  theme: Theme, drawn: Map<object, string>): boolean {
  if (!overlay) {
    if (box.hidden) return false;
    box.hide();
    drawn.delete(box);
    return true;
  }
  const size = overlay.size?.(width, height) ?? { width: 60, height: 12 };
  const outerWidth = Math.max(20, Math.min(width, size.width));
  const outerHeight = Math.max(4, Math.min(height, size.height));
  const content = overlay.render(outerWidth - 2, outerHeight - 2, theme).join('\n');
  const key = `${outerWidth}x${outerHeight}\u0000${overlay.title}\u0000${content}`;
  if (!box.hidden && drawn.get(box) === key) return false;
  drawn.set(box, key);
  box.width = outerWidth;
  box.height = outerHeight;
  box.setLabel(withFillers(` ${safeText(overlay.title)} `));
  box.setContent(withFillers(content));
  box.show();
  box.setFront();
  return true;
}
