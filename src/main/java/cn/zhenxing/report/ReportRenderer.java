package cn.zhenxing.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link ReportDocument} out with the compiled templates (classpath {@code reports/*.jasper},
 * compiled at build time): the whole document as PDF, and each of its tables as one XLSX sheet.
 */
@Component
public class ReportRenderer {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private final Map<String, JasperReport> templates = new ConcurrentHashMap<>();

    JasperReport template(String name) {
        return templates.computeIfAbsent(name, n -> {
            try (InputStream in = ReportRenderer.class.getResourceAsStream("/reports/" + n + ".jasper")) {
                if (in == null) {
                    throw new IllegalStateException("Compiled report template not found: reports/" + n + ".jasper (run mvn package)");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException | JRException e) {
                throw new IllegalStateException("Cannot load report template " + n, e);
            }
        });
    }

    public void pdf(ReportDocument doc, OutputStream out) throws JRException {
        List<Map<String, ?>> sections = new ArrayList<>();
        for (ReportDocument.Section s : doc.sections()) {
            Map<String, Object> row = new HashMap<>();
            row.put("heading", s.heading());
            row.put("text", s.text());
            row.put("newPage", s.newPage());
            if (s.chart() != null) {
                row.put("chartReport", template(s.chart().template()));
                row.put("chartData", new JRMapCollectionDataSource(fields(s.chart().rows())));
                row.put("chartTitle", s.chart().title());
                row.put("chartValueLabel", s.chart().valueLabel());
            }
            if (s.table() != null) {
                row.put("tableReport", template(s.table().template()));
                row.put("tableData", new JRMapCollectionDataSource(fields(s.table().rows())));
            }
            sections.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("TITLE", doc.title());
        params.put("COVER_TITLE", coverTitle(doc.title()));
        params.put("EDITION", doc.edition());
        params.put("PERIOD_LABEL", doc.periodLabel());
        params.put("ISSUER", doc.issuer());
        params.put("ISSUE_DATE", doc.issueDate());
        params.put(JRParameter.REPORT_LOCALE, CHINESE);
        JasperPrint print = JasperFillManager.fillReport(template("report"), params, new JRMapCollectionDataSource(sections));
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(doc.title() + " " + doc.periodLabel() + (doc.edition() == null ? "" : " " + doc.edition()));
        config.setMetadataAuthor(doc.issuer());
        config.setMetadataCreator("Zhenxing");
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    /**
     * One sheet per table, named after it, with title rows, the header frozen and repeated in print
     * ({@link XlsxSheets}); text that could start a formula is neutralised.
     *
     * @param asOf the marts' as-of time as printed, or null
     */
    public void xlsx(ReportDocument doc, String asOf, OutputStream out) throws JRException, IOException {
        List<String> templates = new ArrayList<>();
        List<JasperPrint> prints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ReportDocument.Section s : doc.sections()) {
            if (s.table() == null || s.table().sheetName() == null) {
                continue;
            }
            List<Map<String, ?>> rows = new ArrayList<>();
            s.table().rows().forEach(r -> rows.add(neutralised(r.fields())));
            Map<String, Object> params = new HashMap<>();
            params.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
            params.put(JRParameter.REPORT_LOCALE, CHINESE);
            prints.add(JasperFillManager.fillReport(template(s.table().template()), params, new JRMapCollectionDataSource(rows)));
            names.add(sheetName(s.table().sheetName(), used));
            templates.add(s.table().template());
        }
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        ByteArrayOutputStream jasper = new ByteArrayOutputStream();
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(jasper));
        SimpleXlsxReportConfiguration config = new SimpleXlsxReportConfiguration();
        config.setSheetNames(names.toArray(String[]::new));
        config.setOnePagePerSheet(false);
        config.setDetectCellType(true);
        config.setRemoveEmptySpaceBetweenRows(true);
        config.setRemoveEmptySpaceBetweenColumns(true);
        config.setWhitePageBackground(false);
        config.setCollapseRowSpan(true);
        exporter.setConfiguration(config);
        exporter.exportReport();
        String title = doc.title() + (doc.edition() == null ? "" : "（" + doc.edition() + "）") + "　" + doc.periodLabel();
        XlsxSheets.finish(jasper.toByteArray(), title, asOf, templates, out);
    }

    /** The cover's title in two lines, broken before the kind of document (季度监测报告, 监测季报) rather than inside a word. */
    static String coverTitle(String title) {
        for (String kind : List.of("季度监测报告", "监测季报")) {
            if (title.endsWith(kind) && title.length() > kind.length() + 6) {
                return title.substring(0, title.length() - kind.length()) + "\n" + kind;
            }
        }
        return title;
    }

    private static List<Map<String, ?>> fields(List<? extends ReportDocument.Row> rows) {
        List<Map<String, ?>> maps = new ArrayList<>();
        rows.forEach(r -> maps.add(r.fields()));
        return maps;
    }

    /** Text beginning with = + - @ would be read as a formula once edited or re-saved: prefix an apostrophe. */
    static Map<String, Object> neutralised(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.replaceAll((k, v) -> v instanceof String text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : v);
        return copy;
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
    static String sheetName(String wanted, Set<String> used) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
