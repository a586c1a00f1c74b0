import { describe, expect, it } from 'vitest';
import { commonConsultees } from './case/consultation';
import { KJELLSTAVIK, MunicipalitySchema, contrastRatio, parseHexColour } from './municipality';

describe('the municipality identity', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(parseHexColour('blue')).toBeNull();
  });

  it('accepts the demo town and refuses a brand colour white text cannot be read on, saying why', () => {
    expect(MunicipalitySchema.parse(KJELLSTAVIK)).toEqual(KJELLSTAVIK);
    const pale = MunicipalitySchema.safeParse({ ...KJELLSTAVIK, colours: { primary: '#f5a623' } });
    expect(pale.success).toBe(false);
    expect(pale.error!.issues[0]!.path).toEqual(['colours', 'primary']);
    expect(pale.error!.issues[0]!.message).toContain('kontrasten 2.');
    expect(pale.error!.issues[0]!.message).toContain('at least 4.5:1 is required (WCAG AA)');
    expect(MunicipalitySchema.safeParse({ ...KJELLSTAVIK, colours: { primary: 'grön' } }).success).toBe(false);
  });

  it('takes a logo as a bare file name only', () => {
    const logo = (l: string) => MunicipalitySchema.safeParse({ ...KJELLSTAVIK, logo: l }).success;
    expect(logo('exempelby-logo.svg')).toBe(true);
    expect(logo('../secret.png')).toBe(false);
    expect(logo('/etc/logo.png')).toBe(false);
    expect(logo('logo.html')).toBe(false);
  });

  it('keeps remiss bodies as data: the common list by default, each name once, an address a real one', () => {
    const { consultees: _, ...withoutBodies } = KJELLSTAVIK;
    expect(MunicipalitySchema.parse(withoutBodies).consultees).toEqual(commonConsultees);
    expect(KJELLSTAVIK.consultees.find((b) => b.name === 'Räddningstjänsten')!.email).toBe(
      'raddningstjansten@kjellstavik.example',
    );
    const body = { name: 'Räddningstjänsten', email: null, why: { sv: 'brandskydd', en: 'fire safety' } };
    const twice = MunicipalitySchema.safeParse({ ...KJELLSTAVIK, consultees: [body, body] });
    expect(twice.error!.issues[0]!.message).toBe('Varje remissinstans ska ha ett eget namn.');
    const badAddress = MunicipalitySchema.safeParse({ ...KJELLSTAVIK, consultees: [{ ...body, email: 'rtj' }] });
    expect(badAddress.error!.issues[0]!.path).toEqual(['consultees', 0, 'email']);
  });
});
