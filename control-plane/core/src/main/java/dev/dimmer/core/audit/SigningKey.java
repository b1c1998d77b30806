package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.LedgerKeys;
import java.security.KeyPair;
import java.security.PublicKey;

/** The key that signs checkpoints and the origin (and key name) they carry; nodes sharing a database share both. */
public record SigningKey(KeyPair pair, String origin) {
    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public String publicPem() {
        return LedgerKeys.pem(pair.getPublic());
    }

    public String verifierKey() {
        return LedgerKeys.verifierKey(origin, pair.getPublic());
    }
}
