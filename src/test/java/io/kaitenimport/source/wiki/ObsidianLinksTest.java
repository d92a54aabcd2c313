package io.kaitenimport.source.wiki;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wikilink forms of an Obsidian vault, each resolved by name anywhere in the vault. */
class ObsidianLinksTest {
    @TempDir
    Path tmp;

    @Test
    void everyLinkForm() throws Exception {
        Path vault = tmp.resolve("Vault");
        Files.createDirectories(vault.resolve(".obsidian"));
        Files.createDirectories(vault.resolve("Notes/Deep"));
        Files.createDirectories(vault.resolve("Attachments"));
        Files.createDirectories(vault.resolve("Other"));
        Files.writeString(vault.resolve(".obsidian/app.json"), "{}");
        Files.write(vault.resolve("Attachments/pic.png"), new byte[] {1, 2, 3});
        Files.write(vault.resolve("Attachments/talk.ogg"), new byte[] {4});
        Files.writeString(vault.resolve("Notes/Deep/Target.md"), "# Target\n\n## Some Heading\n\ntext ^blk\n");
        Files.writeString(vault.resolve("Notes/Twice.md"), "one\n");
        Files.writeString(vault.resolve("Other/Twice.md"), "two\n");
        Files.writeString(vault.resolve("Home.md"), String.join("\n",
                "---", "aliases: [Start]", "created: 2024-03-05", "---",
                "Go to [[Target]], [[Target#Some Heading|the heading]], [[Target#^blk]].",
                "![[pic.png|100]] ![[talk.ogg]] ![[Target]] [[Twice]] [[Nowhere]] ![[gone.mp4]]",
                "| a | [[Target\\|T]] |", "`[[Target]]` stays code", ""));
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", vault.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source:        obsidian"), r.out());
        assertTrue(r.out().contains("[[Twice]] matches 2 files"), r.out());
        String docs = Files.readString(out.resolve("documents_0.json"));
        assertTrue(docs.contains("\"created\" : \"2024-03-05T00:00:00.000Z\""), docs);
        String target = docs.replaceAll("(?s).*\"id\" : \"(doc-[0-9a-f]+)\",\\s*\"title\" : \"Target\".*", "$1");
        String home = Files.readString(out.resolve(docs.replaceAll("(?s).*\"path\" : \"\\./(documents/[^\"]+/Home\\.md)\".*",
                "$1")));
        String link = "kaiten-import://document/" + target;
        assertTrue(home.startsWith("Go to [Target](" + link + "), [the heading](" + link + "#some-heading), "
                + "[Target › ^blk](" + link + ")."), home);
        assertTrue(home.contains("![pic.png](../../files/"), home);
        assertTrue(home.contains("[talk.ogg](../../files/"), home);
        assertTrue(home.contains("[[Nowhere]]") && home.contains("![[gone.mp4]]"), home);
        assertTrue(home.contains("| a | [T](" + link + ") |"), home);
        assertTrue(home.contains("`[[Target]]` stays code"), home);
        assertFalse(home.contains("aliases"), home);
        String report = r.out();
        for (String loss : new String[] {"1 × obsidian block reference", "1 × obsidian image size",
                "1 × obsidian note embed", "1 × obsidian page link", "1 × obsidian file reference",
                "1 × obsidian front matter aliases"}) {
            assertTrue(report.contains(loss), loss + "\n" + report);
        }
        assertEquals(2, Files.readString(out.resolve("document_files_0.json")).split("\"document_id\"").length - 1);
    }
}
