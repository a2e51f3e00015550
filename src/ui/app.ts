/**
 * The app: the screen, the view stack, the overlay, and the loop between them. Samples arrive
 * from the source into the store; keys and clicks go to the overlay or the top view, which
 * answer with reactions; a render is scheduled once per burst of changes and draws only boxes
 * whose text changed. Nothing here waits on /proc.
 */
import type { Store } from '../model/store.js';
import type { SampleSource } from '../sampler/sampler-host.js';
import { actionForKey } from './key-table.js';
import type { Overlay } from './overlay.js';
import type { MouseInput, Reaction, SignalRequest, View, ViewContext } from './view.js';
import { ViewStack } from './view-stack.js';
import { makeTheme, type Theme } from './theme.js';
import { createScreen, layout, tooSmallFor, MIN_HEIGHT, MIN_WIDTH, type Screen, type ScreenStreams } from './screen-setup.js';
import { headerLines } from './widgets/header.js';
import { breadcrumbLine, footerKeys, footerLine } from './widgets/bars.js';
import { HelpOverlay } from './widgets/help-overlay.js';
import { ListOverlay } from './widgets/list-overlay.js';
import { viewChoices, type ViewFactory } from './view-picker.js';
import { ProcessesView } from './views/processes-view.js';
import { drawOverlay } from './overlay-box.js';
import { GraphPane } from './graph-pane.js';
import { inTerminalForeground } from './terminal-foreground.js';

/** How often a UI running in the background looks whether it has been brought to the foreground. */
const FOREGROUND_POLL_MS = 200;

export interface AppOptions extends ScreenStreams {
  store: Store;
  source: SampleSource;
  processes: ProcessesView;
  color: boolean;
  mouse: boolean;
  /** Sends a confirmed signal (re-checking the target); returns the status message. */
  sendSignal(request: SignalRequest): string;
  /** memtop's resident memory, bytes. */
  ownRssBytes(): number;
  /** Called once, on q / F10 / Ctrl-C. */
  onQuit(): void;
  /**
   * Called when the UI takes its terminal again after job control: a resize while it was away
   * went to the shell in the foreground, not here (run-tui.ts has the size looked at again).
   */
  onTerminalTaken?(): void;
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
  /**
   * Who has the terminal: the UI; the shell, handed back by suspend() (blessed paused: nothing
   * written, no keys read, line mode); or the shell because this process runs in the background
   * after a SIGSTOP it could not hand it over for (the terminal left as it is, nothing drawn, no
   * keys read: either would stop the process again).
   */
  private terminal: 'ui' | 'handed-back' | 'background' = 'ui';
  /** While running in the background: looks for the process being brought to the foreground. */
  private foregroundWatch: NodeJS.Timeout | null = null;
  /** The top view's chart, if it asks for one; blessed-contrib loads on the first ask. */
  private readonly graph: GraphPane;
  private graphFailureShown = false;

  constructor(options: AppOptions) {
    this.options = options;
    this.theme = makeTheme(options.color);
    this.stack = new ViewStack<View>(options.processes);
    this.screen = createScreen(options);
    this.graph = new GraphPane(this.screen, options.color);
    const screen = this.screen.screen;
    screen.on('keypress', (ch: string | undefined, key: { full?: string } | undefined) => this.onKeypress(ch, key?.full));
    screen.on('resize', () => this.requestRender());
    if (options.mouse) {
      screen.enableMouse();
      screen.on('mouse', (data: { action: string; x: number; y: number; button?: string }) => this.onMouseEvent(data));
    }
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
    if (this.destroyed) return;
    const hadMessage = this.message !== null;
    this.message = null;
    const width = this.screen.screen.width as number;
    const height = this.screen.screen.height as number;
    const action = actionForKey(key);
    if (tooSmallFor(width, height)) {
      if (action === 'quit') this.apply({ quit: true });
      return;
    }
    if (this.overlay) {
      if (key === 'C-c') return this.apply({ quit: true });
      return this.apply(this.overlay.onKey(ch, key), hadMessage);
    }
    if (action === undefined) return hadMessage ? this.requestRender() : undefined;
    this.apply(this.globalKey(action) ?? this.stack.top.onKey(action, this.context), hadMessage);
  }

  private globalKey(action: string): Reaction | undefined {
    switch (action) {
      case 'quit': return { quit: true };
      case 'help': return { overlay: new HelpOverlay() };
      case 'views': return { overlay: this.viewPicker() };
      case 'back': return this.stack.all.length > 1 ? { pop: true } : { message: 'this is the first view' };
      case 'pause':
        this.paused = !this.paused;
        this.options.source.configure({ paused: this.paused });
        return { redraw: true, message: this.paused ? 'paused: Space resumes' : 'resumed' };
      default: return undefined;
    }
  }

  private viewPicker(): ListOverlay<ViewFactory> {
    const choices = viewChoices(this.options.processes, this.options.store);
    const at = Math.max(0, choices.findIndex((c) => c.value.id === this.stack.top.id));
    return new ListOverlay('Views — Enter replaces the current view', choices, (factory) => ({ replace: factory.make() }), at);
  }

