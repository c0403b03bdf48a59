package org.parkscope.access;

import java.util.Locale;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Refusal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts and API tokens in the database. Passwords are stored as adaptive hashes, tokens as SHA-256 digests. */
@Service
public class AccountStore implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public AccountStore(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** An account row for the admin page. */
    public record AccountRow(long id, String username, String displayName, String role, @Nullable String scopeName,
            boolean enabled) {}

    public record TokenRow(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt, boolean revoked) {}

    private static final String SELECT = "select id, username, display_name, password_hash, role, operator_id,"
            + " enterprise_id, enabled, must_change_password, security_stamp from app_user ";

    /** Ends the account's sessions: bumped on every change of state that a signed-in session must not outlive. */
    private static final String NEW_STAMP = "security_stamp = security_stamp + 1";

    @Override
    public Account loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + "where username = ?").param(username).query((rs, n) -> account(rs)).optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query((rs, n) -> account(rs)).optional();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("operator_id"),
                (Long) rs.getObject("enterprise_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getLong("security_stamp"));
    }

    public boolean anyAccount() {
        return jdbc.sql("select exists(select 1 from app_user)").query(Boolean.class).single();
    }

    public long create(String username, String displayName, String password, Role role, @Nullable Long operatorId,
            @Nullable Long enterpriseId, boolean mustChangePassword) {
        PasswordPolicy.check(password);
        try {
            return jdbc.sql("""
                    insert into app_user(username, display_name, password_hash, role, operator_id, enterprise_id,
                                         must_change_password)
                    values (?, ?, ?, ?, ?, ?, ?) returning id
                    """).params(username, displayName, encoder.encode(password), role.name(), operatorId, enterpriseId,
                    mustChangePassword).query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            throw Refusal.of("account.refused.nameTaken");
        }
    }

    /** The park operators an account can be made for: id and name, in id order. */
    public List<Map.Entry<Long, String>> operators() {
        return jdbc.sql("select id, name from park_operator order by id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }


    /** Sets a new password; every session of the account that does not store the account again ends. */
    public void setPassword(long userId, String password, boolean mustChange) {
        PasswordPolicy.check(password);
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, " + NEW_STAMP + " where id = ?")
                .params(encoder.encode(password), mustChange, userId).update();
    }

    public boolean passwordMatches(long userId, String password) {
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(userId).query(String.class).single();
        return encoder.matches(password, hash);
    }

    /** Enables or disables an account; disabling ends its sessions at their next request, and its tokens stop. */
    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update app_user set enabled = ?, " + NEW_STAMP + " where id = ?").params(enabled, userId).update();
    }

    public List<AccountRow> list() {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.role,
                       coalesce(o.name, e.name) as scope_name, u.enabled
                from app_user u
                left join park_operator o on o.id = u.operator_id
                left join enterprise e on e.id = u.enterprise_id
                order by u.id
                """).query(RecordRows.of(AccountRow.class)).list();
    }

    /** Issues a new API token and returns it; only its digest is kept. */
    public String issueToken(long userId, String name) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "psk_" + HexFormat.of().formatHex(bytes);
        jdbc.sql("insert into api_token(user_id, name, token_hash) values (?, ?, ?)").params(userId, name, digest(token))
                .update();
        return token;
    }

    public Optional<Account> findByToken(String token) {
        Optional<Long> userId = jdbc.sql("update api_token set last_used_at = now() where token_hash = ? and not revoked"
                + " returning user_id").param(digest(token)).query(Long.class).optional();
        return userId.flatMap(this::findById).filter(Account::isEnabled);
    }

    public List<TokenRow> tokens(long userId) {
        return jdbc.sql("select id, name, created_at, last_used_at, revoked from api_token where user_id = ? order by id")
                .param(userId).query(RecordRows.of(TokenRow.class)).list();
    }

    public boolean revokeToken(long userId, long tokenId) {
        return jdbc.sql("update api_token set revoked = true where id = ? and user_id = ? and not revoked")
                .params(tokenId, userId).update() > 0;
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random password that passes the policy, for one-time passwords. */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.append(RANDOM.nextInt(10)).append('a').toString();
    }
}
