package io.kaitenimport.validate;

import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two entity files are read at once when an entity has several (card shards), while the reference rules take the
 * records in file order. Whatever the shards hold (ids repeated across them, links forward and back, a broken or
 * truncated shard, a shard that is not an array, a missing one), the issues and counts must be exactly those of one
 * reader taking the files one after another.
 */
class ParallelReadTest {
    @TempDir
    Path tmp;

    @Test
    void everyGoldenPackageWithItsEntitiesShardedGivesTheSameIssues() throws IOException {
        Random random = new Random(17);
        int packages = 0;
        for (Path golden : goldenPackages()) {
            for (int variant = 0; variant < 12; variant++) {
                Path pkg = tmp.resolve(golden.getFileName() + "-" + variant);
                shard(golden, pkg, random, variant);
                assertSameIssues(pkg);
                packages++;
            }
        }
        assertTrue(packages >= 100, "packages compared: " + packages);
    }

    @Test
    void aDuplicateAcrossShardsIsTheLaterRecord() throws IOException {
        Path pkg = tmp.resolve("dup");
        TestPackage.valid().writeDir(pkg);
        ArrayNode cards = (ArrayNode) Json.MAPPER.readTree(pkg.resolve("cards_0.json").toFile());
        ArrayNode second = Json.MAPPER.createArrayNode();
        second.add(cards.get(0).deepCopy());
        writeShards(pkg, "cards", List.of(cards, second));
        List<Issue> issues = assertSameIssues(pkg);
        Issue dup = issues.stream().filter(i -> i.code() == IssueCode.ID_DUPLICATE).findFirst().orElseThrow();
        assertEquals("cards_1.json", dup.location().file());
        assertEquals(0L, dup.location().recordIndex());
    }

