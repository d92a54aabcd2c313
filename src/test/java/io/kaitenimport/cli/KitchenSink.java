package io.kaitenimport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made package that hits every pre-flight category against the stub company
 * (src/test/resources/preflight/company.json): each record's comment-free purpose is in its id.
 */
final class KitchenSink {
    private KitchenSink() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("meta-data.json"), """
                {"entities":["users","spaces","boards","columns","custom_fields","cards"],
                 "entities_paths_map":{"users":["./users.json"],"spaces":["./spaces.json"],"boards":["./boards.json"],
                 "columns":["./columns.json"],"custom_fields":["./fields.json"],"cards":["./cards.json"]}}
                """);
        Files.writeString(dir.resolve("users.json"), """
                [{"id":"exists-case","email":"alice@example.com","full_name":"Alice"},
                 {"id":"deactivated","email":"bob@example.com"},
                 {"id":"blocked","email":"boris@acme.example.com"},
                 {"id":"deletion","email":"ann@acme.example.com"},
                 {"id":"new","email":"newcomer@example.com"},
                 {"id":"target-dup","email":"owner@acme.example.com"},
                 {"id":"pkg-dup-1","email":"twice@example.com"},
                 {"id":"pkg-dup-2","email":"Twice@example.com"}]
                """);
        Files.writeString(dir.resolve("spaces.json"), """
                [{"id":"s1","title":"community garden","key":"CG"}]
                """);
        Files.writeString(dir.resolve("boards.json"), """
                [{"id":"b1","title":"Alpha Web","space_id":"s1"}]
                """);
        Files.writeString(dir.resolve("columns.json"), """
                [{"id":"c-mapped","title":"Backlog","board_id":"b1","type":1},
                 {"id":"c-new","title":"Brand new","board_id":"b1","type":2},
                 {"id":"c-conflict","title":"Watering","board_id":"b1","type":2},
                 {"id":"c-shared-1","title":"Done","board_id":"b1","type":3},
                 {"id":"c-shared-2","title":" Done ","board_id":"b1","type":3}]
                """);
        Files.writeString(dir.resolve("fields.json"), """
                [{"id":"f-mapped","type":"string","name":"Bed"},
                 {"id":"f-new","type":"string","name":"Brand new field"},
                 {"id":"f-type","type":"multi_select","name":"Fix versions","options":[{"id":"o1","value":"2.0"}]},
                 {"id":"f-ambiguous","type":"select","name":"Priority","options":[{"id":"o2","value":"High"}]},
                 {"id":"f-options","type":"select","name":"SUNLIGHT","options":[{"id":"o3","value":"Full sun"},
                   {"id":"o4","value":"Partial shade"}]},
                 {"id":"f-inactive","type":"number","name":"Story Points"},
                 {"id":"f-forced","type":"vote","name":"Rating"},
                 {"id":"f-unknown-id","type":"string","name":"Total"}]
                """);
        Files.writeString(dir.resolve("cards.json"), """
                [{"id":"k1","title":"One","column_id":"c-mapped","type_name":"Epic","tags":[{"name":"Vegetables"},
                   {"name":"q3"}]},
                 {"id":"k2","title":"Two","column_id":"c-new","type_name":"Task","tags":[{"name":"Needs tools"},
                   {"name":"brand-new"}]},
                 {"id":"k3","title":"Three","column_id":"c-shared-1","type_name":"Card"}]
                """);
        return dir;
    }
}
