import { describe, expect, it } from 'vitest';
import { MeasureTypeSchema } from '../measure';
import {
  KontrollplanSchema,
  editKontrollplan,
  kontrollplanFor,
  kontrollplanProgress,
  kontrollplanTemplates,
  templateOfMeasure,
} from './kontrollplan';
import { AfterPermitStateSchema, initialAfterPermitState } from './state';

describe('kontrollplan templates', () => {
  it.each([
    ['outbuilding', 'komplementbyggnad', 4],
    ['carport', 'komplementbyggnad', 4],
    ['extension', 'tillbyggnad', 9],
    ['newMainBuilding', 'nyttBostadshus', 12],
    ['smallDwelling', 'nyttBostadshus', 12],
  ] as const)('%s starts from %s with %i items', (measure, template, count) => {
    const plan = kontrollplanFor(measure);
    expect(plan.template).toBe(template);
    expect(plan.items).toHaveLength(count);
    expect(plan.items.every((i) => i.fromTemplate && i.done === null)).toBe(true);
    expect(KontrollplanSchema.parse(plan)).toEqual(plan);
  });

  it('covers every measure, with unique ids per template, and a new house checks more than a shed', () => {
    for (const m of MeasureTypeSchema.options)
      expect(kontrollplanTemplates[templateOfMeasure[m]].length).toBeGreaterThan(0);
    for (const items of Object.values(kontrollplanTemplates))
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const shed = new Set(kontrollplanTemplates.komplementbyggnad.map((i) => i.id));
    expect(kontrollplanTemplates.nyttBostadshus.filter((i) => shed.has(i.id))).toHaveLength(shed.size);
  });

  it('makes an initial state the schema accepts', () => {
    const s = initialAfterPermitState('extension');
    expect(AfterPermitStateSchema.parse(s)).toEqual(s);
  });
});

describe('editing a kontrollplan', () => {
  const ids = () => {
    let n = 0;
    return () => `x${++n}`;
  };
  const ticked = {
    ...kontrollplanFor('outbuilding'),
    items: kontrollplanFor('outbuilding').items.map((i, n) =>
      n === 1 ? { ...i, done: { on: '2027-03-01', by: 'L', attachmentId: null, note: null } } : i,
    ),
  };

  it('keeps ticks and origin by id, reorders, rewords and adds', () => {
    const [a, b] = ticked.items;
    const r = editKontrollplan(
      ticked,
      [
        { id: b!.id, what: 'Bärande konstruktion (omformulerad)', checkedBy: 'kontrollansvarig', method: 'documents' },
        { what: 'Takavvattning ansluten', checkedBy: 'byggherre', method: 'visual' },
        { id: a!.id, what: a!.what, checkedBy: a!.checkedBy, method: a!.method },
      ],
      ids(),
    );
    expect(r.ok && r.plan.items.map((i) => [i.id, i.fromTemplate, i.done?.on ?? null])).toEqual([
      [b!.id, true, '2027-03-01'],
      ['x1', false, null],
      [a!.id, true, null],
    ]);
    expect(r.ok && r.plan.items[0]?.checkedBy).toBe('kontrollansvarig');
  });

  it.each([
    ['itemUnknown', [{ id: 'ghost', what: 'Spöke', checkedBy: 'byggherre', method: 'visual' }]],
    ['doneItemRemoved', []],
    [
      'duplicateId',
      [
        { id: 'placement', what: 'Placering', checkedBy: 'byggherre', method: 'visual' },
        { id: 'placement', what: 'Placering igen', checkedBy: 'byggherre', method: 'visual' },
      ],
    ],
  ] as const)('refuses %s', (problem, items) => {
    const r = editKontrollplan(ticked, [...items], ids());
    expect(r.ok ? null : r.problem).toBe(problem);
  });

  it('counts progress', () => {
    expect(kontrollplanProgress(ticked)).toEqual({
      done: 1,
      total: 4,
      remaining: ticked.items.filter((i) => !i.done).map((i) => i.id),
    });
  });
});
