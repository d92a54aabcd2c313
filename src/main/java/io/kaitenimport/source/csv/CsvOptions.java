package io.kaitenimport.source.csv;

import io.kaitenimport.source.OptionValues;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;

/** How a CSV file's bytes become text. */
public final class CsvOptions {
    @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.CharsetName.class,
            description = "Text encoding (default: detected — BOM, else strict UTF-8, else --legacy-encoding).")
    private Charset encoding;

    @Option(names = "--legacy-encoding", paramLabel = "CHARSET", defaultValue = "windows-1251",
            converter = OptionValues.CharsetName.class,
            description = "Used when the bytes are not UTF-8 (default ${DEFAULT-VALUE}).")
    private Charset legacyEncoding = Charset.forName("windows-1251");

    /** The forced encoding, or null to detect. */
    public Charset encoding() {
        return encoding;
    }

    public Charset legacyEncoding() {
        return legacyEncoding;
    }

    public CsvOptions encoding(Charset charset) {
        this.encoding = charset;
        return this;
    }

    public CsvOptions legacyEncoding(Charset charset) {
        this.legacyEncoding = charset;
        return this;
    }
}
