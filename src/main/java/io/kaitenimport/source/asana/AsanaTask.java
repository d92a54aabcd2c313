package io.kaitenimport.source.asana;

import io.kaitenimport.issue.Location;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.source.Users;

import java.util.List;
import java.util.Map;

/**
 * One Asana task as both readers (JSON and CSV) see it, normalised; built and dropped one at a time, so memory
 * holds a single task besides the index's ids. Text is already Markdown.
 *
 * @param occurrence  position of this task object in the file (nested subtasks counted), to tell repeats apart
 * @param depth       0 for a top-level task, 1 for its subtask, …
 * @param subtype     resource_subtype: default_task, milestone, approval, section (a section row, not a card)
 * @param textLost    constructs of html_notes Markdown could not hold, by kind
 * @param subtasks    gids of nested subtasks (JSON) — child cards
 * @param storiesRead whether the export had a {@code stories} key for this task (the UI export has none)
 * @param likes       likes/hearts on the task
 * @param richness    how much data this copy holds (non-empty keys), to keep the fullest copy of a repeated gid
 */
record AsanaTask(String gid, int occurrence, Location where, String parentGid, int depth, String name,
                 String subtype, String notes, Map<String, Integer> textLost, Users.Person assignee,
                 List<Users.Person> followers, Users.Person creator, boolean completed, String completedAt,
                 String createdAt, CardDate due, CardDate start, List<Membership> memberships, List<String> tags,
                 List<CustomValue> customValues, List<String> dependencies, List<String> dependents,
                 List<Story> stories, boolean storiesRead, List<Attachment> attachments, String permalink,
                 List<String> subtasks, int likes, int richness) {

    boolean isSection() {
        return "section".equals(subtype);
    }

    /** A task in a project, in a section of it (either may be null). */
    record Membership(String projectId, String projectName, String sectionId, String sectionName) {
    }

    /** An enum option: its gid, name and Asana colour name. */
    record Option(String id, String name, String color) {
    }

    /**
     * A custom-field value. {@code kind} is Asana's field type (text, number, enum, multi_enum, date, people, or
     * another type read as its display text); {@code definition} holds the field's declared enum options.
     */
    record CustomValue(String fieldId, String fieldName, String kind, String text, Double number,
                       List<Option> options, String date, boolean dateHasTime, List<Users.Person> people,
                       List<Option> definition, Location where) {
        boolean isEmpty() {
            return (text == null || text.isBlank()) && number == null && (options == null || options.isEmpty())
                    && date == null && (people == null || people.isEmpty());
        }
    }

    /**
     * A story: {@code kind} is {@code comment}, {@code section_changed}, or the system story's subtype (or type).
     * Section changes carry the section ids when the export has them.
     */
    record Story(String gid, String kind, String text, Map<String, Integer> textLost, Users.Person author,
                 String created, String oldSectionId, String newSectionId, int likes, Location where) {
    }

    /** An attachment: {@code host} is asana, gdrive, dropbox, box, onedrive, vimeo, external… */
    record Attachment(String gid, String name, String host, String url, Long size, String created,
                      Location where) {
    }
}
