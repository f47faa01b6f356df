import { OrderDayGroups } from '../../src/core/orderDayGroups';

describe('OrderDayGroups: (order id, calendar day) groups', () => {
  test('ids written as numbers and as other texts never share a group unless the texts are equal', () => {
    const groups = new OrderDayGroups();
    const ids = ['17', '017', '+17', '17.0', ' 17', '1000000000', '999999999', 'C17', '0', '00', ''];
    const first = ids.map((id) => groups.groupOf(id, 10));
    expect(new Set(first).size).toBe(ids.length);
    expect(ids.map((id) => groups.groupOf(id, 10))).toEqual(first);
    expect(groups.idsOnSeveralDays).toBe(0);
  });

  test('an id seen again on another day is a new group and counted once, whether keyed by number or text', () => {
    const groups = new OrderDayGroups();
    expect([groups.groupOf('536365', 10), groups.groupOf('536365', 11), groups.groupOf('536365', 11)]).toEqual([
      0, 1, 1,
    ]);
    expect([groups.groupOf('C536365', 10), groups.groupOf('C536365', 12), groups.groupOf(null, 12)]).toEqual([2, 3, 4]);
    expect(groups.groupOf('536365', 12)).toBe(5);
    expect(groups.idsOnSeveralDays).toBe(2);
  });
});
