/** Dates in words, the parliamentary year and day arithmetic. */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseDutchDate, prinsjesdag, vergaderjaarOf } from '../../src/lib/dates.ts';

describe('parseDutchDate', () => {
  it('reads dates in words, abbreviated months, numeric and ISO dates', () => {
    expect(parseDutchDate('(ingezonden 8 juli 2021)')).toBe('2021-07-08');
    expect(parseDutchDate('(ontvangen\n7 september 2021)')).toBe('2021-09-07');
    expect(parseDutchDate('op 1 dec. 2023')).toBe('2023-12-01');
    expect(parseDutchDate('12-10-2023')).toBe('2023-10-12');
    expect(parseDutchDate('2021-07-08T00:00:00+02:00')).toBe('2021-07-08');
  });
  it('refuses dates that do not exist and text without a date', () => {
    expect(parseDutchDate('31 februari 2024')).toBeNull();
    expect(parseDutchDate('geen datum')).toBeNull();
  });
});

describe('vergaderjaar', () => {
  it('turns on Prinsjesdag, the third Tuesday of September', () => {
    expect(prinsjesdag(2021)).toBe('2021-09-21');
    expect(prinsjesdag(2026)).toBe('2026-09-15');
    expect(vergaderjaarOf('2021-09-20')).toBe('2020-2021');
    expect(vergaderjaarOf('2021-09-21')).toBe('2021-2022');
    expect(vergaderjaarOf('2026-04-10')).toBe('2025-2026');
  });
});

describe('day arithmetic', () => {
  it('counts whole days and adds them across months and leap years', () => {
    expect(daysBetween('2021-07-08', '2021-09-07')).toBe(61);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-07-08', 21)).toBe('2021-07-29');
  });
});
