import { describe, expect, it } from 'vitest';
import type { CaseActor } from '../case/commands';
import { allowedAfterPermitCommands } from './allowed';
import { applyAfterPermitCommand, type AfterPermitCommand } from './commands';
import { initialAfterPermitState, type AfterPermitState } from './state';
import { contextOf, grantedPermit } from './testSupport';

const officer: CaseActor = { role: 'officer', personnummer: '198306219299', name: 'Oskar Wallin', teamLead: true };
const applicant: CaseActor = { role: 'applicant', personnummer: '195002281839', name: 'Lars Holmberg' };
type CommandOf = {
  [K in AfterPermitCommand['type']]: Omit<Extract<AfterPermitCommand, { type: K }>, 'version'>;
}[AfterPermitCommand['type']];
const at = (day: string) => new Date(`${day}T10:00:00+01:00`);

describe('which after-permit commands a face is offered', () => {
  const f = grantedPermit('newMainBuilding');
  const fresh = initialAfterPermitState(f.measure);

  it('offers the officer slots (not a waiver: a kontrollansvarig is required), the applicant the plan', () => {
    expect(allowedAfterPermitCommands(f, fresh, 'officer', '2027-01-12')).toEqual(['publishConsultationSlots']);
    expect(allowedAfterPermitCommands(f, fresh, 'applicant', '2027-01-12')).toEqual([
      'editKontrollplan',
      'nameKontrollansvarig',
    ]);
    const small = grantedPermit('outbuilding');
    expect(allowedAfterPermitCommands(small, initialAfterPermitState('outbuilding'), 'officer', '2027-01-12')).toEqual([
      'waiveConsultation',
      'publishConsultationSlots',
    ]);
  });

  it('follows the chain: booking, minutes, startbesked (early only after 4 weeks), ticks, slutbesked', () => {
    let s: AfterPermitState = fresh;
    let version = 1;
    const run = (command: CommandOf, who: CaseActor, day: string) => {
      const result = applyAfterPermitCommand(
        contextOf(f, s, version),
        { ...command, version } as AfterPermitCommand,
        who,
        at(day),
        () => `n${version}`,
      );
      if (!result.ok) throw new Error(result.problem.code);
      s = result.change.state;
      version += 1;
    };
    const slot = { id: '0b4ab8a6-1f40-4b8e-9d0c-8d3d5b0f3a11', startsAt: '2027-01-20T09:00:00+01:00', place: 'Rum 1' };
    run({ type: 'publishConsultationSlots', slots: [slot] }, officer, '2027-01-12');
    expect(allowedAfterPermitCommands(f, s, 'applicant', '2027-01-12')).toEqual([
      'bookConsultationSlot',
      'editKontrollplan',
      'nameKontrollansvarig',
    ]);
    run({ type: 'bookConsultationSlot', slotId: slot.id }, applicant, '2027-01-12');
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-01-20')).toEqual(['recordConsultationMinutes']);
    run({ type: 'recordConsultationMinutes', heldOn: '2027-01-20', text: 'Samrådet hölls.' }, officer, '2027-01-20');
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-02-01')).toEqual([]);
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-02-08')).toEqual(['issueStartbesked']);
    run({ type: 'issueStartbesked', conditions: [], beforeLegalForce: false }, officer, '2027-02-16');
    expect(allowedAfterPermitCommands(f, s, 'applicant', '2027-02-16')).toEqual([
      'tickKontrollplanItem',
      'reportWorkStarted',
      'nameKontrollansvarig',
      'requestSlutbesked',
    ]);
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-02-16')).toEqual(['bookSiteVisit', 'recordSiteVisit']);
    run({ type: 'requestSlutbesked', note: null }, applicant, '2027-03-01');
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-03-01')).toEqual([
      'bookSiteVisit',
      'recordSiteVisit',
      'issueSlutbesked',
    ]);
    run({ type: 'issueSlutbesked', kind: 'interim', conditions: [], remaining: ['Fasad'] }, officer, '2027-03-02');
    // An interim slutbesked leaves work to do: a visit may still be booked.
    expect(allowedAfterPermitCommands(f, s, 'officer', '2027-03-02')).toEqual(['bookSiteVisit', 'recordSiteVisit']);
  });

  it('offers nothing after a refusal or a final slutbesked', () => {
    expect(
      allowedAfterPermitCommands(grantedPermit('outbuilding', { outcome: 'refused' }), fresh, 'officer', '2027-02-01'),
    ).toEqual([]);
    const done = {
      ...fresh,
      slutbesked: [{ on: '2027-03-01', by: 'O', kind: 'final' as const, conditions: [], remaining: [] }],
    };
    expect(allowedAfterPermitCommands(f, done, 'applicant', '2027-03-02')).toEqual([]);
  });

  it('lets the byggherre name the kontrollansvarig, who may only tick', () => {
    expect(allowedAfterPermitCommands(f, fresh, 'applicant', '2027-01-12')).toContain('editKontrollplan');
    const started = {
      ...fresh,
      startbesked: { on: '2027-02-16', by: 'O', conditions: [], beforeLegalForce: false },
      kontrollplan: { ...fresh.kontrollplan, approvedOn: '2027-02-16' },
    };
    expect(allowedAfterPermitCommands(f, started, 'applicant', '2027-02-16')).toEqual([
      'tickKontrollplanItem',
      'reportWorkStarted',
      'nameKontrollansvarig',
      'requestSlutbesked',
    ]);
    expect(allowedAfterPermitCommands(f, started, 'kontrollansvarig', '2027-02-16')).toEqual(['tickKontrollplanItem']);
    expect(allowedAfterPermitCommands(f, fresh, 'kontrollansvarig', '2027-01-12')).toEqual([]);
    const named = applyAfterPermitCommand(
      contextOf(f, fresh, 3),
      { type: 'nameKontrollansvarig', personnummer: '198103269299', name: ' Erik Nyström ', version: 3 },
      applicant,
      at('2027-01-12'),
      () => 'x',
    );
    expect(named.ok && named.change.state.kontrollansvarigPerson).toEqual({
      personnummer: '198103269299',
      name: 'Erik Nyström',
    });
    // The history keeps the name, never the personnummer.
    expect(JSON.stringify(named.ok && named.change.events)).not.toContain('198103269299');
    const small = grantedPermit('outbuilding');
    const refused = applyAfterPermitCommand(
      contextOf(small),
      { type: 'nameKontrollansvarig', personnummer: '198103269299', name: 'Erik Nyström', version: 7 },
      applicant,
      at('2027-01-12'),
      () => 'x',
    );
    expect(refused.ok ? null : refused.problem.code).toBe('KONTROLLANSVARIG_NOT_REQUIRED');
  });
});
