// The part of Apache ECharts that Jalons' charts use. build.sh bundles it
// into themes/default/static/js/echarts.min.js, which sets window.echarts.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, TreeChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart, TreeChart,
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
  SVGRenderer,
]);
window.echarts = echarts;
