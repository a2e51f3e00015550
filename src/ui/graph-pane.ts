/**
 * The app's one chart: a blessed-contrib line chart over the rows a view asked for
 * (View.graph), created on the first request (loading contrib then), moved and re-laid out
 * on resize, redrawn only when the request changed, hidden whenever no view on top asks for
 * it or the terminal is too small. It sits between the body and the dialog, so it covers the
 * view's blank rows and dialogs still cover it.
 *
 * The legend is in the title, on the border: contrib's own legend box sits on the top right of
 * the plot, over the newest points.
 */
import { safeText } from './safe-text.js';
import type { GraphColor, GraphRequest } from './graph-request.js';
import { loadLineChart, type LineChartElement, type LineChartFactory } from './line-chart-module.js';
import type { Screen } from './screen-setup.js';

/** Fewer rows leave no room for the plot between the border and the x labels. */
export const MIN_GRAPH_ROWS = 6;

/** Where the view's area is on the screen. */
export interface GraphArea {
  top: number;
  width: number;
  height: number;
}

export class GraphPane {
  private chart: LineChartElement | null = null;
  private drawnKey: string | null = null;
  private size = '';
  /** Why the chart cannot be drawn (blessed-contrib failed to load); it is not tried again. */
  failure: string | null = null;

  constructor(private readonly s: Screen, private readonly color: boolean, private readonly load: () => LineChartFactory = loadLineChart) {}

  /** Draws the request, or hides the chart when there is none; true when the screen changed. */
  show(request: GraphRequest | null, area: GraphArea): boolean {
    const fits = request !== null && request.rows >= MIN_GRAPH_ROWS && request.top >= 0 && request.top + request.rows <= area.height;
    if (!fits || this.failure !== null) return this.hide();
    const key = JSON.stringify([area, request]);
    if (this.chart && !this.chart.hidden && this.drawnKey === key) return false;
    const chart = this.chart ?? this.create();
    if (!chart) return this.hide();
    const size = `${area.width}x${request.rows}`;
    chart.top = area.top + request.top;
    chart.width = area.width;
    chart.height = request.rows;
    if (size !== this.size) {
      this.size = size;
      chart.emit('attach'); // contrib sizes its canvas on attach: the documented way to re-lay it out
    }
    chart.options.maxY = request.yMax;
    chart.options.numYLabels = request.ySteps;
    chart.setLabel(this.label(request));
    chart.setData(request.series.map((series) => ({
      title: '',
      // The canvas is tag-parsed too (tags: true) and passes escapes through: our own words
      // only (graph-request.ts), made inert regardless.
      x: request.xLabels.map(safeText),
      y: series.values,
      style: { line: this.paint(series.color) },
    })));
    chart.show();
    this.drawnKey = key;
    return true;
  }

  hide(): boolean {
    if (!this.chart || this.chart.hidden) return false;
    this.chart.hide();
    this.drawnKey = null;
    return true;
  }

  /** " title  ━ used 879M  ━ buff/cache 505M ": the chart has tags on, so every string is made inert. */
  private label(request: GraphRequest): string {
    const legend = request.series.map((series) => {
      const mark = this.color ? `{${series.color}-fg}━{/${series.color}-fg} ` : '';
      return `${mark}${safeText(series.title)}`;
    });
    return ` ${[safeText(request.title), ...legend].join('  ')} `;
  }

  private paint(color: GraphColor): GraphColor {
    return this.color ? color : 'normal';
  }

  private create(): LineChartElement | null {
    let make: LineChartFactory;
    try {
      make = this.load();
    } catch (error) {
      this.failure = `no chart: blessed-contrib did not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      return null;
    }
    const chart = make({
      screen: this.s.screen, top: 0, left: 0, width: 20, height: MIN_GRAPH_ROWS, label: '', border: { type: 'line' }, tags: true,
      style: { line: this.paint('green'), text: this.paint('white'), baseline: this.paint('white'), border: this.color ? { fg: 'cyan' } : {} },
      showLegend: false, xPadding: 10, numYLabels: 4, minY: 0, maxY: 1, wholeNumbersOnly: true,
    });
    chart.hide();
    this.s.screen.insertBefore(chart, this.s.dialog); // attaches it: contrib makes its canvas now
    this.chart = chart;
    return chart;
  }
}
