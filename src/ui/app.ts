/**
 * The app: the screen, the view stack, the overlay, and the loop between them. Samples arrive
 * from the source into the store; keys and clicks go to the overlay or the top view, which
 * answer with reactions; a render is scheduled once per burst of changes and draws only boxes
 * whose text changed. Nothing here waits on /proc.
 */
import type { Store } from '../model/store.js';
import type { SampleSource } from '../sampler/worker/sampler-host.js';
import { unionNeeds, type ReadNeed } from '../sampler/read-needs.js';
import { actionForKey, isEcho, isUnboundKey } from './key-table.js';
import type { Overlay } from './overlay.js';
import { NOTHING, type MouseInput, type Reaction, type ReniceRequest, type SignalRequest, type TraceRequest, type View, type ViewContext } from './view.js';
import { TraceView, type TraceFeed } from './views/trace-view.js';
import { HistoryView } from './views/history-view.js';
import type { StartLibraries } from './views/libraries-view.js';
import { ViewStack } from './view-stack.js';
import { makeTheme, type Theme } from './theme.js';
import type { ColorScheme } from '../config/setup.js';
import { createScreen, layout, tooSmallFor, MIN_HEIGHT, MIN_WIDTH, type Screen, type ScreenStreams } from './screen-setup.js';
import { headerLines } from './widgets/header.js';
import { breadcrumbLine, footerKeys, footerLine } from './widgets/bars.js';
import { HelpOverlay } from './widgets/help-overlay.js';
import { ListOverlay } from './widgets/list-overlay.js';
import { viewChoices, type ViewFactory } from './view-picker.js';
import { ProcessesView } from './views/processes-view.js';
import { drawOverlay } from './overlay-box.js';
import { GraphPane } from './graph-pane.js';
import { TerminalHold, type HeldProgram } from '../terminal/hold.js';
import { withFillers } from './text-cell.js';
import { actionSummary } from './action-summary.js';
import { REPLAY_HELP, replayFooter, type ReplayController } from './replay/replay-controller.js';
import { refusedAction, refusedReaction } from './replay/live-only.js';

export const NO_SUCH_KEY = 'no such key — F1 for help';

export interface AppOptions extends ScreenStreams {
  store: Store;
  source: SampleSource;
  processes: ProcessesView;
  color: boolean;
  colorScheme?: ColorScheme;
  mouse: boolean;
  /** Sends a confirmed signal (re-checking the target); returns the status message. */
  sendSignal(request: SignalRequest): string;
  /** F7/F8: changes a nice value (re-checking the target); returns the status message. */
  renice?(request: ReniceRequest): string;
  /** Called after every handled key or click: the settings may have changed (saved if so); a failure to show, or null. */
  settingsChanged?(): string | null;
  /** A line for the status bar at start (a config file that could not be used). */
  startMessage?: string;
  /**
   * Starts tracing a process (the trace service, run-tui.ts); `onChange` is called as calls
   * arrive. Returns the running trace, or why it cannot start (one line).
   */
  startTrace?(request: TraceRequest, onChange: () => void): TraceFeed | string;
  /** Starts reading every process's smaps for the Libraries view (run-tui.ts); absent: no Libraries view. */
  startLibraries?: StartLibraries;
  /** memtop's resident memory, bytes. */
  ownRssBytes(): number;
  /** Called once, on q / F10 / Ctrl-C. */
  onQuit(): void;
  /** Ctrl-Z: stop as SIGTSTP does (raw mode keeps the terminal from sending the signal). */
  onSuspendKey?(): void;
  /**
   * Called when the UI takes its terminal again after job control: a resize while it was away
   * went to the shell in the foreground, not here (run-tui.ts has the size looked at again).
   */
  onTerminalTaken?(): void;
  /** A replay (memtop replay): its keys, its cursor in the header, and no live-only views or actions. */
  replay?: ReplayController;
}

export class App {
  readonly screen: Screen;
  readonly stack: ViewStack<View>;
  private readonly options: AppOptions;
  private readonly theme: Theme;
  private overlay: Overlay | null = null;
  private message: string | null = null;
  private paused = false;
  private renderPending = false;
  private drawn = new Map<object, string>();
  private rssBytes = 0;
  private rssVersion = -1;
  private destroyed = false;
  /** Who has the terminal through job control (terminal/hold.ts). */
  private readonly terminal: TerminalHold;
  /** A Ctrl-Z waiting for its key's handling to end. */
  private suspendQueued = false;
  /** The top view's chart, if it asks for one; blessed-contrib loads on the first ask. */
  private readonly graph: GraphPane;
  private graphFailureShown = false;

