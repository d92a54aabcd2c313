package io.kaitenimport.report.html;

import io.kaitenimport.issue.Report;

import java.io.IOException;

/**
 * One part of the HTML report, about one concern (summary, charts, boards, issues …). A new concern — the
 * pre-flight target check, attachments — is a new implementation added to {@link HtmlReport}'s
 * list; sections do not know about each other.
 */
public interface Section {
    /** The anchor of the section ({@code <section id=…>}), also used in the page's table of contents. */
    String id();

    /** The heading shown in the table of contents. */
    String title();

    /** Whether the section has anything to show for this report. */
    default boolean applies(Report r) {
        return true;
    }

    /** Writes the section's body (the {@code <section>} element and its heading are written around it). */
    void write(Report r, boolean written, Html h) throws IOException;
}
