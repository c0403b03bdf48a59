package org.parkscope.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} the platform starts its own PostgreSQL (embedded) with its files in
 * {@code dataDir}; with a {@code url} (env {@code PARKSCOPE_DB_URL}) it uses that server instead.
 *
 * @param url      JDBC URL of an external PostgreSQL, or empty for the embedded server
 * @param user     user for the external server
 * @param password password for the external server
 * @param dataDir  data folder of the embedded server; kept between runs
 * @param port     port of the embedded server; 0 picks a free one
 * @param clean    wipe the embedded data folder on start (tests only)
 */
@ConfigurationProperties("parkscope.db")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue(".parkscope/pgdata") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean clean) {

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
