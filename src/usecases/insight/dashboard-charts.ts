import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One bar: its words, its number, and the list of the people it counts. */
export type Bar = { label: string; value: number; href: string };

/**
 * A horizontal bar chart drawn on the server as SVG by Vega-Lite (no browser, no script). Each bar
 * is a link to the people it counts, and the chart carries its title and numbers for screen
 * readers; the page shows the same numbers as a table beside it.
 */
export const barChart = async (title: string, bars: readonly Bar[], unit: string): Promise<string> => {
  const values = bars.map((b) => ({ ...b, words: `${b.label}: ${b.value} ${unit.toLowerCase()}` }));
  const view = new vega.View(runtimeOf(title, bars.length, unit), { renderer: 'none' }).data('bars', values);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
};

/**
 * Compiling Vega-Lite and parsing Vega cost far more than drawing, and a dashboard draws the same
 * few charts again and again: the parsed chart is kept per title, unit and number of bars (its
 * height), and each drawing only brings its own data. Bounded: the oldest is dropped past 200.
 */
const runtimes = new Map<string, vega.Runtime>();
const runtimeOf = (title: string, count: number, unit: string): vega.Runtime => {
  const key = JSON.stringify([title, count, unit]);
  const cached = runtimes.get(key);
  if (cached) return cached;
  const runtime = vega.parse(compile(specOf(title, count, unit)).spec);
  if (runtimes.size >= 200) runtimes.delete(runtimes.keys().next().value ?? '');
  runtimes.set(key, runtime);
  return runtime;
};

const specOf = (title: string, count: number, unit: string): TopLevelSpec => {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: title,
    title,
    width: 420,
    height: Math.max(40, count * 26),
    background: 'white',
    // Each bar's words for a screen reader (its link's name, "TA3: 52 staff") come with the data.
    data: { name: 'bars' },
    layer: [
      {
        mark: { type: 'bar', color: '#1d70b8', cursor: 'pointer' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
          x: { field: 'value', type: 'quantitative', title: unit, axis: { tickMinStep: 1 } },
          href: { field: 'href' },
          description: { field: 'words' },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#0b0c0c' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'value', type: 'quantitative' },
          href: { field: 'href' },
          description: { field: 'words' },
        },
      },
    ],
    config: { font: 'Arial', axis: { labelFontSize: 12, titleFontSize: 12 }, title: { fontSize: 14 } },
  };
  return spec;
};