    /**
     * Shards far bigger than a queue's own batches (6,000 cards each, 8 × 512 of its own): a later shard's reader
     * borrows from the shared budget while the rules take an earlier shard, or waits when the budget is spent (none,
     * one batch's worth, the default). Ids repeat across shards, parent links cross them both ways, and some cards
     * name a user or column that does not exist.
     */
    @Test
    void bigShardsGiveTheSameIssuesWhateverTheQueuesMayHold() throws IOException {
        Path pkg = tmp.resolve("big");
        TestPackage.valid().writeDir(pkg);
        int perShard = 6_000;
        List<ArrayNode> shards = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            ArrayNode shard = Json.MAPPER.createArrayNode();
            for (int i = s * perShard; i < (s + 1) * perShard; i++) {
                ObjectNode card = shard.addObject();
                card.put("id", i % 1_500 == 1_499 ? "K" + (i - 5_000) : "K" + i); // some repeat an earlier id
                card.put("column_id", i % 4_000 == 17 ? "nowhere" : "c1");
                card.put("title", "Card " + i);
                card.putArray("member_ids").add(i % 1_000 == 3 ? "nobody" : "u1");
                if (i % 10 == 0 && i + 7 < 4 * perShard) {
                    card.putArray("child_card_ids").add("K" + (i + 7));
                }
                if (i % 10 == 7) {
                    card.putArray("parent_card_ids").add("K" + (i - 7));
                }
            }
            shards.add(shard);
        }
        writeShards(pkg, "cards", shards);
        List<Issue> expected = validate(pkg, 1, 0);
        assertTrue(expected.stream().anyMatch(i -> i.code() == IssueCode.ID_DUPLICATE)
                && expected.stream().anyMatch(i -> i.code() == IssueCode.REF_UNRESOLVED), describe(expected).toString());
        for (long spare : new long[] {0, 60_000, EntityScanner.spareBytes()}) {
            assertEquals(describe(expected), describe(validate(pkg, 2, spare)), "spare " + spare);
        }
        // A later shard cut short while its reader is ahead of the rules: the same issues, in file order.
        Path third = pkg.resolve("cards_2.json");
        String text = Files.readString(third);
        Files.writeString(third, text.substring(0, text.length() / 2));
        List<Issue> truncated = validate(pkg, 1, 0);
        assertTrue(truncated.stream().anyMatch(i -> i.code() == IssueCode.FILE_MALFORMED_JSON), describe(truncated)
                .toString());
        for (long spare : new long[] {0, EntityScanner.spareBytes()}) {
            assertEquals(describe(truncated), describe(validate(pkg, 2, spare)), "truncated, spare " + spare);
        }
    }

    private static List<Issue> validate(Path pkg, int readers, long spare) {
        List<Issue> issues = new ArrayList<>();
        new Validator(SchemaCatalog.standard(), ZipLimits.DEFAULT, readers, spare).run(pkg, issues::add);
        return issues;
    }

    private List<Issue> assertSameIssues(Path pkg) {
        List<Issue> one = new ArrayList<>();
        var oneCounts = new Validator(SchemaCatalog.standard(), ZipLimits.DEFAULT, 1).run(pkg, one::add).counts();
        for (int run = 0; run < 3; run++) {
            List<Issue> two = new ArrayList<>();
            var twoCounts = new Validator(SchemaCatalog.standard(), ZipLimits.DEFAULT, 2).run(pkg, two::add).counts();
            assertEquals(describe(one), describe(two), pkg.toString());
            assertEquals(oneCounts, twoCounts, pkg.toString());
        }
        return one;
    }

    private static List<String> describe(List<Issue> issues) {
        return issues.stream().map(i -> i.code() + " " + i.location() + " " + i.message()).toList();
    }

    /** Splits every entity file of the golden package into 1–4 shards, then breaks one shard in some variants. */
    private void shard(Path golden, Path pkg, Random random, int variant) throws IOException {
        Files.createDirectories(pkg);
        ObjectNode meta = (ObjectNode) Json.MAPPER.readTree(golden.resolve("meta-data.json").toFile());
        ObjectNode paths = (ObjectNode) meta.get("entities_paths_map");
        List<String> entities = new ArrayList<>();
        paths.fieldNames().forEachRemaining(entities::add);
        copyTree(golden, pkg);
        for (String entity : entities) {
            JsonNode first = Json.MAPPER.readTree(golden.resolve(paths.get(entity).get(0).asText()).toFile());
            if (!first.isArray() || first.size() == 0) {
                continue;
            }
            ArrayNode records = (ArrayNode) first;
            // repeat some records (ids across shards) and move some later
            for (int i = 0; i < 1 + records.size() / 4; i++) {
                if (random.nextInt(3) == 0) {
                    records.add(records.get(random.nextInt(records.size())).deepCopy());
                }
            }
            int count = 1 + random.nextInt(4);
            List<ArrayNode> shards = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                shards.add(Json.MAPPER.createArrayNode());
            }
            int perShard = Math.max(1, (records.size() + count - 1) / count);
            for (int i = 0; i < records.size(); i++) {
                shards.get(Math.min(count - 1, i / perShard)).add(records.get(i));
            }
            Files.delete(pkg.resolve(paths.get(entity).get(0).asText()));
            writeShards(pkg, entity, shards);
            if (count > 1 && entity.equals("cards")) {
                breakShard(pkg, entity, 1 + random.nextInt(count - 1), variant);
            }
        }
    }

    private static void breakShard(Path pkg, String entity, int shard, int variant) throws IOException {
        Path f = pkg.resolve(entity + "_" + shard + ".json");
        String text = Files.readString(f);
        switch (variant % 6) {
            case 1 -> Files.writeString(f, text.substring(0, text.length() * 2 / 3)); // truncated inside a record
            case 2 -> Files.writeString(f, text.replaceFirst("\\{", "{,")); // a syntax error in the first record
            case 3 -> Files.writeString(f, "{\"not\": \"an array\"}");
            case 4 -> Files.delete(f); // listed but missing
            case 5 -> Files.writeString(f, text + " []"); // content after the array
            default -> {
                // left as it is
            }
        }
    }

    private static void writeShards(Path pkg, String entity, List<ArrayNode> shards) throws IOException {
        ObjectNode meta = (ObjectNode) Json.MAPPER.readTree(pkg.resolve("meta-data.json").toFile());
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (int s = 0; s < shards.size(); s++) {
            String name = entity + "_" + s + ".json";
            Files.writeString(pkg.resolve(name), Json.MAPPER.writeValueAsString(shards.get(s)),
                    StandardCharsets.UTF_8);
            list.add("./" + name);
        }
        ((ObjectNode) meta.get("entities_paths_map")).set(entity, list);
        Files.writeString(pkg.resolve("meta-data.json"), Json.MAPPER.writeValueAsString(meta));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<Path> goldenPackages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            return files.filter(f -> f.getFileName().toString().equals("meta-data.json")).map(Path::getParent)
                    .sorted().toList();
        }
    }
}
