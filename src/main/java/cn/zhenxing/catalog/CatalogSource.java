package cn.zhenxing.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the catalog CSV files come from: a directory given by the operator, or the copy of
 * {@code etl/reference} bundled in the jar. The checksum over all files identifies a catalog version.
 */
public class CatalogSource {

    static final String BUNDLED_PREFIX = "catalog/";
    static final List<String> FILES = List.of(
            "plans.csv", "regions.csv", "areas.csv", "scopes.csv", "indicators.csv",
            "tasks.csv", "projects.csv", "project_mentions.csv", "reporting_units.csv",
            "ref_region_population.csv", "ref_exchange_rate.csv", "monitoring_points.csv");

    private final Path dir;

    CatalogSource(Path dir) {
        this.dir = dir;
    }

    /** A directory, or the bundled catalog when {@code dir} is null or blank. */
    public static CatalogSource of(String dir) {
        return new CatalogSource(dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize());
    }

    public String describe() {
        return dir == null ? "bundled catalog (etl/reference at build time)" : dir.toString();
    }

    /** The value stored in job parameters; {@link #of(String)} turns it back into this source. */
    public String location() {
        return dir == null ? "" : dir.toString();
    }

    public InputStream open(String file) {
        try {
            if (dir != null) {
                Path path = dir.resolve(file);
                if (!Files.isRegularFile(path)) {
                    throw new CatalogException("Catalog file missing: " + path);
                }
                return Files.newInputStream(path);
            }
            InputStream in = CatalogSource.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + file);
            if (in == null) {
                throw new CatalogException("Catalog file missing from the jar: " + file);
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                digest.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = open(file)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
