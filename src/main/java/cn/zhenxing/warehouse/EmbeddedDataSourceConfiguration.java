package cn.zhenxing.warehouse;

import cn.zhenxing.ZhenxingProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * When no {@code spring.datasource.url} is configured, Zhenxing runs on its embedded MariaDB.
 * With a URL (SPRING_DATASOURCE_URL), Spring Boot's own DataSource auto-configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDataSourceConfiguration.NoDataSourceUrl.class)
public class EmbeddedDataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(ZhenxingProperties properties) {
        return EmbeddedMariaDb.start(properties.dataDir(), properties.embeddedDb().port());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, EmbeddedMariaDb db, ZhenxingProperties zhenxing) {
        properties.setUrl(db.jdbcUrl(zhenxing.embeddedDb().database()));
        properties.setUsername("root");
        properties.setPassword("");
        log.info("Using embedded MariaDB at {}", properties.getUrl());
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
