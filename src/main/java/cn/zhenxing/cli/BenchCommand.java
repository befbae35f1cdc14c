package cn.zhenxing.cli;

import cn.zhenxing.bulk.BulkBenchmark;
import cn.zhenxing.bulk.BulkSheetLoader;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench ingest}: throughput and memory of loading bulk monitoring sheets (see BENCHMARKS.md). */
@Component
@Scope("prototype")
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (see BENCHMARKS.md).")
class BenchCommand {

    /** Rows of an .xlsx sheet below its header row. */
    private static final int MAX_ROWS = 1_048_575;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<BulkSheetLoader> loader;

    BenchCommand(ObjectProvider<BulkSheetLoader> loader) {
        this.loader = loader;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Generate a bulk monitoring sheet of N rows, load it end to end (parse + validate + load) and, in the same run,",
                    "LOAD DATA LOCAL INFILE the same rows from a TSV file into the same table; print both rates and the peak heap.",
                    "Last line: ingest_rows_per_s=N load_data_rows_per_s=M ratio=R peak_heap_mb=H",
                    "Writes benchmark rows into stg_monitoring_reading of the configured database (removed afterwards unless --keep)."})
    int ingest(@Option(names = "--rows", defaultValue = "1000000", description = "Rows of the sheet (default: ${DEFAULT-VALUE}; at most 1048575).")
               int rows,
               @Option(names = "--keep", description = "Keep the generated files and both loads' rows.")
               boolean keep,
               @Option(names = "--dir", description = "Directory for the generated files (default: a new temporary directory).")
               Path dir) throws Exception {
        if (rows < 1 || rows > MAX_ROWS) {
            spec.commandLine().getErr().println("--rows must be between 1 and " + MAX_ROWS + " (an .xlsx sheet has 1,048,576 rows).");
            return ExitCodes.REJECTED;
        }
        try {
            new BulkBenchmark(loader.getObject()).run(rows, keep, dir, spec.commandLine().getOut());
            return ExitCodes.OK;
        } catch (BulkBenchmark.VerificationException e) {
            spec.commandLine().getErr().println("Benchmark failed verification: " + e.getMessage());
            return ExitCodes.SYSTEM_FAILURE;
        }
    }
}
