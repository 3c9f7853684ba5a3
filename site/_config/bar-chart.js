// A horizontal bar chart as inline SVG, drawn at build time. Decorative for
// screen readers (aria-hidden): the page gives the same numbers as a table.

/** @param {string} s */
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param {Array<{ label: string, count: number }>} rows
 * @param {{ labelWidth?: number, barWidth?: number, rowHeight?: number }} [options]
 */
export function barChart(rows, options = {}) {
  const labelWidth = options.labelWidth ?? 220;
  const barWidth = options.barWidth ?? 320;
  const rowHeight = options.rowHeight ?? 22;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = rows.length * rowHeight;
  const width = labelWidth + barWidth + 40;
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight;
      const w = Math.max(1, Math.round((r.count / max) * barWidth));
      return (
        `<text x="${labelWidth - 8}" y="${y + rowHeight * 0.7}" text-anchor="end">${escapeXml(r.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + rowHeight * 0.7}">${r.count}</text>`
      );
    })
    .join('');
  return `<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false">${bars}</svg>`;
}
