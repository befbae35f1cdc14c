package cn.zhenxing.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pieces of a backup that need no server: the datasource URL, and the dump's definer clauses. */
class BackupServiceTest {

    @Test
    void hostPortAndDatabaseComeFromTheJdbcUrl() {
        assertThat(MariaDbDump.parse("jdbc:mysql://db.example:3307/zhenxing?createDatabaseIfNotExist=true", "zx", "p\"w"))
                .isEqualTo(new MariaDbDump.Target("db.example", 3307, "zhenxing", "zx", "p\"w"));
        assertThat(MariaDbDump.parse("jdbc:mariadb://10.0.0.5/warehouse", null, null))
                .isEqualTo(new MariaDbDump.Target("10.0.0.5", 3306, "warehouse", "", ""));
        assertThatThrownBy(() -> MariaDbDump.parse("jdbc:mysql://a:1,b:2/zhenxing", "u", "p")).hasMessageContaining("one host");
        assertThatThrownBy(() -> MariaDbDump.parse("jdbc:postgresql://db/zhenxing", "u", "p")).hasMessageContaining("jdbc:mysql://host:port/database");
    }

    @Test
    void definersAreDroppedFromViewsOnlyNotFromData() {
        assertThat(MariaDbDump.withoutDefiner("/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */"))
                .isEqualTo("/*!50013 SQL SECURITY DEFINER */");
        assertThat(MariaDbDump.withoutDefiner("/*!50001 CREATE ALGORITHM=UNDEFINED DEFINER=`` SQL SECURITY DEFINER VIEW `v` AS select 1 */;"))
                .isEqualTo("/*!50001 CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1 */;");
        String data = "INSERT INTO `t` VALUES (1,' DEFINER=`root`@`localhost`');";
        assertThat(MariaDbDump.withoutDefiner(data)).isEqualTo(data);
    }
}
