package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Planning-area membership comes from the flag columns of regions.csv named by each area's
 * member_flag (a county may belong to several areas). Memberships are versioned like regions.
 */
class AreaMembershipTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final CatalogSource source;

    AreaMembershipTasklet(JdbcTemplate jdbc, CatalogSource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        LocalDate effective = step.getJobParameters().getLocalDate(CatalogLoadJobConfiguration.EFFECTIVE_DATE);
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        LocalDate validFrom = Boolean.TRUE.equals(job.get(CatalogLoadJobConfiguration.INITIAL_LOAD)) ? RegionWriter.BEGINNING : effective;
        long loadId = job.getLong(CatalogLoadJobConfiguration.LOAD_ID);
        List<CsvRow> regions = CsvRowReader.readAll(source, "regions.csv");
        int changedAreas = 0;
        int unchangedAreas = 0;
        for (Map<String, Object> area : jdbc.queryForList(sql("areaAll"))) {
            Number areaKey = (Number) area.get("area_key");
            String flag = (String) area.get("member_flag");
            Set<String> wanted = new LinkedHashSet<>();
            for (CsvRow region : regions) {
                if (region.flag(flag)) { // also fails clearly when the column does not exist
                    wanted.add(region.require("code"));
                }
            }
            Set<String> existing = new HashSet<>(jdbc.queryForList(sql("membershipCurrent"), String.class, areaKey));
            Change change = CatalogWriter.syncMembers(existing, wanted,
                    code -> jdbc.update(sql("membershipInsert"), areaKey, code, validFrom, loadId),
                    code -> jdbc.update(sql("membershipClose"), effective.minusDays(1), areaKey, code));
            if (change == Change.UNCHANGED) {
                unchangedAreas++;
            } else {
                changedAreas++;
            }
        }
        step.getExecutionContext().putInt(Change.UPDATED.counterKey(), changedAreas);
        step.getExecutionContext().putInt(Change.UNCHANGED.counterKey(), unchangedAreas);
        return RepeatStatus.FINISHED;
    }
}