  constructor(options: AppOptions) {
    this.options = options;
    this.theme = makeTheme(options.color, options.colorScheme);
    this.message = options.startMessage ?? null;
    this.stack = new ViewStack<View>(options.processes);
    this.screen = createScreen(options);
    this.graph = new GraphPane(this.screen, this.theme.color);
    // (blessed's typings leave out Program.put, the terminfo capabilities.)
    this.terminal = new TerminalHold(this.screen.screen.program as unknown as HeldProgram, () => {
      this.redrawAll();
      this.options.onTerminalTaken?.();
    });
    const screen = this.screen.screen;
    screen.on('keypress', (ch: string | undefined, key: { full?: string } | undefined) => this.onKeypress(ch, key?.full));
    screen.on('resize', () => this.requestRender());
    if (options.mouse) {
      screen.enableMouse();
      screen.on('mouse', (data: { action: string; x: number; y: number; button?: string }) => this.onMouseEvent(data));
    }
    options.replay?.source.onChange(() => this.requestRender());
    this.applyNeeds();
    this.requestRender();
  }

  /** A new sample or mappings reading is in the store. */
  storeChanged(): void {
    this.requestRender();
  }

  get context(): ViewContext {
    const body = this.screen.body;
    return { store: this.options.store, width: this.screen.screen.width as number, height: body.height as number, theme: this.theme };
  }

  onKeypress(ch: string | undefined, key: string | undefined): void {
    // Enter's "return" twin comes after "enter": it must not clear the message Enter just set.
    if (this.destroyed || isEcho(key)) return;
    const hadMessage = this.message !== null;
    this.message = null;
    const width = this.screen.screen.width as number;
    const height = this.screen.screen.height as number;
    const action = actionForKey(key);
    // Ctrl-Z acts anywhere, as in htop and vim (an open dialog is still open after fg).
    if (action === 'suspend') return this.apply(this.globalKey(action)!);
    if (tooSmallFor(width, height)) {
      if (action === 'quit') this.apply({ quit: true });
      return;
    }
    if (this.overlay) {
      if (key === 'C-c') return this.apply({ quit: true });
      return this.apply(this.overlay.onKey(ch, key), hadMessage);
    }
    const replay = this.options.replay;
    if (replay) {
      const refused = refusedAction(action);
      if (refused !== null) return this.apply({ message: refused });
      const moved = replay.onKey(key, this.stack.top.id);
      if (moved) return this.apply(moved, hadMessage);
    }
    if (action === undefined) {
      if (isUnboundKey(key)) return this.apply({ message: NO_SUCH_KEY });
      return hadMessage ? this.requestRender() : undefined;
    }
    this.apply(this.globalKey(action) ?? this.stack.top.onKey(action, this.context), hadMessage);
  }

  private globalKey(action: string): Reaction | undefined {
    switch (action) {
      case 'quit': return { quit: true };
      case 'suspend':
        // After this key's handling is over: the process stops inside the call. Once for keys
        // read together (Ctrl-Z twice would stop the process again right after fg).
        if (!this.suspendQueued) {
          this.suspendQueued = true;
          setImmediate(() => {
            this.suspendQueued = false;
            this.options.onSuspendKey?.();
          });
        }
        return NOTHING;
      case 'help': return { overlay: new HelpOverlay(this.options.replay ? REPLAY_HELP : []) };
      case 'trace': return this.traceKey();
      case 'history': return this.historyKey();
      case 'views': return { overlay: this.viewPicker() };
      case 'back': return this.stack.all.length > 1 ? { pop: true } : { message: 'this is the first view' };
      case 'pause':
        if (this.options.replay) return this.options.replay.togglePlay();
        this.paused = !this.paused;
        this.options.source.configure({ paused: this.paused });
        return { redraw: true, message: this.paused ? 'paused: Z resumes' : 'resumed' };
      default: return undefined;
    }
  }

  /** s: trace the process selected in the Processes view (also from its Mappings); the Trace view answers for itself. */
  private traceKey(): Reaction | undefined {
    const top = this.stack.top.id;
    if (top === 'trace') return undefined;
    if (top === 'system') return { message: 's traces the selected process: in the Processes view (F2 or Backspace)' };
    const p = this.options.processes.selectedProcess(this.options.store);
    if (!p) return { message: 'no process selected' };
    if (p.kernelThread) return { message: `${p.comm} (${p.pid}) is a kernel thread: it makes no system calls of its own to trace` };
    return { trace: { pid: p.pid, comm: p.comm } };
  }

  /** H: the History view of the process selected in the Processes view (also from its Mappings). */
  private historyKey(): Reaction | undefined {
    const top = this.stack.top.id;
    if (top === 'history') return { message: 'this is the History view (Backspace returns)' };
    if (top !== 'processes' && top !== 'mappings') return { message: 'H shows the history of the selected process: in the Processes view (F2 or Backspace)' };
    const p = this.options.processes.selectedProcess(this.options.store);
    if (!p) return { message: 'no process selected' };
    if (p.kernelThread) return { message: `${p.comm} (${p.pid}) is a kernel thread: it has no memory to follow` };
    return { push: new HistoryView({ pid: p.pid, startTimeTicks: p.startTimeTicks }, p.comm) };
  }

