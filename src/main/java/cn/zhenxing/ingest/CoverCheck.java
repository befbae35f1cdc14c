package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.workbook.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cover sheet: the sign-off line's required fields filled, a phone number, a date, the unit's own name. */
final class CoverCheck {

    private CoverCheck() {
    }

    /** @param cells the cover's cell text by address, as read */
    static CheckedForm.Cover check(FormDefinition.Cover def, Map<String, String> cells, FormContent.Unit unit, List<Problem> problems) {
        String sheet = def.sheet();
        Map<String, String> values = new HashMap<>();
        for (FormDefinition.Field field : def.fields()) {
            String value = cells.get(field.cell());
            value = value == null || value.isBlank() ? null : value.strip();
            values.put(field.key(), value);
            if (field.required() && value == null) {
                problems.add(Problem.error(sheet, field.cell(), null, "封面“" + field.label() + "”未填写。", "请在" + field.cell() + "单元格填写" + field.label() + "。"));
            }
        }
        String phone = values.get("phone");
        if (phone != null && !phone.matches("[0-9０-９\\-－+()（） ]{7,20}")) {
            problems.add(Problem.error(sheet, def.field("phone").cell(), null, "联系电话“" + phone + "”格式不正确。",
                    "请填写固定电话（如0351-1234567）或手机号码，不要写文字。"));
        }
        LocalDate fillDate = null;
        String date = values.get("fill_date");
        if (date != null) {
            try {
                fillDate = LocalDate.parse(date.replace('/', '-').replace('.', '-').replaceAll("年|月", "-").replace("日", ""),
                        DateTimeFormatter.ofPattern("yyyy-M-d"));
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(sheet, def.field("fill_date").cell(), null, def.field("fill_date").label() + "“" + date + "”不是有效日期。",
                        "请按 2025-10-15 的格式填写日期。"));
            }
        }
        String unitName = values.get("unit_name");
        if (unitName != null && !unitName.equals(unit.name())) {
            problems.add(Problem.error(sheet, def.field("unit_name").cell(), null, "填报单位被改为“" + unitName + "”，与模板所属单位“"
                    + unit.name() + "”不一致。", "请使用本单位的模板，不要修改预填内容。"));
        }
        return new CheckedForm.Cover(values.get("filler"), phone, values.get("unit_head"), values.get("reviewer"), fillDate);
    }
}
