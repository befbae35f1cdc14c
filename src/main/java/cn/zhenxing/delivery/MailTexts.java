package cn.zhenxing.delivery;

import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The Chinese subjects and bodies of Zhenxing's mails, with the figures they quote from the marts. */
@Component
public class MailTexts {

    static final String SIGNATURE = "\n\n山西省发展和改革委员会\n（振兴监测系统自动发送，请勿直接回复）";

    private final NamedParameterJdbcTemplate jdbc;

    public MailTexts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Text(String subject, String body) {
    }

    public String periodLabel(String period) {
        if (period == null) {
            return "";
        }
        return Quarter.isCode(period) ? Quarter.parse(period).labelZh() : period;
    }

    public String regionName(String code) {
        List<String> names = jdbc.queryForList(DeliveryService.SQL.get("regionName"), Map.of("code", code), String.class);
        return names.isEmpty() ? code : names.get(0);
    }

    /** Quarterly reports: the three-line summary (lagging indicators in the two plan areas, reporting rate). */
    public Text reports(String period, String edition, List<String> titles, List<String> missingUnits) {
        String label = periodLabel(period);
        StringBuilder body = new StringBuilder("各位领导：\n\n附件为").append(label).append("监测报告")
                .append(edition == null ? "" : "（" + edition + "）").append("：").append(String.join("、", titles)).append("。本期要点：\n");
        body.append("1. ").append(statusLine(period, "TAIHANG_OLD_AREA", "太行革命老区")).append('\n');
        body.append("2. ").append(statusLine(period, "YR_PLAN_AREA", "黄河流域规划范围")).append('\n');
        body.append("3. ").append(rateLine(period, missingUnits)).append('\n');
        body.append("\n各项状态的判定口径见报告“数据说明”。").append(SIGNATURE);
        return new Text("【振兴监测】" + label + "监测报告" + (edition == null ? "" : "（" + edition + "）"), body.toString());
    }

    String statusLine(String period, String scope, String name) {
        List<Map<String, Object>> rows = jdbc.queryForList(DeliveryService.SQL.get("statusSummary"), Map.of("period", period, "scope", scope));
        if (rows.isEmpty() || ((Number) rows.get(0).get("scored")).intValue() == 0) {
            return name + "：本期无可评价的指标数据。";
        }
        Map<String, Object> r = rows.get(0);
        return name + "：有目标的指标" + r.get("scored") + "项中，滞后" + r.get("lagging") + "项、严重滞后" + r.get("serious") + "项。";
    }

    String rateLine(String period, List<String> missingUnits) {
        List<Map<String, Object>> rows = jdbc.queryForList(DeliveryService.SQL.get("rateSummary"), Map.of("period", period));
        if (rows.isEmpty()) {
            return "报送情况：本期尚无报送记录。";
        }
        Map<String, Object> r = rows.get(0);
        return "报送率" + percent(r.get("reporting_rate")) + "（及时率" + percent(r.get("on_time_rate")) + "）"
                + (missingUnits.isEmpty() ? "，各单位均已报送。" : "，未报送：" + String.join("、", missingUnits) + "。");
    }

    /** @param deadline the unit's own deadline (the reporting calendar's) */
    public Text reminder(String period, String unitName, LocalDate deadline, LocalDate today) {
        String label = periodLabel(period);
        String when = "截止日期为" + deadline + "（还有" + Math.max(0, ChronoUnit.DAYS.between(today, deadline)) + "天）";
        return new Text("【振兴监测】请按时报送" + label + "监测季报",
                unitName + "：\n\n贵单位尚未报送" + label + "监测季报（或报送后被退回、尚未重报），" + when
                        + "。请下载本期报表模板，填好后上传到报送系统或放入收件箱。如已报送，请忽略本提醒。" + SIGNATURE);
    }

    /** @param deadline the unit's own deadline (the reporting calendar's) */
    public Text overdue(String period, String unitName, LocalDate deadline, LocalDate today) {
        String label = periodLabel(period);
        String days = "（截止日期" + deadline + "，已逾期" + Math.max(1, ChronoUnit.DAYS.between(deadline, today)) + "天）";
        return new Text("【振兴监测】" + label + "监测季报已逾期未报送",
                unitName + "：\n\n贵单位" + label + "监测季报已逾期未报送" + days + "。逾期报送的报表仍会接收，但将在数据报送情况通报中记为逾期。"
                        + "请尽快报送。" + SIGNATURE);
    }

    /** To operators: the nightly backup failed, with the operator-facing reason (English, as the logs say it). */
    public Text backupFailed(String schedule, String when, String backupDir, String reason) {
        return new Text("【振兴监测】数据仓库备份失败（" + when + "）",
                "运维人员：\n\n定时任务 " + schedule + " 于 " + when + " 备份数据仓库到 " + backupDir + " 失败，本次未生成备份，已有备份未删除。\n"
                        + "原因：" + reason + "\n\n请检查数据库服务器、备份目录的磁盘空间和权限后，运行 zhenxing db backup 手动补做一次备份。" + SIGNATURE);
    }

