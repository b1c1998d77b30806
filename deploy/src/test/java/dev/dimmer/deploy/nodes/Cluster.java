package dev.dimmer.deploy.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Server JVMs on one PostgreSQL database, as a cluster is run: one {@code dimmer.yml} (the database, a lead's and a
 * consumer's token), one audit signing key, and a node id per node ({@code DIMMER_NODE_ID}, node-1, node-2, ...),
 * under which each node claims processor segments and (as its Quartz instance) triggers, so the database says which
 * node holds what.
 */
public final class Cluster implements AutoCloseable {
    /** Lead, viewer, operator and auditor: every command and read the tests send. */
    public static final String LEAD = "cluster-lead-token-0123456789";
    /** Evaluates routing switches only. */
    public static final String CONSUMER = "cluster-consumer-token-0123456789";
    /** The environment variable that holds the database password in the cluster's {@code dimmer.yml}. */
    public static final String PASSWORD_VARIABLE = "CLUSTER_DB_PASSWORD";
    /** The views' processor (status, audit, evidence), the one a rebuild replaces. */
    public static final String VIEWS_PROCESSOR = dev.dimmer.projections.Views.GROUP;
    /** The views a rebuild makes again; each must come out as it was. */
    public static final List<String> VIEWS = List.of("SELECT * FROM status_migration ORDER BY id",
            "SELECT * FROM status_wave ORDER BY migration_id, name", "SELECT * FROM audit_entry ORDER BY position");
    public static final String EVENTS_WITHOUT_AUDIT_ROW = """
            SELECT e.global_index FROM domain_event_entry e
              LEFT JOIN audit_entry a ON a.position = e.global_index AND a.event_id = e.event_identifier
             WHERE a.position IS NULL""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase database;
    private final List<ServerNode> nodes = new ArrayList<>();

    private Cluster(TestDatabase database) {
        this.database = database;
    }

    /**
     * Starts {@code size} nodes at once and waits until every one is ready.
     *
     * @param name       names the nodes' logs: {@code target/NAME-node-N-START.log}
     * @param env        more environment for every node (secrets its plans name)
     * @param jvmOptions system properties for every node
     */
    public static Cluster start(String name, TestDatabase database, int size, Map<String, String> env,
                                List<String> jvmOptions) {
        Cluster cluster = new Cluster(database);
        try {
            Path config = Files.createTempDirectory("dimmer-cluster").resolve("dimmer.yml");
            Files.writeString(config, """
                    database:
                      url: %s
                      user: %s
                      password: ${env:%s}
                    tokens:
                      - {actor: U01LEAD, name: Ada Lead, roles: [lead, viewer, operator, auditor], token_sha256: %s}
                      - {actor: orders-app, name: Orders app, roles: [consumer], token_sha256: %s}
                    """.formatted(database.url(), database.user(), PASSWORD_VARIABLE, sha256(LEAD),
                    sha256(CONSUMER)));
            Map<String, String> shared = new HashMap<>(env);
            shared.put(PASSWORD_VARIABLE, database.password() == null ? "" : database.password());
            shared.put("DIMMER_AUDIT_SIGNING_KEY", signingKey());
            for (int i = 1; i <= size; i++) {
                Map<String, String> own = new HashMap<>(shared);
                own.put("DIMMER_NODE_ID", "node-" + i);
                cluster.nodes.add(new ServerNode(name + "-node-" + i, config, own, jvmOptions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cluster.nodes.forEach(ServerNode::launch);
            cluster.nodes.forEach(node -> node.awaitReady(Duration.ofSeconds(180)));
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public List<ServerNode> nodes() {
        return List.copyOf(nodes);
    }

    /** Node {@code n}, counting from 1 as the node ids do. */
    public ServerNode node(int n) {
        return nodes.get(n - 1);
    }

    public ServerNode byId(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no node has the id " + nodeId));
    }

    /** The nodes that are running, but {@code except}. */
    public List<ServerNode> others(ServerNode except) {
        return nodes.stream().filter(n -> n != except && n.alive()).toList();
    }

    public TestDatabase database() {
        return database;
    }

    /** The node whose claim on the processor's (first) segment is in the token table, if one is. */
    public Optional<String> claimOwner(String processor) {
        return first("SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL "
                + "ORDER BY segment", processor);
    }

    /**
     * The node (the Quartz instance) that has fired or acquired the migration's trigger {@code trigger}: a row in
     * {@code qrtz_fired_triggers} while it holds it, and none once it is done.
     */
    public Optional<Held> triggerHolder(String migration, String trigger) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT instance_name, state, sched_time FROM qrtz_fired_triggers
                 WHERE trigger_group = ? AND trigger_name = ?""")) {
            s.setString(1, migration);
            s.setString(2, trigger);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Held(row.getString(1), row.getString(2), row.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trigger held by a node: the holder's instance (its node id), ACQUIRED or EXECUTING, and its fire time. */
    public record Held(String instance, String state, long scheduledMillis) {
    }

    /** The first column of the first row of a query with string parameters, if any row. */
    public Optional<String> first(String sql, String... parameters) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payloads of the migration's events of one type (its simple name), in log order, read from the log. */
    public List<JsonNode> events(String migration, String type) {
        List<JsonNode> found = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?
                 ORDER BY global_index""")) {
            s.setString(1, migration);
            s.setString(2, "%." + type);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(JSON.readTree(rows.getBytes(1)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events (refusals aside) each command stored, by correlation id, for migrations LIKE a pattern. */
    public Map<String, Long> storedByCorrelation(String migrations) {
        Map<String, Long> stored = new HashMap<>();
        for (List<String> row : rows("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlation_id', count(*) FROM domain_event_entry
                 WHERE aggregate_identifier LIKE '%s' AND payload_type NOT LIKE '%%.CommandRefusedEvent'
                 GROUP BY 1""".formatted(migrations.replace("'", "''")))) {
            stored.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return stored;
    }

    /** Every row of a query, each column as a string. */
    public List<List<String>> rows(String sql) {
        try (Connection c = database.connect(); java.sql.Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the status and audit views have taken in the head of the log. */
    public void awaitViewsAtTheHead() {
        await(Duration.ofSeconds(60), "the views to reach the head of the log", () -> rows("""
                SELECT (SELECT coalesce(max(global_index), -1) FROM domain_event_entry)
                     = (SELECT coalesce(max(position), -1) FROM audit_entry)""").get(0).get(0).equals("t"));
    }

    /**
     * Rebuilds the views on the node holding their processor's claim (another node's claim refuses a rebuild
     * with 409), asking again where the claim moved meanwhile.
     */
    public void rebuildViews() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Answer answer = null;
        while (System.nanoTime() < deadline) {
            Optional<String> owner = claimOwner(VIEWS_PROCESSOR);
            if (owner.isPresent()) {
                answer = Api.postJson(byId(owner.get()), LEAD, "/api/projections/rebuild", Map.of(), Map.of());
                if (answer.status() == 200) {
                    return;
                }
                if (answer.status() != 409) {
                    break;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the views were not rebuilt: " + (answer == null ? "no node holds their claim"
                : answer.status() + " " + answer.text()));
    }

    /** Polls until the condition holds; fails naming what it waited for. */
    public static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        nodes.forEach(ServerNode::kill);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signingKey() {
        try {
            return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                    .getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
