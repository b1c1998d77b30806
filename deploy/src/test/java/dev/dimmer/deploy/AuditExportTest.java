package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.cli.Commands;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An auditor's export and proofs: taken from the server with the CLI, then checked with nothing but the file and
 * the ledger's public key; a changed byte is caught and named. Reports tell the story a person reads.
 */
class AuditExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "crm-audit";
    private static final String SCRIPT = "<script>alert('x')</script> & more";
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static TestLedger ledger;
    private static Map<String, String> lead;
    private static Path dir;
    private static Path key;
    private static long firstSize;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        ledger = new TestLedger(database, server);
        dir = Files.createTempDirectory("dimmer-audit-export");
        lead = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", LEAD, "DIMMER_HOME", dir.toString());
        // a wave walked to canary, dimmed back for a cause, approved at go/no-go, and a refused cutover
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID)).status()).isEqualTo(201);
        act("advance", "snapshot restored");
        act("advance", "backfill verified");
        firstSize = ledger.seal();
        act("advance", "shadow clean");
        act("rollback", "p99 above SLO");
        act("advance", "index fixed");
        act("advance", "canary clean");
        server.passGoNoGo(ID, "customers");
        assertThat(server.post("/api/migrations/" + ID + "/waves/orders/cutover", LEAD,
                Map.of("reason", SCRIPT)).status()).isEqualTo(409);
        server.await("/api/migrations/" + ID + "/audit", LEAD, t -> t.path("entries").findValuesAsText("type")
                .contains("CommandRefusedEvent"));
        ledger.seal();
        Files.writeString(dir.resolve("key.pem"), ledger.publicKeyPem());
        key = dir.resolve("key.pem");
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canVerifyAnExportOfflineAsIntact() throws IOException {
        Path export = export("jsonl");
        Offline verified = offline("audit", "verify", "--file", export.toString(), "--public-key", key.toString(),
                "--json");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        JsonNode verdict = JSON.readTree(verified.out());
        assertThat(verdict.path("intact").asBoolean()).isTrue();
        assertThat(verdict.path("events").asLong()).isEqualTo(11);
        // the newest checkpoint, and at least the one signed after the first three events, proven consistent with it
        assertThat(verdict.path("checkpoints").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(verdict.path("problems")).isEmpty();
        CliProcess.Result online = CliProcess.run(lead, "audit", "verify", ID);
        assertThat(online.exitCode()).as(online.out() + online.err()).isZero();
        assertThat(online.out()).contains("intact");
        String window = "/api/migrations/" + ID + "/audit/export?format=jsonl";
        assertThat(server.get(window + "&from=2000-01-01T00:00:00Z", LEAD).body().path("events").asLong())
                .isEqualTo(11);
        assertThat(server.get(window + "&to=2000-01-01T00:00:00Z", LEAD).body().path("events").asLong()).isZero();
        assertThat(server.get(window + "&to=yesterday", LEAD).status()).isEqualTo(400);
        List<String> lines = Files.readAllLines(export);
        JsonNode newest = JSON.readTree(lines.get(1));
        JsonNode older = JSON.readTree(lines.get(2));
        assertThat(older.path("kind").asText()).isEqualTo("checkpoint");
        assertThat(older.path("consistency").path("to_size").asLong()).isEqualTo(newest.path("tree_size").asLong());
        int firstEvent = 1;
        while (!JSON.readTree(lines.get(firstEvent)).path("kind").asText().equals("event")) {
            firstEvent++;
        }
        JsonNode event = JSON.readTree(lines.get(firstEvent));
        // the first event is proven in a checkpoint signed soon after it, not only in the newest
        assertThat(event.path("inclusion").path("tree_size").asLong()).isLessThanOrEqualTo(firstSize)
                .isLessThan(newest.path("tree_size").asLong());
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("inclusion").path("tree_size").asLong())
                .isEqualTo(newest.path("tree_size").asLong());

        ObjectNode forged = (ObjectNode) older.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode path =
                (com.fasterxml.jackson.databind.node.ArrayNode) forged.path("consistency").path("path");
        byte[] first = Base64.getDecoder().decode(path.get(0).asText());
        first[0] ^= 0x01;
        path.set(0, Base64.getEncoder().encodeToString(first));
        List<String> changed = new ArrayList<>(lines);
        changed.set(2, JSON.writeValueAsString(forged));
        Path bad = dir.resolve("bad-consistency.jsonl");
        Files.write(bad, changed);
        Offline refused = offline("audit", "verify", "--file", bad.toString(), "--public-key", key.toString(),
                "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).path("problems").findValuesAsText("kind")).contains("consistency");
        for (String field : new String[]{"position", "leaf_index", "leaf_hash", "event_identifier",
                "aggregate_identifier", "sequence_number", "type", "payload_type", "payload_revision", "time_stamp",
                "payload_base64", "meta_data_base64", "payload", "metadata", "inclusion"}) {
            assertThat(event.has(field)).as(field).isTrue();
        }
    }

    @Test
    void cannotPassAnExportWithOneChangedPayloadByte() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(export("jsonl")));
        int at = lines.size() - 3;
        ObjectNode event = (ObjectNode) JSON.readTree(lines.get(at));
        byte[] payload = Base64.getDecoder().decode(event.path("payload_base64").asText());
        payload[payload.length / 2] ^= 0x01;
        event.put("payload_base64", Base64.getEncoder().encodeToString(payload));
        lines.set(at, JSON.writeValueAsString(event));
        Path tampered = dir.resolve("tampered.jsonl");
        Files.write(tampered, lines);

        Offline verified = offline("audit", "verify", "--file", tampered.toString(), "--public-key", key.toString(),
                "--json");
        assertThat(verified.exitCode()).isEqualTo(1);
        JsonNode problems = JSON.readTree(verified.out()).path("problems");
        assertThat(problems.findValuesAsText("kind")).contains("leaf-hash");
        assertThat(problems.get(0).path("position").asLong()).isEqualTo(event.path("position").asLong());
        assertThat(problems.get(0).path("detail").asText()).contains("line " + (at + 1));
        Offline text = offline("audit", "verify", "--file", tampered.toString(), "--public-key", key.toString());
        assertThat(text.out()).contains("TAMPERED").contains("position " + event.path("position").asLong());
        assertThat(offline("audit", "verify", "--file", dir.resolve("missing.jsonl").toString(), "--public-key",
                key.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void canProveAnEventAndCatchAChangedByteInTheProof() throws IOException {
        JsonNode entry = server.get("/api/migrations/" + ID + "/audit", LEAD).body().path("entries").get(3);
        Path proof = dir.resolve("proof.json");
        CliProcess.Result proved = CliProcess.run(lead, "audit", "prove", entry.path("event_id").asText(),
                "--output", proof.toString());
        assertThat(proved.exitCode()).as(proved.err()).isZero();
        Offline ok = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("intact");

        ObjectNode changed = (ObjectNode) JSON.readTree(proof.toFile());
        byte[] hash = Base64.getDecoder().decode(changed.path("leaf_hash").asText());
        hash[0] ^= 0x01;
        changed.put("leaf_hash", Base64.getEncoder().encodeToString(hash));
        Path bad = dir.resolve("bad-proof.json");
        JSON.writeValue(bad.toFile(), changed);
        Offline refused = offline("audit", "verify-proof", bad.toString(), "--public-key", key.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).path("problems").findValuesAsText("kind")).contains("inclusion");
    }

    @Test
    void canProveAnEventInTheCompactBinaryFormAndCatchAChangedByte() throws IOException {
        JsonNode entry = server.get("/api/migrations/" + ID + "/audit", LEAD).body().path("entries").get(2);
        Path proof = dir.resolve("proof.bin");
        CliProcess.Result proved = CliProcess.run(lead, "audit", "prove", entry.path("event_id").asText(),
                "--binary", "--output", proof.toString());
        assertThat(proved.exitCode()).as(proved.err()).isZero();
        byte[] bytes = java.nio.file.Files.readAllBytes(proof);
        assertThat(bytes.length).isLessThan(1024);
        assertThat(offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString()).exitCode())
                .isZero();
        // a byte of the leaf hash (after magic, kind, id, three integers) changed
        int leafHash = 4 + 1 + 1 + entry.path("event_id").asText().length() + 24;
        bytes[leafHash] ^= 0x01;
        java.nio.file.Files.write(proof, bytes);
        Offline refused = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).path("problems").findValuesAsText("kind")).contains("inclusion");
        assertThat(CliProcess.run(lead, "audit", "prove", entry.path("event_id").asText(), "--binary").exitCode())
                .isEqualTo(2);
    }

    @Test
    void canVerifyTheConsistencyOfTwoCheckpoints() throws IOException {
        long[] sizes = {firstSize, ledger.oldestAndNewest()[1]};
        assertThat(sizes[0]).isLessThan(sizes[1]);
        RunningControlPlane.Answer answer = server.get("/api/audit/consistency?from=" + sizes[0] + "&to=" + sizes[1],
                LEAD);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        Path proof = dir.resolve("consistency.json");
        JSON.writeValue(proof.toFile(), answer.body());
        Offline ok = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();

        ObjectNode changed = answer.body().deepCopy();
        byte[] first = Base64.getDecoder().decode(changed.path("path").get(0).asText());
        first[first.length - 1] ^= 0x01;
        ((com.fasterxml.jackson.databind.node.ArrayNode) changed.path("path")).set(0,
                Base64.getEncoder().encodeToString(first));
        JSON.writeValue(proof.toFile(), changed);
        Offline refused = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).path("problems").findValuesAsText("kind")).contains("consistency");
    }

    @Test
    void shouldTellTheStoryInMarkdownAndEscapedHtml() throws IOException {
        String md = Files.readString(export("md"));
        assertThat(md).contains("## Timeline").contains("WaveAdvanced").contains("## Approvals")
                .contains("Bea Approver").contains("approve").contains("## Rollbacks").contains("p99 above SLO")
                .contains("## Refusals").contains("cutover orders").doesNotContain("<script>");
        String html = Files.readString(export("html"));
        assertThat(html).contains("<h2>Timeline</h2>").contains("Cai Approver").contains("p99 above SLO")
                .contains("cutover orders").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .doesNotContain("<script").doesNotContain("src=");
        assertThat(html.substring(html.indexOf("<h2>Refusals</h2>"))).contains("<li>");
        assertThat(server.get("/api/migrations/" + ID + "/audit/export?format=md", VIEWER).status())
                .isEqualTo(403);
    }

    private static Path export(String format) {
        Path file = dir.resolve("export." + format);
        CliProcess.Result exported = CliProcess.run(lead, "audit", "export", ID, "--format", format, "--output",
                file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        return file;
    }

    private static void act(String action, String reason) {
        RunningControlPlane.Answer answer = server.post("/api/migrations/" + ID + "/waves/customers/" + action, LEAD,
                Map.of("reason", reason));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    static Offline offline(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Commands.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Offline(code, out.toString(), err.toString());
    }

    record Offline(int exitCode, String out, String err) {
    }
}
