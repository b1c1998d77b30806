package dev.dimmer.core.share;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Signs and reads the tokens of share links: {@code migration.link.expiry.signature}, the signature an HMAC-SHA256
 * under a key every node of the control plane shares (made once, kept in the database). A token says which
 * migration it opens and until when; whether its link was revoked since is the migration's to say.
 */
@Singleton
public final class ShareTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern TOKEN = Pattern.compile("([a-z][a-z0-9-]{0,62})\\.([A-Za-z0-9_-]{8,64})\\.(\\d{1,12})"
            + "\\.([A-Za-z0-9_-]{43})");
    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    public ShareTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh link id: 128 random bits. */
    public String newLinkId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    public String sign(String migration, String linkId, Instant expiresAt) {
        String body = migration + "." + linkId + "." + expiresAt.getEpochSecond();
        return body + "." + B64.encodeToString(mac(body));
    }

    /** What a token claims, if its signature is this control plane's; expiry and revocation are not judged here. */
    public Optional<Claim> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        var m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + "." + m.group(2) + "." + m.group(3);
        byte[] given = Base64.getUrlDecoder().decode(m.group(4));
        if (!MessageDigest.isEqual(mac(body), given)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(m.group(1), m.group(2), Instant.ofEpochSecond(Long.parseLong(m.group(3)))));
    }

    /** A token's claim: this link of this migration, until then. */
    public record Claim(String migrationId, String linkId, Instant expiresAt) {
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // the first node to ask makes the key; every other node reads that one
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO share_link_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                s.setBytes(1, fresh);
                s.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT secret FROM share_link_key WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                known = r.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the share links' signing key: " + e.getMessage(), e);
        }
        key = known;
        return known;
    }
}
