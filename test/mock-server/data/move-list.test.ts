import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLearn, LEARN_METHODS, LEARN_SLOTS } from '../../../mock-server/data/learn-encoding.ts';
import { moveFragments, moveListChunks, SLIM_MOVES } from '../../../mock-server/data/move-list.ts';
import { SLOT_VERSION_GROUPS } from '../../../mock-server/data/pokeapi-resources.ts';

const ORIGIN = 'http://127.0.0.1:9999';
const TABLE = [
  ['pound', 1],
  ['karate-chop', 2],
  ['double-slap', 3],
  ['comet-punch', 4],
  ['mega-punch', 5],
  ['pay-day', 6],
] as const;

interface Detail {
  level_learned_at: number;
  move_learn_method: { name: string };
  version_group: { name: string };
}
type MoveList = { move: { name: string; url: string }; version_group_details: Detail[] }[];

const slotMasks = fc
  .array(fc.integer({ min: 0, max: 15 }), { minLength: LEARN_SLOTS.length, maxLength: LEARN_SLOTS.length })
  .filter((m) => m.some((v) => v !== 0));

function render(masks: number[][], level: number, slim: boolean): MoveList {
  const fragments = moveFragments(TABLE, ORIGIN);
  const learned = { moves: masks.map((_, i) => i), learn: masks.map((m) => encodeLearn(m)), levels: masks.map(() => level) };
  return JSON.parse(Buffer.concat(moveListChunks(learned, fragments, slim)).toString()) as MoveList;
}

/** How many (version group, method) pairs a mask list stands for, counted from the table directly. */
function expectedDetails(masks: number[]): number {
  let n = 0;
  masks.forEach((mask, slot) => {
    LEARN_METHODS.forEach((method, bit) => {
      if (mask & (1 << bit)) n += SLOT_VERSION_GROUPS[LEARN_SLOTS[slot] ?? 'gen9'][method].length;
    });
  });
  return n;
}

describe('moveListChunks', () => {
  it('writes one detail per version group and method of each learn slot (realistic)', () =>
    fc.assert(
      fc.property(fc.array(slotMasks, { minLength: 1, maxLength: TABLE.length }), fc.integer({ min: 1, max: 100 }), (masks, level) => {
        const list = render(masks, level, false);
        expect(list.map((m) => m.move.name)).toEqual(TABLE.slice(0, masks.length).map(([name]) => name));
        list.forEach((entry, i) => expect(entry.version_group_details).toHaveLength(expectedDetails(masks[i] ?? [])));
      }),
    ));

  it('keeps at most four moves of one detail each (slim)', () =>
    fc.assert(
      fc.property(fc.array(slotMasks, { minLength: 1, maxLength: TABLE.length }), (masks) => {
        const list = render(masks, 5, true);
        expect(list).toHaveLength(Math.min(SLIM_MOVES, masks.length));
        for (const entry of list) expect(entry.version_group_details).toHaveLength(1);
      }),
    ));

  it("gives slim's one detail from the most recent slot", () => {
    const masks = LEARN_SLOTS.map(() => 0);
    masks[0] = 1;
    masks[LEARN_SLOTS.indexOf('gen9')] = 8;
    const [entry] = render([masks], 7, true);
    expect(entry?.version_group_details).toEqual([
      expect.objectContaining({ level_learned_at: 0, move_learn_method: expect.objectContaining({ name: 'machine' }), version_group: expect.objectContaining({ name: 'scarlet-violet' }) }),
    ]);
  });

  it('writes the level on level-up details and 0 on the others', () => {
    const masks = LEARN_SLOTS.map(() => 0);
    masks[LEARN_SLOTS.indexOf('gen9')] = 1 | 8;
    const details = render([masks], 12, false)[0]?.version_group_details ?? [];
    expect(details.map((d) => [d.move_learn_method.name, d.level_learned_at])).toEqual([
      ['level-up', 12],
      ['machine', 0],
    ]);
  });

  it('links moves on the origin with a trailing slash', () => {
    const masks = LEARN_SLOTS.map(() => 0);
    masks[9] = 1;
    expect(render([masks], 1, false)[0]?.move).toEqual({ name: 'pound', url: `${ORIGIN}/api/v2/move/1/` });
  });
});
