import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { Network } from '../../domain/partnerships/network.ts';

// The package's types declare an ES default export, but the file sets module.exports itself, so under
// Node the default import is the function the types call `default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** Iterations of ForceAtlas2 from fixed starting positions: the same network always draws the same. */
const ITERATIONS = 200;
const WIDTH = 720;
const HEIGHT = 440;
/** Room for the names written under the shapes at the edges. */
const MARGIN_X = 130;
const MARGIN_Y = 50;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * Node positions from graphology-layout-forceatlas2, started from a circle in the network's stable
 * node order (no randomness), for a fixed number of iterations, then fitted to the drawing.
 */
export const layoutNetwork = (network: Network): Map<string, { x: number; y: number }> => {
  const graph = new UndirectedGraph();
  const n = network.nodes.length;
  network.nodes.forEach((node, i) => {
    graph.addNode(node.key, {
      x: Math.cos((2 * Math.PI * i) / Math.max(n, 1)) * 100,
      y: Math.sin((2 * Math.PI * i) / Math.max(n, 1)) * 100,
    });
  });
  for (const e of network.edges) graph.addEdge(e.teacher, e.organisation);
  const raw =
    n > 1
      ? forceAtlas2(graph, {
          iterations: ITERATIONS,
          settings: { gravity: 1, scalingRatio: 10, barnesHutOptimize: false, strongGravityMode: true },
        })
      : Object.fromEntries(network.nodes.map((node) => [node.key, { x: 0, y: 0 }]));
  const points = Object.values(raw);
  const [minX, maxX] = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y))];
  const scale = (v: number, min: number, max: number, size: number, margin: number) =>
    max - min < 1e-9 ? size / 2 : margin + ((v - min) / (max - min)) * (size - 2 * margin);
  return new Map(
    Object.entries(raw).map(([key, p]) => [
      key,
      { x: scale(p.x, minX, maxX, WIDTH, MARGIN_X), y: scale(p.y, minY, maxY, HEIGHT, MARGIN_Y) },
    ]),
  );
};

/**
 * The bipartite teacher–organisation network as an accessible SVG: a title and a description that
 * say what it shows (the page puts a table of every node's degree and betweenness beside it).
 * Teachers are circles, organisations squares; a node's size grows with its betweenness.
 */
export const drawNetwork = (network: Network, options: { title: string; id?: string }): string => {
  const id = options.id ?? 'network';
  const teachers = network.nodes.filter((n) => n.side === 'teacher').length;
  const organisations = network.nodes.length - teachers;
  const description =
    network.nodes.length === 0
      ? 'No engagements in this period, so the network is empty.'
      : `${teachers} teacher${teachers === 1 ? '' : 's'} (circles) joined to ${organisations} organisation${organisations === 1 ? '' : 's'} (squares) they worked with, ${network.edges.length} link${network.edges.length === 1 ? '' : 's'}. Larger shapes lie on more of the shortest paths between others (betweenness). The table below lists every node.`;
  const at = layoutNetwork(network);
  const lines = network.edges.map((e) => {
    const a = at.get(e.teacher);
    const b = at.get(e.organisation);
    if (!a || !b) return '';
    return `<line x1="${fixed(a.x)}" y1="${fixed(a.y)}" x2="${fixed(b.x)}" y2="${fixed(b.y)}" stroke="#505a5f" stroke-width="${Math.min(1 + e.engagements, 6)}"/>`;
  });
  const shapes = network.nodes.map((node) => {
    const p = at.get(node.key) ?? { x: WIDTH / 2, y: HEIGHT / 2 };
    const r = 9 + node.betweenness * 14;
    const label = `<text x="${fixed(p.x)}" y="${fixed(p.y + r + 14)}" text-anchor="middle" font-family="Arial, sans-serif" font-size="13" fill="#0b0c0c">${escapeXml(node.name)}</text>`;
    const shape =
      node.side === 'teacher'
        ? `<circle cx="${fixed(p.x)}" cy="${fixed(p.y)}" r="${fixed(r)}" fill="#1d70b8" stroke="#0b0c0c"/>`
        : `<rect x="${fixed(p.x - r)}" y="${fixed(p.y - r)}" width="${fixed(2 * r)}" height="${fixed(2 * r)}" fill="#f47738" stroke="#0b0c0c"/>`;
    return `<g><title>${escapeXml(`${node.name}: ${node.side}, ${node.degree} link${node.degree === 1 ? '' : 's'}`)}</title>${shape}${label}</g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    ...lines,
    ...shapes,
    '</svg>',
  ].join('');
};
