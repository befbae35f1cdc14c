package cn.zhenxing.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the files statisticians (or attackers) send instead of a proper form. */
public final class HostileFiles {

    private HostileFiles() {}

    public static Path xlsx(Path dir, String name) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("hello");
            return write(wb, dir.resolve(name));
        }
    }

    public static Path xls(Path dir, String name) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("hello");
            return write(wb, dir.resolve(name));
        }
    }

    public static Path html(Path dir) throws IOException {
        return Files.writeString(dir.resolve("报表.xls"),
                "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>地区</td><td>12</td></tr></table></body></html>",
                StandardCharsets.UTF_8);
    }

    public static Path csv(Path dir) throws IOException {
        return Files.writeString(dir.resolve("报表.xls"), "地区代码,指标编码,本期值\n140400,FYP14-01,6.5\n", StandardCharsets.UTF_8);
    }

    public static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("空文件.xlsx"), new byte[0]);
    }

    public static Path truncated(Path xlsx) throws IOException {
        byte[] bytes = Files.readAllBytes(xlsx);
        return Files.write(xlsx.resolveSibling("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** An .xlsm: a macro-enabled workbook with a VBA project. */
    public static Path xlsm(Path dir) throws IOException {
        Path file = dir.resolve("宏.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>");
            entry(zip, "xl/workbook.xml", "<workbook/>");
            entry(zip, "xl/vbaProject.bin", "VBA");
        }
        return file;
    }

    /** A real workbook encrypted with a password (agile encryption, as Excel does). */
    public static Path encrypted(Path dir) throws Exception {
        Path plain = xlsx(dir, "plain.xlsx");
        Path file = dir.resolve("加密.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** A well-formed xlsx whose sheet inflates more than 100-fold: POI's zip-bomb guard trips. */
    public static Path zipBomb(Path dir) throws IOException {
        Path seed = xlsx(dir, "seed.xlsx");
        Path file = dir.resolve("炸弹.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(seed));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public static Path write(org.apache.poi.ss.usermodel.Workbook wb, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        return Files.write(file, bytes.toByteArray());
    }
}
