package io.kaitenimport.cli;

import io.kaitenimport.attach.Credentials;
import io.kaitenimport.attach.UrlPolicy;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How downloads reach the source: URL rewrites and where credentials come from (attachments and convert). */
final class AccessOptions {
    @Option(names = "--rewrite-url", paramLabel = "FROM=TO",
            description = "Replace a URL prefix before downloading (repeatable; first match wins), e.g. an "
                    + "internal Jira host. Credentials then go to TO.")
    List<String> rewrites = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "NAME=value lines (TRELLO_KEY, TRELLO_TOKEN, JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PAT); "
                    + "they win over the environment. Never put them on the command line.")
    Path credentialsFile;

    List<UrlPolicy.Rewrite> rules() {
        return rewrites.stream().map(UrlPolicy.Rewrite::parse).toList();
    }

    Credentials credentials() throws IOException {
        return Credentials.load(AttachmentsCommand.environment, credentialsFile);
    }
}
