package cn.zhenxing.form;

import java.time.OffsetDateTime;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The very hidden, protected {@code _meta} sheet by which a returned file is recognised ({@link FormMeta#KEYS}). */
final class MetaSheet {

    private MetaSheet() {}

    static void write(XSSFWorkbook wb, FormDefinition def, FormContent content) {
        Sheet sheet = wb.createSheet(def.metaSheet());
        String[] values = {"1", def.templateVersion(), content.unit().code(), content.period().code(),
                OffsetDateTime.now().withNano(0).toString()};
        for (int i = 0; i < FormMeta.KEYS.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(FormMeta.KEYS[i]);
            row.createCell(1).setCellValue(values[i]);
        }
        sheet.protectSheet(SheetLayout.PROTECTION);
        wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }
}
