package cn.zhenxing.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the cells of the sheets a caller asks for. .xlsx is streamed with POI's SAX event model
 * (memory does not grow with rows; a far-corner cell such as XFD1048576 allocates nothing; POI's
 * zip-bomb guard, set to {@link ZipGuard}'s limits, and XML entity guards stay on). .xls (at most 65,536 rows) is read with HSSF.
 */
public final class WorkbookCells {

    /** A workbook that cannot be read; the message is for the submitter (Chinese). */
    public static class UnreadableException extends Exception {
        private final String fixZh;

        public UnreadableException(String messageZh, String fixZh, Throwable cause) {
            super(messageZh, cause);
            this.fixZh = fixZh;
        }

        UnreadableException(FileFormat format, Throwable cause) {
            this(format.problemZh(), format.fixZh(), cause);
        }

        /** What the submitter should do. */
        public String fixZh() {
            return fixZh;
        }
    }

    /** Thrown by a {@link CellSink} to skip the rest of the current sheet (e.g. after its header row). */
    public static final class StopSheet extends RuntimeException {
        public static final StopSheet INSTANCE = new StopSheet();

        private StopSheet() {
            super(null, null, false, false);
        }
    }

    static {
        ZipGuard.applyToPoi();
    }

    private WorkbookCells() {}

    public static void read(Path file, FileFormat format, Predicate<String> wantSheet, CellSink sink) throws UnreadableException {
        switch (format) {
            case XLSX -> readXlsx(file, wantSheet, sink);
            case XLS -> readXls(file, wantSheet, sink);
            default -> throw new IllegalArgumentException("not a readable workbook: " + format);
        }
    }

    public static void read(Path file, FileFormat format, Set<String> sheets, CellSink sink) throws UnreadableException {
        read(file, format, sheets::contains, sink);
    }

    private static void readXlsx(Path file, Predicate<String> wantSheet, CellSink sink) throws UnreadableException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!wantSheet.test(name)) {
                        continue;
                    }
                    FormulaCells formulas = new FormulaCells(name, sink);
                    formulas.setParent(XMLHelper.newXMLReader());
                    formulas.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Contents(name, sink, formulas),
                            new RawValueFormatter(), false));
                    try {
                        formulas.parse(new InputSource(in));
                    } catch (StopSheet stop) {
                        // the caller has what it needs from this sheet
                    }
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
            // Whatever POI trips over in the submitter's bytes (a missing part, an odd cell reference) is the file's fault.
            throw unreadable(e);
        } catch (StackOverflowError e) {
            throw new UnreadableException(FileFormat.CORRUPT, e);
        }
    }

    private static UnreadableException unreadable(Exception e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceeds the max") || text.contains("MAX_ENTRY_SIZE")) {
            return new UnreadableException(FileFormat.ZIP_BOMB, e);
        }
        if (text.contains("DOCTYPE") || text.contains("entity")) {
            return new UnreadableException("文件内部含有不允许的XML实体声明，为安全起见已拒收。", "请用Excel重新保存为.xlsx后报送。", e);
        }
        return new UnreadableException(FileFormat.CORRUPT, e);
    }

    private record Contents(String sheet, CellSink sink, FormulaCells formulas) implements XSSFSheetXMLHandler.SheetContentsHandler {
        @Override
        public void startRow(int rowNum) { }

        @Override
        public void endRow(int rowNum) { }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null || formattedValue == null) {
                return;
            }
            CellReference ref = new CellReference(cellReference);
            if (ref.getRow() < 0 || ref.getCol() < 0) {
                throw new IllegalArgumentException("cell reference without row or column: " + cellReference);
            }
            if (formulas.inFormula()) {
                formulas.delivered();
                boolean error = formattedValue.startsWith(ERROR_PREFIX);
                sink.formula(sheet, ref.getRow(), ref.getCol(), error ? formattedValue.substring(ERROR_PREFIX.length()) : formattedValue, error);
            } else if (!formattedValue.isEmpty()) {
                sink.cell(sheet, ref.getRow(), ref.getCol(), formattedValue);
            }
        }
    }

    /** How POI's sheet handler writes a cached error value such as #DIV/0!. */
    private static final String ERROR_PREFIX = "ERROR:";

    /**
     * Watches the sheet XML on its way to POI's handler for {@code <c>} cells holding an {@code <f>}: POI
     * reports their cached {@code <v>} like a typed value, and nothing at all when there is none.
     */
    private static final class FormulaCells extends org.xml.sax.helpers.XMLFilterImpl {
        private final String sheet;
        private final CellSink sink;
        private String ref;
        private boolean formula;
        private boolean delivered;

        FormulaCells(String sheet, CellSink sink) {
            this.sheet = sheet;
            this.sink = sink;
        }

        boolean inFormula() {
            return formula;
        }

        void delivered() {
            delivered = true;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                ref = atts.getValue("r");
                formula = false;
                delivered = false;
            } else if ("f".equals(name)) {
                formula = true;
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                if (formula && !delivered && ref != null) {
                    CellReference at = new CellReference(ref);
                    sink.formula(sheet, at.getRow(), at.getCol(), null, false);
                }
                formula = false;
            }
        }
    }

    private static void readXls(Path file, Predicate<String> wantSheet, CellSink sink) throws UnreadableException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true))) {
            for (Sheet sheet : workbook) {
                if (!wantSheet.test(sheet.getSheetName())) {
                    continue;
                }
                try {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            String text = text(cell, cell.getCellType());
                            if (cell.getCellType() == CellType.FORMULA) {
                                sink.formula(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), text,
                                        cell.getCachedFormulaResultType() == CellType.ERROR);
                            } else if (text != null && !text.isEmpty()) {
                                sink.cell(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), text);
                            }
                        }
                    }
                } catch (StopSheet stop) {
                    // the caller has what it needs from this sheet
                }
            }
        } catch (EncryptedDocumentException e) {
            throw new UnreadableException(FileFormat.ENCRYPTED, e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw formulaTrouble(e) ? new UnreadableException(FORMULA_PROBLEM, FORMULA_FIX, e) : new UnreadableException(FileFormat.CORRUPT, e);
        }
    }

    /** What a submitter is told when POI cannot parse the workbook's formulas (array formulas, links to other workbooks). */
    static final String FORMULA_PROBLEM = "文件中的公式无法读取：文件含有数组公式或指向其他工作簿的外部链接，报表不允许这些内容。";
    static final String FORMULA_FIX = "请在系统下载的本期模板中重新填写；如用公式计算，请先将公式单元格复制后以“数值”方式粘贴、去掉外部链接，再报送。";

    /** Whether POI failed inside its formula parsing (array formulas, external-workbook references). */
    private static boolean formulaTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("EXTERNALBOOK") || message.contains("ArrayRecord") || message.contains("formula")) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("org.apache.poi.ss.formula") || c.contains("FormulaRecord") || c.contains("ArrayRecord")
                        || c.contains("LinkTable") || c.contains("ExternalBook")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : RawValueFormatter.number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }
}
