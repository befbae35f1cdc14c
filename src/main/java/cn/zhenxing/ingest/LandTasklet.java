package cn.zhenxing.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.FormMeta;
import cn.zhenxing.form.FormReader;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.FileSniffer;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.WorkbookCells;

/** Reads and validates the file, then stages its rows (with cell lineage) and problems. */
class LandTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FormValidator validator;
    private final SubmissionProperties properties;
    private final FormDefinition definition = FormDefinition.load();

    LandTasklet(SubmissionStore store, FormValidator validator, SubmissionProperties properties) {
        this.store = store;
        this.validator = validator;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        JobParameters p = jobExecution.getJobParameters();
        long id = jobExecution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
        Path file = Path.of(p.getString(IngestJobConfiguration.PATH));
        LocalDateTime receivedAt = LocalDateTime.parse(p.getString(IngestJobConfiguration.RECEIVED_AT));
        store.stage(id, check(file, p.getString(IngestJobConfiguration.EXPECTED_UNIT), receivedAt));
        return RepeatStatus.FINISHED;
    }

    CheckedForm check(Path file, String expectedUnit, LocalDateTime receivedAt) throws Exception {
        return check(file, expectedUnit, receivedAt, definition, validator, properties);
    }

    /** Also used by {@code ingest --dry-run}, which writes nothing. */
    static CheckedForm check(Path file, String expectedUnit, LocalDateTime receivedAt, FormDefinition definition,
                             FormValidator validator, SubmissionProperties properties) throws Exception {
        long size = Files.size(file);
        if (size > properties.maxFileSize().toBytes()) {
            return refused(FileFormat.UNKNOWN, "文件大小为" + (size / 1024 / 1024) + "MB，超过上限" + properties.maxFileSize().toMegabytes()
                    + "MB。", "请检查是否误传了其他文件；报表文件通常只有几百KB。");
        }
        FileFormat format = FileSniffer.detect(file);
        if (!format.readable()) {
            return refused(format, format.refusalZh(), null);
        }
        try {
            ReadForm form = FormReader.read(file, format, definition);
            return validator.check(form, definition, expectedUnit, receivedAt.toLocalDate());
        } catch (WorkbookCells.UnreadableException e) {
            return refused(format, e.getMessage(), null);
        }
    }

    private static CheckedForm refused(FileFormat format, String message, String fix) {
        return new CheckedForm(format, new FormMeta(null, null, null), null, null, List.of(), List.of(), List.of(),
                List.of(Problem.error(null, null, null, message, fix)), false, null);
    }
}
