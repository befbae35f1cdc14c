package cn.zhenxing.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A deterministic corpus of damaged workbooks made from one real filled form: truncations, bit
 * flips, zip entries removed, duplicated or cut, and for .xls BIFF records removed or cut. The same
 * seed gives the same corpus, so a failure names a mutant that can be made again.
 */
public final class Mutations {

    public record Mutant(String name, byte[] bytes) {}

    private Mutations() {}

    /** Every mutant of an .xlsx (a zip of XML parts). */
    public static List<Mutant> ofXlsx(byte[] xlsx, long seed, int flips) throws IOException {
        List<Mutant> out = new ArrayList<>(common(xlsx, seed, flips));
        Map<String, byte[]> entries = entries(xlsx);
        for (String name : entries.keySet()) {
            Map<String, byte[]> without = new LinkedHashMap<>(entries);
            without.remove(name);
            out.add(new Mutant("without " + name, zip(without, null)));
            out.add(new Mutant("duplicated " + name, zip(entries, name)));
            Map<String, byte[]> cut = new LinkedHashMap<>(entries);
            byte[] part = entries.get(name);
            cut.put(name, Arrays.copyOf(part, part.length / 2));
            out.add(new Mutant("half of " + name, zip(cut, null)));
            if (name.endsWith(".xml")) {
                Map<String, byte[]> garbled = new LinkedHashMap<>(entries);
                garbled.put(name, new String(part, StandardCharsets.UTF_8).replace("<c ", "<c r=\"\" ").replace("<row ", "<row r=\"-3\" ")
                        .getBytes(StandardCharsets.UTF_8));
                out.add(new Mutant("odd references in " + name, zip(garbled, null)));
            }
        }
        return out;
    }

    /** Every mutant of an .xls (BIFF8 records in an OLE2 container). */
    public static List<Mutant> ofXls(byte[] xls, long seed, int flips) throws IOException {
        List<Mutant> out = new ArrayList<>(common(xls, seed, flips));
        byte[] stream = workbookStream(xls);
        List<int[]> records = records(stream);
        Random random = new Random(seed);
        // Every distinct record type removed once (first occurrence), and a few records cut short.
        Map<Integer, int[]> firstOfType = new LinkedHashMap<>();
        records.forEach(r -> firstOfType.putIfAbsent(r[1], r));
        for (int[] r : firstOfType.values()) {
            out.add(new Mutant(String.format("without record 0x%04X at %d", r[1], r[0]), xls(remove(stream, r[0], r[2]))));
        }
        for (int i = 0; i < 12 && !records.isEmpty(); i++) {
            int[] r = records.get(random.nextInt(records.size()));
            if (r[2] > 4) {
                out.add(new Mutant(String.format("record 0x%04X at %d cut", r[1], r[0]), xls(cutRecord(stream, r[0], r[2]))));
            }
        }
        return out;
    }

    private static List<Mutant> common(byte[] bytes, long seed, int flips) {
        List<Mutant> out = new ArrayList<>();
        for (double share : new double[] {0.0, 0.05, 0.3, 0.5, 0.7, 0.95}) {
            out.add(new Mutant("truncated to " + (int) (share * 100) + "%", Arrays.copyOf(bytes, (int) (bytes.length * share))));
        }
        out.add(new Mutant("last byte missing", Arrays.copyOf(bytes, bytes.length - 1)));
        out.add(new Mutant("22 bytes missing (zip end record)", Arrays.copyOf(bytes, Math.max(0, bytes.length - 22))));
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            byte[] flipped = bytes.clone();
            int at = random.nextInt(bytes.length);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            out.add(new Mutant("bit flip at " + at, flipped));
        }
        return out;
    }

    /** The filled form as an .xls: every sheet's cell values and sheet visibility copied into BIFF8. */
    public static byte[] asXls(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); Workbook source = WorkbookFactory.create(in); HSSFWorkbook target = new HSSFWorkbook()) {
            for (Sheet sheet : source) {
                Sheet copy = target.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row r = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell c = r.createCell(cell.getColumnIndex());
                        switch (cell.getCellType()) {
                            case NUMERIC -> c.setCellValue(cell.getNumericCellValue());
                            case STRING -> c.setCellValue(cell.getStringCellValue());
                            case BOOLEAN -> c.setCellValue(cell.getBooleanCellValue());
                            default -> { }
                        }
                    }
                }
                SheetVisibility visibility = source.getSheetVisibility(source.getSheetIndex(sheet));
                target.setSheetVisibility(target.getSheetIndex(copy), visibility);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.write(out);
            return out.toByteArray();
        }
    }

    // --- zip ---------------------------------------------------------------------------------------

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A zip of the entries; {@code duplicate} (if any) is written twice under the same name. */
    private static byte[] zip(Map<String, byte[]> entries, String duplicate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ZipOutputStream refuses a repeated name, so the copy gets a same-length stand-in name that is patched back.
        String standIn = duplicate == null ? null : duplicate.substring(0, duplicate.length() - 1) + (duplicate.endsWith("~") ? "#" : "~");
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                write(zip, e.getKey(), e.getValue());
                if (e.getKey().equals(duplicate)) {
                    write(zip, standIn, e.getValue());
                }
            }
        }
        byte[] out = bytes.toByteArray();
        if (standIn != null) {
            byte[] from = standIn.getBytes(StandardCharsets.UTF_8);
            byte[] to = duplicate.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + from.length <= out.length; i++) {
                if (Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, out, i, to.length);
                }
            }
        }
        return out;
    }

    private static void write(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    // --- BIFF --------------------------------------------------------------------------------------

    private static byte[] workbookStream(byte[] xls) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(xls))) {
            DirectoryEntry root = fs.getRoot();
            DocumentEntry doc = (DocumentEntry) root.getEntry("Workbook");
            try (DocumentInputStream in = new DocumentInputStream(doc)) {
                return in.readAllBytes();
            }
        }
    }

    /** Each record as {offset, sid, total length including its 4-byte header}. */
    private static List<int[]> records(byte[] stream) {
        List<int[]> records = new ArrayList<>();
        int at = 0;
        while (at + 4 <= stream.length) {
            int sid = (stream[at] & 0xFF) | (stream[at + 1] & 0xFF) << 8;
            int len = (stream[at + 2] & 0xFF) | (stream[at + 3] & 0xFF) << 8;
            if (at + 4 + len > stream.length) {
                break;
            }
            records.add(new int[] {at, sid, 4 + len});
            at += 4 + len;
        }
        return records;
    }

    private static byte[] remove(byte[] stream, int offset, int length) {
        byte[] out = new byte[stream.length - length];
        System.arraycopy(stream, 0, out, 0, offset);
        System.arraycopy(stream, offset + length, out, offset, stream.length - offset - length);
        return out;
    }

    /** The record's declared length halved, its tail bytes left in the stream as if they were the next record. */
    private static byte[] cutRecord(byte[] stream, int offset, int length) {
        byte[] out = stream.clone();
        int half = (length - 4) / 2;
        out[offset + 2] = (byte) half;
        out[offset + 3] = (byte) (half >> 8);
        return out;
    }

    private static byte[] xls(byte[] stream) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(stream), "Workbook");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** Writes a mutant into {@code dir} with the extension of the format it came from. */
    public static Path write(Path dir, int index, Mutant mutant, String extension) throws IOException {
        Path file = dir.resolve(String.format("mutant-%03d.%s", index, extension));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(mutant.bytes());
        }
        return file;
    }
}