  /** The Trace view of a trace just started, or why it could not start. */
  private startTrace(request: TraceRequest): Reaction {
    if (!this.options.startTrace) return { message: 'tracing is not available here' };
    const feed = this.options.startTrace(request, () => this.requestRender());
    return typeof feed === 'string' ? { message: feed } : { push: new TraceView(feed) };
  }

  private viewPicker(): ListOverlay<ViewFactory> {
    const choices = viewChoices(this.options.processes, this.options.store, { start: this.options.startLibraries, onChange: () => this.requestRender() },
      this.options.replay !== undefined);
    const at = Math.max(0, choices.findIndex((c) => c.value.id === this.stack.top.id));
    return new ListOverlay('Views — Enter replaces the current view', choices, (factory) => factory.choose?.() ?? { replace: factory.make() }, at);
  }

  apply(asked: Reaction, forceRender = false): void {
    // A replay never touches a live process: the reaction is replaced by why (the dialog closes).
    const refused = this.options.replay ? refusedReaction(asked) : null;
    const checked = refused === null ? asked : { closeOverlay: asked.closeOverlay, message: refused };
    const reaction = checked.trace ? { ...checked, ...this.startTrace(checked.trace) } : checked;
    let stackChanged = false;
    if (reaction.closeOverlay) this.overlay = null;
    if (reaction.overlay) this.overlay = reaction.overlay;
    if (reaction.pop) {
      const popped = this.stack.pop();
      popped?.close?.();
      stackChanged = popped !== undefined;
    }
    if (reaction.push) {
      this.stack.push(reaction.push);
      stackChanged = true;
    }
    if (reaction.replace) {
      // A view already in the stack (the Processes view under a Mappings view): back to it,
      // rather than the same view twice.
      if (!this.stack.backTo(reaction.replace, (gone) => gone.close?.())) this.stack.replaceTop(reaction.replace).close?.();
      stackChanged = true;
    }
    if (reaction.signal) this.message = this.options.sendSignal(reaction.signal);
    if (reaction.signals) {
      const results = reaction.signals.map((request) => this.options.sendSignal(request));
      this.message = actionSummary(results, `sent ${reaction.signals[0]?.signal} to ${results.length} processes`);
    }
    if (reaction.renice) {
      const renice = this.options.renice;
      const results = renice ? reaction.renice.map((request) => renice(request)) : ['not reniced: renice is not available here'];
      this.message = actionSummary(results, `nice ${reaction.renice[0]?.delta < 0 ? '-1' : '+1'} for ${results.length} processes`);
    }
    if (reaction.message) this.message = reaction.message;
    this.applyNeeds(reaction.resample === true);
    const saveFailure = this.options.settingsChanged?.() ?? null;
    if (saveFailure !== null) this.message = saveFailure;
    if (reaction.quit) return this.options.onQuit();
    if (forceRender || stackChanged || reaction.redraw || reaction.closeOverlay || reaction.overlay || reaction.message || reaction.signal
      || reaction.signals || reaction.renice || saveFailure !== null) {
      this.requestRender();
    }
  }

  /** Tells the sampler what the views on the stack need: PSS for any, smaps for the top. */
  private applyNeeds(sampleNow = false): void {
    const { source, store } = this.options;
    // The views' reads OR-ed, with what the UI always shows or filters on (stat, status, cmdline).
    const needs = new Set<ReadNeed>(['stat', 'status', 'cmdline', ...unionNeeds(this.stack.all.map((v) => v.needs.reads))]);
    const readDetail = needs.has('rollup');
    const mappingsOf = this.stack.top.needs.mappingsOf;
    const detailTurnedOn = readDetail && !source.config.needs.has('rollup');
    if (mappingsOf) store.watchMappings(mappingsOf);
    else if (store.mappings) store.unwatchMappings();
    source.configure({ needs, mappingsOf });
    if ((sampleNow || detailTurnedOn) && !this.paused) source.sampleNow();
  }

  private onMouseEvent(data: { action: string; x: number; y: number; button?: string }): void {
    if (this.destroyed || this.overlay || tooSmallFor(this.screen.screen.width as number, this.screen.screen.height as number)) return;
    const kind = data.action === 'wheelup' ? 'wheelup' : data.action === 'wheeldown' ? 'wheeldown'
      : data.action === 'mousedown' && data.button === 'left' ? 'click' : null;
    if (kind === null) return;
    const body = this.screen.body;
    const top = body.atop as number;
    const input: MouseInput = { kind, x: data.x, y: data.y - top };
    if (kind === 'click' && (input.y < 0 || input.y >= (body.height as number))) return;
    const view = this.stack.top;
    if (view.onMouse) this.apply(view.onMouse(input, this.context));
  }

