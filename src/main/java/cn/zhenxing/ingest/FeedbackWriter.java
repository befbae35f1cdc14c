package cn.zhenxing.ingest;

import cn.zhenxing.workbook.AtomicFiles;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.SheetCells;
import cn.zhenxing.workbook.ZipGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The answer to a submitter. Rejected: their own workbook with each wrong cell filled red and
 * commented, plus a 错误清单 sheet in front listing every problem. Accepted: a 回执 (receipt) with
 * counts and warnings. Files that are not the form, too big, or cannot be opened get a workbook with the
 * 错误清单 only.
 */
@Component
public class FeedbackWriter {

    static final String ERROR_SHEET = "错误清单";
    static final String RECEIPT_SHEET = "回执";
    /** Forms are tens of KB; a file above this is answered with the problem list alone. */
    static final long ANNOTATE_AT_MOST = 2L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(FeedbackWriter.class);

    public Path write(Submission submission, List<Problem> problems, Path source, Path dir) throws IOException {
        Files.createDirectories(dir);
        String stem = safeStem(submission.fileName());
        boolean accepted = submission.status().wasAccepted();
        if (accepted) {
            Path out = dir.resolve(stem + "_回执_" + submission.id() + ".xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                writeReceipt(wb, submission, problems);
                save(wb, out);
            }
            return out;
        }
        if (annotatable(submission, source)) {
            try {
                return annotated(submission, problems, source, dir, stem);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not mark the problems in submission {}'s own workbook ({}); sending the list alone", submission.id(), e.toString());
            }
        }
        return writeList(submission, problems, dir);
    }

