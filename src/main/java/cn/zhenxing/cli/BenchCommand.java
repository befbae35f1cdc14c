package cn.zhenxing.cli;

import cn.zhenxing.bulk.MonitoringBenchmark;
import cn.zhenxing.bulk.MonitoringLoader;
import cn.zhenxing.ingest.IngestService;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench ingest}: throughput and memory of ingesting monitoring forms (see BENCHMARKS.md). */
@Component
@Scope("prototype")
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (see BENCHMARKS.md).")
class BenchCommand {

    /** Readings of an .xlsx sheet of at most 1,048,576 rows (8 readings a row, 3 rows above the data). */
    private static final int MAX_ROWS = 8 * 1_048_500;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<MonitoringLoader> loader;
    private final ObjectProvider<IngestService> ingest;
    private final ObjectProvider<JdbcTemplate> jdbc;

    BenchCommand(ObjectProvider<MonitoringLoader> loader, ObjectProvider<IngestService> ingest, ObjectProvider<JdbcTemplate> jdbc) {
        this.loader = loader;
        this.ingest = ingest;
        this.jdbc = jdbc;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Generate an air-quality daily form (环境空气质量日报) of N readings, ingest it with the real ingest to published",
                    "facts and, in the same run, LOAD DATA LOCAL INFILE the same readings from a TSV file into the same fact table;",
                    "print both rates and the peak heap. Last line: ingest_rows_per_s=N load_data_rows_per_s=M ratio=R peak_heap_mb=H",
                    "Adds temporary stations BN00001... and a submission of the province unit for 2025M01 to the configured database",
                    "(stations and readings removed afterwards unless --keep). Run it against a database of its own.",
                    "First an untimed warm-up file of one station-month (2025M02), as a running serve has ingested files before (--cold: none)."})
    int ingest(@Option(names = "--rows", defaultValue = "1000000", description = "Readings (fact rows; 8 per workbook row; default: ${DEFAULT-VALUE}).")
               int rows,
               @Option(names = "--keep", description = "Keep the generated files and both loads' rows.")
               boolean keep,
               @Option(names = "--dir", description = "Directory for the generated files (default: a new temporary directory).")
               Path dir,
               @Option(names = "--cold", description = "No untimed warm-up file first: the timed file also pays the JVM's class loading and JIT.")
               boolean cold) throws Exception {
        if (rows < 1 || rows > MAX_ROWS) {
            spec.commandLine().getErr().println("--rows must be between 1 and " + MAX_ROWS + " (an .xlsx sheet has 1,048,576 rows of 8 readings).");
            return ExitCodes.REJECTED;
        }
        try {
            IngestService service = ingest.getObject();
            new MonitoringBenchmark(loader.getObject(), jdbc.getObject()).run(rows, keep, dir, !cold, file -> {
                IngestService.Outcome o = service.ingest(List.of(file), "bench", "bench", null, x -> { }).get(0);
                if (o.status() != IngestService.Status.ACCEPTED) {
                    throw new MonitoringBenchmark.VerificationException("the generated form was " + o.status() + ": "
                            + o.problems().stream().limit(5).toList() + (o.failure() == null ? "" : " " + o.failure()));
                }
                return o.submissionId();
            }, spec.commandLine().getOut());
            return ExitCodes.OK;
        } catch (MonitoringBenchmark.VerificationException e) {
            spec.commandLine().getErr().println("Benchmark failed verification: " + e.getMessage());
            return ExitCodes.SYSTEM_FAILURE;
        }
    }
}
