package cn.zhenxing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code zhenxing.*}; see application.yml for defaults and README for meaning. */
@ConfigurationProperties("zhenxing")
public record ZhenxingProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue Catalog catalog) {

    public record EmbeddedDb(@DefaultValue("0") int port, @DefaultValue("zhenxing") String database) {}

    /** {@code dir} empty means the catalog bundled in the jar. */
    public record Catalog(@DefaultValue("") String dir) {}
}
