import {
  ACCEPTED_DATE_FORMATS,
  AnalyticsError,
  dayToIso,
  type CoreWarning,
  type Language,
  type SkippedRows,
  type SkipReason,
  type WarningCode,
  type WarningParams,
} from '../core';

/**
 * The sentences of core's warnings and skip reports, in English and Chinese: core hands out codes and
 * numbers, and every entry point (pane, Excel writer, custom functions, CLI) words them here. The Chinese
 * tables have the English tables' types, so a code added to core without both sentences does not compile.
 */
type WarningSentences = { readonly [Code in WarningCode]: (params: WarningParams[Code]) => string };

const WARNINGS_EN: WarningSentences = {
  hessianNotPositiveDefinite: () =>
    'The Hessian is not positive definite at the optimum: standard errors are unavailable.',
  oneTimeBuyersAlive: ({ customers }) =>
    `${customers} customers have no repeat purchase; BG/NBD gives them P(alive) = 1 by construction. ` +
    'Use the MBG/NBD (modified) model if that overstates their value.',
  nearNbdLimit: ({ meanDropout, limits }) =>
    `The data show almost no dropout (mean dropout probability per purchase a/(a+b) = ${meanDropout.toPrecision(2)}` +
    `${limits.length > 0 ? `; ${limits.join(', ')}` : ''}): the model is at or near its NBD limit, where ` +
    'every customer stays active, so P(alive) is close to 1 for all. A longer calibration period may reveal dropout.',
  fitBudgetExhausted: ({ evaluations }) =>
    `The fit stopped at its budget of ${evaluations} likelihood evaluations, close to but not at an optimum: ` +
    'the estimates may be imprecise. Try a longer calibration period or a small penalty (e.g. 0.001).',
  fitStoppedEarly: () => 'The fit stopped before meeting its convergence test: the estimates may be imprecise.',
  predictionsNotConverged: ({ model }) => `The ${model} fit did not fully converge; treat the predictions with care.`,
  spendCorrelated: ({ correlation }) =>
    `Repeat purchases and mean spend are correlated (Pearson r = ${correlation.toFixed(2)}); the Gamma–Gamma ` +
    'model assumes they are independent, so expected spend may be biased.',
  spendExcluded: ({ customers }) => `${customers} customers with mean spend ≤ 0 were left out of the spend model.`,
  meanSpendUndefined: () => 'q ≤ 1: the population mean spend pγ/(q−1) does not exist.',
  spendHardlyVaries: ({ penalty }) =>
    'Spend hardly varies between a customer’s purchases, so the Gamma–Gamma model has no unique fit; it was ' +
    `fitted with a small penalty (${penalty}) on spend rescaled to mean 1, and expected values stay close to each ` +
    'customer’s own mean.',
  scoreTies: ({ dimension, distinctValues, bins }) =>
    distinctValues === 1
      ? `${dimension} has 1 distinct value for ${bins} bins: every customer ties on it and gets score ${bins}.`
      : `${dimension} has ${distinctValues} distinct values for ${bins} bins: tied customers share a score and some scores are not used.`,
  matrixWithHistoricClv: () =>
    'The value matrix needs a forward-looking CLV for potential value; with historic CLV both axes are the same.',
  ordersOnSeveralDays: ({ orders }) =>
    `${orders} order ids appear on more than one day; each day's lines count as a separate purchase.`,
  asOfAfterData: ({ asOfDay, lastPurchaseDay, days }) =>
    `The as-of date ${dayToIso(asOfDay)} is ${days} days after the last purchase in the data ` +
    `(${dayToIso(lastPurchaseDay)}): those days count as days without purchases. If the data ends earlier, ` +
    'choose an as-of date on or just after its last date.',
  nonPositiveValue: ({ customers }) =>
    `${customers} customers have a net value ≤ 0 after returns; they are kept and scored lowest on M.`,
  summaryWithoutLifecycle: () =>
    'The summary has no tenure_days and period_0_net … period_3_net columns: no lifecycle stage.',
  summaryWithoutPattern: () =>
    'The lifecycle pattern needs every earlier period of the transactions; a summary leaves it blank.',
};

