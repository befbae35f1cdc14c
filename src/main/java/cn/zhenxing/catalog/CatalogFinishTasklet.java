package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Totals the steps' change counts into the ops_catalog_load row. */
class CatalogFinishTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    CatalogFinishTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (StepExecution step : job.getStepExecutions()) {
            inserted += step.getExecutionContext().getInt(Change.INSERTED.counterKey(), 0);
            updated += step.getExecutionContext().getInt(Change.UPDATED.counterKey(), 0);
            unchanged += step.getExecutionContext().getInt(Change.UNCHANGED.counterKey(), 0);
        }
        jdbc.update(sql("loadFinish"), inserted, updated, unchanged, job.getExecutionContext().getLong(CatalogLoadJobConfiguration.LOAD_ID));
        return RepeatStatus.FINISHED;
    }
}
