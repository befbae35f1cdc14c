package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.NumberCell;
import cn.zhenxing.workbook.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 表1: each row one issued region × indicator, once; values are numbers and required ones filled.
 * Whether the figures are plausible is for the validation rules (etl/rules, {@code audit}).
 */
final class IndicatorRowsCheck extends RowCheck<CheckedForm.IndicatorValue> {

    private final String unitName;
    private final Map<String, FormContent.IndicatorRow> expected = new LinkedHashMap<>();
    private final List<FormContent.IndicatorRow> issued;
    private final Set<String> jurisdiction = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final List<CheckedForm.IndicatorValue> values = new ArrayList<>();

    IndicatorRowsCheck(FormDefinition.Table table, FormContent content, List<Problem> problems) {
        super(table, problems);
        this.unitName = content.unit().name();
        content.indicators().forEach(r -> expected.put(r.key(), r));
        this.issued = content.indicators();
        content.indicators().forEach(r -> jurisdiction.add(r.regionCode()));
    }

    @Override
    void accept(ReadForm.TableRow row) {
        String region = row.get("region_code");
        String code = row.get("indicator_code");
        String at = cell("region_code", row);
        FormContent.IndicatorRow spec = expected.get(region + "|" + code);
        if (spec == null) {
            FormContent.IndicatorRow prefilled = issuedAt(row.rowNo());
            if (prefilled != null && prefilled.indicatorCode().equals(code) && !prefilled.regionCode().equals(region)) {
                // The pre-filled code was overwritten: deleting the row (the usual advice) would only lose it.
                problems.add(Problem.error(sheet, at, describe(prefilled.regionName(), prefilled.indicatorName()), "地区代码“" + region
                        + "”与本行预填的地区（" + prefilled.regionName() + " " + prefilled.regionCode() + "）不符"
                        + (region != null && !jurisdiction.contains(region) ? "，也不在“" + unitName + "”的填报范围内。" : "。"),
                        "请把地区代码恢复为“" + prefilled.regionCode() + "”；灰色的预填内容不要修改。"));
            } else if (region != null && !jurisdiction.contains(region)) {
                problems.add(Problem.error(sheet, at, row.get("region_name"), "地区代码“" + region + "”不在“" + unitName
                        + "”的填报范围内。", "只填报本单位所辖地区；其他地区由其所属单位报送。请删除此行或用新模板重新填写。"));
            } else {
                problems.add(Problem.error(sheet, at, describe(row.get("region_name"), row.get("indicator_name")),
                        "第" + row.rowNo() + "行不是下发模板中的行（地区代码“" + region + "”、指标编码“" + code + "”）。",
                        "请不要新增行或修改预填的代码；用新下载的模板重新填写。"));
            }
            return;
        }
        String context = describe(spec.regionName(), spec.indicatorName());
        if (!seen.add(spec.key())) {
            problems.add(Problem.error(sheet, at, context, "此行重复出现。", "每个地区的每项指标只填一行，请删除重复的行。"));
            return;
        }
        if (!spec.regionName().equals(row.get("region_name")) || !spec.indicatorName().equals(row.get("indicator_name"))) {
            problems.add(Problem.error(sheet, at, context, "预填的地区名称或指标名称被修改。", "请不要修改灰色的预填内容。"));
        }
        String note = row.get("note");
        NumberCell.Result value = number(row, "value", spec.unit(), context);
        NumberCell.Result prior = number(row, "prior_value", spec.unit(), context);
        NumberCell.Result numerator = number(row, "numerator", spec.unit(), context);
        NumberCell.Result denominator = number(row, "denominator", spec.unit(), context);
        String valueCell = cell("value", row);
        if (value.blank() && spec.required() && note == null) {
            problems.add(Problem.error(sheet, valueCell, context, "本期值未填写。", "请填写本期值；确实无法填报的，请在“备注”中说明原因。"));
        }
        if (numerator.ok() && denominator.ok() && denominator.value() != null && denominator.value().signum() == 0) {
            problems.add(Problem.error(sheet, cell("denominator", row), context, "分母值为0。", "请填写实际的分母值。"));
        }
        // 上年同期值 pre-filled from the warehouse is last year's accepted value, whatever the cell says now
        // (a later resubmission of last year, or an unprotected sheet): corrected only by resubmitting that quarter.
        BigDecimal priorValue = prior.value();
        if (spec.lastYear() != null) {
            if (priorValue != null && priorValue.compareTo(spec.lastYear()) != 0) {
                problems.add(Problem.warning(sheet, cell("prior_value", row), context, "上年同期值" + priorValue.stripTrailingZeros().toPlainString()
                        + "与系统中已审核的上年同期数据" + spec.lastYear().stripTrailingZeros().toPlainString() + "不一致，已按系统数据记录。",
                        "如需更正上年数据，请重新报送上年同期的报表。"));
            }
            priorValue = spec.lastYear();
        }
        values.add(new CheckedForm.IndicatorValue(sheet, row.rowNo(), region, code, row.get("value"), value.value(), valueCell,
                row.get("prior_value"), priorValue, cell("prior_value", row), numerator.value(), cell("numerator", row),
                denominator.value(), cell("denominator", row), note));
    }

    @Override
    List<CheckedForm.IndicatorValue> finish() {
        List<FormContent.IndicatorRow> missing = expected.values().stream().filter(r -> !seen.contains(r.key())).toList();
        if (!missing.isEmpty()) {
            FormContent.IndicatorRow first = missing.get(0);
            problems.add(Problem.error(sheet, null, describe(first.regionName(), first.indicatorName()),
                    "缺少" + missing.size() + "行下发模板中的行（如“" + first.regionName() + " " + first.indicatorName() + "”），可能被删除了。",
                    "请不要删除预填的行；用新下载的模板重新填写。"));
        }
        return values;
    }


    /** The row the template issued at an Excel row number (rows are written in content order), or null. */
    private FormContent.IndicatorRow issuedAt(int rowNo) {
        int index = rowNo - table.firstDataRow();
        return index >= 0 && index < issued.size() ? issued.get(index) : null;
    }

    private static String describe(String region, String indicator) {
        if (region == null && indicator == null) {
            return null;
        }
        return (region == null ? "" : region) + (indicator == null ? "" : "“" + indicator + "”");
    }
}
