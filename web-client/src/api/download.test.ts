import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download';

describe('file name of a download', () => {
  it('prefers the RFC 5987 name, then the quoted or plain one', () => {
    expect(fileNameFrom(`attachment; filename=a.csv; filename*=UTF-8''coopol-%C3%A9t%C3%A9.csv`)).toBe('coopol-été.csv');
    expect(fileNameFrom('attachment; filename="coopol people.csv"')).toBe('coopol people.csv');
    expect(fileNameFrom('attachment; filename=coopol.csv')).toBe('coopol.csv');
    expect(fileNameFrom('attachment')).toBeNull();
    expect(fileNameFrom(null)).toBeNull();
  });
});
