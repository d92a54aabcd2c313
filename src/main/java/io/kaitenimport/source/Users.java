package io.kaitenimport.source;

import io.kaitenimport.issue.SourceException;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.User;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The people registry shared by every source. Sources rarely carry emails (Trello never, Jira Cloud seldom), but
 * Kaiten needs one per user, so the user gives a users file ({@code source,email,full_name}) whose {@code source}
 * column matches a source user id, username, display name or email. People without an email are dropped and
 * counted (or fail the run, per {@code --unmapped-users}).
 */
public final class Users {
    private static final Template UNMAPPED = IssueCode.SOURCE_USER_UNMAPPED.template(
            "'{person}' has no email (add them to the --users file); their references are dropped");
    private static final Template UNMAPPED_TO_PLACEHOLDER = IssueCode.SOURCE_USER_UNMAPPED.template("'{person}' has no"
            + " email (add them to the --users file); what they authored is attributed to {placeholder}, their other"
            + " references are dropped");

    /** The same rule as {@code schemas/users.schema.json}, so a person accepted here always validates. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final Map<String, FileEntry> byKey;
    private final CommonOptions.UnmappedUsers policy;
    private final Report report;
    private final Map<String, User> byEmail = new LinkedHashMap<>();
    private final Map<Person, String> resolved = new HashMap<>();
    private final Set<String> unmapped = new TreeSet<>();

    private Users(Map<String, FileEntry> byKey, CommonOptions.UnmappedUsers policy, Report report) {
        this.byKey = byKey;
        this.policy = policy;
        this.report = report;
    }

    /** A person as a source names them; any part may be null. */
    public record Person(String sourceId, String username, String displayName, String email) {
        public static Person named(String displayName) {
            return new Person(null, null, displayName, null);
        }

        String label() {
            if (displayName != null && !displayName.isBlank()) {
                return displayName + (username != null && !username.equals(displayName) ? " (" + username + ")" : "");
            }
            return Objects.requireNonNullElse(username, Objects.requireNonNullElse(sourceId, "?"));
        }
    }

    private record FileEntry(String email, String fullName) {
    }

    public static Users none(CommonOptions.UnmappedUsers policy, Report report) {
        return new Users(new HashMap<>(), policy, report);
    }

    /** Reads the users file; every bad row is an error naming its line. */
    public static Users load(Path file, CommonOptions.UnmappedUsers policy, Report report) {
        return load(file, policy, report, text -> ',');
    }

    /**
     * Reads the users file with its delimiter chosen by {@code sniffer} from the file's first 64 KiB (the pipeline
     * passes the CSV reader's sniffer, so Excel's ';' CSV of RU/EU locales is read like an export is).
     */
    public static Users load(Path file, CommonOptions.UnmappedUsers policy, Report report,
                             java.util.function.ToIntFunction<String> sniffer) {
        if (file == null) {
            return none(policy, report);
        }
        Map<String, FileEntry> map = new HashMap<>();
        String name = file.toString();
        char delimiter = delimiter(file, sniffer);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(reader)) {
            Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            header.putAll(parser.getHeaderMap());
            String bom = "\uFEFF";
            if (header.isEmpty()) {
                throw new SourceException(Location.file(name), "users file is empty; expected header source,email,full_name");
            }
            Integer src = header.getOrDefault("source", header.get(bom + "source"));
            Integer email = header.get("email");
            Integer full = header.get("full_name");
            if (src == null || email == null) {
                throw new SourceException(Location.cell(name, 1, null, null),
                        "users file header must have columns source,email[,full_name]; found " + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                String key = get(r, src);
                String mail = get(r, email);
                if (key == null) {
                    continue;
                }
                if (!isEmail(mail)) {
                    throw new SourceException(Location.cell(name, line, (long) email + 1, "email"),
                            "'" + (mail == null ? "" : mail) + "' is not a valid email for '" + key + "'");
                }
                map.put(norm(key), new FileEntry(mail, full == null ? null : get(r, full)));
            }
        } catch (IOException | UncheckedIOException e) {
            // A syntax error: Commons CSV names the line in its message; say it as the export readers do.
            Throwable csv = e instanceof org.apache.commons.csv.CSVException ? e : e.getCause();
            if (csv instanceof org.apache.commons.csv.CSVException) {
                Long line = CsvErrors.lineIn(csv.getMessage());
                throw new SourceException(line == null ? Location.file(name) : Location.cell(name, line, null, null),
                        "users file: " + CsvErrors.wording(csv.getMessage()), e);
            }
            throw new SourceException(Location.file(name), "cannot read users file: "
                    + io.kaitenimport.issue.IoReason.of(e), e);
        }
        report.fact("users file", name + " (" + map.size() + " entries)");
        return new Users(map, policy, report);
    }

