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

    @Test
    void cannotPassNonCanonicalBase64InAnExportOrAProof() throws IOException {
        // given a real export whose payload_base64 keeps its bytes but sets the unused bits of its last character
        List<String> lines = new ArrayList<>(Files.readAllLines(export("jsonl")));
        int at = firstEvent(lines);
        while (!JSON.readTree(lines.get(at)).path("payload_base64").asText().endsWith("=")) {
            at++;
        }
        ObjectNode event = (ObjectNode) JSON.readTree(lines.get(at));
        String loose = sameBytes(event.path("payload_base64").asText());
        assertThat(Base64.getDecoder().decode(loose))
                .isEqualTo(Base64.getDecoder().decode(event.path("payload_base64").asText()));
        event.put("payload_base64", loose);
        lines.set(at, JSON.writeValueAsString(event));
        Path tampered = dir.resolve("noncanonical.jsonl");
        Files.write(tampered, lines);

        // when it is verified offline, then it is refused, naming the file line and the field
        Offline verified = offline("audit", "verify", "--file", tampered.toString(), "--public-key", key.toString(),
                "--json");
        assertThat(verified.exitCode()).isEqualTo(1);
        JsonNode problem = JSON.readTree(verified.out()).path("problems").get(0);
        assertThat(problem.path("kind").asText()).isEqualTo("malformed");
        assertThat(problem.path("detail").asText()).contains("line " + (at + 1))
                .contains("payload_base64 is not canonical base64");

        // and a proof whose leaf hash is written the same way is refused too
        ObjectNode proof = (ObjectNode) JSON.readTree(prove(3).toFile());
        proof.put("leaf_hash", sameBytes(proof.path("leaf_hash").asText()));
        Path bad = dir.resolve("noncanonical-proof.json");
        JSON.writeValue(bad.toFile(), proof);
        Offline refused = offline("audit", "verify-proof", bad.toString(), "--public-key", key.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).path("problems").findValuesAsText("detail").toString())
                .contains("leaf_hash is not canonical base64");
    }

    @Test
    void cannotPassAnExportMissingItsFirstOrAMiddleEventOrHoldingAnotherMigration() throws IOException {
        // given a real export with its first event removed and the count lowered to match
        List<String> lines = Files.readAllLines(export("jsonl"));
        int first = firstEvent(lines);
        List<String> noFirst = withoutLine(lines, first);
        // when it is verified, then the missing first event is named
        JsonNode problems = verifyLines(noFirst, "no-first.jsonl");
        assertThat(problems.findValuesAsText("kind")).containsExactly("sequence-gap");
        assertThat(problems.get(0).path("detail").asText()).contains("must start at sequence number 0")
                .contains("event 0 is missing");

        // given one from the middle removed, then the gap is named with the line before it
        List<String> noMiddle = withoutLine(lines, first + 3);
        JsonNode gap = verifyLines(noMiddle, "no-middle.jsonl");
        assertThat(gap.findValuesAsText("kind")).containsExactly("sequence-gap");
        assertThat(gap.get(0).path("detail").asText()).contains("event 3 is missing in between")
                .contains("(line " + (first + 3) + ")");

        // given the header's migration changed, then every event is named as another migration's
        List<String> renamed = new ArrayList<>(lines);
        ObjectNode head = (ObjectNode) JSON.readTree(lines.get(0));
        renamed.set(0, JSON.writeValueAsString(head.put("migration", ID + "-other")));
        JsonNode foreign = verifyLines(renamed, "renamed.jsonl");
        assertThat(foreign.findValuesAsText("kind")).containsOnly("migration").hasSize(11);
        assertThat(foreign.get(0).path("detail").asText()).contains("aggregate_identifier '" + ID + "'");
    }

    @Test
    void canProveAnEventBoundToItsFieldsAndCatchAProofWhoseEventIsNotItsLeaf() throws IOException {
        // given an event's JSON proof from the server
        Path proof = prove(4);
        ObjectNode document = (ObjectNode) JSON.readTree(proof.toFile());
        assertThat(document.path("event").path("payload_base64").isTextual()).isTrue();
        assertThat(document.path("event").path("event_identifier").asText())
                .isEqualTo(document.path("event_identifier").asText());
        Offline ok = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("not bound");

        // when its event is another event of the migration (fields, id and position), then it is refused
        JsonNode other = JSON.readTree(prove(5).toFile());
        ObjectNode swapped = document.deepCopy();
        swapped.set("event", other.path("event"));
        swapped.put("event_identifier", other.path("event_identifier").asText())
                .put("position", other.path("position").asLong());
        Path bad = dir.resolve("swapped-event.json");
        JSON.writeValue(bad.toFile(), swapped);
        Offline refused = offline("audit", "verify-proof", bad.toString(), "--public-key", key.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        JsonNode problem = JSON.readTree(refused.out()).path("problems").get(0);
        assertThat(problem.path("kind").asText()).isEqualTo("event-hash");
        assertThat(problem.path("detail").asText()).contains("the proof's event does not hash to its leaf");

        // when the event fields are left out (an older proof), then the leaf hash verifies and the event is not bound
        ObjectNode old = document.deepCopy();
        old.remove("event");
        Path unbound = dir.resolve("unbound.json");
        JSON.writeValue(unbound.toFile(), old);
        Offline loose = offline("audit", "verify-proof", unbound.toString(), "--public-key", key.toString());
        assertThat(loose.exitCode()).isZero();
        assertThat(loose.out()).contains("the event is not bound");
    }

    @Test
    void canListTheCheckpointsAndProveTwoConsistentFromTheCli() throws IOException {
        // given a ledger with several signed checkpoints
        CliProcess.Result listed = CliProcess.run(lead, "audit", "checkpoints", "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode checkpoints = JSON.readTree(listed.out()).path("checkpoints");
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(2);
        JsonNode newest = checkpoints.get(0);
        JsonNode older = checkpoints.get(checkpoints.size() - 1);
        for (JsonNode c : checkpoints) {
            // the oldest that is not the empty tree (a consistency proof starts from one leaf at least)
            if (c.path("tree_size").asLong() > 0 && c.path("tree_size").asLong() < newest.path("tree_size").asLong()) {
                older = c;
            }
        }
        assertThat(newest.path("tree_size").asLong()).isGreaterThan(older.path("tree_size").asLong())
                .isGreaterThan(checkpoints.get(1).path("tree_size").asLong());
        assertThat(newest.path("signed_note").asText()).contains("\n" + newest.path("root_hash").asText() + "\n");
        assertThat(newest.path("time").asText()).isNotBlank();
        CliProcess.Result text = CliProcess.run(lead, "audit", "checkpoints");
        assertThat(text.out()).contains("TREE SIZE").contains(newest.path("root_hash").asText());
        assertThat(server.get("/api/audit/checkpoints", VIEWER).status()).isEqualTo(403);
        assertThat(server.get("/api/audit/checkpoints?limit=1", LEAD).body().path("checkpoints").size()).isEqualTo(1);

        // when a consistency proof of two of them is taken with the CLI, then it verifies offline
        Path proof = dir.resolve("cli-consistency.json");
        CliProcess.Result proved = CliProcess.run(lead, "audit", "prove", "--consistency",
                older.path("tree_size").asText(), newest.path("tree_size").asText(), "--output", proof.toString());
        assertThat(proved.exitCode()).as(proved.err()).isZero();
        Offline ok = offline("audit", "verify-proof", proof.toString(), "--public-key", key.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();

        // when a size is not a checkpoint, then the answer says where the sizes are listed
        RunningControlPlane.Answer missing = server.get("/api/audit/consistency?from=1&to="
                + (newest.path("tree_size").asLong() + 1000), LEAD);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().toString()).contains("dimmer audit checkpoints");
        // and the public key names its origin as dimmer audit key does
        assertThat(ledger.publicKeyPem()).contains("# origin dimmer.").contains("# verifier key dimmer.");
    }

    @Test
    void canRunTheDocsPythonVerifierOnARealExport() throws Exception {
        // given the complete Python verifier exactly as docs/audit.md prints it, and python3 with Ed25519
        String docs = Files.readString(Path.of("..", "docs", "audit.md"));
        int start = docs.indexOf("```python\n") + "```python\n".length();
        Path script = dir.resolve("verify.py");
        Files.writeString(script, docs.substring(start, docs.indexOf("```", start)));
        String missing = python("-c", "import cryptography").exitCode() == 0 ? null
                : "python3 with the cryptography package is not on the PATH";
        if (missing != null) {
            System.out.println("skipped the docs' Python verifier: " + missing);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, missing);

        // when it checks a real export, then it is intact
        Path export = export("jsonl");
        Offline intact = python(script.toString(), export.toString(), key.toString());
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out().strip()).isEqualTo("intact");

        // when a payload byte, or the first event, is gone, then it names the line and exits 1
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int at = firstEvent(lines) + 2;
        ObjectNode event = (ObjectNode) JSON.readTree(lines.get(at));
        byte[] payload = Base64.getDecoder().decode(event.path("payload_base64").asText());
        payload[payload.length / 2] ^= 0x01;
        lines.set(at, JSON.writeValueAsString(event.put("payload_base64", Base64.getEncoder().encodeToString(payload))));
        Path tampered = dir.resolve("python-tampered.jsonl");
        Files.write(tampered, lines);
        Offline caught = python(script.toString(), tampered.toString(), key.toString());
        assertThat(caught.exitCode()).as(caught.out() + caught.err()).isEqualTo(1);
        assertThat(caught.out()).contains("line " + (at + 1) + " position " + event.path("position").asLong()
                + " does not verify");
        Files.write(tampered, withoutLine(Files.readAllLines(export), firstEvent(lines)));
        Offline cut = python(script.toString(), tampered.toString(), key.toString());
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.out()).contains("sequence number 1 where 0 was due");
    }

    private static Offline python(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Offline(-1, out.getNow(""), "python3 ran over 60 s");
            }
            return new Offline(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Offline(-1, "", "no python3: " + e.getMessage());
        }
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path prove(int entry) {
        JsonNode event = server.get("/api/migrations/" + ID + "/audit", LEAD).body().path("entries").get(entry);
        Path proof = dir.resolve("proof-" + entry + ".json");
        CliProcess.Result proved = CliProcess.run(lead, "audit", "prove", event.path("event_id").asText(),
                "--output", proof.toString());
        assertThat(proved.exitCode()).as(proved.err()).isZero();
        return proof;
    }

    private static int firstEvent(List<String> lines) throws IOException {
        int at = 1;
        while (!JSON.readTree(lines.get(at)).path("kind").asText().equals("event")) {
            at++;
        }
        return at;
    }

    /** The lines without the one at {@code at}, line 1's count lowered to match, as a careful forger writes it. */
    private static List<String> withoutLine(List<String> lines, int at) throws IOException {
        List<String> kept = new ArrayList<>(lines);
        kept.remove(at);
        ObjectNode head = (ObjectNode) JSON.readTree(kept.get(0));
        kept.set(0, JSON.writeValueAsString(head.put("events", head.path("events").asLong() - 1)));
        return kept;
    }

    private static JsonNode verifyLines(List<String> lines, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        Offline verified = offline("audit", "verify", "--file", file.toString(), "--public-key", key.toString(),
                "--json");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        return JSON.readTree(verified.out()).path("problems");
    }

    /** The same bytes with the unused low bits of the last character before '=' set (RFC 4648 §3.5). */
    static String sameBytes(String canonical) {
        int at = canonical.indexOf('=') - 1;
        assertThat(at).as("a base64 text with padding: " + canonical).isPositive();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int unused = canonical.endsWith("==") ? 0x0F : 0x03;
        char changed = alphabet.charAt(alphabet.indexOf(canonical.charAt(at)) | unused);
        return canonical.substring(0, at) + changed + canonical.substring(at + 1);
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
