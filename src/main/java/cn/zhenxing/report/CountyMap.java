package cn.zhenxing.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The 示意图 of the 117 counties: a tile-grid cartogram (one square per county at its column and row
 * of {@code etl/reference/county_tiles.csv}), filled with the colour of the county's status, the
 * counties of the report's area outlined in bold, each city named at its first county. Drawn as vector
 * graphics into the PDF (Jasper hands the PDF's Graphics2D to {@link #render}); no boundary data.
 */
final class CountyMap extends AbstractRenderer implements Graphics2DRenderable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String FONT = "WenQuanYi Micro Hei";
    static final Map<String, Color> FILL = Map.of("达标", new Color(0x6CC070), "正常推进", new Color(0x7FA6E0),
            "滞后", new Color(0xFFD34D), "严重滞后", new Color(0xEE6A6A));
    static final Color OTHER = new Color(0xD9D9D9);
    static final List<String> LEGEND = List.of("达标", "正常推进", "滞后", "严重滞后", "无数据或不评价");

    /** A county's tile: grid position, label, status, and whether it belongs to the report's area. */
    record Tile(String code, String label, String cityCode, int col, int row, String status, boolean member) implements java.io.Serializable {
    }

    private final List<Tile> tiles;
    private final Map<String, String> cityNames;
    private final boolean byCity;

    CountyMap(List<Tile> tiles, Map<String, String> cityNames) {
        this(tiles, cityNames, false);
    }

    /** @param byCity the 11 cities' map: every tile has its city's status, the city named in the middle of its block, no county labels */
    CountyMap(List<Tile> tiles, Map<String, String> cityNames, boolean byCity) {
        this.tiles = List.copyOf(tiles);
        this.cityNames = Map.copyOf(cityNames);
        this.byCity = byCity;
    }

    List<Tile> tiles() {
        return tiles;
    }

    /** "小店区" → "小店": the tile has room for two characters. */
    static String label(String name) {
        return name.length() > 2 && "区县市".indexOf(name.charAt(name.length() - 1)) >= 0 ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
        int cols = tiles.stream().mapToInt(Tile::col).max().orElse(0) + 1;
        int rows = tiles.stream().mapToInt(Tile::row).max().orElse(0) + 1;
        double legendWidth = 120;
        double size = Math.min((area.getWidth() - legendWidth) / cols, area.getHeight() / rows);
        double x0 = area.getX() + (area.getWidth() - legendWidth - size * cols) / 2;
        double y0 = area.getY();
        Font font = new Font(FONT, Font.PLAIN, (int) Math.max(5, Math.round(size * 0.3)));
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        for (Tile t : tiles) {
            Rectangle2D.Double r = new Rectangle2D.Double(x0 + t.col() * size + 1, y0 + t.row() * size + 1, size - 2, size - 2);
            g.setColor(t.status() == null ? OTHER : FILL.getOrDefault(t.status(), OTHER));
            g.fill(r);
            g.setColor(t.member() ? Color.BLACK : new Color(0xA6A6A6));
            g.setStroke(new BasicStroke(t.member() ? 1.5f : 0.5f));
            g.draw(r);
            if (!byCity) {
                g.setColor(Color.BLACK);
                String label = label(t.label());
                g.drawString(label, (float) (r.getCenterX() - metrics.stringWidth(label) / 2.0), (float) (r.getMaxY() - size * 0.15));
            }
        }
        if (byCity) {
            drawCityCentres(g, x0, y0, size);
        } else {
            drawCities(g, x0, y0, size);
        }
        drawLegend(g, x0 + size * cols + 12, y0 + 10);
    }

    /** Each city's name beside the first tile of its counties. */
    private void drawCities(Graphics2D g, double x0, double y0, double size) {
        g.setFont(new Font(FONT, Font.BOLD, (int) Math.max(5, Math.round(size * 0.22))));
        g.setColor(new Color(0x1F3864));
        for (Map.Entry<String, String> city : cityNames.entrySet()) {
            tiles.stream().filter(t -> t.cityCode().equals(city.getKey()))
                    .min((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.col(), b.col()))
                    .ifPresent(t -> g.drawString(city.getValue(), (float) (x0 + t.col() * size + 2), (float) (y0 + t.row() * size + 2 + size * 0.25)));
        }
    }

    /** Each city's name on the tile nearest the middle of its block. */
    private void drawCityCentres(Graphics2D g, double x0, double y0, double size) {
        g.setFont(new Font(FONT, Font.BOLD, (int) Math.max(6, Math.round(size * 0.3))));
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        for (Map.Entry<String, String> city : cityNames.entrySet()) {
            List<Tile> block = tiles.stream().filter(t -> t.cityCode().equals(city.getKey())).toList();
            if (block.isEmpty()) {
                continue;
            }
            double col = block.stream().mapToInt(Tile::col).average().orElse(0);
            double row = block.stream().mapToInt(Tile::row).average().orElse(0);
            Tile middle = block.stream().min(java.util.Comparator.comparingDouble(t -> Math.hypot(t.col() - col, t.row() - row))).orElseThrow();
            String name = city.getValue();
            g.drawString(name, (float) (x0 + (middle.col() + 0.5) * size - metrics.stringWidth(name) / 2.0),
                    (float) (y0 + (middle.row() + 0.5) * size + metrics.getAscent() / 3.0));
        }
    }

    private void drawLegend(Graphics2D g, double x, double y) {
        g.setFont(new Font(FONT, Font.PLAIN, 8));
        for (int i = 0; i < LEGEND.size(); i++) {
            String status = LEGEND.get(i);
            g.setColor(FILL.getOrDefault(status, OTHER));
            g.fill(new Rectangle2D.Double(x, y + i * 16, 12, 12));
            g.setColor(Color.BLACK);
            g.drawString(status, (float) (x + 16), (float) (y + i * 16 + 10));
        }
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Rectangle2D.Double(x, y + LEGEND.size() * 16, 12, 12));
        g.drawString("本区域的县（市、区）", (float) (x + 16), (float) (y + LEGEND.size() * 16 + 10));
        g.drawString(byCity ? "示意图：一块为一个市（每格为其所辖县），" : "示意图：一格为一个县（市、区），", (float) x, (float) (y + LEGEND.size() * 16 + 34));
        g.drawString("按大致地理方位排列，", (float) x, (float) (y + LEGEND.size() * 16 + 46));
        g.drawString("不表示行政区域界线。", (float) x, (float) (y + LEGEND.size() * 16 + 58));
    }
}
