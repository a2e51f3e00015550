/**
 * blessed-contrib's line chart, loaded on first use. Only the one widget file is required (the
 * package index costs several times more), through createRequire since memtop is ESM, and only
 * when a view first asks for a chart: start-up and the Processes view never load blessed-contrib.
 *
 * contrib's own typings have errors, so the small surface memtop uses is typed here.
 */
import { createRequire } from 'node:module';
import type { Widgets } from 'blessed';
import type { GraphColor } from './graph-request.js';

export const LINE_CHART_MODULE = 'blessed-contrib/lib/widget/charts/line';

export interface LineChartOptions {
  screen: Widgets.Screen;
  top: number;
  left: number;
  width: number;
  height: number;
  label: string;
  border: { type: 'line' };
  /** Tags in the label (the legend's colours) and the canvas text: only our own strings go in. */
  tags: boolean;
  style: { line: GraphColor; text: GraphColor; baseline: GraphColor; border: { fg?: string } };
  /** contrib's legend box (tags on) over the plot's top right; memtop puts the legend in the label. */
  showLegend: boolean;
  /** Left of the y axis, in canvas dots (two per cell). */
  xPadding: number;
  numYLabels: number;
  minY: number;
  maxY: number;
  wholeNumbersOnly: boolean;
}

export interface LineChartSeries {
  title: string;
  x: string[];
  y: number[];
  style: { line: GraphColor };
}

export interface LineChartElement extends Widgets.BoxElement {
  /** Read again by every setData (maxY, numYLabels). */
  options: LineChartOptions;
  /** Redraws the canvas; the chart must be attached to the screen. */
  setData(series: LineChartSeries[]): void;
}

export type LineChartFactory = (options: LineChartOptions) => LineChartElement;

let factory: LineChartFactory | null = null;

/** Whether blessed-contrib has been loaded in this process (tests check start-up never does). */
export function lineChartLoaded(): boolean {
  return factory !== null;
}

export function loadLineChart(): LineChartFactory {
  factory ??= createRequire(import.meta.url)(LINE_CHART_MODULE) as LineChartFactory;
  return factory;
}
