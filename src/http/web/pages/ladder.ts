import type { Catalogue } from '../../../framework/catalogue.ts';
import type { Role } from '../../../framework/schema.ts';
import { hrefOfCode, nameOfCode } from '../links.ts';
import { isPublicCode, labelOf } from '../public-wording.ts';

/** The career ladder laid out for server-side SVG: boxes per role, arrows per progression, and the same as text. */
export type LadderNode = {
  id: string;
  title: string;
  /** The public code shown above the title (TA3), absent for internal ids. */
  code?: string;
  lines: string[];
  label: string;
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
export type LadderRow = { level: number; roles: { id: string; label: string; href: string; track: string }[] };
export type Ladder = {
  width: number;
  height: number;
  box: { width: number; height: number };
  nodes: LadderNode[];
  edges: LadderEdge[];
  levelLabels: { level: number; y: number }[];
  tracks: { track: string; heading: string }[];
  rows: LadderRow[];
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

/**
 * Drawn at the width the page gives it on a laptop (the GOV.UK page is 960 px wide), so the labels are never shrunk:
 * a left gutter for the level labels, then four columns of boxes.
 */
const gutter = 80;
const columnWidth = 222;
const boxWidth = 204;
const padding = 10;
/** A generous average glyph width of the 16 px title font (wide system fonts included), so a wrapped line always fits. */
const charWidth = 9.6;
const titleLineHeight = 20;
const codeLineHeight = 20;
const rowGap = 44;
const top = 8;
const maxCharsPerLine = Math.floor((boxWidth - 2 * padding) / charWidth);

/** Splits a title into lines of at most `max` characters, at spaces (a longer word keeps a line of its own). */
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
  return lines;
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

/**
 * Lays out every role by level (rows, highest at the top): teaching assistants in the first column, additional support
 * needs assistants in the second, and the other roles in the next free columns of their level.
 */
export const buildLadder = (catalogue: Catalogue): Ladder => {
  const roles = catalogue
    .roles()
    .map(({ role }) => role)
    .sort((a, b) => a.level.value - b.level.value);
  const levels = [...new Set(roles.map((r) => r.level.value))].sort((a, b) => a - b);
  const maxLevel = levels[levels.length - 1] ?? 0;
  const minLevel = levels[0] ?? 0;

  const placed = roles.map((role) => {
    const code = isPublicCode(role.id) ? role.id : undefined;
    return { role, code, lines: wrap(role.title, maxCharsPerLine) };
  });
  const mostLines = Math.max(1, ...placed.map((p) => p.lines.length));
  const box = { width: boxWidth, height: 2 * padding + codeLineHeight + mostLines * titleLineHeight };
  const rowHeight = box.height + rowGap;
  const yOf = (level: number) => top + (maxLevel - level) * rowHeight;

  const nodes: LadderNode[] = [];
  let columnsUsed = 1;
  for (const level of levels) {
    const taken = new Set<number>();
    const atLevel = placed.filter((p) => p.role.level.value === level);
    const column = (track: string) => {
      if (track === TA && !taken.has(0)) return 0;
      if (track === ASNA && !taken.has(1)) return 1;
      let c = 1;
      while (taken.has(c)) c++;
      return c;
    };
    // The two NJC tracks first, so they keep their columns; the other roles take what is left.
    const ordered = [...atLevel.filter((p) => trackOf(p.role) !== OTHER), ...atLevel.filter((p) => trackOf(p.role) === OTHER)];
    for (const { role, code, lines } of ordered) {
      const track = trackOf(role);
      const c = column(track);
      taken.add(c);
      columnsUsed = Math.max(columnsUsed, c + 1);
      nodes.push({
        id: role.id,
        title: role.title,
        ...(code ? { code } : {}),
        lines,
        label: labelOf(role.id, role.title),
        track: role.track,
        level,
        x: gutter + c * columnWidth,
        y: yOf(level),
        href: `/roles/${encodeURIComponent(role.id)}`,
        destination: track === OTHER,
      });
    }
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const found = roleEdges(catalogue, new Set(byId.keys()));
  // Arrows leaving or reaching one box are spread along its edge, in the order of the boxes at their other ends.
  const spread = (key: 'from' | 'to', other: 'from' | 'to') => {
    const positions = new Map<string, number>();
    for (const [id, group] of Map.groupBy(
      found.filter((e) => byId.get(e.from)?.level !== byId.get(e.to)?.level),
      (e) => e[key],
    )) {
      const node = byId.get(id);
      if (!node) continue;
      const sorted = [...group].sort((p, q) => (byId.get(p[other])?.x ?? 0) - (byId.get(q[other])?.x ?? 0));
      sorted.forEach((e, i) => {
        positions.set(`${e.from}>${e.to}`, Math.round(node.x + (box.width * (i + 1)) / (sorted.length + 1)));
      });
    }
    return positions;
  };
  const starts = spread('from', 'to');
  const arrivals = spread('to', 'from');
  const gaps = Array.from({ length: columnsUsed }, (_, k) => gutter + k * columnWidth - (columnWidth - boxWidth) / 2);
  const long = found.filter((e) => Math.abs((byId.get(e.from)?.level ?? 0) - (byId.get(e.to)?.level ?? 0)) > 1);
  const laneOf = (e: { from: string; to: string }) => {
    const i = long.findIndex((l) => l.from === e.from && l.to === e.to);
    return i < 0 ? 0 : i - (long.length - 1) / 2;
  };
  const edges = found.flatMap(({ from, to, via }) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) return [];
    const ends = { fromX: starts.get(`${from}>${to}`) ?? a.x + box.width / 2, toX: arrivals.get(`${from}>${to}`) ?? b.x + box.width / 2 };
    return [{ from, to, via, path: edgePath(a, b, box, ends, gaps, laneOf({ from, to })), indirect: via.length > 0 }];
  });

  const progression: LadderText[] = edges.map(({ from, to, via }) => ({
    from: { id: from, title: byId.get(from)?.title ?? from },
    to: { id: to, title: byId.get(to)?.title ?? to, href: hrefOfCode(catalogue, to) },
    via: via.map((code) => ({ name: nameOfCode(catalogue, code), href: hrefOfCode(catalogue, code) })),
  }));

  const tracks = [TA, ASNA, OTHER].map((track) => ({ track, heading: trackHeadings[track] ?? track }));
  const rows: LadderRow[] = [...levels].reverse().map((level) => ({
    level,
    roles: roles
      .filter((r) => r.level.value === level)
      .map((r) => ({
        id: r.id,
        label: labelOf(r.id, r.title),
        href: `/roles/${encodeURIComponent(r.id)}`,
        track: trackHeadings[trackOf(r)] ?? '',
      })),
  }));

  return {
    width: gutter + (columnsUsed - 1) * columnWidth + boxWidth + 4,
    height: top + (maxLevel - minLevel) * rowHeight + box.height + 4,
    box,
    nodes,
    edges,
    levelLabels: levels.map((level) => ({ level, y: yOf(level) + box.height / 2 + 5 })),
    tracks,
    rows,
    progression,
  };
};

type Box = { width: number; height: number };

/**
 * A path from one box to another. Neighbouring levels: a curve from the top edge to the bottom edge. Roles on the same
 * level: sideways. Further apart: up the gap between two columns, so the line never runs behind a box on the way.
 */
const edgePath = (a: LadderNode, b: LadderNode, box: Box, ends: { fromX: number; toX: number }, gaps: number[], lane: number): string => {
  if (a.level === b.level) {
    const [fromX, toX] = a.x < b.x ? [a.x + box.width, b.x] : [a.x, b.x + box.width];
    const y = a.y + box.height / 2;
    return `M${fromX} ${y} L${toX + (a.x < b.x ? -8 : 8)} ${y}`;
  }
  const { fromX, toX } = ends;
  const upwards = b.level > a.level;
  const fromY = upwards ? a.y : a.y + box.height;
  const toY = upwards ? b.y + box.height + 8 : b.y - 8;
  if (Math.abs(a.level - b.level) === 1) {
    if (fromX === toX) return `M${fromX} ${fromY} L${toX} ${toY}`;
    const midY = (fromY + toY) / 2;
    return `M${fromX} ${fromY} C${fromX} ${midY} ${toX} ${midY} ${toX} ${toY}`;
  }
  const middle = (fromX + toX) / 2;
  // Each long edge has a lane of its own (a few pixels apart), so no two run along the same line.
  const gapX = gaps.reduce((best, x) => (Math.abs(x - middle) < Math.abs(best - middle) ? x : best), gaps[0] ?? middle) + lane * 3;
  const leaveY = (upwards ? fromY - rowGap / 2 : fromY + rowGap / 2) + lane * 5;
  const arriveY = (upwards ? toY + rowGap / 2 - 8 : toY - rowGap / 2 + 8) + lane * 5;
  return `M${fromX} ${fromY} L${fromX} ${leaveY} L${gapX} ${leaveY} L${gapX} ${arriveY} L${toX} ${arriveY} L${toX} ${toY}`;
};
