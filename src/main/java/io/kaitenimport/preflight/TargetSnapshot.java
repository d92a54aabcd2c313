package io.kaitenimport.preflight;

import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;

/**
 * Everything read from a target company, in the few fields the pre-flight uses. The live path and
 * {@code --target-snapshot} both analyse this object (the live one after a JSON round trip), which is what makes
 * their packages and reports byte-identical. Lists are sorted by id so the saved file is deterministic.
 *
 * @param url         the company address read (scheme://host)
 * @param board       the --board read, or null
 * @param usersFrom   the endpoint users came from: company/users, or users after a 403
 * @param selectValues options of the select properties that needed comparing
 * @param notes       what the reading itself found (fallbacks, lists that may be cut), replayed as issues
 * @param requests    requests made while reading, and how many of them were answered 429 and retried
 */
public record TargetSnapshot(int format, String url, Long board, Me me, String usersFrom, List<User> users,
                             List<Space> spaces, List<Col> columns, List<Property> properties,
                             List<PropertyOptions> selectValues, List<CardType> cardTypes, List<Tag> tags,
                             List<Note> notes, long requests, long rateLimited) {
    public static final int FORMAT = 1;
    public static final String COMPANY_USERS = "/api/v1/company/users";
    public static final String SHARED_USERS = "/api/v1/users";

    public TargetSnapshot {
        users = sorted(users, Comparator.comparingLong(User::id));
        spaces = sorted(spaces, Comparator.comparingLong(Space::id));
        columns = sorted(columns, Comparator.comparingLong(Col::id));
        properties = sorted(properties, Comparator.comparingLong(Property::id));
        selectValues = sorted(selectValues, Comparator.comparingLong(PropertyOptions::propertyId));
        cardTypes = sorted(cardTypes, Comparator.comparingLong(CardType::id));
        tags = sorted(tags, Comparator.comparingLong(Tag::id));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list == null ? List.of() : list.stream().sorted(order).toList();
    }

    /** The token's user (E1). */
    public record Me(long id, String email) {
    }

    /** A company user (E2, or E3 which lacks uid and the email-blocked/deletion fields). */
    public record User(long id, String uid, String fullName, String email, Boolean activated, Boolean virtual,
                       String emailBlocked, String emailBlockedReason, String deleteRequestedAt, Integer role) {
    }

    public record Space(long id, String title, boolean archived, List<Long> allowedCardTypeIds, List<Board> boards) {
        public Space {
            boards = sorted(boards, Comparator.comparingLong(Board::id));
        }
    }

    public record Board(long id, String title) {
    }

    /** A column or (with parentId) a subcolumn of --board. */
    public record Col(long id, String title, int type, Long parentId, Double sortOrder) {
    }

    public record Property(long id, String name, String type, boolean multiSelect, String condition) {
    }

    public record SelectValue(long id, String value, String condition) {
    }

    /** The options read for one select property; a list entry, so that a property without options survives JSON. */
    public record PropertyOptions(long propertyId, List<SelectValue> values) {
        public PropertyOptions {
            values = sorted(values, Comparator.comparingLong(SelectValue::id));
        }
    }

    /** The options read for a property, or null when they were not read. */
    public List<SelectValue> optionsOf(long propertyId) {
        return selectValues.stream().filter(o -> o.propertyId() == propertyId).findFirst()
                .map(PropertyOptions::values).orElse(null);
    }

    /** What card types and tags share: the pre-flight matches both by name the same way. */
    public interface Named {
        long id();

        String name();

        boolean archived();
    }

    public record CardType(long id, String name, boolean archived) implements Named {
    }

    public record Tag(long id, String name, boolean archived) implements Named {
    }

    /** A finding of the read itself; {@code code} is an IssueCode's code. */
    public record Note(String code, String message) {
    }

    public void write(OutputStream out) throws IOException {
        Json.MAPPER.writer(Json.printer()).writeValue(out, this);
        out.write('\n');
    }

    public byte[] toBytes() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    public static TargetSnapshot read(InputStream in) throws IOException {
        TargetSnapshot s = Json.MAPPER.readValue(in, TargetSnapshot.class);
        if (s.format != FORMAT || s.url == null) {
            throw new IOException("not a kaiten-import target snapshot (format " + FORMAT + ")");
        }
        return s;
    }
}
