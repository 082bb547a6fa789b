import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { type RoutePlan, route } from './route.ts';
import { person } from './testing/fixture.ts';

/**
 * Issue 10's realistic people for route planning, against the real data. Each test states the
 * answer an HR adviser or a teacher-training admissions tutor would give, and why.
 */

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const todo = (plan: RoutePlan, i = 0) => (plan.routes[i]?.steps ?? []).filter((s) => s.status === 'todo');
const todoIds = (plan: RoutePlan, i = 0) => todo(plan, i).map((s) => s.id);
const allTodo = (plan: RoutePlan) => plan.routes.flatMap((_, i) => todoIds(plan, i));
const routeThrough = (plan: RoutePlan, id: string) => plan.routes.find((r) => r.steps.some((s) => s.id === id && s.status === 'todo'));
const gcse = (subject: 'english' | 'maths' | 'science', grade: string) => ({ subject, scheme: 'gcse-9-1', grade });

describe('route planning for realistic people (issue 10)', () => {
  it('a new TA1 with no qualifications heading for QTS: GCSE English and maths first, then a degree route or the teacher degree apprenticeship — never a TA post on the way', () => {
    // Expert: every route into teaching needs GCSE English and maths at grade 4 (ITT criteria);
    // without a degree the ways are a Foundation Degree + top-up + teacher training, or the
    // teacher degree apprenticeship (about 4 years, with a school as employer). Nothing requires
    // a TA3–TA5 post first, and no route may look shorter because a length is unknown.
    const plan = route(person({ role: 'TA1', phase: 'primary', trainingPhase: 'primary' }), 'TEACHER_QTS', catalogue);
    expect(plan.routes.length).toBeGreaterThanOrEqual(2);
    for (const [i, r] of plan.routes.entries()) {
      expect(todoIds(plan, i)).toEqual(
        expect.arrayContaining(['subjectGrade:english:4', 'subjectGrade:maths:4', 'subjectGrade:science:4']),
      );
      expect(r.steps.some((s) => s.kind === 'role' && s.id !== 'TEACHER_QTS')).toBe(false);
      expect(r.headline).not.toMatch(/^0 /);
      expect(r.headline).toMatch(/months known \(?.*\+ \d+ steps? of unknown length$/);
    }
    expect(todoIds(plan)).toEqual(expect.arrayContaining(['HE.FOUNDATION-DEGREE', 'HE.HONOURS-TOP-UP', 'ITT.QTS']));
    // The integrated Foundation Degree (length unknown, needs an employer) is not chosen over the 24-month one.
    expect(allTodo(plan)).not.toContain('AT.FOUNDATION-DEGREE');
    const tda = routeThrough(plan, 'ITT.TDA');
    expect(tda?.steps.find((s) => s.id === 'ITT.TDA')).toMatchObject({ months: 48, durationSource: 'work-based' });
    expect(tda?.steps.some((s) => s.id === 'flag:apprenticeshipEmployer')).toBe(true);
    expect(tda?.steps.some((s) => s.id === 'HE.HONOURS-TOP-UP')).toBe(false);
  });

  it('a TA3 with an L3 Diploma and GCSE English 4 / maths 3: GCSE maths is still needed for QTS; the Associate Teacher apprenticeship needs an employer, not another Level 3', () => {
    // Expert: English 4 meets the ITT rule, maths 3 does not, whatever route. The Level 3 Diploma
    // meets the Associate Teacher apprenticeship's Level 3 entry; as an apprenticeship it needs an
    // employer who takes the person on in the role.
    const ta3 = person({
      role: 'TA3',
      specialisms: ['a'],
      trainingPhase: 'secondary',
      achievements: [{ qualification: 'QCF.L3-DIP-SSTL' }, gcse('english', '4'), gcse('maths', '3')],
    });
    const qts = route(ta3, 'TEACHER_QTS', catalogue);
    for (const [i] of qts.routes.entries()) {
      expect(todoIds(qts, i)).toContain('subjectGrade:maths:4');
      expect(todoIds(qts, i)).not.toContain('subjectGrade:english:4');
    }
    const at = route(ta3, 'ASSOCIATE_TEACHER_L5', catalogue);
    expect(todoIds(at)).toEqual(['flag:apprenticeshipEmployer', 'AT.APPRENTICESHIP', 'ASSOCIATE_TEACHER_L5']);
    expect(at.routes[0]?.steps.find((s) => s.status === 'done' && s.title.startsWith('A Level 3 qualification'))?.evidence).toEqual([
      'holds Level 3 Diploma in Specialist Support for Teaching and Learning in Schools',
    ]);
    expect(at.routes[0]?.headline).toBe('3 steps of unknown length');
  });

  it('an HLTA with a Foundation Degree in a primary school: top-up, GCSE science and QTS training; the standards are not asked for again', () => {
    // Expert: the Foundation Degree leads to an honours top-up, then a QTS course; training for
    // primary needs GCSE science. HLTA status means the 33 standards were met, so no route step
    // asks for them (a route to a role whose rule needs them shows them as done).
    const hlta = person({
      role: 'TA5',
      phase: 'primary',
      trainingPhase: 'primary',
      specialisms: ['a'],
      achievements: [
        { status: 'HLTA_STATUS' },
        { degree: 'foundation-degree', credits: 240, level: 5 },
        gcse('english', '5'),
        gcse('maths', '4'),
      ],
    });
    const plan = route(hlta, 'TEACHER_QTS', catalogue);
    expect(todoIds(plan)).toEqual(['HE.HONOURS-TOP-UP', 'subjectGrade:science:4', 'ITT.QTS', 'TEACHER_QTS']);
    expect(plan.routes[0]?.steps[0]).toMatchObject({ status: 'done', title: 'foundation degree (Level 5) held' });
    expect(plan.routes[0]?.headline).toBe('21 months known (600 hours of learning) + 2 steps of unknown length');
    const strict: Catalogue = {
      ...catalogue,
      requirementsFor: (target, stage) =>
        target === 'TA5'
          ? [
              {
                id: 'ta5-meeting',
                target: 'TA5',
                stage: 'hold',
                requirement: { type: 'itemsMet', set: { framework: 'hlta-standards', kinds: ['standard'] }, strength: 'required' },
                provenance: { origin: 'pathways', reason: 'test: TA5 "meeting" the standards as a required rule' },
              },
            ]
          : catalogue.requirementsFor(target, stage),
    };
    const toTa5 = route({ ...hlta, role: 'TA4' }, 'TA5', strict);
    expect(toTa5.routes.flatMap((r) => r.steps).filter((s) => s.id.startsWith('itemsMet:HLTA'))).toEqual([]);
    expect(todoIds(toTa5)).toEqual(['TA5']);
  });

  it('a graduate TA4 with Functional Skills Level 2 maths: GCSE maths, then a 9-month course or a postgraduate teaching apprenticeship; no top-up shown as held', () => {
    // Expert: the degree meets the degree rule; Functional Skills Level 2 is not a GCSE, so GCSE
    // maths grade 4 (or an equivalency test the provider accepts) comes first. A graduate needs no
    // top-up, and must not be told a "BEd top-up" is held.
    const graduate = person({
      role: 'TA4',
      phase: 'secondary',
      trainingPhase: 'secondary',
      specialisms: ['a'],
      achievements: [
        { degree: 'honours-degree', credits: 360, level: 6 },
        gcse('english', '6'),
        { subject: 'maths', scheme: 'functional-skills', grade: 'L2' },
      ],
    });
    const plan = route(graduate, 'TEACHER_QTS', catalogue);
    expect(todoIds(plan)).toEqual(['subjectGrade:maths:4', 'ITT.QTS', 'TEACHER_QTS']);
    expect(plan.routes[0]?.headline).toBe('9 months known + 2 steps of unknown length');
    for (const r of plan.routes) {
      expect(r.steps.some((s) => s.id === 'subjectGrade:maths:4' && s.status === 'todo')).toBe(true);
      expect(r.steps.some((s) => s.title.includes("BEd 'top up' programme held"))).toBe(false);
      expect(r.steps.some((s) => s.id === 'HE.HONOURS-TOP-UP' && s.status === 'todo')).toBe(false);
      for (const s of r.steps.filter((x) => x.id === 'HE.HONOURS-TOP-UP')) expect(s.title).toBe('honours degree (Level 6) held');
    }
    const pgta = routeThrough(plan, 'ITT.PGTA');
    expect(pgta?.steps.filter((s) => s.status === 'todo').map((s) => s.id)).toEqual([
      'subjectGrade:maths:4',
      'flag:apprenticeshipEmployer',
      'ITT.PGTA',
      'TEACHER_QTS',
    ]);
    expect(pgta?.steps.find((s) => s.id === 'ITT.PGTA')?.months).toBe(9);
  });

  it('a part-timer studying 6 hours a week: part-time forms of the degree route, and the apprenticeship at its own length', () => {
    // Expert: most support staff study part-time while working. A Foundation Degree takes about
    // four years part-time, a top-up about two, postgraduate teacher training 18 to 24 months; an
    // apprenticeship is done while employed, so it keeps its length. Each step says which.
    const partTimer = person({
      role: 'TA2',
      trainingPhase: 'secondary',
      hoursPerWeekForStudy: 6,
      achievements: [gcse('english', '4'), gcse('maths', '4')],
    });
    const plan = route(partTimer, 'TEACHER_QTS', catalogue);
    const degree = plan.routes.find((r) => r.steps.some((s) => s.id === 'ITT.QTS'));
    const step = (id: string) => degree?.steps.find((s) => s.id === id);
    expect(step('HE.FOUNDATION-DEGREE')).toMatchObject({
      months: 48,
      durationSource: 'part-time',
      duration: "48 months part-time (the programme's part-time form)",
    });
    expect(step('HE.HONOURS-TOP-UP')).toMatchObject({ months: 24, durationSource: 'part-time' });
    expect(step('ITT.QTS')).toMatchObject({
      months: 18,
      monthsMax: 24,
      duration: "18 to 24 months part-time (the programme's part-time form)",
    });
    expect(degree?.durationNote).toContain('At 6 hours of study a week');
    const tda = routeThrough(plan, 'ITT.TDA');
    expect(tda?.steps.find((s) => s.id === 'ITT.TDA')).toMatchObject({ months: 48, durationSource: 'work-based' });
    // Without study hours, the same route shows full-time figures and says so.
    const fullTime = route({ ...partTimer, hoursPerWeekForStudy: undefined }, 'TEACHER_QTS', catalogue);
    const fd = fullTime.routes.flatMap((r) => r.steps).find((s) => s.id === 'HE.FOUNDATION-DEGREE');
    expect(fd).toMatchObject({ months: 24, duration: '24 months full-time', durationSource: 'full-time' });
  });

  it('E111 "Supporting learning in primary schools" is never offered to secondary staff, and is refused as a goal for them', () => {
    // Seed 003 suggests E111 for a TA4 or ASNA3 "in a primary school".
    const secondary = person({ role: 'TA4', phase: 'secondary', specialisms: ['a'] });
    expect(allTodo(route(secondary, 'HE.FOUNDATION-DEGREE', catalogue))).not.toContain('OU.E111');
    expect(allTodo(route(secondary, 'TEACHER_QTS', catalogue))).not.toContain('OU.E111');
    const refused = route(secondary, 'OU.E111', catalogue);
    expect(refused.routes).toEqual([]);
    expect(refused.unreachable[0]?.reason).toContain('other school phases');
    expect(route({ ...secondary, phase: 'primary' }, 'OU.E111', catalogue).routes).toHaveLength(1);
  });
});
