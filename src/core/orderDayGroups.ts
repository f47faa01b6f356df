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
  // Ids are keyed by their text, or by their number when the text is exactly that number's (see idKey).
  private readonly dayOfGroup: number[] = [];
  private readonly firstGroup = new Map<string | number, number>();
  private readonly onOtherDay = new Map<string | number, Map<number, number>>();
  private readonly blankOfDay = new Map<number, number>();
  private readonly reused = new Set<string | number>();

  /** The group number of a line with this order id (null = blank) on this whole day. */
  groupOf(orderId: string | null, wholeDay: number): number {
    if (orderId === null) return this.groupIn(this.blankOfDay, wholeDay);
    const id = idKey(orderId);
    const first = this.firstGroup.get(id);
    if (first === undefined) {
      const group = this.dayOfGroup.push(wholeDay) - 1;
      this.firstGroup.set(id, group);
      return group;
    }
    if (this.dayOfGroup[first] === wholeDay) return first;
    this.reused.add(id);
    let days = this.onOtherDay.get(id);
    if (days === undefined) {
      days = new Map<number, number>();
      this.onOtherDay.set(id, days);
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

/**
 * An order id as a map key: invoice numbers ("536365") as small integers, which V8 hashes and stores without
 * touching a string (on the generated 5M-row file, 770,000 invoices, this halved the time of groupOf); any
 * other text as itself. Only a text that is exactly a number's own text ("0", "17", not "017" or "+17")
 * becomes that number, so two different texts never share a key.
 */
function idKey(text: string): string | number {
  const length = text.length;
  if (length === 0 || length > 9 || (text.charCodeAt(0) === 48 && length > 1)) return text;
  let value = 0;
  for (let index = 0; index < length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return text;
    value = value * 10 + digit;
  }
  return value;
}
