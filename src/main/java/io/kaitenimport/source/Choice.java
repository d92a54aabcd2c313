package io.kaitenimport.source;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * An option value users type as a word ({@code day-first}, {@code drop-column}). Enums implement it so that picocli
 * rejects any other word while parsing — exit 2, with the valid words listed — instead of an adapter finding out
 * after a first pass over the data.
 */
public interface Choice {
    /** The word on the command line. */
    String word();

    /**
     * Converter and completion candidates for one choice enum; subclass it once per enum with a no-arg
     * constructor (picocli instantiates converters by class).
     */
    abstract class Words<E extends Enum<E> & Choice> implements ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;

        protected Words(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (e.word().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + list());
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(type.getEnumConstants()).map(Choice::word).iterator();
        }

        private String list() {
            return Arrays.stream(type.getEnumConstants()).map(Choice::word).collect(Collectors.joining(", "));
        }
    }
}
