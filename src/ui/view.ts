/**
 * A view is `{ id, title, needs, render, onKey }`: it pulls what it shows from the store, draws
 * into a width × height area as lines of blessed-tagged text, and answers keys with a Reaction
 * (as htop's Action.h: redraw, push/pop/replace a view, open a dialog, quit...) instead of
 * drawing or acting itself. Views start no timers and read no files.
 */
import type { Store, ProcessIdentity } from '../model/store.js';
import type { SignalRequest } from '../host/send-signal.js';
import type { ReniceRequest } from '../host/renice.js';
import type { Action } from './key-table.js';
import type { Theme } from './theme.js';
import type { Overlay } from './overlay.js';
import type { GraphRequest } from './graph-request.js';
import type { ReadNeeds } from '../sampler/read-needs.js';

/** What the sampler must read for a view. */
export interface ViewNeeds {
  /** The per-process reads its columns need ('rollup': PSS, USS, SwapPss shown). */
  reads: ReadNeeds;
  /** /proc/PID/smaps of this process, every tick. */
  mappingsOf: ProcessIdentity | null;
}

export interface ViewContext {
  store: Store;
  width: number;
  /** Rows of the view's area. */
  height: number;
  theme: Theme;
}

export interface MouseInput {
  kind: 'click' | 'wheelup' | 'wheeldown';
  /** Cell within the view's area, 0-based. */
  x: number;
  y: number;
}

export type { SignalRequest } from '../host/send-signal.js';

export type { ReniceRequest } from '../host/renice.js';

export interface TraceRequest {
  pid: number;
  comm: string;
}

export interface Reaction {
  /** Something shown changed: draw again. */
  redraw?: boolean;
  /** The sampler must read something else now (a column or view that needs PSS, K). */
  resample?: boolean;
  push?: View;
  pop?: boolean;
  replace?: View;
  overlay?: Overlay;
  closeOverlay?: boolean;
  signal?: SignalRequest;
  /** The same signal to several processes (the tagged ones), each re-checked. */
  signals?: SignalRequest[];
  renice?: ReniceRequest[];
  /** Start tracing this process and push its Trace view (the app holds the trace service). */
  trace?: TraceRequest;
  /** A line for the status bar until the next key. */
  message?: string;
  quit?: boolean;
}

export const NOTHING: Reaction = {};
export const REDRAW: Reaction = { redraw: true };

export interface View {
  readonly id: 'processes' | 'mappings' | 'system' | 'trace' | 'history' | 'tree' | 'programs' | 'users' | 'containers' | 'libraries';
  /** The breadcrumb segment, e.g. "Processes" or "firefox (1234) › Mappings"; plain text. */
  readonly title: string;
  readonly needs: ViewNeeds;
  render(context: ViewContext): string[];
  /**
   * A chart over some rows of the area, which render() leaves blank; asked after render(), so
   * it follows the same scroll position. null or absent: no chart (the app hides it).
   */
  graph?(context: ViewContext): GraphRequest | null;
  onKey(action: Action, context: ViewContext): Reaction;
  onMouse?(input: MouseInput, context: ViewContext): Reaction;
  /** A short state line for the right of the breadcrumb bar (sort, filter, counts); plain text. */
  status?(context: ViewContext): string;
  /** Called when the view leaves the stack. */
  close?(): void;
}
