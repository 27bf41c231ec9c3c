import { CATALOGS, LOCALE_STORAGE_KEY, readLocale, saveLocale, translate, type Locale } from './messages';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.items.set(key, value);
}

describe('message catalogs', () => {
  it('has the same, non-empty messages in every language', () => {
    const ids = Object.keys(CATALOGS['zh-CN']).sort();
    for (const catalog of Object.values(CATALOGS)) {
      expect(Object.keys(catalog).sort()).toEqual(ids);
      for (const text of Object.values(catalog)) expect(text.trim()).not.toBe('');
    }
  });

  it('translates, filling placeholders it knows', () => {
    expect(translate('zh-CN', 'grade.gold')).toBe('金号');
    expect(translate('en', 'grade.gold')).toBe('Gold');
    expect(translate('zh-CN', 'search.shown', { count: 20 })).toBe('已显示 20 个号码');
    expect(translate('en', 'search.shown')).toBe('Showing {count} numbers');
  });
});

describe('the remembered language', () => {
  it('is Chinese by default and for unknown values', () => {
    expect(readLocale(undefined)).toBe('zh-CN');
    const storage = new MemoryStorage();
    expect(readLocale(storage)).toBe('zh-CN');
    storage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(readLocale(storage)).toBe('zh-CN');
  });

  it.each<Locale>(['en', 'zh-CN'])('reads back %s once saved', (locale) => {
    const storage = new MemoryStorage();
    saveLocale(storage, locale);
    expect(readLocale(storage)).toBe(locale);
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveLocale(broken, 'en')).not.toThrow();
    expect(readLocale(broken)).toBe('zh-CN');
  });
});
