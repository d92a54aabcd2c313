package io.kaitenimport.attach;

/**
 * One uploaded file an export links to.
 *
 * @param source       {@code trello} or {@code jira} — decides which credentials the download may carry
 * @param where        the export file and position of the attachment (JSON pointer, or CSV row and column)
 * @param card         the card's id in the export
 * @param cardTitle    the card's key or name, for the report (may be null)
 * @param id           the attachment id the convert adapters look binaries up by ({@code DIR/<id>/<name>})
 * @param name         the file name the export gives
 * @param url          the download URL as the export names it
 * @param expectedSize the size in bytes the export states, or null
 */
public record Attachment(String source, String where, String card, String cardTitle, String id, String name,
                         String url, Long expectedSize) {

    /** How a report names the attachment: card, then id and name. */
    public String describe() {
        return "card " + card + (cardTitle == null ? "" : " '" + cardTitle + "'") + ", attachment " + id
                + " '" + name + "'";
    }
}
