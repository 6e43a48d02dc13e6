import { describe, expect, it } from 'vitest';
import { labelsEqual } from './labels';

describe('labelsEqual', () => {
  it('compares keys and values; a missing set equals an empty one', () => {
    expect([
      labelsEqual({ app: 'web', tier: 'fe' }, { tier: 'fe', app: 'web' }),
      labelsEqual({ app: 'web' }, { app: 'api' }),
      labelsEqual({ app: 'web' }, { app: 'web', tier: 'fe' }),
      labelsEqual(undefined, {}),
      labelsEqual(undefined, { app: 'web' }),
    ]).toEqual([true, false, false, true, false]);
  });
});
