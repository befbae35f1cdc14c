package cn.zhenxing.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Launches the catalog load job for a catalog source and reports what it did. */
@Service
public class CatalogLoader {

    public enum Outcome { LOADED, ALREADY_LOADED, FAILED }

    public record Result(Outcome outcome, String checksum, String source, int inserted, int updated, int unchanged, String failure) {}

    private final JobLauncher jobLauncher;
    private final Job catalogLoadJob;
    private final JdbcTemplate jdbc;

    public CatalogLoader(JobLauncher jobLauncher, @Qualifier("catalogLoadJob") Job catalogLoadJob, JdbcTemplate jdbc) {
        this.jobLauncher = jobLauncher;
        this.catalogLoadJob = catalogLoadJob;
        this.jdbc = jdbc;
    }

    /**
     * @param dir           catalog directory, or null for the bundled catalog
     * @param effectiveDate from when changed regions and memberships apply; null = today (Asia/Shanghai)
     * @param force         run the job even when this catalog version was loaded already
     */
    public Result load(String dir, LocalDate effectiveDate, boolean force) throws Exception {
        CatalogSource source = CatalogSource.of(dir);
        String checksum = source.checksum();
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(CatalogLoadJobConfiguration.CHECKSUM, checksum)
                .addLocalDate(CatalogLoadJobConfiguration.EFFECTIVE_DATE,
                        effectiveDate != null ? effectiveDate : LocalDate.now(ZoneId.of("Asia/Shanghai")), false)
                .addString(CatalogLoadJobConfiguration.SOURCE, source.location(), false)
                .addString(CatalogLoadJobConfiguration.SOURCE_DESCRIPTION, source.describe(), false);
        if (force) {
            params.addLong(CatalogLoadJobConfiguration.FORCE_RUN, System.currentTimeMillis());
        }
        JobExecution execution;
        try {
            execution = jobLauncher.run(catalogLoadJob, params.toJobParameters());
        } catch (JobInstanceAlreadyCompleteException e) {
            return new Result(Outcome.ALREADY_LOADED, checksum, source.describe(), 0, 0, 0, null);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String failure = execution.getAllFailureExceptions().stream()
                    .map(t -> rootCause(t).getMessage()).findFirst().orElse(execution.getExitStatus().getExitDescription());
            return new Result(Outcome.FAILED, checksum, source.describe(), 0, 0, 0, failure);
        }
        long loadId = execution.getExecutionContext().getLong(CatalogLoadJobConfiguration.LOAD_ID);
        return jdbc.queryForObject(CatalogSql.sql("loadCounts"), (rs, n) -> new Result(Outcome.LOADED, checksum, source.describe(),
                rs.getInt("rows_inserted"), rs.getInt("rows_updated"), rs.getInt("rows_unchanged"), null), loadId);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
