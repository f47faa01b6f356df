/*
 * Class 8: units are never guessed. PREDICTED_CLV on a weeks-fitted block with the unit omitted returned 3.9
 * times the right value; now the unit is required unless the block carries it.
 */
import { readCdnowSample } from '../../core/btyd/cdnowSample';
import { call, col, errorOf } from './callBundle';

const weeksBlock = [
  ['r', 0.2426],
  ['alpha', 4.4136],
  ['a', 0.7929],
  ['b', 2.4259],
  ['log-likelihood', -9582.43],
];
const gg = [
  ['p', 6.25],
  ['q', 3.74],
  ['gamma', 15.44],
];

describe('the time unit of a BG/NBD block', () => {
  it('PREDICTED_CLV with the CDNOW weeks block and unit omitted is an error that asks for the unit', () => {
    const error = errorOf('PREDICTED_CLV', weeksBlock, gg, 2, 30.43, 38.86, 40, null, null, null, null);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^Give unit \("days", "weeks" or "months"\)/);
  });

  it('with unit "weeks" it gives the documented 57.62', () => {
    expect(call('PREDICTED_CLV', weeksBlock, gg, 2, 30.43, 38.86, 40, 'weeks', null, null, null)).toBeCloseTo(57.62, 2);
  });

  it('BGNBD_FIT given its unit spills a unit row, and PREDICTED_CLV then needs no unit and refuses another', () => {
    const cdnow = readCdnowSample();
    const block = call(
      'BGNBD_FIT',
      col(cdnow.map((c) => c.x)),
      col(cdnow.map((c) => c.tx)),
      col(cdnow.map((c) => c.T)),
      null,
      null,
      'weeks',
    ) as unknown[][];
    expect(block.at(-1)).toEqual(['unit', 'weeks']);
    const carried = call('PREDICTED_CLV', block, gg, 2, 30.43, 38.86, 40, null, null, null, null) as number;
    expect(carried).toBeCloseTo(
      call('PREDICTED_CLV', block, gg, 2, 30.43, 38.86, 40, 'weeks', null, null, null) as number,
      12,
    );
    expect(errorOf('PREDICTED_CLV', block, gg, 2, 30.43, 38.86, 40, 'days', null, null, null).message).toBe(
      'unit is "days" but bgnbd_params was fitted in weeks: give the same unit, or omit unit.',
    );
  });
});
