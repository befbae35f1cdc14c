package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A region no longer in regions.csv (merged or abolished) is closed, not deleted: its facts keep
 * pointing at its last version.
 */
class RegionRetireTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final CatalogSource source;

    RegionRetireTasklet(JdbcTemplate jdbc, CatalogSource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Set<String> inFile = new HashSet<>();
        CsvRowReader.readAll(source, "regions.csv").forEach(row -> inFile.add(row.require("code")));
        LocalDate effective = chunkContext.getStepContext().getStepExecution().getJobParameters()
                .getLocalDate(CatalogLoadJobConfiguration.EFFECTIVE_DATE);
        int retired = 0;
        for (var row : jdbc.queryForList(sql("regionCurrentAll"))) {
            if (!inFile.contains((String) row.get("region_code"))) {
                LocalDate validFrom = RegionWriter.toLocalDate(row.get("valid_from"));
                jdbc.update(sql("regionClose"), effective.isAfter(validFrom) ? effective.minusDays(1) : validFrom, row.get("region_key"));
                retired++;
            }
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt(Change.UPDATED.counterKey(), retired);
        return RepeatStatus.FINISHED;
    }
}