const DIMENSIONS_ZH = { recency: '最近购买（R）', frequency: '购买频次（F）', monetary: '消费金额（M）' } as const;

const WARNINGS_ZH: WarningSentences = {
  hessianNotPositiveDefinite: () => '最优点处的海森矩阵不是正定的：无法给出标准误。',
  oneTimeBuyersAlive: ({ customers }) =>
    `${customers} 位客户没有重复购买；BG/NBD 模型按其定义给这些客户的存活概率为 1。` +
    '如果这高估了他们的价值，请改用 MBG/NBD（修正）模型。',
  nearNbdLimit: ({ meanDropout, limits }) =>
    `数据几乎没有显示流失（每次购买后的平均流失概率 a/(a+b) = ${meanDropout.toPrecision(2)}` +
    `${limits.length > 0 ? `；${limits.join('，')}` : ''}）：模型处于或接近其 NBD 极限，此时每位客户都保持活跃，` +
    '存活概率都接近 1。更长的校准期也许能显示出流失。',
  fitBudgetExhausted: ({ evaluations }) =>
    `拟合在用完 ${evaluations} 次似然计算的预算时停止，接近但尚未到达最优点：估计值可能不够精确。` +
    '可以试试更长的校准期或一个小的惩罚项（例如 0.001）。',
  fitStoppedEarly: () => '拟合在满足收敛条件之前停止：估计值可能不够精确。',
  predictionsNotConverged: ({ model }) => `${model} 模型的拟合没有完全收敛；请谨慎看待预测结果。`,
  spendCorrelated: ({ correlation }) =>
    `重复购买次数与平均消费相关（皮尔逊 r = ${correlation.toFixed(2)}）；Gamma–Gamma 模型假定两者独立，` +
    '因此预期消费可能有偏差。',
  spendExcluded: ({ customers }) => `${customers} 位平均消费 ≤ 0 的客户未纳入消费模型。`,
  meanSpendUndefined: () => 'q ≤ 1：总体平均消费 pγ/(q−1) 不存在。',
  spendHardlyVaries: ({ penalty }) =>
    `客户每次购买的金额几乎不变，Gamma–Gamma 模型没有唯一解；已将消费缩放到均值 1 并加入小的惩罚项（${penalty}）` +
    '进行拟合，预期金额接近每位客户自己的平均值。',
  scoreTies: ({ dimension, distinctValues, bins }) =>
    distinctValues === 1
      ? `${DIMENSIONS_ZH[dimension]}只有 1 个不同的值，却分 ${bins} 档：所有客户并列，都得 ${bins} 分。`
      : `${DIMENSIONS_ZH[dimension]}只有 ${distinctValues} 个不同的值，却分 ${bins} 档：并列的客户得分相同，有些分数不会出现。`,
  matrixWithHistoricClv: () => '价值矩阵需要前瞻性的 CLV 来衡量潜在价值；使用历史 CLV 时两个维度完全相同。',
  ordersOnSeveralDays: ({ orders }) => `${orders} 个订单号出现在不止一天；每天的明细各算作一次单独的购买。`,
  asOfAfterData: ({ asOfDay, lastPurchaseDay, days }) =>
    `截止日期 ${dayToIso(asOfDay)} 比数据中最后一次购买（${dayToIso(lastPurchaseDay)}）晚 ${days} 天：` +
    '这些天都算作没有购买的日子。如果数据更早结束，请选择其最后日期当天或次日作为截止日期。',
  nonPositiveValue: ({ customers }) => `${customers} 位客户扣除退货后的净值 ≤ 0；他们被保留，M 得分最低。`,
  summaryWithoutLifecycle: () => '汇总表没有 tenure_days 和 period_0_net … period_3_net 列：无法给出生命周期阶段。',
  summaryWithoutPattern: () => '生命周期模式需要交易的每个早期周期；汇总表无法给出，留空。',
};

