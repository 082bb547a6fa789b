import type { Catalogue } from '../../../framework/catalogue.ts';
import type { Role } from '../../../framework/schema.ts';
import { hrefOfCode, nameOfCode } from '../links.ts';

/** The career ladder laid out for server-side SVG: boxes per role, arrows per progression, and the same as text. */
export type LadderNode = {
  id: string;
  title: string;
  lines: string[];
  track: string;
  level: number;
  x: number;
  y: number;
  href: string;
  destination: boolean;
};
export type LadderEdge = { from: string; to: string; via: string[]; path: string; indirect: boolean };
export type LadderText = {
  from: { id: string; title: string };
  to: { id: string; title: string; href?: string };
  via: { name: string; href?: string }[];
  note?: string;
};
export type LadderRow = { level: number; cells: { track: string; roles: { id: string; title: string }[] }[] };
export type Ladder = {
  width: number;
  height: number;
  box: { width: number; height: number };
  nodes: LadderNode[];
  edges: LadderEdge[];
  levelLabels: { level: number; y: number }[];
  trackLabels: { text: string; x: number }[];
  rows: LadderRow[];
  columns: { track: string; heading: string }[];
  progression: LadderText[];
};

const TA = 'teaching-assistant';
const ASNA = 'additional-support-needs-assistant';
const OTHER = 'other';

const trackHeadings: Record<string, string> = {
  [TA]: 'Teaching assistants',
  [ASNA]: 'Additional support needs assistants',
  [OTHER]: 'Level 5 roles and teaching',
};

const columnWidth = 230;
const rowHeight = 110;
const left = 80;
const top = 50;
const box = { width: 200, height: 66 };

/** Splits a title into lines of at most `max` characters, at spaces. */
const wrap = (text: string, max: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 2);
};

const trackOf = (role: Role) => (role.track === TA || role.track === ASNA ? role.track : OTHER);

/** Follows `precedes` edges from a role through qualifications to the next roles, remembering what lies between. */
const roleEdges = (catalogue: Catalogue, roleIds: Set<string>) => {
  const precedes = catalogue.associations({ type: 'precedes' });
  const out = Map.groupBy(precedes, (a) => a.from);
  const edges: { from: string; to: string; via: string[] }[] = [];
  for (const from of roleIds) {
    const seen = new Set<string>([from]);
    const walk = (code: string, via: string[]) => {
      for (const edge of out.get(code) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        if (roleIds.has(edge.to)) edges.push({ from, to: edge.to, via });
        else if (via.length < 4) walk(edge.to, [...via, edge.to]);
      }
    };
    walk(from, []);
  }
  return edges;
};

/** Lays out every role by level (rows, highest at the top) and track (TA and ASNA side by side, then the rest). */
export const buildLadder = (catalogue: Catalogue): Ladder => {
  const roles = catalogue
    .roles()
    .map(({ role }) => role)
    .sort((a, b) => a.level.value - b.level.value);
  const levels = [...new Set(roles.map((r) => r.level.value))].sort((a, b) => a - b);
  const maxLevel = levels[levels.length - 1] ?? 0;
  const minLevel = levels[0] ?? 0;
  const yOf = (level: number) => top + (maxLevel - level) * rowHeight;
  const otherColumnsNeeded = Math.max(1, ...levels.map((l) => roles.filter((r) => r.level.value === l && trackOf(r) === OTHER).length));
  const columnsTotal = 2 + otherColumnsNeeded;

  const nodes: LadderNode[] = [];
  for (const level of levels) {
    const atLevel = roles.filter((r) => r.level.value === level);
    let otherIndex = 0;
    for (const role of atLevel) {
      const track = trackOf(role);
      const column = track === TA ? 0 : track === ASNA ? 1 : 2 + otherIndex++;
      nodes.push({
        id: role.id,
        title: role.title,
        lines: wrap(role.title, 28),
        track: role.track,
        level,
        x: left + column * columnWidth,
        y: yOf(level),
        href: `/roles/${encodeURIComponent(role.id)}`,
        destination: track === OTHER,
      });
    }
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = roleEdges(catalogue, new Set(byId.keys())).flatMap(({ from, to, via }) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) return [];
    return [{ from, to, via, path: edgePath(a, b), indirect: via.length > 0 }];
  });

  const progression: LadderText[] = edges.map(({ from, to, via }) => ({
    from: { id: from, title: byId.get(from)?.title ?? from },
    to: { id: to, title: byId.get(to)?.title ?? to, href: hrefOfCode(catalogue, to) },
    via: via.map((code) => ({ name: nameOfCode(catalogue, code), href: hrefOfCode(catalogue, code) })),
  }));

  const columns = [TA, ASNA, OTHER].map((track) => ({ track, heading: trackHeadings[track] ?? track }));
  const rows: LadderRow[] = [...levels].reverse().map((level) => ({
    level,
    cells: columns.map(({ track }) => ({
      track,
      roles: roles.filter((r) => r.level.value === level && trackOf(r) === track).map((r) => ({ id: r.id, title: r.title })),
    })),
  }));

  return {
    width: left + columnsTotal * columnWidth,
    height: top + (maxLevel - minLevel) * rowHeight + box.height + 20,
    box,
    nodes,
    edges,
    levelLabels: levels.map((level) => ({ level, y: yOf(level) + box.height / 2 + 5 })),
    trackLabels: [
      { text: trackHeadings[TA] ?? '', x: left },
      { text: 'Support needs assistants', x: left + columnWidth },
      { text: trackHeadings[OTHER] ?? '', x: left + 2 * columnWidth },
    ],
    rows,
    columns,
    progression,
  };
};

/** A path from one box to another: up through the top edge, or sideways for roles on the same level. */
const edgePath = (a: LadderNode, b: LadderNode): string => {
  const ax = a.x + box.width / 2;
  const bx = b.x + box.width / 2;
  if (a.level === b.level) {
    const [fromX, toX] = a.x < b.x ? [a.x + box.width, b.x] : [a.x, b.x + box.width];
    const y = a.y + box.height / 2;
    return `M${fromX} ${y} L${toX + (a.x < b.x ? -8 : 8)} ${y}`;
  }
  const upwards = b.level > a.level;
  const fromY = upwards ? a.y : a.y + box.height;
  const toY = upwards ? b.y + box.height + 8 : b.y - 8;
  if (ax === bx) return `M${ax} ${fromY} L${bx} ${toY}`;
  const midY = (fromY + toY) / 2;
  return `M${ax} ${fromY} C${ax} ${midY} ${bx} ${midY} ${bx} ${toY}`;
};
