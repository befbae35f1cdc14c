package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.sql.PreparedStatement;
import java.sql.Statement;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Records the load in ops_catalog_load and notes whether this is the warehouse's first catalog. */
class CatalogStartTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    CatalogStartTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        JobParameters params = jobExecution.getJobParameters();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql("loadStart"), Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, params.getString(CatalogLoadJobConfiguration.CHECKSUM));
            ps.setString(2, params.getString(CatalogLoadJobConfiguration.SOURCE_DESCRIPTION));
            ps.setObject(3, params.getLocalDate(CatalogLoadJobConfiguration.EFFECTIVE_DATE));
            ps.setLong(4, jobExecution.getId());
            return ps;
        }, key);
        ExecutionContext ctx = jobExecution.getExecutionContext();
        ctx.putLong(CatalogLoadJobConfiguration.LOAD_ID, key.getKey().longValue());
        ctx.put(CatalogLoadJobConfiguration.INITIAL_LOAD, jdbc.queryForObject(sql("regionRowCount"), Long.class) == 0);
        return RepeatStatus.FINISHED;
    }
}
