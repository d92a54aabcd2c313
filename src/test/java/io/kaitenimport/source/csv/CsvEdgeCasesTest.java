package io.kaitenimport.source.csv;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases found in review: each once produced a wrong package, a crash or a wrong position. */
class CsvEdgeCasesTest {
    @TempDir
    Path tmp;

    private Cli.Run convert(String name, String text, String... extra) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), text);
        String[] args = new String[extra.length + 4];
        args[0] = "convert";
        args[1] = f.toString();
        args[2] = "-o";
        args[3] = tmp.resolve("pkg").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Cli.run(args);
    }

    private String cards() throws Exception {
        return Files.readString(tmp.resolve("pkg/cards_0.json"));
    }

    private String report() throws Exception {
        return Files.readString(tmp.resolve("r.json"));
    }

    @Test
    void hugeNumericReferenceIsUnresolvedNotACrash() throws Exception {
        Cli.Run r = convert("n.csv", "Title,Parent\nA,99999999999\n");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("parent '99999999999' matches no id"), r.out());
    }

    @Test
    void rowNumbersAreNotUsedWhenRowsHaveIds() throws Exception {
        Cli.Run r = convert("ids.csv", "#,Subject,Parent\n101,A,\n102,B,\n103,C,1\n");
        assertEquals(0, r.exit(), r.all());
        assertFalse(cards().contains("parent_card_ids"), cards());
        assertTrue(r.out().contains("parent '1' matches no id"), r.out());
    }

    @Test
    void dateFieldKeepsTheWrittenDayAndCountsTheTime() throws Exception {
        Path m = Files.writeString(tmp.resolve("m.yaml"), "custom_fields:\n  - {header: When, type: date}\n");
        Cli.Run r = convert("d.csv", "Title,When\nA,2024-05-01 01:00\nB,2024-05-01T01:00:00+09:00\n",
                "--mapping", m.toString(), "--time-zone", "Asia/Tokyo", "--report-json", tmp.resolve("r.json").toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals(2, cards().split("\"2024-05-01\"", -1).length - 1, cards());
        assertTrue(report().contains("time of day in a date field"), report());
    }

    @Test
    void secondValueOfASingleSelectIsCounted() throws Exception {
        Cli.Run r = convert("s.csv", "Title,Priority\nA,\"Low\nHigh\"\n", "--report-json", tmp.resolve("r.json").toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(report().contains("more than one value in a single-select field"), report());
    }

    @Test
    void ambiguousThousandsIsAnErrorWithPosition() throws Exception {
        Path m = Files.writeString(tmp.resolve("m.yaml"), "custom_fields:\n  - {header: Cost, type: number}\n");
        Cli.Run r = convert("c.csv", "Title,Cost\nA,\"1,234\"\n", "--mapping", m.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.all());
        assertTrue(r.err().contains("c.csv:2:2 [Cost]: '1,234' is not a number that reads one way only"), r.err());
    }

    @Test
    void encodingErrorPointsAtTheLineOfTheBadBytes() throws Exception {
        StringBuilder sb = new StringBuilder("title,status\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("task ").append(i).append(",Open\n");
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "bad \u00ff,Open\n".getBytes(Charset.forName("ISO-8859-1"));
        Path f = tmp.resolve("late.csv");
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(f, all);
        Cli.Run r = Cli.run("convert", f.toString(), "--encoding", "UTF-8", "-o", tmp.resolve("o.zip").toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.all());
        assertTrue(r.err().contains("late.csv:3002: bytes are not valid UTF-8"), r.err());
    }

    @Test
    void excelSepLineNamesTheDelimiter() throws Exception {
        Cli.Run r = convert("sep.csv", "sep=;\ntitle;status\n\"A, with comma\";Done\n");
        assertEquals(0, r.exit(), r.all());
        assertTrue(cards().contains("\"title\":\"A, with comma\""), cards());
        assertTrue(r.out().contains("header on line 2"), r.out());
    }

    @Test
    void russianFileWithOneMixedWordStaysCyrillic() throws Exception {
        Path f = tmp.resolve("ru.csv");
        Files.write(f, ("Название;Статус\nПочинить APIшку в CRMке;Готово\nНаписать документацию;В работе\n"
                + "Проверить отчёт;Готово\n").getBytes(Charset.forName("windows-1251")));
        Cli.Run r = Cli.run("convert", f.toString(), "-o", tmp.resolve("pkg").toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("encoding:      windows-1251"), r.out());
        assertTrue(cards().contains("Починить APIшку в CRMке"), cards());
    }

    @Test
    void onPremisesEmailsAreAccepted() throws Exception {
        Path users = Files.writeString(tmp.resolve("u.csv"), "source,email,full_name\nann,ann@corp.internal,Ann\n");
        Cli.Run r = convert("e.csv", "Title,Assignee\nA,ann\n", "--users", users.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(Files.readString(tmp.resolve("pkg/users_0.json")).contains("ann@corp.internal"));
    }
}
