package cn.zhenxing.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Tells a file's real format from its bytes: zip (OOXML), OLE2 (xls or encrypted OOXML), HTML, text. */
public final class FileSniffer {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private FileSniffer() {}

    public static FileFormat detect(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return FileFormat.EMPTY;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (startsWith(head, ZIP)) {
            return zipFormat(file);
        }
        if (startsWith(head, OLE2)) {
            return ole2Format(file);
        }
        return textFormat(head);
    }

    private static FileFormat zipFormat(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null || zip.getEntry("xl/workbook.xml") == null && zip.getEntry("xl/workbook.bin") == null) {
                return zip.getEntry("word/document.xml") != null ? FileFormat.UNKNOWN : FileFormat.CORRUPT;
            }
            if (ZipGuard.exceedsLimits(zip)) {
                return FileFormat.ZIP_BOMB;
            }
            if (zip.getEntry("xl/vbaProject.bin") != null || zip.getEntry("xl/workbook.bin") != null) {
                return zip.getEntry("xl/vbaProject.bin") != null ? FileFormat.XLSM : FileFormat.UNKNOWN;
            }
            try (InputStream in = zip.getInputStream(types)) {
                // Content types are tiny; read a bounded prefix only.
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                if (text.contains("macroEnabled")) {
                    return FileFormat.XLSM;
                }
            }
            return FileFormat.XLSX;
        } catch (IOException e) {
            return FileFormat.CORRUPT; // truncated: no central directory
        }
    }

    private static FileFormat ole2Format(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return FileFormat.ENCRYPTED;
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
                    return FileFormat.XLSM;
                }
                return FileFormat.XLS; // an encrypted .xls (FILEPASS) is detected when it is opened
            }
            return FileFormat.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return FileFormat.CORRUPT;
        }
    }

    private static FileFormat textFormat(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("<")) {
            return text.contains("<html") || text.contains("<table") || text.contains("<!doctype") || text.contains("urn:schemas-microsoft-com:office")
                    ? FileFormat.HTML : FileFormat.UNKNOWN;
        }
        long printable = 0;
        for (byte b : head) {
            if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t' || b < 0) {
                printable++;
            }
        }
        return printable == head.length && (text.contains(",") || text.contains("\t")) ? FileFormat.TEXT : FileFormat.UNKNOWN;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
