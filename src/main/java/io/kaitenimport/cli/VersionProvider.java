package io.kaitenimport.cli;

import picocli.CommandLine;

/** The version from the jar manifest, so {@code --version} cannot drift from the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"kaiten-import " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version")};
    }
}
