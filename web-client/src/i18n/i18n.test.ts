import { afterEach, describe, expect, it, vi } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import { detectLanguage, LANGUAGE_KEY } from '.';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Plural forms differ by language (French has _many): compare without the suffix. */
function base(list: string[]): string[] {
  return [...new Set(list.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}

describe('translations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('has the same labels in French and English', () => {
    expect(base(keys(fr))).toEqual(base(keys(en)));
  });

  it('has no empty label', () => {
    for (const [, value] of [...keys(en), ...keys(fr)].entries()) expect(value).not.toBe('');
    const values = (o: unknown): string[] =>
      typeof o === 'string' ? [o] : Object.values(o as object).flatMap((v: unknown) => values(v));
    expect([...values(en), ...values(fr)].every((v) => v.trim().length > 0)).toBe(true);
  });

  it('defaults to French for French browsers, English otherwise, and keeps the user choice', () => {
    vi.stubGlobal('navigator', { language: 'fr-FR', languages: ['fr-FR', 'en'] });
    expect(detectLanguage()).toBe('fr');
    vi.stubGlobal('navigator', { language: 'de-DE', languages: ['de-DE'] });
    expect(detectLanguage()).toBe('en');
    localStorage.setItem(LANGUAGE_KEY, 'fr');
    expect(detectLanguage()).toBe('fr');
  });
});