  requestRender(): void {
    if (this.renderPending || this.destroyed) return;
    this.renderPending = true;
    setImmediate(() => {
      this.renderPending = false;
      // Away from the terminal nothing is drawn (everything is, once it is taken again).
      if (!this.destroyed && this.terminal.held) this.render();
    });
  }

  /** Draws now; boxes whose text did not change are left alone. */
  render(): void {
    const s = this.screen;
    const width = s.screen.width as number;
    const height = s.screen.height as number;
    let changed = false;
    const set = (box: typeof s.body, text: string) => {
      if (this.drawn.get(box) === text) return;
      this.drawn.set(box, text);
      box.setContent(withFillers(text));
      changed = true;
    };
    const small = tooSmallFor(width, height);
    for (const box of [s.header, s.crumb, s.body, s.footer]) {
      if (box.hidden === small) continue;
      if (small) box.hide(); else box.show();
      changed = true;
    }
    if (small !== !s.tooSmall.hidden) {
      if (small) s.tooSmall.show(); else s.tooSmall.hide();
      changed = true;
    }
    if (small) {
      s.dialog.hide();
      if (this.graph.hide()) changed = true;
      set(s.tooSmall, `\n terminal too small: ${width}×${height}\n memtop needs at least ${MIN_WIDTH}×${MIN_HEIGHT}\n\n q quits`);
      if (changed) s.screen.render();
      return;
    }
    layout(s);
    // A replay's long move under way: the screen keeps the last whole state, the status line says how far it is.
    const moving = this.options.replay?.movingText() ?? null;
    if (moving !== null) {
      set(s.footer, footerLine([], width, this.theme, moving));
      if (changed) s.screen.render();
      return;
    }
    const store = this.options.store;
    if (this.rssVersion !== store.version) {
      this.rssVersion = store.version;
      this.rssBytes = this.options.ownRssBytes();
    }
    const context = this.context;
    set(s.header, headerLines(store, width, this.theme, {
      rssBytes: this.rssBytes, intervalMs: this.options.source.config.intervalMs, paused: this.paused,
      replay: this.options.replay?.cursorText(), replayNote: this.options.replay?.note,
    }).join('\n'));
    const view = this.stack.top;
    set(s.crumb, breadcrumbLine(this.stack.all.map((v) => v.title), view.status?.(context) ?? '', width, this.theme));
    set(s.body, view.render(context).join('\n'));
    const graph = view.graph?.(context) ?? null;
    if (this.graph.show(graph, { top: s.body.atop as number, width, height: context.height })) changed = true;
    if (this.graph.failure !== null && !this.graphFailureShown) {
      this.graphFailureShown = true;
      this.message = this.graph.failure;
    }
    const prompt = this.overlay?.placement === 'line' ? this.overlay : null;
    const promptLine = prompt ? prompt.render(width, 1, this.theme)[0] + (this.message ? `  ${footerLine([], width, this.theme, this.message)}` : '') : null;
    const keys = footerKeys(view.id, this.stack.all.length > 1);
    set(s.footer, promptLine ?? footerLine(this.options.replay ? replayFooter(keys) : keys, width, this.theme, this.message));
    if (drawOverlay(s.dialog, this.overlay?.placement === 'box' ? this.overlay : null, width, height, this.theme, this.drawn)) changed = true;
    if (changed) s.screen.render();
  }

  /**
   * Job control (`kill -TSTP`, Ctrl-Z, a shell's suspend): gives the terminal back as it was found
   * (terminal/hold.ts), calls `stop` (which stops the process and returns once it is continued,
   * or at once when the kernel would not stop it: an orphaned process group), and takes the
   * terminal again if the process is in the foreground.
   */
  suspend(stop: () => void): void {
    if (this.destroyed) return;
    this.terminal.release();
    try {
      stop();
    } finally {
      this.terminal.take();
    }
  }

  /**
   * After SIGCONT: the terminal back in the UI's modes and the whole screen drawn again, if the
   * process is in the foreground (`fg`); in the background (`bg`, or `kill %1` on the stopped
   * job) the terminal is left to the shell until the process finds itself in the foreground.
   */
  resume(): void {
    if (!this.destroyed) this.terminal.take();
  }

  /** Everything drawn again: what changed while the terminal was away, then every cell. */
  private redrawAll(): void {
    this.render();
    this.screen.screen.alloc();
    this.screen.screen.render();
  }

  /** Leaves the alternate screen, shows the cursor, ends raw mode and mouse reporting. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.terminal.end();
    const screen = this.screen.screen;
    screen.destroy();
    screen.program.flush?.();
  }
}

export { ProcessesView };
