package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What meta-data.json asks to import, after its checks: the files of each entity that are safe and exist (in
 * listing order), and every name it references at all (for the unlisted-file warning).
 *
 * @param files      per entity, the package files to read
 * @param referenced normalized names of every path meta-data.json mentions, usable or not
 */
record MetaData(Map<Entity, List<EntityFile>> files, Set<String> referenced) {

    /** One file of an entity: its normalized package name and where meta-data.json names it. */
    record EntityFile(String name, String pointer) {
    }
}
