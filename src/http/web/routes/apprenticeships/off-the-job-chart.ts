import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from '../../../../domain/apprenticeships/off-the-job-series.ts';

/**
 * The off-the-job chart: the planned line and the approved hours over time, drawn on the server as
 * SVG by vega-lite (no script in the browser). The page puts a table of the same points and a text
 * summary beside it, so the chart is never the only way to read the figures.
 */

const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

export const offTheJobChartSpec = (series: readonly SeriesPoint[]): TopLevelSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  width: 600,
  height: 260,
  background: 'white',
  data: {
    values: series.flatMap((p) => [
      { date: p.date, label: long.format(new Date(`${p.date}T00:00:00Z`)), line: 'Planned', hours: p.plannedHours },
      ...(p.actualHours === null
        ? []
        : [{ date: p.date, label: long.format(new Date(`${p.date}T00:00:00Z`)), line: 'Approved', hours: p.actualHours }]),
    ]),
  },
  mark: { type: 'line', point: true, strokeWidth: 3 },
  encoding: {
    x: { field: 'date', type: 'temporal', title: 'Date', axis: { format: '%b %Y', labelFontSize: 14, titleFontSize: 14 } },
    y: { field: 'hours', type: 'quantitative', title: 'Hours of off-the-job training', axis: { labelFontSize: 14, titleFontSize: 14 } },
    color: {
      field: 'line',
      type: 'nominal',
      title: null,
      // GOV.UK colours: planned in dark grey, dashed; approved in blue.
      scale: { domain: ['Planned', 'Approved'], range: ['#505a5f', '#1d70b8'] },
      legend: { orient: 'top', labelFontSize: 14 },
    },
    strokeDash: {
      field: 'line',
      type: 'nominal',
      scale: {
        domain: ['Planned', 'Approved'],
        range: [
          [6, 4],
          [1, 0],
        ],
      },
    },
  },
  config: { font: 'Arial, sans-serif', view: { stroke: null } },
});

/** The chart as an SVG document string, ready to embed (vega escapes the text it draws). */
export const renderOffTheJobChart = async (series: readonly SeriesPoint[]): Promise<string> => {
  const view = new vega.View(vega.parse(compile(offTheJobChartSpec(series)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Announced by the figure's caption; the SVG itself is a picture of the table beside it.
    return svg.replace('<svg ', '<svg role="img" aria-labelledby="otj-chart-caption" focusable="false" ');
  } finally {
    view.finalize();
  }
};