  apply(reaction: Reaction, forceRender = false): void {
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
    if (reaction.message) this.message = reaction.message;
    this.applyNeeds(reaction.resample === true);
    if (reaction.quit) return this.options.onQuit();
    if (forceRender || stackChanged || reaction.redraw || reaction.closeOverlay || reaction.overlay || reaction.message || reaction.signal) {
      this.requestRender();
    }
  }

  /** Tells the sampler what the views on the stack need: PSS for any, smaps for the top. */
  private applyNeeds(sampleNow = false): void {
    const { source, store } = this.options;
    const readDetail = this.stack.all.some((v) => v.needs.detail);
    const mappingsOf = this.stack.top.needs.mappingsOf;
    const detailTurnedOn = readDetail && !source.config.readDetail;
    if (mappingsOf) store.watchMappings(mappingsOf);
    else if (store.mappings) store.unwatchMappings();
    source.configure({ readDetail, mappingsOf });
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
      // Away from the terminal nothing is drawn (takeTerminal draws everything on return).
      if (!this.destroyed && this.terminal === 'ui') this.render();
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
      box.setContent(text);
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
    const store = this.options.store;
    if (this.rssVersion !== store.version) {
      this.rssVersion = store.version;
      this.rssBytes = this.options.ownRssBytes();
    }
    const context = this.context;
    set(s.header, headerLines(store, width, this.theme, {
      rssBytes: this.rssBytes, intervalMs: this.options.source.config.intervalMs, paused: this.paused,
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
    set(s.footer, promptLine ?? footerLine(footerKeys(view.id, this.stack.all.length > 1), width, this.theme, this.message));
    if (drawOverlay(s.dialog, this.overlay?.placement === 'box' ? this.overlay : null, width, height, this.theme, this.drawn)) changed = true;
    if (changed) s.screen.render();
  }

  /**
   * Job control (`kill -TSTP`, or a shell's suspend): gives the terminal back as it was found
   * (normal screen, cursor, no raw mode or mouse reporting), calls `stop` (which stops the
   * process and returns once it is continued, or at once when the kernel would not stop it: an
   * orphaned process group), and takes the terminal again.
   */
  suspend(stop: () => void): void {
    if (this.destroyed) return;
    const program = this.screen.screen.program;
    // blessed buffers what it writes until its next tick, which would come only after the stop:
    // the normal screen, cursor and mouse codes must be out before it.
    program.flush();
    const buffered = program.useBuffer;
    program.useBuffer = false;
    try {
      program.pause();
    } finally {
      program.useBuffer = buffered;
    }
    this.terminal = 'handed-back';
    try {
      stop();
    } finally {
      this.takeTerminal();
    }
  }

  /**
   * After SIGCONT: the terminal back in the UI's modes (the shell that continued the process may
   * have set its own, and a process stopped by SIGSTOP could not hand it over) and the whole
   * screen drawn again. Not while the process is in the background (`bg`, or `kill %1` on the
   * stopped job): there the terminal is left to the shell until a SIGCONT finds the process in the
   * foreground (`fg`, or found there by the foreground watch: `fg` of a running job sends no
   * signal).
   */
  resume(): void {
    this.takeTerminal();
  }

  /** Takes the terminal for the UI if the process is in the foreground; returns whether it did. */
  private takeTerminal(): boolean {
    if (this.destroyed) return false;
    const program = this.screen.screen.program;
    const input = program.input as { isTTY?: boolean; setRawMode?: (raw: boolean) => void; pause(): void; resume(): void };
    const foreground = !input.isTTY || inTerminalForeground();
    if (!foreground) {
      if (this.terminal === 'ui') {
        this.terminal = 'background';
        input.pause();
      }
      // `fg` of a job that runs sends it no signal: the process looks for itself (and keeps
      // sampling meanwhile, so the history has no hole).
      this.foregroundWatch ??= setInterval(() => this.takeTerminal(), FOREGROUND_POLL_MS).unref();
      return false;
    }
    this.stopForegroundWatch();
    if (this.terminal === 'handed-back') program.resume();
    else if (this.terminal === 'background') input.resume();
    this.terminal = 'ui';
    // Off and on again: libuv remembers the mode it set and skips setting the same one, though
    // the shell may have changed the terminal's modes meanwhile.
    if (input.isTTY && input.setRawMode) {
      input.setRawMode(false);
      input.setRawMode(true);
    }
    program.alternateBuffer();
    program.hideCursor();
    this.redrawAll();
    this.options.onTerminalTaken?.();
    return true;
  }

  private stopForegroundWatch(): void {
    if (this.foregroundWatch !== null) clearInterval(this.foregroundWatch);
    this.foregroundWatch = null;
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
    this.stopForegroundWatch();
    const screen = this.screen.screen;
    screen.destroy();
    screen.program.flush?.();
  }
}

export { ProcessesView };
