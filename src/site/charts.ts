/**
 * Geometry for horizontal bar charts drawn as SVG at build time (no chart library in the
 * browser). Pure: numbers in, coordinates out; the BarChart component draws them and a data
 * table sits beside every chart.
 */

/** One bar. */
export interface BarInput {
  /** Label shown above the bar. */
  label: string;
  /** Value (non-negative). */
  value: number;
  /** Value as text ("23 dagen"). */
  valueText: string;
}

/** A bar placed in the chart. */
export interface PlacedBar extends BarInput {
  /** y of the label baseline. */
  labelY: number;
  /** y of the bar's top edge. */
  barY: number;
  /** Bar width in chart units. */
  width: number;
  /** x where the value text starts. */
  valueX: number;
}

/** The chart's geometry. */
export interface BarChartGeometry {
  /** viewBox width. */
  width: number;
  /** viewBox height. */
  height: number;
  /** Height of each bar. */
  barHeight: number;
  /** Bars in order. */
  bars: PlacedBar[];
  /** x of a reference line (e.g. the 21-day term), or null. */
  referenceX: number | null;
  /** Scale maximum. */
  max: number;
}

/** Lay out bars: label line above each bar, value after it; `reference` draws a dashed line at that value. */
export function layoutBarChart(bars: readonly BarInput[], options: { width?: number; reference?: number | null; max?: number } = {}): BarChartGeometry {
  // About the width the chart is shown at (half of the 68rem page), so text is not scaled down.
  const width = options.width ?? 500;
  const valueRoom = 90; // space after the longest bar for its value text
  const rowHeight = 44;
  const barHeight = 16;
  const top = options.reference ? 24 : 4;
  const max = Math.max(options.max ?? 0, options.reference ?? 0, ...bars.map((b) => b.value), 1);
  const scale = (width - valueRoom) / max;
  const placed = bars.map((b, i) => {
    const labelY = top + i * rowHeight + 14;
    const barY = labelY + 6;
    const w = Math.max(0, b.value) * scale;
    return { ...b, labelY, barY, width: Math.round(w * 10) / 10, valueX: Math.round((w + 6) * 10) / 10 };
  });
  return {
    width,
    height: top + bars.length * rowHeight + 4,
    barHeight,
    bars: placed,
    referenceX: options.reference ? Math.round(options.reference * scale * 10) / 10 : null,
    max,
  };
}
