package io.kaitenimport.source.tabular;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Card;

import java.io.IOException;
import java.util.List;

/**
 * What a source can add around the one-card-per-row conversion: columns defined up front, more content for a card
 * (checklists from another sheet) and records that refer to cards (comments). The Excel workbook layout uses it; a
 * plain table needs none of it.
 */
public interface TabularExtension {
    TabularExtension NONE = new TabularExtension() {
    };

    /** Columns created before those found in the rows, in this order; a null board means the default board. */
    default List<PresetColumn> presetColumns() {
        return List.of();
    }

    /** Called once every card id is known, before any card is built. */
    default void cardsKnown(CardIndex cards) {
    }

    /** Adds to a card just before it is emitted. */
    default void complete(String cardId, Card.Builder card) {
    }

    /** Called after the last card is emitted. */
    default void afterCards(ModelSink sink, CardIndex cards, ValueReader values) throws IOException {
    }

    /**
     * A column given by the source, with its Kaiten type (1 queued, 2 in progress, 3 done), or null to decide the
     * type by the mapping's column rules.
     */
    record PresetColumn(String board, String title, Integer type) {
    }

    /** Resolves a reference (card id or key, case-insensitive) to the id the card got in the package, or null. */
    @FunctionalInterface
    interface CardIndex {
        String cardId(String ref);
    }
}
