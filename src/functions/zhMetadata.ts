/*
 * Chinese help text for the CRM functions. Chinese Excel keeps the English function and parameter names, so
 * only descriptions are translated; buildZhMetadata merges this table over the generated functions.json and
 * refuses to build when the two disagree on ids or parameters.
 */

/** The Chinese description of one function and of each of its parameters, by parameter name. */
export interface ZhFunctionText {
  description: string;
  parameters: Readonly<Record<string, string>>;
  result?: string;
}

/** Chinese descriptions by function id. */
export const ZH_FUNCTION_TEXT: Readonly<Record<string, ZhFunctionText>> = Object.freeze({
  CLV: {
    description:
      '按种子公式计算客户终身价值：对 t = 1…T 求 利润 × 保留率^(t−1) / (1 + 折现率)^t 之和，再减去获客成本；保留率 100% 且无获客成本时等于 NPV。',
    parameters: {
      profits: '每期利润：一个数，或一行/一列各期利润（第一期在第 1 期末获得）。',
      discount_rate: '每期折现率，例如 10%；必须大于 −100%。',
      retention_rate: '每期保留的客户比例，大于 0% 且不超过 100%（默认 100%）；第一期不打折扣。',
      periods: '期数；只有单个利润且保留率低于 100% 时可省略（此时为无限期）。',
      acquisition_cost: '获客成本，只减一次（默认 0）。',
    },
  },
  RETENTION_CLV: {
    description:
      '按 Gupta–Lehmann 利润乘数计算终身价值：利润 × 保留率 / (1 + 折现率 − 保留率) − 获客成本，第一期利润仅在客户被保留时获得。',
    parameters: {
      margin: '每位客户每期的利润。',
      retention_rate: '每期保留的客户比例，大于 0% 且不超过 100%。',
      discount_rate: '每期折现率，大于 −100%。',
      acquisition_cost: '获客成本，只减一次（默认 0）。',
      periods: '有限期数：对 t = 1…期数 求 利润 × 保留率^t / (1 + 折现率)^t 之和（默认无限期）。',
    },
  },
  RFM_SCORE: {
    description:
      'RFM 评分 = 1 + INT(分级数 × 严格更差的客户数 / 客户总数)：给出总体列时返回单个客户的代码（如 545），否则为三列溢出一列代码。',
    parameters: {
      recency_days: '距最近一次购买的天数（越少越好）：单个客户的值或整列。',
      frequency: '购买次数（越多越好）：单个客户的值或整列。',
      monetary: '消费金额（越多越好，按 6 位小数比较）：单个客户的值或整列。',
      recency_population: '全部客户的最近消费天数列；三个总体列都省略时溢出整列代码。',
      frequency_population: '全部客户的消费频率列。',
      monetary_population: '全部客户的消费金额列。',
      part: '"RFM" 返回代码 100R + 10F + M（默认），或 "R"、"F"、"M" 返回单项评分。',
      bins: '评分等级数，2 到 10（默认 5）。',
    },
  },
  RFM_CUTS: {
    description:
      'RFM 评分规则在总体列上的分界点，供 RFM_SCORE_CUTS 快速为大量客户评分：溢出标题行，以及从 2 到分级数的每个评分对应的界限——最近消费天数低于它、频率和金额高于它时，客户至少得该分。',
    parameters: {
      recency_days: '全部客户距最近一次购买的天数（一列）；空白单元格被跳过。',
      frequency: '全部客户的购买次数（一列）；空白单元格被跳过。',
      monetary: '全部客户的消费金额（一列，按 6 位小数比较）；空白单元格被跳过。',
      bins: '评分等级数，2 到 10（默认 5）。',
    },
  },
  RFM_SCORE_CUTS: {
    description:
      '根据 RFM_CUTS 溢出的表返回单个客户的 RFM 代码（如 545）或单项评分：结果与 RFM_SCORE 对总体列评分相同，但每次调用只读这张小表，向下填充数千行也很快。',
    parameters: {
      recency_days: '该客户距最近一次购买的天数（越少越好）。',
      frequency: '该客户的购买次数（越多越好）。',
      monetary: '该客户的消费金额（越多越好，按 6 位小数比较）。',
      cuts: 'RFM_CUTS 溢出的表，含或不含标题行；评分等级数为分界行数 + 1。',
      part: '"RFM" 返回代码 100R + 10F + M（默认），或 "R"、"F"、"M" 返回单项评分。',
    },
  },
  RFM_SEGMENT: {
    description:
      '根据 R、F 评分按默认 R × F 映射（冠军客户、忠诚客户……）或根据 R、F、M 评分按 rfm 包网格返回客户细分名称。',
    parameters: {
      recency_score: '最近消费评分，1 到分级数（越高越近）。',
      frequency_score: '消费频率评分，1 到分级数。',
      monetary_score: '消费金额评分，仅 "grid" 映射需要。',
      segment_map: '"default" 为 R × F 映射（默认），"grid" 为 rfm 包的 R、F、M 网格。',
      bins: '评分使用的等级数，2 到 10（默认 5）。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  LIFECYCLE_STAGE: {
    description:
      '某日的客户生命周期阶段（考察期、形成期、稳定期、退化期或流失），依据单个客户的日期和金额，或客户编号加交易表各列。',
    parameters: {
      dates: '购买日期：单个客户的（如 FILTER 结果），或给出 customer_id 时的整列日期。',
      amounts: '与日期同行的金额；负数为退货。',
      customer_id: '在 customers 中查找的客户（类似 SUMIFS）。',
      customers: '交易表的客户列，与日期同行。',
      as_of: '评估日期（默认为所给最后交易日的次日）；当天的购买计入。',
      period_days: '每期天数（默认 90）。',
      churn_days: '多少天未购买即视为流失（默认 365）。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  LIFECYCLE_PATTERN: {
    description: '客户生命周期模式（长久保持型、提前退出型、中途夭折型、早期流产型或发展中），依据每期末所处的阶段。',
    parameters: {
      dates: '购买日期：单个客户的，或给出 customer_id 时的整列日期。',
      amounts: '与日期同行的金额；负数为退货。',
      customer_id: '在 customers 中查找的客户（类似 SUMIFS）。',
      customers: '交易表的客户列，与日期同行。',
      as_of: '评估日期（默认为所给最后交易日的次日）。',
      period_days: '每期天数（默认 90）。',
      churn_days: '多少天未购买即视为流失（默认 365）。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  RFM_TABLE: {
    description:
      '由原始交易生成每位客户的 RFM 表：溢出标题行和每位客户一行（最近消费、频率、金额、评分、细分、生命周期阶段、价值与层级），与任务窗格写出的一致。',
    parameters: {
      customers: '交易的客户编号列。',
      dates: '日期列，同行。',
      amounts: '金额列，同行；负数为退货。',
      as_of: '评估日期（默认为最后交易日的次日）。',
      bins: '评分等级数，2 到 10（默认 5）。',
      segment_map: '"default"（R × F 映射）或 "grid"（rfm 包网格）。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  VALUE_TIER: {
    description:
      '某值在其列中的价值层级：客户金字塔（前 20% 白金、至 50% 黄金、至 80% 铁质、其余铅质；≤ 0 为铅质）或按累计占比的 ABC 分类；只给一列时逐行溢出。',
    parameters: {
      value: '单个客户的价值，或整列价值（逐行溢出层级）。',
      values: '全部客户的价值列（value 必须是其中之一，同 RANK.EQ）。',
      scheme: '"pyramid"（默认）或 "abc"。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  VALUE_MATRIX: {
    description:
      '客户价值矩阵：当前价值高且潜在价值高为白金，当前低潜在高为黄金，当前高潜在低为铁质，都低为铅质；“高”指高于阈值（默认为该列中位数）。',
    parameters: {
      current_value: '当前（历史）价值：单个客户的，或整列（逐行溢出）。',
      potential_value: '潜在（预测）价值，形状相同。',
      current_threshold: '当前价值高于此值为高（默认 current_value 的中位数；单个客户时必填）。',
      potential_threshold: '潜在价值高于此值为高（默认中位数；单个客户时必填）。',
      language: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
    },
  },
  BGNBD_FIT: {
    description:
      '用最大似然拟合 BG/NBD 购买模型，溢出带标签的 r、alpha、a、b 与对数似然，供 P_ALIVE、EXPECTED_PURCHASES 和 PREDICTED_CLV 引用。',
    parameters: {
      x: '每位客户的重复购买次数（购买天数 − 1）。',
      t_x: '首次到最后一次购买的时间，任一单位（天、周……）。',
      T: '首次购买到观察期末的时间，单位相同。',
      penalty: '参数的 L2 惩罚，0 或以上（默认 0）。',
      model: '"bgnbd"（默认）或 "mbgnbd"（只买一次的客户也可能流失）。',
      unit: 't_x 与 T 的时间单位："days"、"weeks" 或 "months"；给出时结果区域带有一行 unit。',
      customers: '每行代表的客户数（压缩后的 x、t_x、T 表）；默认每行 1 个。',
    },
  },
  GG_FIT: {
    description: '对重复购买客户拟合 Gamma–Gamma 消费金额模型，溢出带标签的 p、q、gamma 与对数似然。',
    parameters: {
      x: '每位客户的重复购买次数；x = 0 或平均消费 ≤ 0 的客户不计入。',
      mean_spend: '每位客户重复购买的平均金额。',
      penalty: '参数的 L2 惩罚，0 或以上（默认 0）。',
    },
  },
  P_ALIVE: {
    description:
      '在已拟合的 BG/NBD 模型下客户仍然活跃的概率，输入为拟合所用时间单位下的重复购买次数、最近购买时间和客户年龄。',
    parameters: {
      bgnbd_params: 'BGNBD_FIT 溢出的区域，或依次为 r、alpha、a、b。',
      x: '重复购买次数。',
      t_x: '首次到最后一次购买的时间，拟合所用单位。',
      T: '首次购买到现在的时间，拟合所用单位。',
    },
  },
  EXPECTED_PURCHASES: {
    description: '在已拟合的 BG/NBD 模型下未来一段时间的期望购买次数：给出 x、t_x、T 时针对该客户，省略时针对新客户。',
    parameters: {
      bgnbd_params: 'BGNBD_FIT 溢出的区域，或依次为 r、alpha、a、b。',
      horizon: '未来时段长度，拟合所用单位。',
      x: '重复购买次数（新客户时省略 x、t_x、T）。',
      t_x: '首次到最后一次购买的时间，拟合所用单位。',
      T: '首次购买到现在的时间，拟合所用单位。',
    },
  },
  PREDICTED_CLV: {
    description:
      '按月计算的预测终身价值：期望购买次数（BG/NBD）的逐月增量 × 期望消费（Gamma–Gamma）× 利润率，并按 (1 + 月折现率)^月 折现。',
    parameters: {
      bgnbd_params: 'BGNBD_FIT 溢出的区域，或依次为 r、alpha、a、b。',
      gg_params: 'GG_FIT 溢出的区域，或依次为 p、q、gamma。',
      x: '重复购买次数。',
      t_x: '首次到最后一次购买的时间，拟合所用单位。',
      T: '首次购买到现在的时间，拟合所用单位。',
      mean_spend: '客户重复购买的平均金额。',
      unit: '拟合的时间单位："days"、"weeks" 或 "months"（一个月为 30.4375 天）；除非参数区域带有 unit 行，否则必须给出。',
      horizon_months: '预测月数，1 到 1200（默认 12）。',
      monthly_discount: '月折现率（默认 1%）。',
      margin: '利润占消费的比例（默认 100%，即收入）。',
    },
  },
  EXPERIENCE_GAP: {
    description: '客户体验差距：体验 − 期望（满意度），给出重要性时再乘以重要性；或体验 − 理想；列输入时逐行计算。',
    parameters: {
      experience: '体验评分（如 1 到 10），或一列评分。',
      reference: '期望评分（against 为 "ideal" 时为理想评分），形状相同。',
      importance: '每个因素的重要性权重（仅用于期望）。',
      against: '"expectation"（默认）或 "ideal"。',
    },
  },
  DELIVERED_VALUE: {
    description: '客户让渡价值：客户总价值 − 客户总成本，或二者之比。',
    parameters: {
      total_customer_value: '客户总价值（产品、服务、人员和形象价值）。',
      total_customer_cost: '客户总成本（货币、时间、精力和心理成本）。',
      mode: '"difference"（默认）或 "ratio"（成本必须大于 0）。',
    },
  },
  COHORT_TABLE: {
    description:
      '交易表的同期群三角表：按每位客户首次购买的月份（或周、季度）分组向下排列，横向为获客后的期数，带标题行；最后一列标出未完整期间（含 as_of 前一天的期间），该期数值偏低不代表下滑。',
    parameters: {
      customers: '交易表的客户编号列。',
      dates: '交易日期，与客户同行。',
      amounts: '金额，与客户同行；负数为退货（减少收入，不算活跃）。',
      period: '"month"（默认）、"week"（ISO 周，周一至周日）或 "quarter"。',
      measure:
        '"share" 同期群中活跃的比例（默认）、"active" 活跃客户数、"survivors" 存续客户数（合约口径：最后一次活跃在此期或之后）、"revenue" 收入、"revenue_per_customer" 每位原始客户收入或 "cumulative_revenue_per_customer" 每位原始客户累计收入。',
      as_of: '数据截止日期 D（默认：最后一笔交易的次日）；之后的行被忽略。',
      language: '标题语言 "en" 或 "zh"（默认：Excel 的显示语言，否则英文）。',
    },
  },
  SBG_FIT: {
    description:
      '对合约续约数据拟合 Fader & Hardie (2007) 的移位贝塔几何（sBG）保留模型，溢出 alpha、beta、对数似然、二者的标准误，以及所用期数、同期群数和客户数。',
    parameters: {
      survivors_or_triangle:
        '第 0、1、2……期仍在订阅的客户数（人数，不是比例）：一个同期群为一行或一列；三角表每个同期群一行；或 measure 为 "survivors" 的 COHORT_TABLE 溢出区域。',
    },
  },
  SBG_SURVIVAL: {
    description: 'sBG 生存函数 S(t) = B(alpha, beta + t) / B(alpha, beta)：新同期群经过 t 个续约期后仍为客户的比例。',
    parameters: {
      params: 'SBG_FIT 溢出的区域，或依次为 alpha、beta。',
      t: '获客后的期数，0 或以上的整数。',
    },
  },
  SBG_RETENTION: {
    description:
      'sBG 保留率 r(t) = (beta + t − 1) / (alpha + beta + t − 1)：第 t − 1 期存续的客户在第 t 期续约的比例；随客户年限上升。',
    parameters: {
      params: 'SBG_FIT 溢出的区域，或依次为 alpha、beta。',
      t: '续约期，1 或以上的整数。',
    },
  },
  SBG_DERL: {
    description:
      '折现期望剩余寿命（Fader & Hardie 2010），以付款次数计：已续约 renewals 次时为 (beta + n − 1)/(alpha + beta + n − 1) × 2F1(1, beta + n; alpha + beta + n; 1/(1 + d))，n = renewals + 1；省略 renewals 时为新客户的折现期望寿命。即将进入的这一期付款不折现。',
    parameters: {
      params: 'SBG_FIT 溢出的区域，或依次为 alpha、beta。',
      discount_rate: '每期折现率；除非给出期限，必须大于 0（alpha ≤ 1 时不折现的寿命为无穷大）。',
      renewals: '客户已续约的次数（n − 1）；新客户省略（DEL）。',
      horizon: '计入的付款次数（默认：全部）。',
    },
  },
  SBG_CLV: {
    description:
      '用 sBG 保留率计算的客户终身价值（利润 × DEL 或 DERL，Fader & Hardie 2010），并列出采用一个固定保留率（下一次续约的保留率）时的价值，使异质性带来的差异一目了然；同时说明求和是由折现率还是期限限定的。',
    parameters: {
      params: 'SBG_FIT 溢出的区域，或依次为 alpha、beta。',
      margin: '客户订阅期间每期的利润。',
      discount_rate: '每期折现率；除非给出期限，必须大于 0。',
      renewals: '客户已续约的次数；新客户省略。',
      horizon: '计入的付款次数（默认：全部）。',
      language: '标签语言 "en" 或 "zh"（默认：Excel 的显示语言，否则英文）。',
    },
  },
});

/** The parts of functions.json this module reads and writes. */
export interface FunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string }[];
  }[];
}

/**
 * Builds the Chinese functions metadata from the English one: same ids, names and parameter lists, Chinese
 * descriptions, help links to the Chinese reference. Does not mutate its input.
 *
 * Cost O(functions × parameters).
 * @throws Error naming every id or parameter on which the translation table and the metadata disagree.
 */
export function buildZhMetadata<M extends FunctionsMetadata>(english: M): M {
  const problems: string[] = [];
  const copy = JSON.parse(JSON.stringify(english)) as M;
  const seen = new Set<string>();
  for (const entry of copy.functions) {
    seen.add(entry.id);
    const text = ZH_FUNCTION_TEXT[entry.id];
    if (text === undefined) {
      problems.push(`${entry.id}: no Chinese text`);
      continue;
    }
    entry.description = text.description;
    if (entry.helpUrl !== undefined) entry.helpUrl = entry.helpUrl.replace('functions.html', 'functions.zh-CN.html');
    const names = entry.parameters.map((parameter) => parameter.name);
    for (const parameter of entry.parameters) {
      const translated = text.parameters[parameter.name];
      if (translated === undefined) problems.push(`${entry.id}: no Chinese text for parameter ${parameter.name}`);
      else parameter.description = translated;
    }
    for (const name of Object.keys(text.parameters)) {
      if (!names.includes(name)) problems.push(`${entry.id}: Chinese text for unknown parameter ${name}`);
    }
  }
  for (const id of Object.keys(ZH_FUNCTION_TEXT)) {
    if (!seen.has(id)) problems.push(`${id}: Chinese text for a function that does not exist`);
  }
  if (problems.length > 0) throw new Error(`Chinese functions metadata is out of date:\n${problems.join('\n')}`);
  return copy;
}
