import { describe, expect, it } from 'vitest';
import { LEARN_SLOTS, METHOD_BIT } from '../../../mock-server/data/learn-encoding.ts';
import { learnInfoFromSources } from '../../../mock-server/data/learnset-sources.ts';

const slot = (name: (typeof LEARN_SLOTS)[number]) => LEARN_SLOTS.indexOf(name);
const { 'level-up': L, egg: E, tutor: T, machine: M } = METHOD_BIT;

describe('learnInfoFromSources', () => {
  it('folds each generation’s methods into its slot', () => {
    const info = learnInfoFromSources(['9M', '9L24', '8L20', '4E', '3T']);
    expect(info?.masks[slot('gen9')]).toBe(L | M);
    expect(info?.masks[slot('gen8')]).toBe(L);
    expect(info?.masks[slot('gen4')]).toBe(E);
    expect(info?.masks[slot('gen3')]).toBe(T);
  });

  it('takes the level from the latest generation that teaches by level-up', () => {
    expect(learnInfoFromSources(['9M', '8L20', '7L30'])?.level).toBe(20);
  });

  it('takes the lowest level when one generation teaches a move at two levels', () => {
    expect(learnInfoFromSources(['9L30', '9L1'])?.level).toBe(1);
  });

  it('gives level 0 to moves never learnt by level-up', () => {
    expect(learnInfoFromSources(['9M', '8E'])?.level).toBe(0);
  });

  it('drops events, Dream World, restricted and virtual-console sources', () => {
    expect(learnInfoFromSources(['9S0', '5D', '4R', '7V'])).toBeNull();
  });

  it("maps Let's Go to its own slot: level-up when gen 7 or 1 teaches by level-up, else machine", () => {
    expect(learnInfoFromSources(['8V', '7L5'])?.masks[slot('lgpe')]).toBe(L);
    expect(learnInfoFromSources(['8V', '1L5'])?.masks[slot('lgpe')]).toBe(L);
    expect(learnInfoFromSources(['8V', '7M'])?.masks[slot('lgpe')]).toBe(M);
  });

  it('leaves slots without a source empty', () => {
    const info = learnInfoFromSources(['9M']);
    expect(info?.masks.filter((m) => m !== 0)).toHaveLength(1);
  });
});
