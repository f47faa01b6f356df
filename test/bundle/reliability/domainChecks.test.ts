/*
 * Class 10: inputs that cannot describe a real customer or rate are refused, naming the argument.
 */
import { call, errorOf } from './callBundle';

const block = [
  ['r', 0.2426],
  ['alpha', 4.4136],
  ['a', 0.7929],
  ['b', 2.4259],
];
const gg = [
  ['p', 6.25],
  ['q', 3.74],
  ['gamma', 15.44],
];

describe('domain checks', () => {
  it('P_ALIVE with no repeat purchases (x = 0) but a last purchase at t_x = 20 is inconsistent', () => {
    const error = errorOf('P_ALIVE', block, 0, 20, 38);
    expect(error.code).toBe('#NUM!');
    expect(error.message).toMatch(/^A customer without repeat purchases \(x = 0\) has t_x = 0, got t_x = 20/);
    expect(call('P_ALIVE', block, 0, 0, 38)).toBe(1);
  });

  it('EXPECTED_PURCHASES refuses the same inconsistency', () => {
    expect(errorOf('EXPECTED_PURCHASES', block, 10, 0, 20, 38).code).toBe('#NUM!');
  });

  it('PREDICTED_CLV refuses a margin of 150 %', () => {
    const error = errorOf('PREDICTED_CLV', block, gg, 2, 30.43, 38.86, 40, 'weeks', null, null, '150%');
    expect({ code: error.code, message: error.message }).toEqual({
      code: '#NUM!',
      message: 'margin must be a fraction from 0 to 1, got 1.5.',
    });
  });

  it.each([
    ['CLV', [[[100]], '¥12', null, 5, null], 'discount_rate'],
    ['RETENTION_CLV', [100, '$0.8', 0.1, null, null], 'retention_rate'],
    ['PREDICTED_CLV', [block, gg, 2, 30.43, 38.86, 40, 'weeks', null, '€1', null], 'monthly_discount'],
  ])('%s refuses an amount of money as a rate', (id, args, name) => {
    const error = errorOf(id, ...args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(
      new RegExp(`^${name} is a rate such as 10% or 0.1, got '.+', which is an amount of money\\.$`),
    );
  });
});