    /**
     * The users file's delimiter, sniffed like an export's (Excel saves CSV with ';' in Russian and most European
     * locales); a comma when it cannot be read here (the parser then reports why).
     */
    private static char delimiter(Path file, java.util.function.ToIntFunction<String> sniffer) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return (char) sniffer.applyAsInt(head);
        } catch (IOException | RuntimeException e) {
            return ',';
        }
    }

    /**
     * Adds a person the source itself lists with an email (the Excel workbook's Users sheet), as if from the users
     * file, and makes them a package user. An entry of the {@code --users} file for the same key wins.
     *
     * @return the package user id
     * @throws SourceException when the email is not valid
     */
    public String register(String source, String email, String fullName, Location where) {
        if (!isEmail(email == null ? null : email.strip())) {
            throw new SourceException(where, "'" + (email == null ? "" : email) + "' is not a valid email for '"
                    + source + "'");
        }
        String key = source == null || source.isBlank() ? email.strip() : source.strip();
        byKey.putIfAbsent(norm(key), new FileEntry(email.strip(), fullName == null || fullName.isBlank() ? null
                : fullName.strip()));
        return resolve(new Person(key, key, fullName, email.strip()), "users", where);
    }

    private static String get(CSVRecord r, int i) {
        if (i >= r.size()) {
            return null;
        }
        String v = r.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The package user id for a person, or null when they have no email and are dropped. The first identity seen
     * for an email gives the user its id, so the same person under several names is one user.
     *
     * @param field the source field that referred to the person, for the data-loss count
     */
    public String resolve(Person p, String field, Location where) {
        return resolve(p, field, where, false);
    }

    /**
     * The package user who authored something — a history event, a timer, a comment, a file. As
     * {@link #resolve}, except that under {@code --unmapped-users placeholder:EMAIL} a person without an email
     * becomes the placeholder user, so what they authored is kept (attributed, reported and counted) rather than
     * losing its author. Adapters drop history and timers whose author is null: Kaiten requires one.
     */
    public String author(Person p, String field, Location where) {
        return resolve(p, field, where, true);
    }

    private String resolve(Person p, String field, Location where, boolean authorship) {
        if (p == null) {
            if (authorship && policy.mode() == CommonOptions.UnmappedUsers.Mode.PLACEHOLDER) {
                report.losses().lost(field, "no author in the source: attributed to the placeholder user "
                        + policy.placeholderEmail(), where);
                return placeholder();
            }
            return null;
        }
        // A Person is a record of its four identity fields, so it is its own memo key.
        String known = resolved.get(p);
        if (known != null) {
            return known;
        }
        FileEntry entry = null;
        for (String k : new String[] {p.sourceId(), p.username(), p.email(), p.displayName()}) {
            if (k != null && entry == null) {
                entry = byKey.get(norm(k));
            }
        }
        String email = entry != null ? entry.email() : p.email();
        String fullName = entry != null && entry.fullName() != null ? entry.fullName() : p.displayName();
        if (!isEmail(email)) {
            String label = p.label();
            if (policy.mode() == CommonOptions.UnmappedUsers.Mode.FAIL) {
                throw new SourceException(where, "person '" + label + "' has no email; add a row for them to the"
                        + " --users file or use --unmapped-users drop");
            }
            boolean placeholder = policy.mode() == CommonOptions.UnmappedUsers.Mode.PLACEHOLDER;
            if (unmapped.add(label)) {
                if (placeholder) {
                    report.accept(UNMAPPED_TO_PLACEHOLDER.at(where, label, policy.placeholderEmail()));
                } else {
                    report.accept(UNMAPPED.at(where, label));
                }
            }
            if (placeholder && authorship) {
                report.losses().lost(field, "person without email: attributed to the placeholder user "
                        + policy.placeholderEmail(), where);
                return placeholder();
            }
            report.losses().lost(field, "person without email (not in --users file)", where);
            return null;
        }
        String key = email.toLowerCase(Locale.ROOT);
        User user = byEmail.get(key);
        if (user == null) {
            String id = firstNonBlank(p.sourceId(), p.username(), email);
            user = new User(id, email, fullName == null || fullName.isBlank() ? null : fullName);
            byEmail.put(key, user);
        }
        resolved.put(p, user.id());
        return user.id();
    }

    /** The one user that carries what people without an email authored (made on first use). */
    private String placeholder() {
        String email = policy.placeholderEmail();
        User user = byEmail.get(email.toLowerCase(Locale.ROOT));
        if (user == null) {
            user = new User("unmapped-people:" + email, email, "People without email (kaiten-import)");
            byEmail.put(email.toLowerCase(Locale.ROOT), user);
        }
        return user.id();
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("no identity");
    }

    /** People without an email, by label, for the report. */
    public Set<String> unmapped() {
        return Set.copyOf(unmapped);
    }

    public int size() {
        return byEmail.size();
    }

    /** Writes every resolved user, ordered by id so the package does not depend on reference order. */
    public void emit(ModelSink sink) throws IOException {
        TreeMap<String, User> sorted = new TreeMap<>();
        for (User u : byEmail.values()) {
            sorted.put(u.id(), u);
        }
        for (User u : sorted.values()) {
            sink.accept(u);
        }
    }
}
