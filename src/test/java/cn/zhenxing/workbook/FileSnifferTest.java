package cn.zhenxing.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format by content, not by name. */
class FileSnifferTest {

    @TempDir
    Path dir;

    @Test
    void realWorkbooksAreRecognisedWhateverTheirName() throws Exception {
        assertThat(FileSniffer.detect(HostileFiles.xlsx(dir, "named.xls"))).isEqualTo(FileFormat.XLSX);
        assertThat(FileSniffer.detect(HostileFiles.xls(dir, "named.xlsx"))).isEqualTo(FileFormat.XLS);
    }

    @Test
    void refusedFormatsSayWhatToDo() throws Exception {
        assertThat(FileSniffer.detect(HostileFiles.html(dir))).isEqualTo(FileFormat.HTML);
        assertThat(FileSniffer.detect(HostileFiles.csv(dir))).isEqualTo(FileFormat.TEXT);
        assertThat(FileSniffer.detect(HostileFiles.empty(dir))).isEqualTo(FileFormat.EMPTY);
        assertThat(FileSniffer.detect(HostileFiles.xlsm(dir))).isEqualTo(FileFormat.XLSM);
        assertThat(FileSniffer.detect(HostileFiles.encrypted(dir))).isEqualTo(FileFormat.ENCRYPTED);
        assertThat(FileSniffer.detect(HostileFiles.truncated(HostileFiles.xlsx(dir, "whole.xlsx")))).isEqualTo(FileFormat.CORRUPT);
        assertThat(FileFormat.HTML.refusalZh()).contains("另存为");
        assertThat(FileFormat.ENCRYPTED.refusalZh()).contains("密码");
        assertThat(FileFormat.XLSM.refusalZh()).contains("宏");
    }

    @Test
    void zipBombIsRefusedWithAClearMessage() throws Exception {
        Path bomb = HostileFiles.zipBomb(dir);
        assertThat(FileSniffer.detect(bomb)).isEqualTo(FileFormat.ZIP_BOMB);
        // Even when the sniffer is bypassed, POI's guard stops the inflation while reading.
        assertThatThrownBy(() -> WorkbookCells.read(bomb, FileFormat.XLSX, Set.of("Sheet1"), (s, r, c, t) -> { }))
                .isInstanceOf(WorkbookCells.UnreadableException.class)
                .hasMessageContaining("压缩炸弹");
    }

    @Test
    void farCornerCellIsReadWithoutAGrid() throws Exception {
        Path file;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("S").createRow(1_048_575).createCell(16_383).setCellValue("corner");
            file = HostileFiles.write(wb, dir.resolve("corner.xlsx"));
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        WorkbookCells.read(file, FileFormat.XLSX, Set.of("S"), (s, r, c, t) -> seen.add(r + ":" + c + ":" + t));
        assertThat(seen).containsExactly("1048575:16383:corner");
    }
}
