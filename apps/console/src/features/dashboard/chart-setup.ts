import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

// Only what bar charts need is registered, so the chart chunk stays small (chart.js tree-shakes).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.size = 15;
Chart.defaults.color = '#111';

export { Chart };
