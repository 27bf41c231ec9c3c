/** The languages of the shop: Simplified Chinese first, English for foreign staff and buyers. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

// The Chinese catalog is the reference: its keys are the message ids, and the English one
// must have exactly the same keys (a missing or extra key fails the type-check).
const zhCN = {
  'app.title': '好码 · 400 号码商城',
  'app.language': '语言',
  'app.skipToContent': '跳到主要内容',
  'search.heading': '选择您的 400 号码',
  'search.filters': '筛选条件',
  'search.startsWith': '开头数字',
  'search.endsWith': '结尾数字',
  'search.contains': '包含数字',
  'search.mask': '号码模板',
  'search.maskHelp': '? 代表一位数字，* 代表任意位数，例如 400*88*8888',
  'search.pattern': '号码规律',
  'search.patternPosition': '规律位置',
  'search.position.tail': '结尾',
  'search.position.middle': '中间',
  'search.position.any': '任意位置',
  'search.grade': '等级',
  'search.carrier': '运营商',
  'search.minFee': '最低选号费（元）',
  'search.maxFee': '最高选号费（元）',
  'search.excludeDigits': '排除数字',
  'search.excludeDigitsHelp': '号码中不含这些数字，例如 4',
  'search.word': '字母（按键盘）',
  'search.lucky': '只看吉祥号',
  'search.sort': '排序',
  'search.sort.fee_asc': '选号费从低到高',
  'search.sort.fee_desc': '选号费从高到低',
  'search.sort.grade_desc': '等级从高到低',
  'search.sort.relevance': '最匹配',
  'search.any': '不限',
  'search.reset': '清除筛选',
  'search.results': '搜索结果',
  'search.loading': '正在搜索…',
  'search.loadMore': '加载更多',
  'search.end': '已显示全部号码',
  'search.shown': '已显示 {count} 个号码',
  'search.noResults': '没有找到符合条件的号码',
  'search.suggestions': '您可能喜欢这些号码',
  'search.error': '搜索失败，请稍后重试',
  'search.invalidFee': '请输入金额，例如 1200 或 99.50',
  'number.selectionFee': '选号费',
  'number.plan': '最低套餐',
  'number.perYear': '/年',
  'number.noPlan': '暂无可选套餐',
  'grade.standard': '普号',
  'grade.silver': '银号',
  'grade.gold': '金号',
  'grade.platinum': '白金号',
  'grade.diamond': '钻石号',
  'carrier.telecom': '中国电信',
  'carrier.unicom': '中国联通',
  'carrier.mobile': '中国移动',
  'suggest.reason.same_tail': '同尾号',
  'suggest.reason.one_digit_off': '仅一位不同',
  'suggest.reason.same_pattern': '相同规律',
  'suggest.reason.contains': '包含所输数字',
} as const;

export type MessageId = keyof typeof zhCN;
export type Catalog = Readonly<Record<MessageId, string>>;

const en: Catalog = {
  'app.title': 'Haoma · 400 numbers',
  'app.language': 'Language',
  'app.skipToContent': 'Skip to main content',
  'search.heading': 'Choose your 400 number',
  'search.filters': 'Filters',
  'search.startsWith': 'Starts with',
  'search.endsWith': 'Ends with',
  'search.contains': 'Contains',
  'search.mask': 'Number mask',
  'search.maskHelp': '? is one digit, * any number of digits, e.g. 400*88*8888',
  'search.pattern': 'Pattern',
  'search.patternPosition': 'Pattern position',
  'search.position.tail': 'At the end',
  'search.position.middle': 'In the middle',
  'search.position.any': 'Anywhere',
  'search.grade': 'Grade',
  'search.carrier': 'Carrier',
  'search.minFee': 'Lowest selection fee (¥)',
  'search.maxFee': 'Highest selection fee (¥)',
  'search.excludeDigits': 'Exclude digits',
  'search.excludeDigitsHelp': 'Digits the number must not contain, e.g. 4',
  'search.word': 'Word (keypad letters)',
  'search.lucky': 'Lucky numbers only',
  'search.sort': 'Sort by',
  'search.sort.fee_asc': 'Fee, lowest first',
  'search.sort.fee_desc': 'Fee, highest first',
  'search.sort.grade_desc': 'Best grade first',
  'search.sort.relevance': 'Best match',
  'search.any': 'Any',
  'search.reset': 'Clear filters',
  'search.results': 'Results',
  'search.loading': 'Searching…',
  'search.loadMore': 'Load more',
  'search.end': 'That is every matching number',
  'search.shown': 'Showing {count} numbers',
  'search.noResults': 'No number matches these filters',
  'search.suggestions': 'You may like these numbers',
  'search.error': 'The search failed; please try again',
  'search.invalidFee': 'Enter an amount, e.g. 1200 or 99.50',
  'number.selectionFee': 'Selection fee',
  'number.plan': 'Plan from',
  'number.perYear': '/year',
  'number.noPlan': 'No plan available',
  'grade.standard': 'Standard',
  'grade.silver': 'Silver',
  'grade.gold': 'Gold',
  'grade.platinum': 'Platinum',
  'grade.diamond': 'Diamond',
  'carrier.telecom': 'China Telecom',
  'carrier.unicom': 'China Unicom',
  'carrier.mobile': 'China Mobile',
  'suggest.reason.same_tail': 'Same ending',
  'suggest.reason.one_digit_off': 'One digit off',
  'suggest.reason.same_pattern': 'Same pattern',
  'suggest.reason.contains': 'Contains your digits',
};

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'zh-CN': zhCN, en };

/** `text` with its `{name}` placeholders filled from `values` (unknown names left as they are). */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message in `locale`, with `{name}` placeholders filled from `values`. */
export function translate(
  locale: Locale,
  id: MessageId,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillPlaceholders(CATALOGS[locale][id], values);
}

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'haoma.locale';

/** The remembered language, or Chinese when none (or something unknown) is stored. */
export function readLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (private mode): fall back to the default.
  }
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : DEFAULT_LOCALE;
}

export function saveLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered this time; the page still switches.
  }
}