    /** The 错误清单 alone, in a workbook of its own (bounded by the capped problem list). */
    public Path writeList(Submission submission, List<Problem> problems, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            writeProblemSheet(wb, submission, problems, false);
            Path out = dir.resolve(safeStem(submission.fileName()) + "_反馈_" + submission.id() + ".xlsx");
            save(wb, out);
            return out;
        }
    }

    /**
     * Whether to answer in the submitter's own workbook: only for a file recognised as the form and of a
     * form's size. POI holds a whole workbook in memory at many times its file size, so anything else
     * (a foreign workbook of 300,000 rows) gets the problem list alone, in bounded memory.
     */
    private static boolean annotatable(Submission submission, Path source) throws IOException {
        if (submission.unitCode() == null || Files.size(source) > ANNOTATE_AT_MOST) {
            return false;
        }
        return switch (submission.fileFormat() == null ? "" : submission.fileFormat()) {
            case "xls" -> true;
            case "xlsx" -> {
                long unpacked = ZipGuard.declaredSize(source);
                yield unpacked >= 0 && unpacked <= ANNOTATE_AT_MOST * 8;
            }
            default -> false;
        };
    }

    private static Path annotated(Submission submission, List<Problem> problems, Path source, Path dir, String stem) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(source)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            if (wb instanceof XSSFWorkbook x) {
                x.unLockStructure();
            }
            int marked = highlight(wb, problems);
            writeProblemSheet(wb, submission, problems, marked > 0);
            Path out = dir.resolve(stem + "_反馈_" + submission.id() + (wb instanceof HSSFWorkbook ? ".xls" : ".xlsx"));
            save(wb, out);
            return out;
        }
    }

    /** @return how many cells were marked */
    private static int highlight(Workbook wb, List<Problem> problems) {
        int marked = 0;
        for (Problem p : problems) {
            if (p.sheet() == null || p.cell() == null || wb.getSheet(p.sheet()) == null) {
                continue;
            }
            Sheet sheet = wb.getSheet(p.sheet());
            CellReference ref = new CellReference(p.cell());
            Cell cell = SheetCells.at(sheet, p.cell());
            if (p.isError()) {
                CellStyle style = wb.createCellStyle();
                style.cloneStyleFrom(cell.getCellStyle());
                style.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                cell.setCellStyle(style);
            }
            if (cell.getCellComment() == null) {
                Drawing<?> drawing = sheet.createDrawingPatriarch();
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                // POI files a comment under its anchor's top-left cell: beside the cell, unless that cell has its own
                // comment (a header's note), then on the cell itself.
                int left = sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(ref.getRow(), ref.getCol() + 1)) == null
                        ? ref.getCol() + 1 : ref.getCol();
                anchor.setCol1(left);
                anchor.setCol2(left + 4);
                anchor.setRow1(ref.getRow());
                anchor.setRow2(ref.getRow() + 4);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(wb.getCreationHelper().createRichTextString(
                        p.messageZh() + (p.fixZh() != null ? "\n修改方法：" + p.fixZh() : "")));
                comment.setAuthor("振兴监测系统");
                cell.setCellComment(comment);
            }
            marked++;
        }
        return marked;
    }

    private static void writeProblemSheet(Workbook wb, Submission submission, List<Problem> problems, boolean cellsMarked) {
        if (wb.getSheet(ERROR_SHEET) != null) {
            wb.removeSheetAt(wb.getSheetIndex(ERROR_SHEET));
        }
        Sheet sheet = wb.createSheet(ERROR_SHEET);
        wb.setSheetOrder(ERROR_SHEET, 0);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        CellStyle bold = boldStyle(wb);
        long errors = problems.stream().filter(Problem::isError).count();
        text(sheet, 0, 0, "报表未通过审核，未入库。共发现 " + errors + " 处错误、" + (problems.size() - errors)
                + " 条提示。请按下表逐项修改" + (cellsMarked ? "（出错的单元格已标红并附批注）" : "") + "，修改后重新报送整个文件。", bold);
        text(sheet, 1, 0, "文件：" + submission.fileName() + "    收文编号：" + submission.id(), null);
        String[] headers = {"序号", "类别", "工作表", "单元格", "地区/指标/任务", "问题", "修改方法"};
        for (int i = 0; i < headers.length; i++) {
            text(sheet, 3, i, headers[i], bold);
        }
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        int r = 4;
        int n = 1;
        for (Problem p : problems) {
            text(sheet, r, 0, String.valueOf(n++), wrap);
            text(sheet, r, 1, p.isError() ? "错误" : "提示", wrap);
            text(sheet, r, 2, p.sheet(), wrap);
            text(sheet, r, 3, p.cell(), wrap);
            text(sheet, r, 4, p.contextZh(), wrap);
            text(sheet, r, 5, p.messageZh(), wrap);
            text(sheet, r, 6, p.fixZh(), wrap);
            // POI cannot measure text: give wrapped rows the height of their longest cell (CJK ≈ 2 width units).
            int lines = Math.max(lines(p.messageZh(), 56), Math.max(lines(p.fixZh(), 40), lines(p.contextZh(), 24)));
            sheet.getRow(r).setHeightInPoints(15f * lines);
            r++;
        }
        int[] widths = {5, 5, 13, 7, 24, 56, 40};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 4);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private static int lines(String text, int width) {
        return text == null ? 1 : Math.max(1, (int) Math.ceil(text.length() * 2.0 / width));
    }

    private static void writeReceipt(Workbook wb, Submission submission, List<Problem> problems) {
        Sheet sheet = wb.createSheet(RECEIPT_SHEET);
        CellStyle bold = boldStyle(wb);
        text(sheet, 0, 0, "报表接收回执", bold);
        String[][] lines = {
                {"文件", submission.fileName()},
                {"填报单位代码", submission.unitCode()},
                {"报告期", submission.periodCode()},
                {"收文编号", String.valueOf(submission.id())},
                {"版本", "第" + submission.version() + "版（同一报告期再次报送将生成新版本，旧版本保留）"},
                {"审核结果", "已通过审核并入库" + (submission.late() ? "（逾期报送，记为迟报）" : "")},
                {"提示条数", String.valueOf(problems.size())}};
        int r = 2;
        for (String[] line : lines) {
            text(sheet, r, 0, line[0], bold);
            text(sheet, r++, 1, line[1], null);
        }
        if (!problems.isEmpty()) {
            r++;
            text(sheet, r++, 0, "以下数据变化较大或需核实（不影响入库，请核实后如有错误重新报送）：", bold);
            for (Problem p : problems) {
                text(sheet, r++, 0, (p.sheet() == null ? "" : p.sheet() + " " + (p.cell() == null ? "" : p.cell())), null);
                text(sheet, r - 1, 1, (p.contextZh() == null ? "" : p.contextZh() + "：") + p.messageZh(), null);
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    private static CellStyle boldStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    /** Writes text as text: a value starting with = + - @ stays a string, never a live formula. */
    private static void text(Sheet sheet, int row, int col, String value, CellStyle style) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void save(Workbook wb, Path out) throws IOException {
        AtomicFiles.write(out, wb::write);
    }

    /** The original name without extension, stripped of path parts and characters unsafe in file names. */
    static String safeStem(String fileName) {
        String name = fileName == null ? "submission" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        stem = stem.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (stem.isBlank()) {
            return "submission";
        }
        // File systems allow 255 bytes per name: a Chinese character takes 3, and "_反馈_<id>.xlsx" follows.
        stem = stem.substring(0, Math.min(stem.length(), 80));
        while (stem.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 150) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return stem;
    }
}
