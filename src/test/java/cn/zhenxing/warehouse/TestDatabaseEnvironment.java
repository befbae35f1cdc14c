package cn.zhenxing.warehouse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Picks the real MySQL-compatible server the tests run against, in this order: SPRING_DATASOURCE_URL
 * (as CI may provide), else MariaDB/MySQL on 127.0.0.1:3306 as root with an empty password, else the
 * embedded MariaDB (try it with -Dzhenxing.test.probe-port=1). Each test context names its own database ({@code zhenxing.test.database}) so
 * tests that rewrite the catalog do not disturb the others. Prints the choice once.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    private static volatile boolean announced;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(org.springframework.core.env.Profiles.of("test"))) {
            return;
        }
        // A suffix keeps two checkouts' test runs on one server apart (e.g. ZHENXING_TEST_DB_SUFFIX=_wt2).
        String database = env.getProperty("zhenxing.test.database", "zhenxing_test") + System.getenv().getOrDefault("ZHENXING_TEST_DB_SUFFIX", "");
        String url = env.getProperty("spring.datasource.url");
        Map<String, Object> props = new HashMap<>();
        if (url != null && !url.isBlank()) {
            props.put("spring.datasource.url", withDatabase(url, database));
        } else if (answers("127.0.0.1", Integer.getInteger("zhenxing.test.probe-port", 3306))) {
            props.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true");
            props.put("spring.datasource.username", env.getProperty("spring.datasource.username", "root"));
            props.put("spring.datasource.password", env.getProperty("spring.datasource.password", ""));
        }
        props.put("zhenxing.embedded-db.database", database);
        env.getPropertySources().addFirst(new MapPropertySource("zhenxingTestDatabase", props));
        if (!announced) {
            announced = true;
            Object chosen = props.get("spring.datasource.url");
            System.out.println("[zhenxing tests] database server: "
                    + (chosen != null ? chosen : "embedded MariaDB 10.11.5 (nothing answered on 127.0.0.1:3306)"));
        }
    }

    /** Replaces the database name in a jdbc:mysql/mariadb URL and makes sure it is created. */
    static String withDatabase(String url, String database) {
        int schemeEnd = url.indexOf("//");
        int pathStart = url.indexOf('/', schemeEnd + 2);
        int query = url.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        String params = query < 0 ? "" : url.substring(query + 1);
        if (!params.contains("createDatabaseIfNotExist")) {
            params = params.isEmpty() ? "createDatabaseIfNotExist=true" : params + "&createDatabaseIfNotExist=true";
        }
        return base + "/" + database + "?" + params;
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
