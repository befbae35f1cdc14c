package cn.zhenxing.report;

import java.awt.Color;
import java.util.Map;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * Applied to every chart (customizerClass in bar-chart.jrxml and line-chart.jrxml): a status series
 * gets the colour of its status wherever it stands in the legend, counts (项, 个) get whole-number
 * ticks, and category labels wrap onto up to three lines instead of being cut.
 */
public class ChartStyle extends JRAbstractChartCustomizer {

    static final Map<String, Color> SERIES = Map.of(
            "达标", new Color(0x4CAF50), "正常推进", new Color(0x4472C4), "滞后", new Color(0xFFC000), "严重滞后", new Color(0xE04040),
            "滞后任务", new Color(0xFFC000), "年度计划投资", new Color(0xA6A6A6), "年初至今完成", new Color(0x4472C4));

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        Object unit = getParameterValue("VALUE_LABEL", true);
        if (("项".equals(unit) || "个".equals(unit)) && plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelLines(3);
        categories.setMaximumCategoryLabelWidthRatio(1.0f);
        CategoryDataset data = plot.getDataset();
        if (data == null) {
            return;
        }
        for (int i = 0; i < data.getRowCount(); i++) {
            Color colour = SERIES.get(String.valueOf(data.getRowKey(i)));
            if (colour != null) {
                plot.getRenderer().setSeriesPaint(i, colour);
            }
        }
    }
}
