import { describe, expect, it } from 'vitest';
import { isWizardPath } from './wizardPath';

describe('isWizardPath', () => {
  it('is the wizard at /ansokan and its steps, and nowhere else', () => {
    expect(isWizardPath('/ansokan')).toBe(true);
    expect(isWizardPath('/ansokan/karta')).toBe(true);
    expect(isWizardPath('/ansokanx')).toBe(false);
    expect(isWizardPath('/arenden/ansokan')).toBe(false);
    expect(isWizardPath('/')).toBe(false);
  });
});
