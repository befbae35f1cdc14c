package cn.zhenxing.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zhenxing.backup.*}: where backups go ({@code dir}, default {@code <data-dir>/backups}) and,
 * optionally, the folder holding {@code mariadb-dump}/{@code mariadb} ({@code client-dir}; default:
 * the embedded MariaDB's own binaries, else the PATH).
 */
@ConfigurationProperties("zhenxing.backup")
public record BackupProperties(Path dir, Path clientDir) {
}
