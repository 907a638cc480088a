// Line charts with uPlot, served from its webjar in the service's jar (no CDN).
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

// Colours distinguishable for the common colour-vision deficiencies (Okabe–Ito), dark enough on white.
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#000000'];

/** A chart in {@code container} with one line per label; update(xMillis, [ys...]) redraws it. */
export function lineChart(container, labels, yLabel) {
  let plot = null;
  const width = () => Math.max(300, container.clientWidth || 600);
  const options = () => ({
    width: width(),
    height: 220,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { label: yLabel, size: 50 }],
    series: [{}].concat(labels.map((label, i) => ({
      label: label.toLowerCase().replace(/_/g, ' '), stroke: PALETTE[i % PALETTE.length], width: 2,
      points: { show: false },
    }))),
  });
  window.addEventListener('resize', () => plot && plot.setSize({ width: width(), height: 220 }));
  return {
    update(xMillis, ys) {
      const data = [xMillis.map((x) => x / 1000)].concat(ys);
      if (!plot) {
        plot = new uPlot(options(), data, container);
        container.setAttribute('role', 'img');
      } else {
        plot.setData(data);
      }
      // a text alternative: the latest value of each series
      container.setAttribute('aria-label', labels.map((l, i) => l + ' ' + (ys[i][ys[i].length - 1] ?? 0)).join(', ')
        + ' (latest)');
    },
  };
}
