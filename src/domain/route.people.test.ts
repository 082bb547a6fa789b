import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { gap } from './gap.ts';
import { roleFit } from './role-fit.ts';
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

  it('a graduate TA4 is not offered the teacher degree apprenticeship, and is told why; a non-graduate TA3 with GCSE 4s is', () => {
    // Expert (admissions tutor): the teacher degree apprenticeship is for people without a degree
    // (Get Into Teaching); a graduate trains through a postgraduate course or the postgraduate
    // teaching apprenticeship. The closed route is named with its reason, not silently dropped.
    const graduate = person({
      role: 'TA4',
      phase: 'secondary',
      trainingPhase: 'secondary',
      specialisms: ['a'],
      achievements: [{ degree: 'honours-degree', credits: 360, level: 6 }, gcse('english', '6'), gcse('maths', '5')],
    });
    const plan = route(graduate, 'TEACHER_QTS', catalogue);
    expect(plan.routes.length).toBeGreaterThan(0);
    expect(allTodo(plan)).not.toContain('ITT.TDA');
    expect(plan.routes.flatMap((r) => r.path)).not.toContain('ITT.TDA');
    expect(plan.notOpen).toEqual([
      {
        id: 'ITT.TDA',
        target: 'Teacher degree apprenticeship (TDA)',
        requirement: 'No degree at Level 6 or above (honours or ordinary) held',
        reason: 'only for people without a degree',
      },
    ]);
    expect(routeThrough(plan, 'ITT.PGTA')).toBeDefined();
    // Asked for directly, the apprenticeship is refused with the same reason; nothing is planned to "meet" it.
    const direct = route(graduate, 'ITT.TDA', catalogue);
    expect(direct.routes).toEqual([]);
    expect(direct.unreachable).toEqual([expect.objectContaining({ reason: 'only for people without a degree' })]);

    // A TA3 without a degree and with GCSE English and maths at 4: the apprenticeship is open (an employer is the one step before it).
    const ta3 = person({
      role: 'TA3',
      phase: 'secondary',
      trainingPhase: 'secondary',
      specialisms: ['a'],
      achievements: [gcse('english', '4'), gcse('maths', '4')],
    });
    const open = route(ta3, 'TEACHER_QTS', catalogue);
    const tda = routeThrough(open, 'ITT.TDA');
    expect(tda?.steps.filter((s) => s.status === 'todo').map((s) => s.id)).toEqual([
      'flag:apprenticeshipEmployer',
      'ITT.TDA',
      'TEACHER_QTS',
    ]);
    expect(tda?.steps.find((s) => s.id.startsWith('met:No degree'))).toMatchObject({ status: 'done' });
    expect(open.notOpen).toEqual([]);
  });

  it('the ST1414 apprenticeship starts with an employer who takes you on as an apprentice, as do the FR04171 frameworks', () => {
    // Expert (HR adviser): an apprenticeship is a job with training, so the first step is an
    // employer who employs you as an apprentice Specialist teaching assistant; the 24 months run
    // while employed. The older frameworks (FR04171) were apprenticeships too.
    const ta3 = person({ role: 'TA3', phase: 'secondary', specialisms: ['a'], achievements: [gcse('english', '4'), gcse('maths', '4')] });
    const plan = route(ta3, 'ST1414', catalogue, { option: 'SEND' });
    const ids = todoIds(plan);
    expect(ids[0]).toBe('flag:apprenticeshipEmployer');
    expect(ids.at(-1)).toBe('ST1414');
    expect(todo(plan)[0]?.title).toBe(
      'agree the apprenticeship with your employer (or find a school or college that will employ you as an apprentice Specialist teaching assistant)',
    );
    expect(todo(plan).find((s) => s.id === 'ST1414')).toMatchObject({ months: 24, durationSource: 'work-based' });
    // Someone whose employer has agreed has no such step.
    const agreed = route({ ...ta3, flags: { ...ta3.flags, apprenticeshipEmployer: true } }, 'ST1414', catalogue, { option: 'SEND' });
    expect(todoIds(agreed)).not.toContain('flag:apprenticeshipEmployer');
    for (const framework of ['FR04171.INTERMEDIATE', 'FR04171.ADVANCED']) {
      expect(todoIds(route(person({ role: 'TA1' }), framework, catalogue))).toEqual(['flag:apprenticeshipEmployer', framework]);
    }
  });

  it('a secondary ASNA2: ASNA3 next (the HLTA standards as advice), HLTA status by the standards and Level 2 English and maths, no primary-only courses, and at grade for ASNA2 duties', () => {
    // Expert (HR adviser / union rep): the next rung is ASNA3, which the profile describes as
    // meeting or working towards the HLTA standards: advice, not a barrier, so "take up the post"
    // is the only step. HLTA status needs the 33 standards and Level 2 English and maths (GCSE
    // English 4 counts; Functional Skills maths Level 1 does not). E111 and the CertHE are for
    // primary settings and must not be offered in a secondary school. Someone doing the ASNA2
    // duties, personal care and therapy programmes included, works at grade, not above it.
    const asna2 = person({
      role: 'ASNA2',
      phase: 'secondary',
      achievements: [
        { qualification: 'QCF.L3-CERT-STL' },
        gcse('english', '4'),
        { subject: 'maths', scheme: 'functional-skills', grade: 'L1' },
      ],
    });
    const next = gap(asna2, 'ASNA3', catalogue);
    expect(next.ready).toBe(true);
    expect(next.counts).toMatchObject({ blocking: 0, advice: 1 });
    expect(next.rules[0]?.node).toMatchObject({ strength: 'indicative', label: expect.stringContaining('working towards') });
    const toAsna3 = route(asna2, 'ASNA3', catalogue);
    expect(toAsna3.routes[0]?.steps.map((s) => [s.status, s.id])).toEqual([
      ['done', 'ASNA2'],
      ['todo', 'ASNA3'],
    ]);

    const hlta = route(asna2, 'HLTA_STATUS', catalogue);
    expect(todoIds(hlta)).toEqual([expect.stringMatching(/^itemsMet:HLTA\.1,.*HLTA\.33$/), 'subjectLevel:maths:L2', 'HLTA_STATUS']);
    expect(todo(hlta).find((s) => s.id === 'subjectLevel:maths:L2')?.gives).toEqual(['Functional Skills maths Level 2']);
    expect(hlta.routes[0]?.steps.find((s) => s.status === 'done')?.title).toBe('A Level 2 or above qualification in English');

    for (const goal of ['ASNA3', 'HLTA_STATUS', 'HE.FOUNDATION-DEGREE', 'TEACHER_QTS', 'ASSOCIATE_TEACHER_L5']) {
      const ids = allTodo(route(asna2, goal, catalogue));
      expect(ids, goal).not.toContain('OU.E111');
      expect(ids, goal).not.toContain('OU.CERTHE-STL');
    }
    expect(route(asna2, 'OU.CERTHE-STL', catalogue).unreachable[0]?.reason).toContain('other school phases');

    const duties = Object.fromEntries(
      catalogue
        .children('ASNA2')
        .filter((d) => d.kind === 'duty')
        .map((d) => [d.code, 'regularly' as const]),
    );
    const fit = roleFit({ currentRole: 'ASNA2', duties }, catalogue);
    expect(fit.bestFit?.role).toBe('ASNA2');
    expect(fit.gradeComparison).toBe('at');
    expect(fit.aboveGrade).toBe(false);
    expect(fit.dutiesAboveGrade).toEqual([]);
  });
});
