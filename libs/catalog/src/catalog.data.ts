/**
 * The catalog a new shop starts with (DOMAIN.md, "Plans and features"). Data, not logic:
 * admins add new versions later; the seed only fills an empty catalog.
 */
export interface PlanSeed {
  code: string;
  name: string;
  nameZh: string;
  annualFeeFen: number;
  termMonths: number;
  perMinuteFen: number;
}

export interface FeatureSeed {
  code: string;
  name: string;
  nameZh: string;
  description: string;
  annualFeeFen: number;
  excludes: readonly string[];
}

/** Cheapest first: a grade's minimum plan allows every dearer plan too. */
export const PLAN_SEEDS: readonly PlanSeed[] = [
  {
    code: 'basic',
    name: 'Basic',
    nameZh: '基础套餐',
    annualFeeFen: 120_000,
    termMonths: 12,
    perMinuteFen: 36,
  },
  {
    code: 'standard',
    name: 'Standard',
    nameZh: '标准套餐',
    annualFeeFen: 240_000,
    termMonths: 12,
    perMinuteFen: 30,
  },
  {
    code: 'business',
    name: 'Business',
    nameZh: '商务套餐',
    annualFeeFen: 600_000,
    termMonths: 36,
    perMinuteFen: 25,
  },
  {
    code: 'premium',
    name: 'Premium',
    nameZh: '尊享套餐',
    annualFeeFen: 1_200_000,
    termMonths: 36,
    perMinuteFen: 20,
  },
  {
    code: 'enterprise',
    name: 'Enterprise',
    nameZh: '企业套餐',
    annualFeeFen: 3_000_000,
    termMonths: 36,
    perMinuteFen: 15,
  },
];

export const FEATURE_SEEDS: readonly FeatureSeed[] = [
  {
    code: 'ivr',
    name: 'IVR voice menu',
    nameZh: '语音导航',
    description: 'Callers choose a department from a spoken menu, up to 5 levels.',
    annualFeeFen: 60_000,
    excludes: ['ringback'],
  },
  {
    code: 'ringback',
    name: 'Ringback tone',
    nameZh: '彩铃',
    description: 'Callers hear your company message instead of the ring tone. Not combinable with IVR.',
    annualFeeFen: 30_000,
    excludes: ['ivr'],
  },
  {
    code: 'multi_forwarding',
    name: 'Multi-destination forwarding',
    nameZh: '呼叫转移',
    description:
      'Forward to several destinations in order, at random or round robin, with busy and no-answer fallbacks.',
    annualFeeFen: 30_000,
    excludes: [],
  },
  {
    code: 'time_routing',
    name: 'Time-of-day routing',
    nameZh: '分时段接听',
    description: 'Route calls by time of day and day of week.',
    annualFeeFen: 20_000,
    excludes: [],
  },
  {
    code: 'area_routing',
    name: 'Area routing and blocking',
    nameZh: '区域接听',
    description: "Route or block calls by the caller's region.",
    annualFeeFen: 20_000,
    excludes: [],
  },
  {
    code: 'recording',
    name: 'Call recording',
    nameZh: '通话录音',
    description: 'Record calls and keep the recordings for review.',
    annualFeeFen: 50_000,
    excludes: [],
  },
  {
    code: 'blacklist',
    name: 'Black and white lists',
    nameZh: '黑白名单',
    description: 'Block or always admit chosen callers.',
    annualFeeFen: 10_000,
    excludes: [],
  },
  {
    code: 'crm_popup',
    name: 'CRM screen pop',
    nameZh: '来电弹屏',
    description: "Show the caller's customer record when the phone rings.",
    annualFeeFen: 80_000,
    excludes: [],
  },
  {
    code: 'survey',
    name: 'Satisfaction survey',
    nameZh: '满意度调查',
    description: 'Ask callers to rate the call when it ends.',
    annualFeeFen: 40_000,
    excludes: [],
  },
  {
    code: 'missed_call_sms',
    name: 'Missed-call SMS',
    nameZh: '漏话短信提醒',
    description: 'Text the answering staff about every missed call.',
    annualFeeFen: 20_000,
    excludes: [],
  },
  {
    code: 'voicemail',
    name: 'Voicemail',
    nameZh: '语音信箱',
    description: 'Callers leave a message when nobody answers.',
    annualFeeFen: 20_000,
    excludes: [],
  },
  {
    code: 'call_analytics',
    name: 'Call lists and analysis',
    nameZh: '话单统计',
    description: 'Call lists and statistics, included free.',
    annualFeeFen: 0,
    excludes: [],
  },
];
