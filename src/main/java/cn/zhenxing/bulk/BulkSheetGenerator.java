package cn.zhenxing.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Deterministic bulk monitoring sheets for benchmarks and tests: 200 water-quality monitoring
 * sections in 40 Yellow River basin counties of Shanxi, 6 parameters, daily readings over 2025.
 * Row {@code i} (0-based, Excel row i + 2) is always the same reading, so a workbook and a TSV file of
 * the same size hold exactly the same rows.
 */
public final class BulkSheetGenerator {

    /** 40 counties of the Yellow River plan area (the 19 main-stem counties first), code and name. */
    private static final String[] COUNTIES = {
            "140821", "临猗县", "140822", "万荣县", "140827", "垣曲县", "140828", "夏县", "140829", "平陆县",
            "140830", "芮城县", "140881", "永济市", "140882", "河津市", "140930", "河曲县", "140931", "保德县",
            "140932", "偏关县", "141028", "吉县", "141029", "乡宁县", "141030", "大宁县", "141032", "永和县",
            "141123", "兴县", "141124", "临县", "141125", "柳林县", "141126", "石楼县", "140121", "清徐县",
            "140123", "娄烦县", "140181", "古交市", "140702", "榆次区", "140727", "祁县", "140728", "平遥县",
            "140729", "灵石县", "140781", "介休市", "140802", "盐湖区", "140824", "稷山县", "140825", "新绛县",
            "141002", "尧都区", "141023", "襄汾县", "141024", "洪洞县", "141081", "侯马市", "141082", "霍州市",
            "141102", "离石区", "141121", "文水县", "141122", "交城县", "141181", "孝义市", "141182", "汾阳市"};
    private static final String[] SECTIONS = {"入境断面", "出境断面", "水文站断面", "大桥断面", "支流汇入口断面"};
    public static final int STATIONS = COUNTIES.length / 2 * SECTIONS.length;

    private record Parameter(String name, String unit, double min, double max, int scale) { }

    private static final Parameter[] PARAMETERS = {
            new Parameter("化学需氧量", "mg/L", 6, 40, 1),
            new Parameter("氨氮", "mg/L", 0.025, 2.5, 3),
            new Parameter("总磷", "mg/L", 0.01, 0.45, 3),
            new Parameter("溶解氧", "mg/L", 3.5, 11.5, 2),
            new Parameter("高锰酸盐指数", "mg/L", 1.2, 10, 1),
            new Parameter("pH", "无量纲", 6.5, 8.9, 2)};
    private static final String[] NOTES = {"复测", "雨后采样", "仪器校准后补测", "断流，取上游替代点位", "冰封期钻孔采样"};
    private static final String[] STATION_CODES = new String[STATIONS];
    private static final String[] STATION_NAMES = new String[STATIONS];
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    static {
        for (int s = 0; s < STATIONS; s++) {
            int county = s / SECTIONS.length;
            STATION_CODES[s] = "SX" + COUNTIES[county * 2] + String.format("%02d", s % SECTIONS.length + 1);
            STATION_NAMES[s] = COUNTIES[county * 2 + 1] + (s % SECTIONS.length == 0 ? "黄河" : "汾河") + SECTIONS[s % SECTIONS.length];
        }
    }

    private BulkSheetGenerator() {}

    /** The reading in data row {@code index} (0-based; Excel row index + 2). */
    public static BulkReading reading(int index) {
        int station = index % STATIONS;
        Parameter p = PARAMETERS[index / STATIONS % PARAMETERS.length];
        LocalDate date = FIRST_DAY.plusDays(index / (STATIONS * PARAMETERS.length) % 365);
        long h = mix(index);
        double fraction = (h >>> 11) * 0x1.0p-53;
        long scaled = Math.round((p.min + fraction * (p.max - p.min)) * Math.pow(10, p.scale));
        String note = (h & 63) == 0 ? NOTES[(int) ((h >>> 6) % NOTES.length)] : null;
        return new BulkReading(index + 2, STATION_CODES[station], STATION_NAMES[station], COUNTIES[station / SECTIONS.length * 2],
                date, p.name, BigDecimal.valueOf(scaled, p.scale), p.unit, note);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL + 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    /**
     * Writes a bulk sheet of {@code rows} readings (a header row, dates as date cells, values as
     * number cells). {@code overrides} replaces cells by reference ("F12" → "12mg/L", written as
     * text; "" leaves the cell empty), for sheets with mistakes.
     */
    public static void writeWorkbook(Path file, int rows, Map<String, String> overrides) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Zhenxing", "1.0");
            Worksheet sheet = workbook.newWorksheet("监测数据");
            for (int c = 0; c < BulkSheetLoader.HEADERS.size(); c++) {
                sheet.value(0, c, overrides.getOrDefault(String.valueOf((char) ('A' + c)) + 1, BulkSheetLoader.HEADERS.get(c)));
                sheet.style(0, c).bold().set();
            }
            sheet.width(1, 24);
            sheet.width(3, 12);
            sheet.width(4, 14);
            boolean override = !overrides.isEmpty();
            for (int i = 0; i < rows; i++) {
                BulkReading r = reading(i);
                int row = i + 1;
                sheet.value(row, 0, r.stationCode());
                sheet.value(row, 1, r.stationName());
                sheet.value(row, 2, r.regionCode());
                sheet.value(row, 3, r.readingDate());
                sheet.style(row, 3).format("yyyy-mm-dd").set();
                sheet.value(row, 4, r.parameter());
                sheet.value(row, 5, r.value());
                sheet.value(row, 6, r.unit());
                if (r.note() != null) {
                    sheet.value(row, 7, r.note());
                }
                if (override) {
                    for (int c = 0; c < 8; c++) {
                        String text = overrides.get(String.valueOf((char) ('A' + c)) + (row + 1));
                        if (text != null) {
                            sheet.value(row, c, text.isEmpty() ? (String) null : text);
                        }
                    }
                }
                if (row % 2048 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            workbook.finish();
        }
    }

    /** Writes the same readings as the tab-separated text LOAD DATA reads (see {@link TsvBuffer}). */
    public static void writeTsv(Path file, int rows) throws IOException {
        TsvBuffer buffer = new TsvBuffer(1 << 17);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < rows; i++) {
                buffer.append(reading(i));
                if (buffer.length() > (1 << 16)) {
                    buffer.writeTo(out);
                    buffer.reset();
                }
            }
            buffer.writeTo(out);
        }
    }
}
