/**
 * Numbers the (order id, calendar day) groups of DOMAIN §7.2 as rows arrive: an order id seen again on
 * another day is a new group (receipt numbers that restart must not merge purchases), and a blank order id
 * (null) groups by its day. Counts the order ids found on several days. Shared by the row parser and the
 * streaming builder, so both group alike. Cost O(1) per row (Map lookups); memory O(groups).
 * @example
 * const groups = new OrderDayGroups();
 * [groups.groupOf('R1', 10), groups.groupOf('R1', 10), groups.groupOf('R1', 11), groups.groupOf(null, 11)]
 * // => [0, 0, 1, 2]
 */
export class OrderDayGroups {
  // Day of each group; an id's first group is found by id, its later days through `onOtherDay`.
  private readonly dayOfGroup: number[] = [];
  private readonly firstGroup = new Map<string, number>();
  private readonly onOtherDay = new Map<string, Map<number, number>>();
  private readonly blankOfDay = new Map<number, number>();
  private readonly reused = new Set<string>();

  /** The group number of a line with this order id (null = blank) on this whole day. */
  groupOf(orderId: string | null, wholeDay: number): number {
    if (orderId === null) return this.groupIn(this.blankOfDay, wholeDay);
    const first = this.firstGroup.get(orderId);
    if (first === undefined) {
      const group = this.dayOfGroup.push(wholeDay) - 1;
      this.firstGroup.set(orderId, group);
      return group;
    }
    if (this.dayOfGroup[first] === wholeDay) return first;
    this.reused.add(orderId);
    let days = this.onOtherDay.get(orderId);
    if (days === undefined) {
      days = new Map<number, number>();
      this.onOtherDay.set(orderId, days);
    }
    return this.groupIn(days, wholeDay);
  }

  /** How many order ids were found on more than one day. */
  get idsOnSeveralDays(): number {
    return this.reused.size;
  }

  private groupIn(byDay: Map<number, number>, wholeDay: number): number {
    let group = byDay.get(wholeDay);
    if (group === undefined) {
      group = this.dayOfGroup.push(wholeDay) - 1;
      byDay.set(wholeDay, group);
    }
    return group;
  }
}
