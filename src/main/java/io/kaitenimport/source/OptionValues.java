package io.kaitenimport.source;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Converters for option values whose JDK parsing errors would otherwise reach users as exception class names. */
public final class OptionValues {
    private OptionValues() {
    }

    public static final class CharsetName implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value.strip());
            } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                throw new TypeConversionException("unknown character set '" + value
                        + "' (for example UTF-8, windows-1251, windows-1252, ISO-8859-1, UTF-16)");
            }
        }
    }

    public static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException("unknown time zone '" + value
                        + "' (a region like Europe/Moscow, or an offset like +03:00, or UTC)");
            }
        }
    }
}
