import { describeNumberRule, OPTION_RULES } from '../core';
import type { ParameterHelp } from './runner';

// The bins bound and default read from core's option table, so the help cannot drift from the check.
const BINS = OPTION_RULES.bins;

/**
 * The help of parameters that several functions share (same name, same meaning), in English and Chinese, so
 * the text is written once and the functions describe them alike.
 */
export const PARAMETER_HELP = {
  acquisition_cost: {
    en: 'Cost of acquiring the customer, subtracted once (default 0).',
    zh: '获客成本，只减一次（默认 0）。',
  },
  part: {
    en: '"RFM" for the code 100R + 10F + M (default), or "R", "F" or "M" for one score.',
    zh: '"RFM" 返回代码 100R + 10F + M（默认），或 "R"、"F"、"M" 返回单项评分。',
  },
  bins: {
    en: `Number of score levels, ${describeNumberRule(BINS)} (default ${BINS.default}).`,
    zh: `评分等级数，${BINS.min} 到 ${BINS.max} 的整数（默认 ${BINS.default}）。`,
  },
  language: {
    en: '"en" or "zh" for the label (default: Excel\'s display language, else English).',
    zh: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
  },
  amounts: {
    matrix: true,
    en: 'Amounts in the same rows as dates; negative amounts are returns.',
    zh: '与日期同行的金额；负数为退货。',
  },
  customer_id: {
    en: 'The customer to look up in customers (SUMIFS-style).',
    zh: '在 customers 中查找的客户（类似 SUMIFS）。',
  },
  customers: {
    matrix: true,
    en: "The transaction table's customer column, in the same rows as dates.",
    zh: '交易表的客户列，与日期同行。',
  },
  period_days: { en: 'Length of a period in days (default 90).', zh: '每期天数（默认 90）。' },
  churn_days: {
    en: 'Days without purchase after which the customer is Lost (default 365).',
    zh: '多少天未购买即视为流失（默认 365）。',
  },
  penalty: { en: 'L2 penalty on the parameters, 0 or more (default 0).', zh: '参数的 L2 惩罚，0 或以上（默认 0）。' },
  bgnbd_params: {
    matrix: true,
    en: 'The block spilled by BGNBD_FIT, or r, alpha, a, b in this order.',
    zh: 'BGNBD_FIT 溢出的区域，或依次为 r、alpha、a、b。',
  },
  x: { en: 'Repeat purchases.', zh: '重复购买次数。' },
  t_x: { en: "Time from first to last purchase, in the fit's unit.", zh: '首次到最后一次购买的时间，拟合所用单位。' },
  T: { en: "Time from first purchase to now, in the fit's unit.", zh: '首次购买到现在的时间，拟合所用单位。' },
  params: {
    matrix: true,
    en: 'The block spilled by SBG_FIT, or alpha and beta in this order.',
    zh: 'SBG_FIT 溢出的区域，或依次为 alpha、beta。',
  },
  horizon: { en: 'Number of payments to count (default: all).', zh: '计入的付款次数（默认：全部）。' },
} as const satisfies Record<string, ParameterHelp>;
