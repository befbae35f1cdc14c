package cn.zhenxing.catalog;

import java.time.LocalDate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the catalog writers: counts inserted/updated/unchanged rows in the step's execution
 * context (persisted with each chunk, so a restarted step keeps its counts) and gives access to
 * the job's effective date and catalog load id.
 */
abstract class CatalogWriter implements ItemWriter<CsvRow>, StepExecutionListener {

    protected final JdbcTemplate jdbc;
    protected final CatalogSource source;
    private StepExecution stepExecution;

    CatalogWriter(JdbcTemplate jdbc, CatalogSource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        return stepExecution.getExitStatus();
    }

    @Override
    public void write(Chunk<? extends CsvRow> chunk) {
        for (CsvRow row : chunk) {
            count(writeRow(row));
        }
    }

    protected abstract Change writeRow(CsvRow row);

    protected void count(Change change) {
        ExecutionContext ctx = stepExecution.getExecutionContext();
        ctx.putInt(change.counterKey(), ctx.getInt(change.counterKey(), 0) + 1);
    }

    protected LocalDate effectiveDate() {
        return stepExecution.getJobParameters().getLocalDate(CatalogLoadJobConfiguration.EFFECTIVE_DATE);
    }

    protected long catalogLoadId() {
        return stepExecution.getJobExecution().getExecutionContext().getLong(CatalogLoadJobConfiguration.LOAD_ID);
    }

    protected boolean initialLoad() {
        return stepExecution.getJobExecution().getExecutionContext().containsKey(CatalogLoadJobConfiguration.INITIAL_LOAD)
                && (Boolean) stepExecution.getJobExecution().getExecutionContext().get(CatalogLoadJobConfiguration.INITIAL_LOAD);
    }

    /** Makes a bridge's set of members equal to {@code wanted}, touching only the differences. */
    static Change syncMembers(java.util.Collection<String> existing, java.util.Collection<String> wanted,
                              java.util.function.Consumer<String> insert, java.util.function.Consumer<String> delete) {
        Change change = Change.UNCHANGED;
        for (String member : wanted) {
            if (!existing.contains(member)) {
                insert.accept(member);
                change = Change.UPDATED;
            }
        }
        for (String member : java.util.List.copyOf(existing)) {
            if (!wanted.contains(member)) {
                delete.accept(member);
                change = Change.UPDATED;
            }
        }
        return change;
    }

    /** Combines the changes of several tables written for one row: any insert or update counts. */
    static Change combine(Change a, Change b) {
        if (a == Change.INSERTED || b == Change.INSERTED) {
            return Change.INSERTED;
        }
        return a == Change.UPDATED || b == Change.UPDATED ? Change.UPDATED : Change.UNCHANGED;
    }
}
