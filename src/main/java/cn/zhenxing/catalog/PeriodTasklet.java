package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills dim_period with years, half-years, quarters and months from 2015 (13th FYP baseline) to
 * 2035 (the plans' vision year). Existing periods are left alone.
 */
class PeriodTasklet implements Tasklet {

    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2035;

    private final JdbcTemplate jdbc;

    PeriodTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // A period's key: yyyy0 (year), yyyy1-4 (quarter, Quarter.key), yyyy5-6 (half), yyyy*100+10+mm (month).

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Object[]> rows = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            rows.add(new Object[] {y * 10, String.valueOf(y), "Y", y, null, null, null,
                    LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), y + "年"});
            for (int h = 1; h <= 2; h++) {
                rows.add(new Object[] {y * 10 + 4 + h, y + "H" + h, "H", y, h, null, null,
                        LocalDate.of(y, h * 6 - 5, 1), YearMonth.of(y, h * 6).atEndOfMonth(), y + (h == 1 ? "年上半年" : "年下半年")});
            }
            for (int q = 1; q <= 4; q++) {
                Quarter quarter = new Quarter(y, q);
                rows.add(new Object[] {quarter.key(), quarter.code(), "Q", y, (q + 1) / 2, q, null, quarter.start(), quarter.end(), quarter.labelZh()});
            }
            for (int m = 1; m <= 12; m++) {
                rows.add(new Object[] {y * 100 + 10 + m, String.format("%dM%02d", y, m), "M", y, (m + 5) / 6, (m + 2) / 3, m,
                        LocalDate.of(y, m, 1), YearMonth.of(y, m).atEndOfMonth(), y + "年" + m + "月"});
            }
        }
        // Counted before and after: batch update counts are not per-row when statements are rewritten.
        int before = jdbc.queryForObject(sql("periodCount"), Integer.class);
        jdbc.batchUpdate(sql("periodInsert"), rows);
        int inserted = jdbc.queryForObject(sql("periodCount"), Integer.class) - before;
        ExecutionContext ctx = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        ctx.putInt(Change.INSERTED.counterKey(), inserted);
        ctx.putInt(Change.UNCHANGED.counterKey(), rows.size() - inserted);
        return RepeatStatus.FINISHED;
    }
}
