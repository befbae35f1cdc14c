package cn.zhenxing.ingest;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.workbook.Problem;

/** Accepts (publishes a new version) or rejects the staged submission; does nothing if already decided. */
class DecideTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FormContentService contents;

    DecideTasklet(SubmissionStore store, FormContentService contents) {
        this.store = store;
        this.contents = contents;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long id = jobExecution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
        Map<String, Object> submission = store.submission(id);
        if (!"received".equals(submission.get("status"))) {
            return RepeatStatus.FINISHED; // decided before a restart
        }
        List<Problem> problems = store.problems(id);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        LocalDateTime now = LocalDateTime.now();
        if (errors > 0) {
            store.reject(id, now, errors, warnings);
        } else {
            FormContent.Unit unit = contents.unit((String) submission.get("unit_code"));
            store.publish(id, unit.unitKey(), contents.period((String) submission.get("period_code")), now, errors, warnings);
        }
        return RepeatStatus.FINISHED;
    }
}
