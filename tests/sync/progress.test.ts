/** The progress display: a bar with counts and ETA on a terminal, plain lines otherwise. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, eta, formatDuration, plainMode } from '../../scripts/lib/progress.ts';

function sink(tty: boolean): { stream: Writable & { isTTY?: boolean; columns?: number }; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = tty;
  stream.columns = 120;
  return { stream, text: () => out };
}

describe('mode', () => {
  it('uses plain lines when not a TTY or when CI=true', () => {
    expect(plainMode({ isTTY: false }, {})).toBe(true);
    expect(plainMode({ isTTY: true }, { CI: 'true' })).toBe(true);
    expect(plainMode({ isTTY: true }, { CI: '1' })).toBe(true);
    expect(plainMode({ isTTY: true }, {})).toBe(false);
  });
});

describe('plain lines', () => {
  it('writes whole lines with counts and ETA, never carriage returns', () => {
    let t = 0;
    const { stream, text } = sink(false);
    const p = createProgress({ stream, now: () => t, plainIntervalMs: 1000 });
    p.start('Schriftelijke vragen', 100);
    t = 10_000;
    p.update(25, { nieuw: 20, bijgewerkt: 5, verwijderd: 0 });
    t = 10_500; // within the interval: no new line
    p.update(30, { nieuw: 25 });
    p.log('let op: iets');
    t = 40_000;
    p.finish();
    const lines = text().split('\n').filter(Boolean);
    expect(text()).not.toContain('\r');
    expect(lines).toEqual([
      'Schriftelijke vragen: begonnen (100 te doen)',
      'Schriftelijke vragen: 25/100 · 20 nieuw · 5 bijgewerkt · nog ~30s',
      'let op: iets',
      'Schriftelijke vragen: 30/100 · 25 nieuw · klaar',
    ]);
  });
});

describe('terminal bar', () => {
  it('redraws one line with a bar and keeps log lines above it', () => {
    let t = 0;
    const { stream, text } = sink(true);
    // tty: true, so the bar is drawn whatever CI says (CI itself runs with CI=true).
    const p = createProgress({ stream, now: () => t, tty: true });
    p.start('Toezeggingen', 10);
    t = 2000;
    p.update(5, { nieuw: 5 });
    p.log('let op: x');
    p.finish();
    expect(text()).toContain('\r\x1b[2K[###############---------------] Toezeggingen: 5/10 · 5 nieuw · nog ~2s');
    expect(text()).toContain('\r\x1b[2Klet op: x\n');
    expect(text().endsWith('Toezeggingen: 5/10 · 5 nieuw · klaar\n')).toBe(true);
  });
});

describe('ETA and durations', () => {
  it('estimates from the average rate so far', () => {
    expect(eta(25, 100, 10_000)).toBe(30_000);
    expect(eta(0, 100, 10_000)).toBeNull();
    expect(eta(10, null, 10_000)).toBeNull();
    expect(eta(100, 100, 10_000)).toBe(0);
  });

  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(185_000)).toBe('3m05s');
    expect(formatDuration(3_720_000)).toBe('1u02m');
  });
});
