import { describe, expect, it } from 'vitest';
import type { EngagementFact } from '../../domain/partnerships/impact.ts';
import { buildNetwork } from '../../domain/partnerships/network.ts';
import { drawNetwork, layoutNetwork } from './network-drawing.ts';

const fact = (teacher: string, host: string): EngagementFact => ({
  teacherId: teacher,
  teacherName: teacher,
  kind: 'PT.mentor',
  host: { id: host, name: `${host} & Co <School>`, phase: 'primary', sector: 'state' },
  occurredOn: '2026-10-01',
  pupils: 0,
  teachers: 0,
  minutes: 60,
  reusedBy: [],
});

describe('the network drawing', () => {
  const network = buildNetwork([fact('Ann', 'Oak'), fact('Ann', 'Elm'), fact('Ben', 'Elm')]);

  it('draws the same network the same way every time (fixed start and iterations, no randomness)', () => {
    expect(drawNetwork(network, { title: 'Network' })).toBe(drawNetwork(network, { title: 'Network' }));
    for (const p of layoutNetwork(network).values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(720);
    }
  });

  it('is an accessible image: a title, a description of what it shows, names escaped', () => {
    const svg = drawNetwork(network, { title: 'Oak partnership: the network' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="network-title">Oak partnership: the network</title>');
    expect(svg).toContain('2 teachers (circles) joined to 2 organisations (squares)');
    expect(svg).toContain('Oak &amp; Co &lt;School&gt;');
    expect(svg).not.toContain('<School>');
  });
});
