package io.kaitenimport.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user asked for: the {@link CommonOptions} plus one typed options object per adapter option class,
 * looked up by type as Tika's {@code ParseContext} does. A type nobody supplied comes back with its defaults (a
 * fresh instance from its no-arg constructor), so adapters never see null options.
 */
public final class SourceOptions {
    private final CommonOptions common;
    private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

    private SourceOptions(CommonOptions common) {
        this.common = common == null ? CommonOptions.defaults() : common;
    }

    public static SourceOptions defaults() {
        return new SourceOptions(CommonOptions.defaults());
    }

    /** Common options plus any adapter option objects (each registered under its own class). */
    public static SourceOptions of(CommonOptions common, Object... adapterOptions) {
        SourceOptions o = new SourceOptions(common);
        for (Object a : adapterOptions) {
            o.byType.put(a.getClass(), a);
        }
        return o;
    }

    /** The same adapter options with other common ones (one input of several gets its own space title). */
    public SourceOptions withCommon(CommonOptions other) {
        SourceOptions o = new SourceOptions(other);
        o.byType.putAll(byType);
        return o;
    }

    public CommonOptions common() {
        return common;
    }

    public <T> T get(Class<T> type) {
        Object o = byType.get(type);
        if (o == null) {
            try {
                o = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " needs a public no-arg constructor", e);
            }
            byType.put(type, o);
        }
        return type.cast(o);
    }
}
