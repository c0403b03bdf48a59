package org.parkscope.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, either on an external PostgreSQL ({@code PARKSCOPE_DB_URL}) or on the embedded server that this
 * configuration starts and stops with the application.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties props) {
        return new EmbeddedDatabaseHolder(props.external()
                ? null
                : EmbeddedDatabase.start(props.dataDir(), props.port(), props.clean()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties props, EmbeddedDatabaseHolder embedded) {
        HikariConfig config = new HikariConfig();
        if (props.external()) {
            config.setJdbcUrl(props.url());
            config.setUsername(props.user());
            config.setPassword(props.password());
        } else {
            config.setJdbcUrl(embedded.database().jdbcUrl());
            config.setUsername(embedded.database().user());
            config.setPassword(embedded.database().password());
        }
        config.setPoolName("parkscope");
        config.setMaximumPoolSize(10);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server (or nothing) so that the pool closes before the server stops. */
    public record EmbeddedDatabaseHolder(@Nullable EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
