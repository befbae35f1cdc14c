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
        public UnreadableException(String messageZh, Throwable cause) {
            super(messageZh, cause);
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
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Contents(name, sink),
                            new RawValueFormatter(), false));
                    try {
                        parser.parse(new InputSource(in));
                    } catch (StopSheet stop) {
                        // the caller has what it needs from this sheet
                    }
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw unreadable(e);
        }
    }

    private static UnreadableException unreadable(Exception e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceeds the max") || text.contains("MAX_ENTRY_SIZE")) {
            return new UnreadableException(FileFormat.ZIP_BOMB.refusalZh(), e);
        }
        if (text.contains("DOCTYPE") || text.contains("entity")) {
            return new UnreadableException("文件内部含有不允许的XML实体声明，为安全起见已拒收。请用Excel重新保存为.xlsx后报送。", e);
        }
        return new UnreadableException(FileFormat.CORRUPT.refusalZh(), e);
    }

    private record Contents(String sheet, CellSink sink) implements XSSFSheetXMLHandler.SheetContentsHandler {
        @Override
        public void startRow(int rowNum) { }

        @Override
        public void endRow(int rowNum) { }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null || formattedValue == null || formattedValue.isEmpty()) {
                return;
            }
            CellReference ref = new CellReference(cellReference);
            sink.cell(sheet, ref.getRow(), ref.getCol(), formattedValue);
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
                            if (text != null && !text.isEmpty()) {
                                sink.cell(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), text);
                            }
                        }
                    }
                } catch (StopSheet stop) {
                    // the caller has what it needs from this sheet
                }
            }
        } catch (EncryptedDocumentException e) {
            throw new UnreadableException(FileFormat.ENCRYPTED.refusalZh(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(FileFormat.CORRUPT.refusalZh(), e);
        }
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : RawValueFormatter.number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> null;
        };
    }
}
