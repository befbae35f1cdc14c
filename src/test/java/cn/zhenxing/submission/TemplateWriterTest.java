package cn.zhenxing.submission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import cn.zhenxing.catalog.CatalogLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The generated form: sheets, identification, protection, validation, and the rows the unit reports. */
@WarehouseTest
class TemplateWriterTest {

    @Autowired
    CatalogLoader catalog;
    @Autowired
    FormContentService contents;
    @Autowired
    TemplateWriter writer;
    @TempDir
    Path dir;

    FormDefinition def = FormDefinition.load();

    @BeforeEach
    void catalogLoaded() throws Exception {
        catalog.load(null, LocalDate.of(2025, 1, 1), false);
    }

    @Test
    void formOfChangzhiHoldsItsRowsProtectedAndIdentified() throws Exception {
        FormContent content = contents.content("140400", "2025Q4");
        Path file = writer.write(def, content, dir);
        assertThat(file.getFileName().toString()).isEqualTo("140400_2025Q4_长治市发展和改革委员会.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4), wb.getSheetName(5)))
                    .containsExactly("封面", "表1 指标季报", "表2 重点任务进展", "表3 重点项目进展", "填报说明", "_meta");
            assertThat(wb.getSheetVisibility(5)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.isStructureLocked()).isTrue();
            XSSFSheet meta = wb.getSheet("_meta");
            assertThat(meta.getRow(1).getCell(1).getStringCellValue()).isEqualTo(def.templateVersion());
            assertThat(meta.getRow(2).getCell(1).getStringCellValue()).isEqualTo("140400");
            assertThat(meta.getRow(3).getCell(1).getStringCellValue()).isEqualTo("2025Q4");

            FormDefinition.Table t1 = def.table("indicators");
            XSSFSheet s1 = wb.getSheet(t1.sheet());
            assertThat(s1.getProtect()).isTrue();
            int dataRows = 0;
            for (Row row : s1) {
                if (row.getRowNum() >= t1.firstDataRow() - 1 && row.getCell(0) != null && row.getCell(0).getStringCellValue().matches("\\d{6}")) {
                    dataRows++;
                }
            }
            assertThat(dataRows).isEqualTo(content.indicators().size()).isPositive();
            Row first = s1.getRow(t1.firstDataRow() - 1);
            assertThat(first.getCell(t1.column("indicator_code").index()).getStringCellValue()).isEqualTo(content.indicators().get(0).indicatorCode());
            assertThat(first.getCell(t1.column("region_code").index()).getCellStyle().getLocked()).isTrue();
            assertThat(first.getCell(t1.column("value").index()).getCellStyle().getLocked()).isFalse();
            assertThat(s1.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.DECIMAL);
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(t1.column("value").index());
            });

            FormDefinition.Table t2 = def.table("tasks");
            assertThat(wb.getSheet(t2.sheet()).getDataValidations()).anySatisfy(v ->
                    assertThat(String.join(",", v.getValidationConstraint().getExplicitListValues())).contains("按计划推进"));
            FormDefinition.Table t3 = def.table("projects");
            XSSFSheet s3 = wb.getSheet(t3.sheet());
            Row open = s3.getRow(t3.firstDataRow() - 1 + content.projects().size());
            assertThat(open.getCell(t3.column("project_name").index()).getCellStyle().getLocked()).as("open row for a new project").isFalse();
        }
    }

    @Test
    void aCountyUnitReportsOnlyItsOwnRows() throws Exception {
        FormContent content = contents.content("140322", "2025Q4");
        assertThat(content.indicators()).allSatisfy(r -> assertThat(r.regionCode()).isEqualTo("140322"));
        // 长治市's form: the city and its own counties (1404xx), nobody else's.
        assertThat(contents.content("140400", "2025Q4").indicators()).extracting(FormContent.IndicatorRow::regionCode)
                .contains("140400").allSatisfy(code -> assertThat(code).startsWith("1404"));
    }
}
