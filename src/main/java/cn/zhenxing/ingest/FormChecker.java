package cn.zhenxing.ingest;

import cn.zhenxing.bulk.MonitoringIngest;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.FormMeta;
import cn.zhenxing.form.FormReader;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.FileSniffer;
import cn.zhenxing.workbook.WorkbookCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads a received file and checks it, writing nothing: size, format, then the form itself. Used by
 * the land step and by {@code ingest --dry-run}.
 */
@Service
public class FormChecker {

    private final FormValidator validator;
    private final SubmissionProperties properties;
    private final MonitoringIngest monitoring;
    private final FormDefinition definition = FormDefinition.load();

    public FormChecker(FormValidator validator, SubmissionProperties properties, MonitoringIngest monitoring) {
        this.validator = validator;
        this.properties = properties;
        this.monitoring = monitoring;
    }

    /**
     * Which form the file is, from its _meta sheet read once (an .xlsx within the monitoring size limit):
     * a monitoring form whose _meta names one, else the quarterly form, with the keys already read.
     */
    public MonitoringIngest.Identified identify(Path file) throws Exception {
        if (Files.size(file) > MonitoringIngest.MAX_FILE_BYTES || FileSniffer.detect(file) != FileFormat.XLSX) {
            return MonitoringIngest.Identified.UNREAD;
        }
        return monitoring.identify(file);
    }

    /** @param expectedUnit the uploader's unit when the channel knows it, else null */
    public CheckedForm check(Path file, String expectedUnit, LocalDateTime receivedAt) throws Exception {
        return check(file, identify(file), expectedUnit, receivedAt);
    }

    /** The check of a file already identified ({@link #identify}). */
    public CheckedForm check(Path file, MonitoringIngest.Identified identified, String expectedUnit, LocalDateTime receivedAt) throws Exception {
        if (identified.monitoring()) {
            return checked(monitoring.check(file, identified, expectedUnit));
        }
        long size = Files.size(file);
        if (size > properties.maxFileSize().toBytes()) {
            return CheckedForm.refused(FileFormat.UNKNOWN, "文件大小为" + (size / 1024 / 1024) + "MB，超过上限" + properties.maxFileSize().toMegabytes()
                    + "MB。", "请检查是否误传了其他文件；报表文件通常只有几百KB。");
        }
        FileFormat format = FileSniffer.detect(file);
        if (!format.readable()) {
            return CheckedForm.refused(format, format.problemZh(), format.fixZh());
        }
        try {
            ReadForm form = FormReader.read(file, format, definition, identified.meta());
            return validator.check(form, definition, expectedUnit, receivedAt.toLocalDate());
        } catch (WorkbookCells.UnreadableException e) {
            return CheckedForm.refused(format, e.getMessage(), e.fixZh());
        } catch (OutOfMemoryError e) {
            // What a workbook needs is only known while reading it (an .xls is read whole); its memory is free again here.
            return CheckedForm.refused(format, "文件内容过多或结构异常，系统无法读取。", "报表文件通常只有几百KB；请在系统下载的本期模板中重新填写后报送。");
        }
    }

    /** A monitoring form's check as the dry run reports it (its readings are not kept in memory). */
    static CheckedForm checked(MonitoringIngest.Checked c) {
        return new CheckedForm(FileFormat.XLSX, new FormMeta(c.templateVersion(), c.unitCode(), c.periodCode()), null, null, List.of(),
                List.of(), List.of(), c.problems(), false, null);
    }
}
