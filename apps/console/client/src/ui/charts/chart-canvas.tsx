import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { CHART_FONT, INK } from './chart-style';

// Only what the console's charts use, so the rest of Chart.js stays out of the bundle.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = CHART_FONT;
Chart.defaults.color = INK;

interface ChartCanvasProps {
  config: ChartConfiguration<ChartType>;
  /** what the chart shows, in words: read out instead of the picture */
  label: string;
  /** the drawing's height in CSS pixels (its width follows the page) */
  height: number;
}

/**
 * A Chart.js chart on a canvas that screen readers take as one image with a spoken summary
 * (role="img", aria-label); the numbers themselves belong in a table beside it. A new config
 * updates the chart in place (live figures), without drawing it again from nothing.
 */
export function ChartCanvas({ config, label, height }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!chart.current) {
      chart.current = new Chart(canvas.current!, config);
      return;
    }
    chart.current.data = config.data;
    chart.current.options = config.options ?? {};
    chart.current.update();
  }, [config]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <div className="chart" style={{ blockSize: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
