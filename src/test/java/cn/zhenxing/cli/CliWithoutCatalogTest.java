package cn.zhenxing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import cn.zhenxing.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine.IFactory;

/** A fresh warehouse, migrated but without a catalog: commands that need it say so instead of failing on a missing row. */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_cli_empty")
class CliWithoutCatalogTest {

    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;

    @TempDir
    Path dir;

    @Test
    void commandsThatNeedTheCatalogAskForCatalogLoad() throws Exception {
        Path file = Files.writeString(dir.resolve("140400_2025Q3.xlsx"), "not yet read");
        for (List<String> command : List.of(List.of("template", "--unit", "140400", "--period", "2025Q3"),
                List.of("samples", "generate", "--period", "2025Q3", "--out", dir.toString()),
                List.of("ingest", file.toString()), List.of("ingest", "--dry-run", file.toString()),
                List.of("progress", "--period", "2025Q4", "--area", "太行革命老区"), List.of("submissions"),
                List.of("report", "--all", "--period", "2025Q4"), List.of("marts", "refresh"), List.of("catalog", "show", "areas"),
                List.of("users", "add", "--role", "statistician", "--unit", "140400", "--username", "stat-1", "--name", "统计员"))) {
            Run r = CliTest.execute(root, factory, command.toArray(String[]::new));
            assertThat(r.exitCode()).as(command.toString()).isEqualTo(2);
            assertThat(r.err().strip()).as(command.toString()).isEqualTo("尚未导入规划目录，请先执行 catalog load。");
        }
        // Help and commands that do not read the catalog still work.
        assertThat(CliTest.execute(root, factory, "template", "--help").exitCode()).isZero();
        Run admin = CliTest.execute(root, factory, "users", "add", "--role", "admin", "--username", "admin-1", "--name", "管理员",
                "--password", "long-enough-1");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
    }
}
