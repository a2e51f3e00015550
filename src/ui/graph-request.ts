/**
 * A view's request for a line chart in part of its area. Views do not touch blessed: a view says
 * which of its rows the chart takes and what to plot, leaves those rows blank in its text, and
 * the app draws one blessed-contrib line chart there (graph-pane.ts).
 *
 * Every string here — the title, the series titles, the x labels — reaches blessed-contrib,
 * whose legend is a box with `tags: true` and whose canvas prints labels as they are, escapes
 * and all. So only memtop's own words and numbers go here: never anything a process or a file
 * controls (names, command lines, paths, cgroups). The pane makes them inert once more anyway.
 */

/** The colours contrib's canvas knows; 'normal' is the terminal's own foreground. */
export type GraphColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'normal';

export interface GraphSeries {
  /** For the legend, e.g. "used 879M". */
  title: string;
  color: GraphColor;
  /** One per point, oldest first, in the axis unit. */
  values: number[];
}

export interface GraphRequest {
  /** First row of the chart within the view's area, 0-based, and how many rows it takes. */
  top: number;
  rows: number;
  title: string;
  /** One per point, oldest first. */
  xLabels: string[];
  series: GraphSeries[];
  /** The y axis runs from 0 to `yMax` in `ySteps` equal whole-number steps. */
  yMax: number;
  ySteps: number;
}
