package org.parkscope.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where zonky unpacks the PostgreSQL binaries: {@code <working dir>/PG-<md5 of the bundle>}. zonky reads the whole
 * bundle through this resolver and digests it the same way, so the digest seen here names its folder; we need it to run
 * {@code postgres --single} on the data folder before the server starts.
 */
final class PgBinaries implements PgBinaryResolver {

    static final PgBinaries INSTANCE = new PgBinaries();

    private volatile MessageDigest lastDigest;
    private volatile String bundleDigest;

    private PgBinaries() {}

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            lastDigest = md5;
            return new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware), md5) {
                @Override
                public void close() throws IOException {
                    super.close();
                    if (lastDigest == md5) { // zonky closes twice; digest once
                        lastDigest = null;
                        bundleDigest = HexFormat.of().formatHex(md5.digest());
                    }
                }
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    /** The working folder zonky unpacks into (its default). */
    static Path workingDirectory() {
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return Path.of(System.getProperty("ot.epg.working-dir", fallback.toString()));
    }

    /** A binary of the unpacked bundle; valid once zonky has prepared the binaries (inside the data-folder customizer). */
    Path bin(String name) {
        String digest = bundleDigest;
        if (digest == null) {
            throw new IllegalStateException("the PostgreSQL binaries have not been prepared yet");
        }
        return workingDirectory().resolve("PG-" + digest).resolve("bin").resolve(name);
    }
}