const WARNINGS: Readonly<Record<Language, WarningSentences>> = { en: WARNINGS_EN, zh: WARNINGS_ZH };

/**
 * A core warning as a sentence in a language.
 * @example
 * describeWarning({ code: 'ordersOnSeveralDays', params: { orders: 2 } }, 'zh') // => '2 个订单号出现在不止一天；每天的明细各算作一次单独的购买。'
 */
export function describeWarning(warning: CoreWarning, language: Language): string {
  const sentence = WARNINGS[language][warning.code] as (params: CoreWarning['params']) => string;
  return sentence(warning.params);
}

/** What each skip reason is called, in both languages. */
export const SKIP_REASON_NAMES: Readonly<Record<Language, Readonly<Record<SkipReason, string>>>> = {
  en: {
    blankCustomer: 'blank customer',
    badDate: 'bad date',
    badAmount: 'non-numeric amount',
    afterAsOf: 'date after the as-of date',
    returnsOnly: 'customer with returns only',
    errorValue: 'Excel error value (#N/A, #REF! …)',
  },
  zh: {
    blankCustomer: '客户为空',
    badDate: '日期无效',
    badAmount: '金额不是数字',
    afterAsOf: '晚于截止日期',
    returnsOnly: '仅有退货的客户',
    errorValue: 'Excel 错误值（#N/A、#REF! 等）',
  },
};

/** The date forms core reads, for messages about bad dates. */
export const DATE_FORMATS: Readonly<Record<Language, string>> = {
  en: ACCEPTED_DATE_FORMATS,
  zh: 'yyyy-mm-dd [hh:mm[:ss]]、yyyy/m/d、yyyy年m月d日、yyyymmdd 或日期单元格',
};

/**
 * A skip report as one sentence: the total, then each reason with its count, first rows and first value
 * (and, for bad dates, the forms a good one takes).
 * @example
 * describeSkipped({ total: 1, reasons: { blankCustomer: { count: 1, firstRows: [7] } } }, 'en') // => '1 row skipped: blank customer 1 (first at row 7).'
 */
export function describeSkipped(skipped: SkippedRows, language: Language): string {
  const zh = language === 'zh';
  if (skipped.total === 0) return zh ? '没有跳过任何行。' : 'No rows skipped.';
  const names = SKIP_REASON_NAMES[language];
  const parts = (Object.entries(skipped.reasons) as [SkipReason, SkippedRows['reasons'][SkipReason]][]).map(
    ([reason, entry]) => {
      if (entry === undefined) return '';
      const rows = entry.firstRows.join(zh ? '、' : ', ');
      const value = entry.firstValue;
      if (zh) {
        const first = value === undefined ? '' : `，第一个是“${value}”`;
        const formats = reason === 'badDate' ? `；日期须为 ${DATE_FORMATS.zh}` : '';
        return `${names[reason]} ${entry.count} 行（首次出现在第 ${rows} 行${first}${formats}）`;
      }
      const first = value === undefined ? '' : `, the first is '${value}'`;
      const formats = reason === 'badDate' ? `; dates must be ${DATE_FORMATS.en}` : '';
      const at = entry.firstRows.length === 1 ? 'row' : 'rows';
      return `${names[reason]} ${entry.count} (first at ${at} ${rows}${first}${formats})`;
    },
  );
  return zh
    ? `跳过了 ${skipped.total} 行：${parts.join('；')}。`
    : `${skipped.total} ${skipped.total === 1 ? 'row' : 'rows'} skipped: ${parts.join('; ')}.`;
}

/**
 * The message of a failure for a user: an EMPTY_INPUT that carries its skip report is worded here (core's own
 * message is the English one for developers); anything else keeps its message.
 */
export function describeFailure(error: unknown, language: Language): string {
  if (error instanceof AnalyticsError && error.code === 'EMPTY_INPUT' && error.skipped !== undefined) {
    const prefix = language === 'zh' ? '没有可用的交易：' : 'No usable transactions: ';
    return prefix + describeSkipped(error.skipped, language);
  }
  return error instanceof Error ? error.message : String(error);
}
