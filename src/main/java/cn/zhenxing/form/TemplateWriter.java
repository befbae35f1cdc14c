package cn.zhenxing.form;

import cn.zhenxing.workbook.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the province-issued quarterly form of one unit and quarter (layout: etl/forms/quarterly.yml):
 * a cover ({@link CoverSheet}), 表1–表3 laid out as a Chinese statistical form ({@link TableSheet}, one
 * {@link TableMapping} each), pre-filled codes and names locked, value cells yellow, unlocked and
 * validated, the 填报说明 and 指标解释 sheets ({@link InstructionsSheet}), and the very hidden {@code _meta} sheet
 * ({@link MetaSheet}) by which the returned file is recognised.
 *
 * <p>Nothing may be written below a table except the signature line ({@link FormReader} reads every
 * other cell there as a data row), and nothing right of its last column.
 */
@Component
public class TemplateWriter {

    public static final String INSTRUCTIONS_SHEET = "填报说明";
    public static final String EXPLANATIONS_SHEET = "指标解释";

    public Path write(FormDefinition def, FormContent content, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve(content.unit().code() + "_" + content.period().code() + "_" + content.unit().name() + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            FormStyles styles = new FormStyles(wb);
            CoverSheet.write(wb, def, content, styles);
            TableSheet.write(wb, def, content, styles, TableMappings.INDICATORS);
            TableSheet.write(wb, def, content, styles, TableMappings.TASKS);
            TableSheet.write(wb, def, content, styles, TableMappings.PROJECTS);
            InstructionsSheet.write(wb, def, content, styles);
            InstructionsSheet.writeExplanations(wb, def, content, styles);
            MetaSheet.write(wb, def, content);
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            wb.lockStructure();
            AtomicFiles.write(file, wb::write);
        }
        return file;
    }
}