    public Text receipt(String unitName, String period, String fileName, boolean accepted, long errors, Integer version) {
        String label = periodLabel(period);
        if (accepted) {
            return new Text("【振兴监测】报表已接收：" + fileName,
                    unitName + "：\n\n您报送的" + label + "监测季报（" + fileName + "）已接收，为第" + version + "版。回执见附件。" + SIGNATURE);
        }
        return new Text("【振兴监测】报表被退回，请修改后重报：" + fileName,
                unitName + "：\n\n您报送的" + label + "监测季报（" + fileName + "）有" + errors + "处错误，未被接收。附件中出错的单元格已标红，"
                        + "“错误清单”工作表逐条说明了位置和修改方法。请修改后重新报送。" + SIGNATURE);
    }

    /** Mail intake: the sender is no contact of any reporting unit; nothing was loaded. */
    public Text mailUnknownSender(String sender, String subject) {
        return new Text("【振兴监测】邮件未处理：发件人不是填报单位登记的联系人",
                "您好：\n\n我们收到了您发送的邮件《" + subject + "》。发件地址 " + sender + " 不是任何填报单位登记的联系人，"
                        + "为防止他人代报，邮件中的报表没有处理，也没有入库。\n\n如您是填报单位的统计人员，请联系省发展改革委，"
                        + "在报送系统中把您的邮箱登记为本单位联系人后重新发送；也可以登录报送系统直接上传报表。" + SIGNATURE);
    }

    /** Mail intake: what in the mail could not be taken (no form attached, a .zip, an .xlsm, an oversized file), one line each. */
    public Text mailRefused(String name, String subject, List<String> reasons, boolean otherFilesProcessed) {
        StringBuilder body = new StringBuilder(name).append("：\n\n您发送的邮件《").append(subject).append("》")
                .append(otherFilesProcessed ? "中有附件未被接收" : "未被接收").append("：\n");
        for (int i = 0; i < reasons.size(); i++) {
            body.append(i + 1).append(". ").append(reasons.get(i)).append('\n');
        }
        body.append(otherFilesProcessed ? "\n其他附件的处理结果另见回执邮件。" : "\n邮件中的内容均未入库。")
                .append("请把填好的报表（Excel工作簿 .xlsx 或 .xls，每个不超过规定大小，不要压缩、不要加密）作为附件重新发送到本邮箱。")
                .append(SIGNATURE);
        return new Text("【振兴监测】邮件附件未被接收：" + subject, body.toString());
    }

    /**
     * Mail intake: the answer to one attached form, as the inbox and the portal answer (回执 or the feedback
     * workbook), with the findings of a rejected file in the body so that they can be read without Excel.
     */
    public Text mailFileDecided(String name, String period, String fileName, String status, long errors, Integer version, List<String> findings) {
        if (status.equals("DUPLICATE")) {
            return new Text("【振兴监测】重复报送，未重复计入：" + fileName,
                    name + "：\n\n您发送的" + fileName + "与此前已接收的" + periodLabel(period) + "报表（第" + version + "版）内容完全相同，"
                            + "本次未重复计入。如需更正数据，请修改后重新发送。" + SIGNATURE);
        }
        Text receipt = receipt(name, period, fileName, status.equals("ACCEPTED"), errors, version);
        if (status.equals("ACCEPTED") || findings.isEmpty()) {
            return receipt;
        }
        int shown = Math.min(findings.size(), 30);
        StringBuilder body = new StringBuilder(receipt.body().substring(0, receipt.body().length() - SIGNATURE.length())).append("\n\n错误清单：\n");
        for (int i = 0; i < shown; i++) {
            body.append(i + 1).append(". ").append(findings.get(i)).append('\n');
        }
        if (findings.size() > shown) {
            body.append("……另有").append(findings.size() - shown).append("条，见附件“错误清单”工作表。\n");
        }
        return new Text(receipt.subject(), body.append(SIGNATURE).toString());
    }

    /** 退回 in the review round: the reviewer's 审核意见, and what to do (the version's feedback workbook is attached). */
    public Text returnedInReview(String unitName, String period, int version, String reviewerUnit, String reviewerName, String reasonZh) {
        String label = periodLabel(period);
        return new Text("【振兴监测】" + label + "监测季报审核未通过，已退回：" + unitName,
                unitName + "：\n\n贵单位报送的" + label + "监测季报（第" + version + "版）经" + reviewerUnit + "（" + reviewerName + "）审核，已退回。\n"
                        + "审核意见：" + reasonZh + "\n\n请按审核意见核实、修改（需要说明的请写在表1“备注”栏），然后重新报送；重新报送的版本将重新进入审核。"
                        + "附件为该版本的回执。" + SIGNATURE);
    }

    /** To a reviewer: the submissions waiting for it longer than the schedule allows, one per line. */
    public Text reviewReminder(String reviewerName, List<String> waiting) {
        return new Text("【振兴监测】有" + waiting.size() + "份报表等待您审核",
                reviewerName + "：\n\n以下报表已报送，等待您审核：\n" + String.join("\n", waiting)
                        + "\n\n请登录报送系统“报表审核”页审核通过或填写理由退回。" + SIGNATURE);
    }

    static String percent(Object ratio) {
        return ratio == null ? "—" : ((BigDecimal) ratio).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
