import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders a Vega-Lite spec to SVG on the server (no browser, no canvas), with a title and description for screen readers. */
const render = async (spec: TopLevelSpec): Promise<string> => {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
};

export type TermBar = { term: string; engagements: number; pupils: number; teachers: number };

/** Engagements a term, as bars, for the impact page and the termly report. */
export const engagementsByTermChart = (rows: readonly TermBar[], title: string): Promise<string> =>
  render({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `${title}: ${rows.map((r) => `${r.term} ${r.engagements}`).join(', ') || 'none'}`,
    title,
    width: 420,
    height: 180,
    background: 'white',
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'bar', color: '#1d70b8' },
    encoding: {
      x: { field: 'term', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0 } },
      y: { field: 'engagements', type: 'quantitative', title: 'Engagements', axis: { tickMinStep: 1 } },
    },
    config: { font: 'Arial', axis: { labelFontSize: 12, titleFontSize: 12 }, title: { fontSize: 14 } },
  });

export type KindBar = { kind: string; engagements: number };

/** Engagements by kind of partnership work, as horizontal bars. */
export const engagementsByKindChart = (rows: readonly KindBar[], title: string): Promise<string> =>
  render({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `${title}: ${rows.map((r) => `${r.kind} ${r.engagements}`).join(', ') || 'none'}`,
    title,
    width: 360,
    height: Math.max(40, rows.length * 24),
    background: 'white',
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'bar', color: '#f47738' },
    encoding: {
      y: { field: 'kind', type: 'nominal', sort: '-x', title: null },
      x: { field: 'engagements', type: 'quantitative', title: 'Engagements', axis: { tickMinStep: 1 } },
    },
    config: { font: 'Arial', axis: { labelFontSize: 12, titleFontSize: 12 }, title: { fontSize: 14 } },
  });
