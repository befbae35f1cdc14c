package cn.zhenxing;

import cn.zhenxing.catalog.CatalogLoader;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.samples.SampleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-up every warehouse test shares, through the real features (catalog load job, sample
 * generator, ingest job): the catalog as of 2025, and a quarter's forms ingested as units send them.
 * Part of every {@link WarehouseTest} context.
 */
@TestComponent
public class WarehouseFixture {

    private final CatalogLoader catalog;
    private final SampleGenerator samples;
    private final IngestService ingest;
    private final JdbcTemplate jdbc;

    public WarehouseFixture(CatalogLoader catalog, SampleGenerator samples, IngestService ingest, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.samples = samples;
        this.ingest = ingest;
        this.jdbc = jdbc;
    }

    /** The bundled catalog, loaded (again: an unchanged catalog changes nothing). */
    public CatalogLoader.Result catalogLoaded() throws Exception {
        return catalog.load(null, LocalDate.of(2025, 1, 1), false);
    }

    /** Every unit's sample form for the quarter but those of {@code except}, written into {@code forms}. */
    public List<Path> forms(String period, Path forms, List<String> except) throws Exception {
        List<String> units = new ArrayList<>(jdbc.queryForList("SELECT unit_code FROM dim_reporting_unit ORDER BY unit_code", String.class));
        units.removeAll(except);
        return samples.generate(period, Files.createDirectories(forms), units);
    }

    /** The catalog loaded and the quarter's forms of every unit but {@code except} ingested, as received at {@code receivedAt}. */
    public List<IngestService.Outcome> quarterIngested(String period, Path forms, LocalDateTime receivedAt, List<String> except) throws Exception {
        catalogLoaded();
        return ingest.ingest(forms(period, forms, except), "cli", "test", null, receivedAt, o -> { });
    }
}
