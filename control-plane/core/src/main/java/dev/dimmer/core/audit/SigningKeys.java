package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.api.ledger.MerkleTree;
import dev.dimmer.core.secret.EnvReferences;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the signing key comes from: {@code dimmer.audit.signing-key} (PKCS#8 PEM or base64, or {@code ${env:NAME}}),
 * else a key file generated on first start with mode 600, else (no home, as in some tests) a key for this run only.
 */
final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static SigningKey load(String configured, String keyFile, String origin, UnaryOperator<String> environment) {
        KeyPair pair;
        if (configured != null && !configured.isBlank()) {
            String text = EnvReferences.substitute(configured.trim(), environment, name -> new IllegalStateException(
                    "dimmer.audit.signing-key names ${env:" + name + "}, but " + name + " is not set"));
            pair = LedgerKeys.pairOf(LedgerKeys.readPrivate(text));
        } else if (keyFile != null && !keyFile.isBlank()) {
            pair = fromFile(Path.of(keyFile));
        } else {
            LOG.warn("no dimmer.audit.signing-key and no key file: checkpoints are signed with a key for this run only");
            pair = LedgerKeys.generate();
        }
        String name = origin == null || origin.isBlank()
                ? "dimmer." + MerkleTree.hex(LedgerKeys.keyHash("dimmer", pair.getPublic())) + "/audit"
                : origin;
        return new SigningKey(pair, name);
    }

    private static KeyPair fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return LedgerKeys.pairOf(LedgerKeys.readPrivate(Files.readString(file, StandardCharsets.US_ASCII)));
            }
            KeyPair pair = LedgerKeys.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, LedgerKeys.pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            LOG.info("generated the audit signing key {}; keep a copy outside the database's backups", file);
            return pair;
        } catch (IOException e) {
            throw new IllegalStateException("could not read or create the audit signing key " + file + ": " + e.getMessage(), e);
        }
    }
}
