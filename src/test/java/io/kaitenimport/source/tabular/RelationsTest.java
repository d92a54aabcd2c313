package io.kaitenimport.source.tabular;

import io.kaitenimport.model.Card;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationsTest {
    private static Card card(Relations r, String id) {
        Card.Builder b = Card.builder(id, "col", "t");
        r.apply(id, b);
        return b.build();
    }

    @Test
    void linksAreSymmetricInInsertionOrderAndWrittenOnce() {
        Relations r = new Relations();
        assertTrue(r.add(TabularField.PARENT, "A", "P"));
        assertTrue(r.add(TabularField.PARENT, "B", "P"));
        assertTrue(r.add(TabularField.PARENT, "A", "P"), "a repeated link is accepted");
        assertTrue(r.add(TabularField.BLOCKS, "B", "A"));
        assertTrue(r.add(TabularField.BLOCKED_BY, "P", "A"));
        assertTrue(r.add(TabularField.RELATED, "A", "B"));
        Card a = card(r, "A");
        assertEquals(List.of("P"), a.parentCardIds(), "written once");
        assertEquals(List.of("B"), a.blockedByCardIds());
        assertEquals(List.of("P"), a.blocksCardIds());
        assertEquals(List.of("B"), a.relatedCardIds());
        Card p = card(r, "P");
        assertEquals(List.of("A", "B"), p.childCardIds());
        assertEquals(List.of("A"), p.blockedByCardIds());
        assertEquals(List.of("A"), card(r, "B").relatedCardIds());
        assertEquals(List.of(), card(r, "nobody").parentCardIds());
    }

    @Test
    void refusesAParentLinkThatClosesACycleAlsoThroughASecondParent() {
        Relations r = new Relations();
        assertTrue(r.add(TabularField.PARENT, "A", "B"));
        assertTrue(r.add(TabularField.PARENT, "B", "C"));
        assertFalse(r.add(TabularField.PARENT, "C", "A"));
        assertTrue(r.add(TabularField.PARENT, "D", "E"));
        assertTrue(r.add(TabularField.PARENT, "A", "D"), "a second parent from another tree");
        assertFalse(r.add(TabularField.PARENT, "E", "A"), "E → A → D → E");
        assertTrue(r.add(TabularField.PARENT, "C", "E"), "same tree, no cycle: a diamond");
        assertEquals(List.of("B", "D"), card(r, "A").parentCardIds());
        assertEquals(List.of(), card(r, "E").parentCardIds());
    }

    @Test
    void aLongChainNeedsNoAncestorWalk() {
        CardKeys cards = new CardKeys();
        for (int i = 0; i < 200_000; i++) {
            cards.addCard("c" + i);
        }
        Relations r = new Relations(cards);
        for (int i = 1; i < 200_000; i++) {
            assertTrue(r.add(TabularField.PARENT, i, i - 1));
        }
        for (int i = 200_000 - 2; i >= 0; i--) {
            r.add(TabularField.RELATED, i, i + 1);
        }
        assertEquals(0, r.walked, "every link joined two separate trees");
        assertFalse(r.add(TabularField.PARENT, 0, 199_999), "closing the chain is still found");
        Card.Builder b = Card.builder("c7", "col", "t");
        r.apply(7, b);
        assertEquals(List.of("c6"), b.build().parentCardIds());
        assertEquals(List.of("c8"), b.build().childCardIds());
    }
}
