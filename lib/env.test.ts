import { describe, expect, it } from 'vitest';
import { BUDGET_SETTINGS, DEFAULT_BUDGETS } from './model/budgets';
import { parseEnv, readBudgets } from './env';

describe('read budgets', () => {
  it('default to DEFAULT_BUDGETS, and each is set by the variable its messages name', () => {
    expect(readBudgets(parseEnv({}))).toEqual(DEFAULT_BUDGETS);
    for (const [budget, setting] of Object.entries(BUDGET_SETTINGS)) {
      expect(readBudgets(parseEnv({ [setting]: '7' }))[budget as keyof typeof BUDGET_SETTINGS], setting).toBe(7);
    }
  });

  it('refuses a budget that is not a positive whole number, naming it', () => {
    expect(() => parseEnv({ RELEASE_LENS_MAX_DEPTH: '0' })).toThrow(/RELEASE_LENS_MAX_DEPTH/);
  });
});
